import { describe, it, expect } from "vitest";
import { needsMoreInput, parse } from "./parser";
import { harness } from "./testing/harness";

/** mulberry32: the same stream every run, so a failure is reproducible. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  "echo", "cat", "ls", "grep", "sed", "awk", "sort", "cut", "wc", "head", "tail", "tr", "cd", "mkdir", "rm", "cp", "mv", "touch", "printf", "seq",
  "for", "in", "do", "done", "if", "then", "fi", "while", "{", "}", "(", ")", "|", "||", "&&", ";", ";;", "&", ">", ">>", "<", "2>&1", "<<EOF", "<<-X",
  "'", '"', "`", "$(", "$((", "${", "}", "$X", "$?", "~", "*", "?", "[a-z]", "\\", "\n", "EOF", "-n", "-r", "-la", "/etc", "x.txt", "a b", "'q'",
  '"d"', "1", "0", "-1", "s/a/b/g", "{print $1}", "NR>1", "#", "=", "X=1", "!",
];

describe("fuzz", () => {
  it("parses thousands of random lines without throwing", () => {
    const r = rng(1234);
    for (let i = 0; i < 5000; i++) {
      const n = 1 + Math.floor(r() * 12);
      let line = "";
      for (let k = 0; k < n; k++) line += PIECES[Math.floor(r() * PIECES.length)] + (r() < 0.7 ? " " : "");
      expect(() => parse(line), line).not.toThrow();
      expect(typeof needsMoreInput(line)).toBe("boolean");
    }
  });

  it("runs random lines in bounded time, never throwing", async () => {
    const r = rng(99);
    const h = harness();
    const started = performance.now();
    for (let i = 0; i < 1500; i++) {
      const n = 1 + Math.floor(r() * 8);
      let line = "";
      for (let k = 0; k < n; k++) line += PIECES[Math.floor(r() * PIECES.length)] + " ";
      const res = await h.run(line);
      expect(Number.isInteger(res.code), line).toBe(true);
      expect(res.err, line).not.toContain("internal error");
      if (h.shell.prompt() === "") throw new Error("prompt lost");
    }
    expect(performance.now() - started).toBeLessThan(60_000);
  }, 120_000);
});
