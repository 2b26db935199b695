import { describe, expect, it } from "vitest";
import { formatTabbed } from "./tab-writer";

describe("formatTabbed (Go text/tabwriter, padding 2)", () => {
  it("aligns a column two spaces after the longest cell of the block", () => {
    expect(formatTabbed("Name:\tnginx\nService Account:\tdefault\n")).toBe("Name:             nginx\nService Account:  default\n");
  });

  it("a line without tabs ends the block above it", () => {
    expect(formatTabbed("A:\t1\nLonger label:\t2\nIPs:\n  IP:\t3\n")).toBe("A:             1\nLonger label:  2\nIPs:\n  IP:  3\n");
  });

  it("pads an empty last cell's column but never the text after the last tab", () => {
    expect(formatTabbed("  Kubelet Version:\tv1\n  Kube-Proxy Version:\t\n")).toBe("  Kubelet Version:     v1\n  Kube-Proxy Version:  \n");
  });

  it("keeps columns of nested blocks independent (the Conditions table with trailing spaces)", () => {
    expect(formatTabbed("Conditions:\n  Type\tStatus\n  Ready \tTrue \n  PodScheduled \tTrue \n")).toBe(
      "Conditions:\n  Type           Status\n  Ready          True \n  PodScheduled   True \n",
    );
  });

  it("a line with fewer cells ends only the columns it lacks", () => {
    expect(formatTabbed("a\tb\tc\nlong\tx\n")).toBe("a     b  c\nlong  x\n");
  });

  it("counts runes, not UTF-16 units", () => {
    expect(formatTabbed("é\t1\nab\t2\n")).toBe("é   1\nab  2\n");
  });

  it("counts an astral character (a surrogate pair) as one rune", () => {
    expect(formatTabbed("\u{1F600}\t1\nab\t2\n")).toBe("\u{1F600}   1\nab  2\n");
  });

  it("pads empty cells and trailing tabs to the column width", () => {
    expect(formatTabbed("\tx\nab\ty\n")).toBe("    x\nab  y\n");
    expect(formatTabbed("key:\t\nlonger:\t\n")).toBe("key:     \nlonger:  \n");
  });

  it("writes an unterminated last line without a newline, still aligned", () => {
    expect(formatTabbed("a\tb\nccc\td")).toBe("a    b\nccc  d");
  });

  it("drops the tab that ends unterminated text (Go adds no empty cell at Flush)", () => {
    expect(formatTabbed("a\t")).toBe("a");
    expect(formatTabbed("xxxx\tyy\tz\na\tb\t")).toBe("xxxx  yy  z\na     b");
  });

  it("returns text without tabs unchanged", () => {
    expect(formatTabbed("Events:  <none>\n\n")).toBe("Events:  <none>\n\n");
  });

  it("treats a vertical tab as a cell end, padded with spaces", () => {
    expect(formatTabbed("a\vb\nccc\td\n")).toBe("a    b\nccc  d\n");
  });

  it("writes a form feed as a newline that ends every column block", () => {
    expect(formatTabbed("a\tb\fccc\td\n")).toBe("a  b\nccc  d\n");
    expect(formatTabbed("a\tb\nccc\td\f")).toBe("a    b\nccc  d\n");
  });

  it("sizes each column block separately when lines with fewer cells interrupt it", () => {
    expect(formatTabbed("a\tb\tc\nlong\tx\nzz\tyyyy\tq\tr\n")).toBe("a     b  c\nlong  x\nzz    yyyy  q  r\n");
  });
});
