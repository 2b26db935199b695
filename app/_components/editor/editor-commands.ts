/**
 * The text side of the in-page editor: vim's ex commands and messages, nano's messages, YAML-friendly
 * indentation. Pure, so the wording is unit tested against what vim 9 / nano 7 print.
 */

export type ExResult =
  | { action: "write"; quit: boolean }
  | { action: "quit"; force: boolean }
  | { action: "error"; message: string }
  | { action: "none" };

/** `:w`, `:wq`, `:x`, `:q`, `:q!` (and the few spellings learners type). `modified`: unsaved changes. */
export function exCommand(input: string, modified: boolean): ExResult {
  const cmd = input.trim().replace(/^:+/, "").trim();
  if (cmd === "") return { action: "none" };
  if (/^(w|write)$/.test(cmd)) return { action: "write", quit: false };
  if (/^(wq|x|xit|exit|wq!|x!)$/.test(cmd)) return { action: "write", quit: true };
  if (/^(q|quit)$/.test(cmd)) return modified ? { action: "error", message: "E37: No write since last change (add ! to override)" } : { action: "quit", force: false };
  if (/^(q|quit|qa|qall|cq)!$/.test(cmd) || cmd === "qa!") return { action: "quit", force: true };
  if (/^(qa|qall)$/.test(cmd)) return modified ? { action: "error", message: "E37: No write since last change (add ! to override)" } : { action: "quit", force: false };
  return { action: "error", message: `E492: Not an editor command: ${cmd}` };
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Lines as vim counts them: a final newline ends the last line rather than starting another. */
export function lineCount(text: string): number {
  if (text === "") return 0;
  const n = text.split("\n").length;
  return text.endsWith("\n") ? n - 1 : n;
}

/** vim's file message: `"/tmp/x.yaml" 42L, 1234B` (plus ` written` after :w; `[New]` for a new file). */
export function vimFileMessage(path: string, text: string, opts: { written?: boolean; isNew?: boolean } = {}): string {
  if (opts.isNew && !opts.written) return `"${path}" [New]`;
  const noeol = text !== "" && !text.endsWith("\n") ? "[noeol] " : "";
  const news = opts.isNew ? "[New] " : "";
  return `"${path}" ${news}${noeol}${lineCount(text)}L, ${utf8Length(text)}B${opts.written ? " written" : ""}`;
}

/** nano's status messages. */
export function nanoMessage(kind: "read" | "wrote", text: string): string {
  const n = lineCount(text);
  return `[ ${kind === "read" ? "Read" : "Wrote"} ${n} line${n === 1 ? "" : "s"} ]`;
}

export interface TextEdit {
  text: string;
  /** Caret position after the edit. */
  caret: number;
}

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf("\n", pos - 1) + 1;
}

/** Enter keeps the line's indentation, one level more after `key:` or a bare `- ` (YAML). */
export function newlineWithIndent(text: string, start: number, end: number): TextEdit {
  const line = text.slice(lineStart(text, start), start);
  let indent = /^[ ]*/.exec(line)![0];
  const listItem = /^([ ]*)- /.exec(line);
  if (/:\s*$/.test(line)) indent += listItem ? "    " : "  ";
  else if (listItem) indent = listItem[1] + "  ";
  const insert = "\n" + indent;
  return { text: text.slice(0, start) + insert + text.slice(end), caret: start + insert.length };
}

/** Tab inserts two spaces (YAML forbids tab characters); Shift+Tab takes up to two back at the line start. */
export function indentEdit(text: string, start: number, end: number, outdent: boolean): TextEdit {
  if (!outdent) return { text: text.slice(0, start) + "  " + text.slice(end), caret: start + 2 };
  const ls = lineStart(text, start);
  const spaces = /^ {0,2}/.exec(text.slice(ls))![0].length;
  return { text: text.slice(0, ls) + text.slice(ls + spaces), caret: Math.max(ls, start - spaces) };
}

/** vim `dd`: delete the caret's line. */
export function deleteLine(text: string, caret: number): TextEdit {
  const ls = lineStart(text, caret);
  const nl = text.indexOf("\n", caret);
  const le = nl < 0 ? text.length : nl + 1;
  const next = text.slice(0, ls) + text.slice(le);
  return { text: next, caret: Math.min(ls, next.length) };
}

/** vim `o` / `O`: open a line below / above with the same indentation. */
export function openLine(text: string, caret: number, above: boolean): TextEdit {
  const ls = lineStart(text, caret);
  const indent = /^[ ]*/.exec(text.slice(ls))![0];
  if (above) return { text: text.slice(0, ls) + indent + "\n" + text.slice(ls), caret: ls + indent.length };
  const nl = text.indexOf("\n", caret);
  const le = nl < 0 ? text.length : nl;
  return { text: text.slice(0, le) + "\n" + indent + text.slice(le), caret: le + 1 + indent.length };
}

/** Caret moves for h j k l 0 $ (vim normal mode). */
export function moveCaret(text: string, caret: number, key: "h" | "j" | "k" | "l" | "0" | "$"): number {
  const ls = lineStart(text, caret);
  const nl = text.indexOf("\n", caret);
  const le = nl < 0 ? text.length : nl;
  const col = caret - ls;
  switch (key) {
    case "h":
      return Math.max(ls, caret - 1);
    case "l":
      return Math.min(le, caret + 1);
    case "0":
      return ls;
    case "$":
      return le;
    case "j": {
      if (nl < 0) return caret;
      const nextEnd = text.indexOf("\n", nl + 1);
      return Math.min(nl + 1 + col, nextEnd < 0 ? text.length : nextEnd);
    }
    case "k": {
      if (ls === 0) return caret;
      const prevStart = lineStart(text, ls - 1);
      return Math.min(prevStart + col, ls - 1);
    }
  }
}
