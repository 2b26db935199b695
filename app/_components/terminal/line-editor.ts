import { wrapPosition, type CellPosition } from "./wrap-position";

/**
 * The readline of the browser terminal: turns xterm key data into an edited line and the escape
 * sequences that redraw it. Pure (no DOM) so it is unit tested.
 *
 * Like readline, it remembers what it last drew (prompt, line, cursor) and works out rows and columns from the
 * terminal's current width, so a line longer than the terminal wraps over several rows and is still redrawn in
 * place: up to the prompt's row, clear to the end of the screen, write, then place the cursor by row and column.
 * It assumes the prompt starts in column 0, as readline does.
 */
export type LineEditorAction =
  | { type: "write"; data: string }
  | { type: "submit"; line: string }
  | { type: "interrupt" }
  | { type: "clear-screen" }
  | { type: "complete"; line: string; cursor: number };

const ESC = "\x1b";
const CSI = `${ESC}[`;

/** Cursor movement between two cells of the drawn line, relative (the line may not start on the screen's first row). */
function moveCursor(from: CellPosition, to: CellPosition): string {
  let out = "";
  if (to.row < from.row) out += `${CSI}${from.row - to.row}A`;
  else if (to.row > from.row) out += `${CSI}${to.row - from.row}B`;
  if (to.col < from.col) out += `${CSI}${from.col - to.col}D`;
  else if (to.col > from.col) out += `${CSI}${to.col - from.col}C`;
  return out;
}

/** A text that ended exactly on the last column leaves the terminal waiting to wrap: wrap now, as readline does. */
function forceWrap(text: string, columns: number): string {
  const end = wrapPosition(text, columns);
  return end.col === 0 && end.row > 0 ? ` \r${CSI}K` : "";
}

export class LineEditor {
  private buffer = "";
  private cursor = 0;
  private history: string[] = [];
  private historyIndex = 0;
  private draft = "";
  /** What is on the screen: prompt + line, and the part of it before the cursor. Unset when nothing is drawn yet. */
  private drawn: { line: string; beforeCursor: string } | undefined;

  /** `columns` reads the terminal's width at each redraw, so a resize needs no notice. */
  constructor(
    private promptText: string,
    private readonly columns: () => number = () => 80,
  ) {}

  setPrompt(prompt: string): void {
    this.promptText = prompt;
  }

  get line(): string {
    return this.buffer;
  }

  /** Start a fresh line (after a command finished; the cursor is in column 0). Returns what to write to show the prompt. */
  reset(prompt = this.promptText): string {
    this.promptText = prompt;
    this.buffer = "";
    this.cursor = 0;
    this.historyIndex = this.history.length;
    this.drawn = { line: prompt, beforeCursor: prompt };
    return prompt + forceWrap(prompt, this.columns());
  }

  addHistory(line: string): void {
    if (line.trim() && this.history[this.history.length - 1] !== line) this.history.push(line);
    this.historyIndex = this.history.length;
  }

  /** Replace the word before the cursor (tab completion). */
  replaceRange(from: number, text: string): LineEditorAction[] {
    this.buffer = this.buffer.slice(0, from) + text + this.buffer.slice(this.cursor);
    this.cursor = from + text.length;
    return [this.redraw()];
  }

  /**
   * Prints text (completion candidates) on the rows below the line, then the prompt and line again under it,
   * as bash does.
   */
  interject(text: string): string {
    const out = this.leaveLine() + text + "\r\n";
    this.drawn = undefined;
    return out + this.redraw().data;
  }

  /** Moves below the drawn line, to column 0 of a fresh row. */
  private leaveLine(): string {
    if (!this.drawn) return "\r\n";
    const cols = this.columns();
    const end = wrapPosition(this.drawn.line, cols);
    let out = moveCursor(wrapPosition(this.drawn.beforeCursor, cols), end);
    // On the row the forced wrap opened, the line already ends: go back up so the newline does not add a blank row.
    if (end.col === 0 && end.row > 0) out += `${CSI}A`;
    this.drawn = undefined;
    return out + "\r\n";
  }

  /**
   * bash echoes ^C where the cursor is (over the characters there), then starts a new row below the whole line.
   * Rows are counted on the last cell written: a ^C that fills a row leaves the terminal waiting to wrap.
   */
  private echoInterrupt(): string {
    const drawn = this.drawn;
    this.drawn = undefined;
    if (!drawn) return "^C\r\n";
    const cols = this.columns();
    const lastRow = (p: CellPosition) => (p.col === 0 && p.row > 0 ? p.row - 1 : p.row);
    const at = lastRow(wrapPosition(drawn.beforeCursor + "^C", cols));
    const bottom = Math.max(at, lastRow(wrapPosition(drawn.line, cols)));
    return `^C${bottom > at ? `${CSI}${bottom - at}B` : ""}\r\n`;
  }

  private redraw(): { type: "write"; data: string } {
    const cols = this.columns();
    const line = this.promptText + this.buffer;
    const beforeCursor = this.promptText + this.buffer.slice(0, this.cursor);
    const target = wrapPosition(beforeCursor, cols);
    const end = wrapPosition(line, cols);
    const drawn = this.drawn;
    let data: string;
    if (drawn && drawn.line === line) {
      data = moveCursor(wrapPosition(drawn.beforeCursor, cols), target);
    } else if (drawn && drawn.beforeCursor === drawn.line && line.startsWith(drawn.line)) {
      // Typing at the end writes only the new text (what a screen reader should hear).
      data = line.slice(drawn.line.length) + forceWrap(line, cols) + moveCursor(end, target);
    } else {
      const up = drawn ? wrapPosition(drawn.beforeCursor, cols).row : 0;
      data = `\r${up > 0 ? `${CSI}${up}A` : ""}${CSI}J${line}${forceWrap(line, cols)}${moveCursor(end, target)}`;
    }
    this.drawn = { line, beforeCursor };
    return { type: "write", data };
  }

  private insert(text: string): LineEditorAction[] {
    this.buffer = this.buffer.slice(0, this.cursor) + text + this.buffer.slice(this.cursor);
    this.cursor += text.length;
    return [this.redraw()];
  }

  /** Feed raw key data from xterm's onData (a key press or a whole paste). */
  feed(data: string): LineEditorAction[] {
    const actions: LineEditorAction[] = [];
    let i = 0;
    let text = "";
    const flush = () => {
      if (text) actions.push(...this.insert(text));
      text = "";
    };
    while (i < data.length) {
      const ch = data[i];
      if (data.startsWith(`${ESC}[`, i) || data.startsWith(`${ESC}O`, i)) {
        flush();
        const m = /^\x1b[[O]([0-9;]*)([A-Za-z~])/.exec(data.slice(i));
        if (!m) {
          i++;
          continue;
        }
        i += m[0].length;
        actions.push(...this.escape(m[1], m[2]));
        continue;
      }
      i++;
      if (ch === "\r" || ch === "\n") {
        flush();
        if (ch === "\n" && data[i - 2] === "\r") continue;
        const line = this.buffer;
        actions.push({ type: "write", data: this.leaveLine() });
        actions.push({ type: "submit", line });
        this.buffer = "";
        this.cursor = 0;
        continue;
      }
      if (ch === "\x7f" || ch === "\b") {
        flush();
        if (this.cursor > 0) {
          this.buffer = this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor);
          this.cursor--;
          actions.push(this.redraw());
        }
        continue;
      }
      if (ch === "\x03") {
        flush();
        actions.push({ type: "write", data: this.echoInterrupt() }, { type: "interrupt" });
        this.buffer = "";
        this.cursor = 0;
        continue;
      }
      if (ch === "\x0c") {
        flush();
        // The terminal keeps the cursor's row as its first: draw the whole line again from there.
        this.drawn = undefined;
        actions.push({ type: "clear-screen" }, this.redraw());
        continue;
      }
      if (ch === "\t") {
        flush();
        actions.push({ type: "complete", line: this.buffer, cursor: this.cursor });
        continue;
      }
      if (ch === "\x01") { flush(); this.cursor = 0; actions.push(this.redraw()); continue; }
      if (ch === "\x05") { flush(); this.cursor = this.buffer.length; actions.push(this.redraw()); continue; }
      if (ch === "\x15") { flush(); this.buffer = this.buffer.slice(this.cursor); this.cursor = 0; actions.push(this.redraw()); continue; }
      if (ch === "\x0b") { flush(); this.buffer = this.buffer.slice(0, this.cursor); actions.push(this.redraw()); continue; }
      if (ch === "\x17") {
        flush();
        const before = this.buffer.slice(0, this.cursor).replace(/\S+\s*$/, "");
        this.buffer = before + this.buffer.slice(this.cursor);
        this.cursor = before.length;
        actions.push(this.redraw());
        continue;
      }
      if (ch < " ") continue; // other control keys do nothing, as in bash's defaults we do not emulate
      text += ch;
    }
    flush();
    return actions;
  }

  private escape(params: string, final: string): LineEditorAction[] {
    switch (final) {
      case "D":
        if (this.cursor > 0) this.cursor--;
        return [this.redraw()];
      case "C":
        if (this.cursor < this.buffer.length) this.cursor++;
        return [this.redraw()];
      case "H":
        this.cursor = 0;
        return [this.redraw()];
      case "F":
        this.cursor = this.buffer.length;
        return [this.redraw()];
      case "A":
      case "B": {
        if (!this.history.length) return [];
        if (this.historyIndex === this.history.length) this.draft = this.buffer;
        this.historyIndex = Math.max(0, Math.min(this.history.length, this.historyIndex + (final === "A" ? -1 : 1)));
        this.buffer = this.historyIndex === this.history.length ? this.draft : this.history[this.historyIndex];
        this.cursor = this.buffer.length;
        return [this.redraw()];
      }
      case "~":
        if (params === "3" && this.cursor < this.buffer.length) {
          this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1);
          return [this.redraw()];
        }
        return [];
      default:
        return [];
    }
  }
}
