import { describe, expect, it } from "vitest";
import { LineEditor, type LineEditorAction } from "./line-editor";

const submits = (actions: LineEditorAction[]) => actions.filter((a) => a.type === "submit").map((a) => (a as { line: string }).line);

/**
 * A small model of xterm's screen (auto-wrap with the pending-wrap state, convertEol, cursor moves that stop at
 * the edges, erase in line and display, reflow on resize), to assert what the learner sees rather than bytes.
 */
class Screen {
  lines: { cells: string[]; wrapped: boolean }[] = [{ cells: [], wrapped: false }];
  x = 0;
  y = 0;

  constructor(public cols: number) {}

  private row() {
    return this.lines[this.y];
  }

  /** Down a row; `wrapped` marks the row as the continuation of the one above (auto-wrap) or not (a line feed). */
  private lineFeed(wrapped: boolean) {
    this.y++;
    if (this.y === this.lines.length) this.lines.push({ cells: [], wrapped });
    else this.lines[this.y].wrapped = wrapped;
  }

  write(data: string): this {
    for (let i = 0; i < data.length; i++) {
      const ch = data[i];
      if (ch === "\x1b") {
        const m = /^\x1b\[(\d*)([A-Za-z])/.exec(data.slice(i));
        if (!m) throw new Error(`unexpected escape at ${JSON.stringify(data.slice(i))}`);
        i += m[0].length - 1;
        this.csi(m[1] ? Number(m[1]) : undefined, m[2]);
      } else if (ch === "\r") this.x = 0;
      else if (ch === "\n") {
        this.x = 0; // convertEol, as mount-terminal sets it
        this.lineFeed(false);
      } else if (ch < " ") throw new Error(`unexpected control ${ch.charCodeAt(0)}`);
      else {
        if (this.x >= this.cols) {
          this.x = 0;
          this.lineFeed(true);
        }
        this.row().cells[this.x++] = ch;
      }
    }
    return this;
  }

  private csi(n: number | undefined, final: string) {
    const count = n ?? 1;
    const x = Math.min(this.x, this.cols - 1);
    switch (final) {
      case "A":
        this.y = Math.max(0, this.y - count);
        this.x = x;
        break;
      case "B":
        this.y = Math.min(this.lines.length - 1, this.y + count);
        this.x = x;
        break;
      case "C":
        this.x = Math.min(this.cols - 1, x + count);
        break;
      case "D":
        this.x = Math.max(0, x - count);
        break;
      case "K":
        this.row().cells.length = Math.min(this.row().cells.length, this.x);
        break;
      case "J":
        this.row().cells.length = Math.min(this.row().cells.length, this.x);
        for (const line of this.lines.slice(this.y + 1)) line.cells.length = 0;
        break;
      default:
        throw new Error(`unexpected CSI ${final}`);
    }
  }

  /** Rows as shown, trailing blanks trimmed, trailing empty rows dropped. */
  text(): string {
    const rows = this.lines.map((l) => Array.from({ length: l.cells.length }, (_, i) => l.cells[i] ?? " ").join("").replace(/\s+$/, ""));
    while (rows.length > 1 && rows.at(-1) === "") rows.pop();
    return rows.join("\n");
  }

  /** Where the cursor is shown (a pending wrap shows on the last column). */
  cursor(): { row: number; col: number } {
    return { row: this.y, col: Math.min(this.x, this.cols - 1) };
  }

  /** xterm reflows wrapped rows on resize, keeping the cursor at the same place in its logical line. */
  resize(cols: number): void {
    const logical: { text: string; cursor?: number }[] = [];
    this.lines.forEach((l, i) => {
      const text = Array.from({ length: l.cells.length }, (_, j) => l.cells[j] ?? " ").join("");
      if (l.wrapped && logical.length) {
        const last = logical[logical.length - 1];
        if (i === this.y) last.cursor = last.text.length + this.x;
        last.text = last.text.padEnd(Math.ceil(last.text.length / this.cols) * this.cols || this.cols) + text;
      } else logical.push({ text, cursor: i === this.y ? this.x : undefined });
    });
    this.cols = cols;
    this.lines = [];
    for (const l of logical) {
      const text = l.cursor !== undefined ? l.text.replace(/\s+$/, "") : l.text;
      const rows = Math.max(1, Math.ceil(text.length / cols), l.cursor !== undefined ? Math.floor(l.cursor / cols) + 1 : 1);
      const start = this.lines.length;
      for (let r = 0; r < rows; r++) this.lines.push({ cells: [...text.slice(r * cols, (r + 1) * cols)], wrapped: r > 0 });
      if (l.cursor !== undefined) {
        this.y = start + Math.floor(l.cursor / cols);
        this.x = l.cursor % cols;
      }
    }
  }
}

const PROMPT = "controlplane:~$ ";
/** The prompt as a screen row shows it (trailing blanks trimmed). */
const PROMPT_ROW = PROMPT.trimEnd();

/** An editor wired to a screen as mount-terminal wires it to xterm: the prompt, then every key as its own onData. */
function terminal(cols = 80) {
  const screen = new Screen(cols);
  const ed = new LineEditor(PROMPT, () => screen.cols);
  screen.write(ed.reset());
  const keys = (...data: string[]) => {
    const actions: LineEditorAction[] = [];
    for (const d of data) {
      for (const a of ed.feed(d)) {
        actions.push(a);
        if (a.type === "write") screen.write(a.data);
      }
    }
    return actions;
  };
  const type = (text: string) => keys(...text);
  return { screen, ed, keys, type };
}

// 120 characters, no spaces after the first word, so the wrap point is easy to read in assertions.
const LONG = `echo ${"abcdefghij".repeat(11)}12345`;
const LEFT = "\x1b[D";
const RIGHT = "\x1b[C";

describe("LineEditor", () => {
  it("submits typed text on Enter", () => {
    const ed = new LineEditor("$ ");
    expect(submits(ed.feed("kubectl get pods\r"))).toEqual(["kubectl get pods"]);
  });

  it("edits with backspace, arrows and delete", () => {
    const ed = new LineEditor("$ ");
    ed.feed("kubectl gett");
    ed.feed("\x7f"); // backspace
    ed.feed("\x1b[D\x1b[D\x1b[D\x1b[3~"); // left x3, delete the "g"
    ed.feed("G");
    expect(ed.line).toBe("kubectl Get");
  });

  it("recalls history with up and down", () => {
    const ed = new LineEditor("$ ");
    ed.addHistory("first");
    ed.addHistory("second");
    ed.reset();
    ed.feed("draft");
    ed.feed("\x1b[A");
    expect(ed.line).toBe("second");
    ed.feed("\x1b[A\x1b[A");
    expect(ed.line).toBe("first");
    ed.feed("\x1b[B\x1b[B");
    expect(ed.line).toBe("draft");
  });

  it("Ctrl+C abandons the line, Ctrl+U and Ctrl+W delete", () => {
    const ed = new LineEditor("$ ");
    const actions = ed.feed("half typed\x03");
    expect(actions.some((a) => a.type === "interrupt")).toBe(true);
    expect(ed.line).toBe("");
    ed.feed("kubectl get pods");
    ed.feed("\x17");
    expect(ed.line).toBe("kubectl get ");
    ed.feed("\x15");
    expect(ed.line).toBe("");
  });

  it("asks for completion on Tab with the cursor position", () => {
    const ed = new LineEditor("$ ");
    const actions = ed.feed("kubectl ge\t");
    expect(actions.at(-1)).toEqual({ type: "complete", line: "kubectl ge", cursor: 10 });
    ed.replaceRange(8, "get ");
    expect(ed.line).toBe("kubectl get ");
  });

  it("writes only the typed text at the end of the line, and moves the cursor without reprinting", () => {
    const ed = new LineEditor(PROMPT);
    expect(ed.reset()).toBe(PROMPT);
    expect(ed.feed("l")).toEqual([{ type: "write", data: "l" }]);
    expect(ed.feed("s")).toEqual([{ type: "write", data: "s" }]);
    expect(ed.feed(LEFT)).toEqual([{ type: "write", data: "\x1b[1D" }]);
    expect(ed.feed("\x05")).toEqual([{ type: "write", data: "\x1b[1C" }]);
    // An edit inside the line redraws it from the prompt: back to column 0, erase below, write, place the cursor.
    expect(ed.feed("\x01x")).toEqual([
      { type: "write", data: "\x1b[2D" },
      { type: "write", data: "\r\x1b[Jcontrolplane:~$ xls\x1b[2D" },
    ]);
  });
});

describe("LineEditor on a line longer than the terminal", () => {
  it("shows a long command once, wrapped over rows, with the cursor after it", () => {
    const t = terminal();
    t.type(LONG);
    expect(t.screen.text()).toBe(wrapAt80(PROMPT + LONG));
    expect(t.screen.cursor()).toEqual({ row: 1, col: PROMPT.length + LONG.length - 80 });
  });

  it("runs it, and the output starts on the row below the line", () => {
    const t = terminal();
    const actions = t.type(LONG + "\r");
    expect(submits(actions)).toEqual([LONG]);
    t.screen.write("out\r\n");
    t.screen.write(t.ed.reset());
    expect(t.screen.text()).toBe(`${wrapAt80(PROMPT + LONG)}\nout\n${PROMPT_ROW}`);
  });

  it("redraws in place when editing in the middle, on either row", () => {
    const t = terminal();
    t.type(LONG);
    t.keys(...Array<string>(60).fill(LEFT)); // from column 56 of row 1 back across the row boundary
    expect(t.screen.cursor()).toEqual({ row: 0, col: 76 });
    t.type("WXYZ"); // the cursor crosses to row 1 while inserting
    const edited = LONG.slice(0, 60) + "WXYZ" + LONG.slice(60);
    expect(t.ed.line).toBe(edited);
    expect(t.screen.text()).toBe(wrapAt80(PROMPT + edited));
    expect(t.screen.cursor()).toEqual({ row: 1, col: 0 });
    t.keys("\x7f", "\x7f", "\x7f", "\x7f", "\x7f");
    expect(t.screen.text()).toBe(wrapAt80(PROMPT + LONG.slice(0, 59) + LONG.slice(60)));
    expect(t.screen.cursor()).toEqual({ row: 0, col: 75 });
  });

  it("moves by row and column for Home, End, Ctrl+A, Ctrl+E and right across the boundary", () => {
    const t = terminal();
    t.type(LONG);
    const end = { row: 1, col: 56 };
    t.keys("\x01");
    expect(t.screen.cursor()).toEqual({ row: 0, col: 16 });
    t.keys("\x05");
    expect(t.screen.cursor()).toEqual(end);
    t.keys("\x1b[H");
    expect(t.screen.cursor()).toEqual({ row: 0, col: 16 });
    t.keys(...Array<string>(63).fill(RIGHT));
    expect(t.screen.cursor()).toEqual({ row: 0, col: 79 });
    t.keys(RIGHT);
    expect(t.screen.cursor()).toEqual({ row: 1, col: 0 });
    t.keys("\x1b[F");
    expect(t.screen.cursor()).toEqual(end);
    expect(t.screen.text()).toBe(wrapAt80(PROMPT + LONG));
  });

  it("backspace at the start of a row joins it to the row above", () => {
    const t = terminal();
    t.type("a".repeat(64) + "b"); // "b" alone on row 1
    expect(t.screen.text()).toBe(`${PROMPT}${"a".repeat(64)}\nb`);
    t.keys("\x7f");
    expect(t.screen.text()).toBe(`${PROMPT}${"a".repeat(64)}`);
    expect(t.screen.cursor()).toEqual({ row: 1, col: 0 }); // a full row: the cursor waits at the start of the next one
    t.keys("\x7f");
    expect(t.screen.text()).toBe(`${PROMPT}${"a".repeat(63)}`);
    expect(t.screen.cursor()).toEqual({ row: 0, col: 79 });
  });

  it("a line that ends exactly on the last column puts the cursor on the next row, and Enter adds no blank row", () => {
    const t = terminal();
    t.type("x".repeat(64));
    expect(t.screen.cursor()).toEqual({ row: 1, col: 0 });
    t.type("y");
    expect(t.screen.text()).toBe(`${PROMPT}${"x".repeat(64)}\ny`);
    t.keys("\x7f", "\r");
    t.screen.write("out\r\n");
    expect(t.screen.text()).toBe(`${PROMPT}${"x".repeat(64)}\nout`);
  });

  it("history recall replaces a long line by a short one and back, leaving no rows behind", () => {
    const t = terminal();
    t.ed.addHistory(LONG);
    t.ed.addHistory("ls");
    t.screen.write(t.ed.reset());
    t.keys("\x1b[A", "\x1b[A");
    expect(t.screen.text()).toBe(wrapAt80(PROMPT + LONG));
    t.keys(...Array<string>(70).fill(LEFT)); // the cursor on row 0, then recall from there
    t.keys("\x1b[B");
    expect(t.screen.text()).toBe(PROMPT + "ls");
    expect(t.screen.cursor()).toEqual({ row: 0, col: 18 });
    t.keys("\x1b[A", LEFT, "\x1b[B", "\x1b[B");
    expect(t.screen.text()).toBe(PROMPT_ROW);
  });

  it("a pasted long command is shown once", () => {
    const t = terminal();
    t.keys(LONG);
    expect(t.screen.text()).toBe(wrapAt80(PROMPT + LONG));
  });

  it("follows a resize: rows and columns come from the terminal's current width", () => {
    const t = terminal();
    t.type(LONG);
    t.keys(...Array<string>(10).fill(LEFT));
    t.screen.resize(100);
    t.type("Z");
    const edited = LONG.slice(0, 110) + "Z" + LONG.slice(110);
    expect(t.screen.text()).toBe(wrap(PROMPT + edited, 100));
    expect(t.screen.cursor()).toEqual({ row: 1, col: 16 + 111 - 100 });
    t.screen.resize(60);
    t.keys("\x05", "!");
    expect(t.screen.text()).toBe(wrap(PROMPT + edited + "!", 60));
    expect(t.screen.cursor()).toEqual({ row: 2, col: 16 + 122 - 120 });
  });

  it("Ctrl+C in the middle echoes ^C there and the new prompt goes below the whole line", () => {
    const t = terminal();
    t.type(LONG);
    t.keys(...Array<string>(60).fill(LEFT));
    const actions = t.keys("\x03");
    expect(actions.some((a) => a.type === "interrupt")).toBe(true);
    t.screen.write(t.ed.reset());
    const shown = (PROMPT + LONG).slice(0, 76) + "^C" + (PROMPT + LONG).slice(78);
    expect(t.screen.text()).toBe(`${wrapAt80(shown)}\n${PROMPT_ROW}`);
  });

  it("completion candidates go below the whole line, then the prompt and line again", () => {
    const t = terminal();
    t.type(LONG);
    t.keys(...Array<string>(60).fill(LEFT));
    t.screen.write(t.ed.interject("pods  nodes"));
    expect(t.screen.text()).toBe(`${wrapAt80(PROMPT + LONG)}\npods  nodes\n${wrapAt80(PROMPT + LONG)}`);
    expect(t.screen.cursor()).toEqual({ row: 3, col: 76 });
    t.type("Q");
    expect(t.screen.text()).toBe(`${wrapAt80(PROMPT + LONG)}\npods  nodes\n${wrapAt80(PROMPT + LONG.slice(0, 60) + "Q" + LONG.slice(60))}`);
  });

  it("Ctrl+L draws the line again from the cursor's row", () => {
    const t = terminal();
    t.type(LONG);
    t.keys(...Array<string>(60).fill(LEFT));
    const actions = t.keys("\x0c");
    expect(actions[0]).toEqual({ type: "clear-screen" });
    // xterm's clear() keeps only the cursor's row, as the first: model it, then replay the redraw.
    const screen = new Screen(80);
    screen.write(" ".repeat(76));
    const redraw = actions[1];
    expect(redraw.type).toBe("write");
    screen.write((redraw as { data: string }).data);
    expect(screen.text()).toBe(wrapAt80(PROMPT + LONG));
    expect(screen.cursor()).toEqual({ row: 0, col: 76 });
  });
});

function wrap(text: string, cols: number): string {
  const rows: string[] = [];
  for (let i = 0; i < text.length; i += cols) rows.push(text.slice(i, i + cols));
  return rows.join("\n");
}

function wrapAt80(text: string): string {
  return wrap(text, 80);
}
