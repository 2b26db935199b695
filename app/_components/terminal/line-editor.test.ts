import { describe, expect, it } from "vitest";
import { LineEditor, type LineEditorAction } from "./line-editor";

const submits = (actions: LineEditorAction[]) => actions.filter((a) => a.type === "submit").map((a) => (a as { line: string }).line);

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

  it("redraws the prompt and line so the terminal shows them", () => {
    const ed = new LineEditor("controlplane:~$ ");
    const [first] = ed.feed("ls");
    expect(first).toEqual({ type: "write", data: "\r\x1b[Kcontrolplane:~$ ls" });
  });
});
