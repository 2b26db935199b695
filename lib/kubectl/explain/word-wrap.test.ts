import { describe, expect, it } from "vitest";
import { indent, wordWrap } from "./word-wrap";

describe("wordWrap (go-wordwrap)", () => {
  it("breaks at the last space that keeps the line within the limit", () => {
    expect(wordWrap("aaa bbb ccc", 7)).toBe("aaa bbb\nccc");
  });
  it("keeps a word longer than the limit whole on its own line", () => {
    expect(wordWrap("More info: https://example.com/a/very/long/url done", 12)).toBe("More info:\nhttps://example.com/a/very/long/url\ndone");
  });
  it("keeps existing newlines and restarts the line count after them", () => {
    expect(wordWrap("aaa\nbbb ccc ddd", 8)).toBe("aaa\nbbb ccc\nddd");
  });
});

describe("indent", () => {
  it("pads every line, including the empty one after a trailing newline", () => {
    expect(indent(4, "a\nb\n")).toBe("    a\n    b\n    ");
  });
});
