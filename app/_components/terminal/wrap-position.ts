/** A cell on the screen, counted from the row and column where the text started (column 0). */
export interface CellPosition {
  row: number;
  col: number;
}

// Escape sequences (colours in a prompt) take no cells.
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
const COMBINING = /\p{Mn}|\p{Me}|\u200b|\u200d/u;

/** Cells a code point takes in xterm: 0 for combining marks, 2 for East Asian wide and emoji, else 1. */
export function cellWidth(cp: number): number {
  if (COMBINING.test(String.fromCodePoint(cp))) return 0;
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd);
  return wide ? 2 : 1;
}

/**
 * Where the cursor ends after `text` is written from column 0 of a terminal `columns` wide with auto-wrap.
 * A text that fills its last row exactly ends at the start of the next row: the terminal itself would leave the
 * cursor on the last column until the next character, so the line editor forces that wrap (as readline does)
 * to keep this arithmetic true. A wide character that does not fit in the last column wraps whole, as in xterm.
 */
export function wrapPosition(text: string, columns: number): CellPosition {
  const cols = Math.max(1, columns);
  let row = 0;
  let col = 0;
  for (const ch of text.replace(ANSI, "")) {
    const w = cellWidth(ch.codePointAt(0) ?? 0);
    if (w === 0) continue;
    if (col + w > cols) {
      row++;
      col = 0;
    }
    col += w;
    if (col >= cols) {
      row++;
      col = 0;
    }
  }
  return { row, col };
}
