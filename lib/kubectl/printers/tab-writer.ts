/**
 * Column layout exactly as kubectl's github.com/liggitt/tabwriter with the settings of
 * cli-runtime printers.GetNewTabWriter: minwidth 6, padding 3, pad char ' ', flag RememberWidths.
 * Cells end with "\t"; the last cell of a line is not part of a column (so it is never padded).
 */
const MIN_WIDTH = 6;
const PADDING = 3;

/** Width of a cell as Go counts it (runes, not UTF-16 units). */
function runeWidth(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export class TabWriter {
  /** Per-column maximum widths kept across flushes (RememberWidths), so watch lines never shrink columns. */
  private maxWidths: number[] = [];
  private lines: string[][] = [];

  /** Buffer one line of cells (without the trailing newline). */
  writeRow(cells: readonly string[]): void {
    this.lines.push([...cells]);
  }

  /** Forget remembered widths (kubectl does this when it switches to another resource kind). */
  resetRememberedWidths(): void {
    this.maxWidths = [];
  }

  /** Lay out the buffered lines and return the text (each line ends with "\n"). */
  flush(): string {
    const lines = this.lines;
    this.lines = [];
    const out: string[] = [];
    const widths: number[] = [];
    // Go's tabwriter flushes on every line with a single cell; such lines take no part in column blocks.
    let start = 0;
    for (let i = 0; i <= lines.length; i++) {
      if (i === lines.length || lines[i].length <= 1) {
        this.format(lines, start, i, widths, out);
        if (i < lines.length) out.push(lines[i].join("") + "\n");
        start = i + 1;
      }
    }
    return out.join("");
  }

  /** The recursive column-block algorithm of text/tabwriter.format. */
  private format(lines: string[][], line0: number, line1: number, widths: number[], out: string[]): void {
    const column = widths.length;
    let first = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i].length - 1) continue;
      this.writeLines(lines, first, i, widths, out);
      first = i;
      let width = MIN_WIDTH;
      for (; i < line1; i++) {
        const line = lines[i];
        if (column >= line.length - 1) break;
        width = Math.max(width, runeWidth(line[column]) + PADDING);
      }
      if (this.maxWidths.length < widths.length) this.maxWidths.push(...widths.slice(this.maxWidths.length));
      if (this.maxWidths.length === widths.length) this.maxWidths.push(width);
      else if (this.maxWidths[column] > width) width = this.maxWidths[column];
      else this.maxWidths[column] = width;
      widths.push(width);
      this.format(lines, first, i, widths, out);
      widths.pop();
      first = i;
      i--; // the outer loop's i++ must look at line i again
    }
    this.writeLines(lines, first, line1, widths, out);
  }

  private writeLines(lines: string[][], line0: number, line1: number, widths: number[], out: string[]): void {
    for (let i = line0; i < line1; i++) {
      let text = "";
      lines[i].forEach((cell, j) => {
        text += cell;
        if (j < widths.length && j < lines[i].length - 1) text += " ".repeat(widths[j] - runeWidth(cell));
      });
      out.push(text + "\n");
    }
  }
}

/** Lay out one block of rows (header included) in a fresh writer: what kubectl prints for one table. */
export function formatColumns(rows: readonly (readonly string[])[]): string {
  const w = new TabWriter();
  for (const r of rows) w.writeRow(r);
  return w.flush();
}
