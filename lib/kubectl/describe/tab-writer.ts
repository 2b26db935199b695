/**
 * Go's text/tabwriter as kubectl describe configures it (`tabwriter.Init(buf, 0, 8, 2, ' ', 0)`):
 * minwidth 0, padding 2, padchar ' ', no flags. Cells are tab-terminated; the text after a line's last tab
 * is not part of any column. A column block is a run of consecutive lines that all have a cell in that
 * column, so a line without tabs (or with fewer cells) ends the alignment of the lines above it.
 */
export interface TabWriterOptions {
  minWidth: number;
  padding: number;
}

const DESCRIBE_OPTIONS: TabWriterOptions = { minWidth: 0, padding: 2 };

/** Width as Go counts it: runes, not UTF-16 code units. */
function runeCount(s: string): number {
  // Code units, less one per surrogate pair (no string iterator: this runs for every cell of every describe).
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Align tab-separated text exactly like Go's tabwriter followed by Flush. */
export function formatTabbed(text: string, options: TabWriterOptions = DESCRIBE_OPTIONS): string {
  const rawLines = text.split("\n");
  // The segment after the final "\n" is an unterminated line; Go writes it out as is (no newline).
  const lines = rawLines.map((l) => l.split("\t"));
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i];
      for (let j = 0; j < cells.length; j++) {
        const c = cells[j];
        out.push(c);
        if (j < widths.length && j < cells.length - 1) {
          const pad = widths[j] - runeCount(c);
          if (pad > 0) out.push(" ".repeat(pad));
        }
      }
      if (i + 1 < lines.length) out.push("\n");
    }
  };

  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i].length - 1) continue;
      // A cell exists in this column: print the lines before the block, then size the block.
      writeLines(line0, i);
      line0 = i;
      let width = options.minWidth;
      for (; i < line1; i++) {
        if (column >= lines[i].length - 1) break;
        const w = runeCount(lines[i][column]) + options.padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, i);
      widths.pop();
      line0 = i;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join("");
}
