/**
 * Go's text/tabwriter as kubectl describe configures it (`tabwriter.Init(buf, 0, 8, 2, ' ', 0)`):
 * minwidth 0, padding 2, padchar ' ', no flags. Cells are tab-terminated; the text after a line's last tab
 * is not part of any column. A column block is a run of consecutive lines that all have a cell in that
 * column, so a line without tabs (or with fewer cells) ends the alignment of the lines above it.
 *
 * With padchar ' ' and no flags every terminated cell is written as is followed by spaces up to its column's
 * width, so the output is the input with each tab replaced by a run of spaces: we only compute those runs,
 * then copy the text between them. This runs over every line kubectl describe prints, hence no per-cell
 * string arrays.
 */
export interface TabWriterOptions {
  minWidth: number;
  padding: number;
}

const DESCRIBE_OPTIONS: TabWriterOptions = { minWidth: 0, padding: 2 };

const SPACES: string[] = [""];
function spaces(n: number): string {
  while (SPACES.length <= n) SPACES.push(`${SPACES[SPACES.length - 1]} `);
  return SPACES[n];
}

/** Runes (as Go counts a cell's width) in text[start, end): code units less one per surrogate pair. */
function runeCount(text: string, start: number, end: number): number {
  let n = end - start;
  for (let i = start; i < end - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

const HIGH_SURROGATE = /[\ud800-\udbff]/;

/** Align tab-separated text exactly like Go's tabwriter followed by Flush. */
export function formatTabbed(text: string, options: TabWriterOptions = DESCRIBE_OPTIONS): string {
  let flushAfter: Set<number> | undefined;
  // '\v' ends a cell like '\t'; '\f' ends a line like '\n' and flushes (all column blocks end there).
  if (text.indexOf("\v") >= 0 || text.indexOf("\f") >= 0) {
    // Go writes '\f' out as the newline it stands for and pads '\v'-terminated cells with the padchar.
    flushAfter = new Set();
    let line = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) line++;
      else if (c === 12) flushAfter.add(line++);
    }
    text = text.replace(/\v/g, "\t").replace(/\f/g, "\n");
  }
  if (text.indexOf("\t") < 0) return text;
  const astral = HIGH_SURROGATE.test(text);

  // One pass: the position and cell width of every tab, and each line's first tab and tab count.
  const tabPos: number[] = [];
  const cellWidth: number[] = [];
  const lineFirstTab: number[] = [];
  const lineTabs: number[] = [];
  let maxTabs = 0;
  let pos = 0;
  let nextTab = text.indexOf("\t");
  for (;;) {
    let lineEnd = text.indexOf("\n", pos);
    if (lineEnd < 0) lineEnd = text.length;
    lineFirstTab.push(tabPos.length);
    let count = 0;
    let cellStart = pos;
    while (nextTab >= 0 && nextTab < lineEnd) {
      tabPos.push(nextTab);
      cellWidth.push(astral ? runeCount(text, cellStart, nextTab) : nextTab - cellStart);
      count++;
      cellStart = nextTab + 1;
      nextTab = text.indexOf("\t", cellStart);
    }
    lineTabs.push(count);
    if (count > maxTabs) maxTabs = count;
    if (lineEnd >= text.length || nextTab < 0) break;
    pos = lineEnd + 1;
  }
  const lineCount = lineTabs.length;
  // At Flush Go adds the text after the last tab as a cell only when it is not empty: an unterminated last
  // line ending in a tab has one cell fewer, so that tab ends its last cell and is written as nothing.
  const dropLastTab = text.charCodeAt(text.length - 1) === 9;
  if (dropLastTab) lineTabs[lineCount - 1]--;

  // The block of column j is a maximal run of consecutive lines with more than j tabs (cut at a flush);
  // each of its cells is padded to the widest cell of the block plus the padding.
  const pad: number[] = new Array<number>(tabPos.length).fill(0);
  for (let j = 0; j < maxTabs; j++) {
    let i = 0;
    while (i < lineCount) {
      if (lineTabs[i] <= j) {
        i++;
        continue;
      }
      const first = i;
      let width = options.minWidth;
      for (; i < lineCount && lineTabs[i] > j; i++) {
        const w = cellWidth[lineFirstTab[i] + j] + options.padding;
        if (w > width) width = w;
        if (flushAfter?.has(i)) {
          i++;
          break;
        }
      }
      for (let k = first; k < i; k++) {
        const t = lineFirstTab[k] + j;
        pad[t] = width - cellWidth[t];
      }
    }
  }

  if (dropLastTab) pad[tabPos.length - 1] = 0;
  let out = "";
  let from = 0;
  for (let t = 0; t < tabPos.length; t++) {
    out += text.slice(from, tabPos[t]) + spaces(pad[t]);
    from = tabPos[t] + 1;
  }
  return out + text.slice(from);
}
