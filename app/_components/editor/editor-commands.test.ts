import { describe, expect, it } from "vitest";
import { deleteLine, exCommand, indentEdit, lineCount, moveCaret, nanoMessage, newlineWithIndent, openLine, vimFileMessage } from "./editor-commands";

describe("exCommand", () => {
  it("writes, quits and refuses to lose changes as vim does", () => {
    expect(exCommand(":w", true)).toEqual({ action: "write", quit: false });
    expect(exCommand("wq", true)).toEqual({ action: "write", quit: true });
    expect(exCommand("x", false)).toEqual({ action: "write", quit: true });
    expect(exCommand("q", false)).toEqual({ action: "quit", force: false });
    expect(exCommand("q", true)).toEqual({ action: "error", message: "E37: No write since last change (add ! to override)" });
    expect(exCommand("q!", true)).toEqual({ action: "quit", force: true });
    expect(exCommand("wqq", true)).toEqual({ action: "error", message: "E492: Not an editor command: wqq" });
    expect(exCommand("", true)).toEqual({ action: "none" });
  });
});

describe("messages", () => {
  it("reads like vim's and nano's status lines", () => {
    expect(vimFileMessage("/tmp/kubectl-edit-1.yaml", "a: 1\nb: 2\n")).toBe('"/tmp/kubectl-edit-1.yaml" 2L, 10B');
    expect(vimFileMessage("/root/x", "a\n", { written: true })).toBe('"/root/x" 1L, 2B written');
    expect(vimFileMessage("/root/new", "", { isNew: true })).toBe('"/root/new" [New]');
    expect(vimFileMessage("/root/new", "a\nb", { isNew: true, written: true })).toBe('"/root/new" [New] [noeol] 2L, 3B written');
    expect(vimFileMessage("/root/é", "é\n")).toBe('"/root/é" 1L, 3B');
    expect(nanoMessage("read", "a\nb\n")).toBe("[ Read 2 lines ]");
    expect(nanoMessage("wrote", "a\n")).toBe("[ Wrote 1 line ]");
    expect(lineCount("")).toBe(0);
  });
});

describe("YAML-aware editing", () => {
  it("keeps indentation on Enter, one level deeper after a key", () => {
    expect(newlineWithIndent("spec:", 5, 5)).toEqual({ text: "spec:\n  ", caret: 8 });
    expect(newlineWithIndent("  replicas: 3", 13, 13)).toEqual({ text: "  replicas: 3\n  ", caret: 16 });
    expect(newlineWithIndent("  - name: web", 13, 13)).toEqual({ text: "  - name: web\n    ", caret: 18 });
  });
  it("indents with spaces, never tabs", () => {
    expect(indentEdit("a", 0, 0, false)).toEqual({ text: "  a", caret: 2 });
    expect(indentEdit("x\n    b", 6, 6, true)).toEqual({ text: "x\n  b", caret: 4 });
  });
  it("edits lines as vim's dd, o and O do", () => {
    expect(deleteLine("a\nb\nc", 2)).toEqual({ text: "a\nc", caret: 2 });
    expect(openLine("  a\nb", 1, false)).toEqual({ text: "  a\n  \nb", caret: 6 });
    expect(openLine("a\n  b", 3, true)).toEqual({ text: "a\n  \n  b", caret: 4 });
  });
  it("moves the caret with hjkl", () => {
    const t = "abc\nde\nfghi";
    expect(moveCaret(t, 2, "j")).toBe(6);
    expect(moveCaret(t, 6, "j")).toBe(9);
    expect(moveCaret(t, 9, "k")).toBe(6);
    expect(moveCaret(t, 5, "0")).toBe(4);
    expect(moveCaret(t, 4, "$")).toBe(6);
    expect(moveCaret(t, 0, "h")).toBe(0);
  });
});
