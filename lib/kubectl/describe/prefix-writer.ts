import { formatTabbed } from "./tab-writer";

/** Indentation levels of kubectl's PrefixWriter: two spaces each. */
export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

const INDENTS = ["", "  ", "    ", "      ", "        "];

/**
 * kubectl's PrefixWriter over a tabwriter: `write(level, text)` prefixes 2 spaces per level; the text carries
 * its own "\t" cell separators and "\n" line ends. `toString()` runs the tabwriter over everything written.
 */
export class PrefixWriter {
  private readonly chunks: string[] = [];

  write(level: number, text: string): void {
    this.chunks.push(level === 0 ? text : (INDENTS[level] ?? "  ".repeat(level)) + text);
  }

  /** fmt.Sprintln: the text plus a newline, no indentation. */
  writeLine(text = ""): void {
    this.chunks.push(`${text}\n`);
  }

  /** The raw (untabbed) text, for nesting. */
  raw(): string {
    return this.chunks.join("");
  }

  toString(): string {
    return formatTabbed(this.raw());
  }
}
