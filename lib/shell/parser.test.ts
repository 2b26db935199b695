import { describe, it, expect } from "vitest";
import { needsMoreInput, parse } from "./parser";

function simpleWords(src: string): string[][] {
  const r = parse(src);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.list.flatMap((ao) => [ao.first, ...ao.rest.map((x) => x.pipeline)]).flatMap((p) => p.commands.map((c) => (c.type === "simple" ? c.words.map((w) => w.raw) : [c.type])));
}

describe("parse", () => {
  it("splits pipelines, lists and and-or chains", () => {
    expect(simpleWords("a b | c; d && e || f")).toEqual([["a", "b"], ["c"], ["d"], ["e"], ["f"]]);
  });

  it("keeps quoted text in one word", () => {
    expect(simpleWords(`echo "a b" 'c d' e\\ f`)).toEqual([["echo", '"a b"', "'c d'", "e\\ f"]]);
  });

  it("recognizes redirections with file descriptors", () => {
    const r = parse("cmd >out 2>&1 <in 2>>log &>all");
    expect(r.ok && r.list[0].first.commands[0].redirects.map((x) => `${x.fd}${x.op}`)).toEqual(["1>", "2>&", "0<", "2>>", "1&>"]);
  });

  it("reads heredoc bodies after the line, quoted or not, with <<- stripping tabs", () => {
    const r = parse("cat <<EOF > f\nhello $X\nEOF\ncat <<-'END'\n\tliteral $Y\n\tEND\n");
    if (!r.ok) throw new Error("parse failed");
    const h1 = r.list[0].first.commands[0].redirects[0];
    const h2 = r.list[1].first.commands[0].redirects[0];
    expect(h1).toMatchObject({ op: "<<", body: "hello $X\n", quoted: false });
    expect(h2).toMatchObject({ op: "<<", body: "literal $Y\n", quoted: true });
  });

  it("parses assignments and compound commands", () => {
    const r = parse("for i in 1 2; do echo $i; done; if true; then x=1; else y=2; fi; while false; do :; done; { a; }; (b)");
    expect(r.ok && r.list.map((a) => a.first.commands[0].type)).toEqual(["for", "if", "while", "group", "subshell"]);
  });

  it("reports bash's syntax errors", () => {
    const msg = (s: string) => {
      const r = parse(s);
      return r.ok ? "ok" : r.kind === "syntax" ? r.message : "incomplete";
    };
    expect(msg("| foo")).toBe("syntax error near unexpected token `|'");
    expect(msg("echo a ;; b")).toBe("syntax error near unexpected token `;;'");
    expect(msg("echo >")).toBe("syntax error near unexpected token `newline'");
    expect(msg("echo > | x")).toBe("syntax error near unexpected token `|'");
    expect(msg("; ls")).toBe("syntax error near unexpected token `;'");
    expect(msg("ls )")).toBe("syntax error near unexpected token `)'");
    expect(msg("then")).toBe("syntax error near unexpected token `then'");
    expect(msg("&& x")).toBe("syntax error near unexpected token `&&'");
  });
});

describe("needsMoreInput", () => {
  it("asks for more on open quotes, heredocs, trailing operators and open compounds", () => {
    for (const s of ["echo 'abc", 'echo "abc', "cat <<EOF\nline", "ls |", "true &&", "echo a \\", "for i in 1; do", "if true; then echo", "echo $(ls", "echo `ls", "{ echo"]) {
      expect(needsMoreInput(s), s).toBe(true);
    }
  });
  it("does not for complete lines or syntax errors", () => {
    for (const s of ["echo 'abc'", "cat <<EOF\nline\nEOF", "ls | wc -l", "", "# comment", "| x", "for i in 1; do echo; done"]) {
      expect(needsMoreInput(s), s).toBe(false);
    }
  });
});
