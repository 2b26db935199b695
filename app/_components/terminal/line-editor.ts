/**
 * The readline of the browser terminal: turns xterm key data into an edited line and the escape
 * sequences that redraw it. Pure (no DOM) so it is unit tested.
 */
export type LineEditorAction =
  | { type: "write"; data: string }
  | { type: "submit"; line: string }
  | { type: "interrupt" }
  | { type: "clear-screen" }
  | { type: "complete"; line: string; cursor: number };

const ESC = "\x1b";

export class LineEditor {
  private buffer = "";
  private cursor = 0;
  private history: string[] = [];
  private historyIndex = 0;
  private draft = "";

  constructor(private promptText: string) {}

  setPrompt(prompt: string): void {
    this.promptText = prompt;
  }

  get line(): string {
    return this.buffer;
  }

  /** Start a fresh line (after a command finished). Returns what to write to show the prompt. */
  reset(prompt = this.promptText): string {
    this.promptText = prompt;
    this.buffer = "";
    this.cursor = 0;
    this.historyIndex = this.history.length;
    return prompt;
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

  private redraw(): LineEditorAction {
    const back = this.buffer.length - this.cursor;
    return { type: "write", data: `\r${ESC}[K${this.promptText}${this.buffer}${back > 0 ? `${ESC}[${back}D` : ""}` };
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
        this.cursor = this.buffer.length;
        actions.push({ type: "write", data: "\r\n" });
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
        actions.push({ type: "write", data: "^C\r\n" }, { type: "interrupt" });
        this.buffer = "";
        this.cursor = 0;
        continue;
      }
      if (ch === "\x0c") {
        flush();
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
