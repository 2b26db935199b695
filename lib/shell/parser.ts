import { plainWord, tokenize, type Incomplete, type Token, type Word } from "./tokenizer";

export type Redirect =
  | { op: ">" | ">>" | "<" | ">|" | "&>" | "&>>" | "<>" | "<<<"; fd: number; target: Word }
  | { op: ">&" | "<&"; fd: number; target: Word }
  | { op: "<<"; fd: number; body: string; quoted: boolean; delim: string };

export interface SimpleCommand {
  type: "simple";
  assigns: { name: string; value: Word }[];
  words: Word[];
  redirects: Redirect[];
}

export type Command =
  | SimpleCommand
  | { type: "group"; body: List; redirects: Redirect[] }
  | { type: "subshell"; body: List; redirects: Redirect[] }
  | { type: "for"; name: string; items: Word[] | undefined; body: List; redirects: Redirect[] }
  | { type: "while"; until: boolean; cond: List; body: List; redirects: Redirect[] }
  | { type: "if"; clauses: { cond: List; body: List }[]; otherwise?: List; redirects: Redirect[] };

export interface Pipeline {
  bang: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: "&&" | "||"; pipeline: Pipeline }[];
  background: boolean;
}

export type List = AndOr[];

export type ParseResult =
  | { ok: true; list: List; /** set when a heredoc ran to end of input (bash warns and goes on) */ heredocAtEof?: string }
  | { ok: false; kind: "incomplete"; incomplete: Incomplete }
  | { ok: false; kind: "syntax"; message: string };

class SyntaxError_ {
  constructor(readonly message: string) {}
}
class Eof {
  constructor(readonly incomplete: Incomplete) {}
}

const RESERVED = new Set(["then", "else", "elif", "fi", "do", "done", "}", "esac"]);
const REDIRECT_OPS = new Set([">", ">>", "<", ">|", "&>", "&>>", "<>", "<<<", ">&", "<&"]);

function tokenText(t: Token): string {
  if (t.k === "op") return t.v;
  if (t.k === "nl") return "newline";
  if (t.k === "heredoc") return t.strip ? "<<-" : "<<";
  return t.w.raw;
}

function unexpected(t: Token | undefined): never {
  if (!t) throw new Eof({ kind: "continuation" });
  throw new SyntaxError_(`syntax error near unexpected token \`${tokenText(t)}'`);
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[]) {}

  private peek(): Token | undefined {
    return this.toks[this.i];
  }

  private isWord(t: Token | undefined, kw: string): boolean {
    return t?.k === "word" && plainWord(t.w) === kw;
  }

  private isOp(t: Token | undefined, v: string): boolean {
    return t?.k === "op" && t.v === v;
  }

  private skipNewlines(): void {
    while (this.peek()?.k === "nl") this.i++;
  }

  program(): List {
    const list = this.list(new Set(), false);
    const t = this.peek();
    if (t) unexpected(t);
    return list;
  }

  private list(stopWords: Set<string>, stopParen: boolean): List {
    const items: List = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (!t) return items;
      if (t.k === "word" && stopWords.has(plainWord(t.w) ?? "")) {
        if (items.length === 0) unexpected(t);
        return items;
      }
      if (stopParen && this.isOp(t, ")")) {
        if (items.length === 0) unexpected(t);
        return items;
      }
      const item = this.andOr();
      items.push(item);
      const sep = this.peek();
      if (!sep) return items;
      if (this.isOp(sep, ";") || this.isOp(sep, "&")) {
        this.i++;
        item.background = sep.k === "op" && sep.v === "&";
        continue;
      }
      if (sep.k === "nl") continue;
      if (stopParen && this.isOp(sep, ")")) return items;
      if (sep.k === "word" && stopWords.has(plainWord(sep.w) ?? "")) return items;
      unexpected(sep);
    }
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr["rest"] = [];
    for (;;) {
      const t = this.peek();
      if (!(this.isOp(t, "&&") || this.isOp(t, "||"))) break;
      this.i++;
      this.skipNewlines();
      if (!this.peek()) throw new Eof({ kind: "continuation" });
      rest.push({ op: (t as { v: "&&" | "||" }).v, pipeline: this.pipeline() });
    }
    return { first, rest, background: false };
  }

  private pipeline(): Pipeline {
    let bang = false;
    if (this.isWord(this.peek(), "!")) {
      bang = true;
      this.i++;
    }
    const commands = [this.command()];
    for (;;) {
      const t = this.peek();
      if (!(this.isOp(t, "|") || this.isOp(t, "|&"))) break;
      this.i++;
      if (t!.k === "op" && t!.v === "|&") {
        commands[commands.length - 1].redirects.push({ op: ">&", fd: 2, target: { parts: [{ t: "lit", v: "1", q: false }], raw: "1" } });
      }
      this.skipNewlines();
      if (!this.peek()) throw new Eof({ kind: "continuation" });
      commands.push(this.command());
    }
    return { bang, commands };
  }

  private command(): Command {
    const t = this.peek();
    if (!t) throw new Eof({ kind: "continuation" });
    if (t.k === "op" && t.v === "(") {
      this.i++;
      const body = this.list(new Set(), true);
      this.expectOp(")");
      return { type: "subshell", body, redirects: this.redirects() };
    }
    if (t.k === "word") {
      const kw = plainWord(t.w);
      if (kw !== undefined && RESERVED.has(kw)) unexpected(t);
      if (kw === "{") {
        this.i++;
        const body = this.list(new Set(["}"]), false);
        this.expectWord("}");
        return { type: "group", body, redirects: this.redirects() };
      }
      if (kw === "if") return this.ifCommand();
      if (kw === "for") return this.forCommand();
      if (kw === "while" || kw === "until") {
        this.i++;
        const cond = this.list(new Set(["do"]), false);
        this.expectWord("do");
        const body = this.list(new Set(["done"]), false);
        this.expectWord("done");
        return { type: "while", until: kw === "until", cond, body, redirects: this.redirects() };
      }
    }
    if (t.k === "op" && !REDIRECT_OPS.has(t.v)) unexpected(t);
    return this.simple();
  }

  private ifCommand(): Command {
    this.i++;
    const clauses: { cond: List; body: List }[] = [];
    let otherwise: List | undefined;
    const cond = this.list(new Set(["then"]), false);
    this.expectWord("then");
    clauses.push({ cond, body: this.list(new Set(["elif", "else", "fi"]), false) });
    for (;;) {
      const t = this.peek();
      if (this.isWord(t, "elif")) {
        this.i++;
        const c = this.list(new Set(["then"]), false);
        this.expectWord("then");
        clauses.push({ cond: c, body: this.list(new Set(["elif", "else", "fi"]), false) });
      } else if (this.isWord(t, "else")) {
        this.i++;
        otherwise = this.list(new Set(["fi"]), false);
      } else break;
    }
    this.expectWord("fi");
    return { type: "if", clauses, otherwise, redirects: this.redirects() };
  }

  private forCommand(): Command {
    this.i++;
    const nameTok = this.peek();
    if (!nameTok) throw new Eof({ kind: "continuation" });
    const name = nameTok.k === "word" ? plainWord(nameTok.w) : undefined;
    if (name === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      if (nameTok.k === "word") throw new SyntaxError_(`\`${nameTok.w.raw}': not a valid identifier`);
      unexpected(nameTok);
    }
    this.i++;
    this.skipNewlines();
    let items: Word[] | undefined;
    if (this.isWord(this.peek(), "in")) {
      this.i++;
      items = [];
      for (;;) {
        const t = this.peek();
        if (!t) throw new Eof({ kind: "continuation" });
        if (t.k === "word") {
          items.push(t.w);
          this.i++;
        } else if (this.isOp(t, ";") || t.k === "nl") {
          this.i++;
          break;
        } else unexpected(t);
      }
    } else if (this.isOp(this.peek(), ";")) this.i++;
    this.skipNewlines();
    this.expectWord("do");
    const body = this.list(new Set(["done"]), false);
    this.expectWord("done");
    return { type: "for", name, items, body, redirects: this.redirects() };
  }

  private expectWord(kw: string): void {
    const t = this.peek();
    if (!t) throw new Eof({ kind: "continuation" });
    if (!this.isWord(t, kw)) unexpected(t);
    this.i++;
  }

  private expectOp(op: string): void {
    const t = this.peek();
    if (!t) throw new Eof({ kind: "continuation" });
    if (!this.isOp(t, op)) unexpected(t);
    this.i++;
  }

  private redirects(): Redirect[] {
    const out: Redirect[] = [];
    for (;;) {
      const r = this.redirect();
      if (!r) return out;
      out.push(r);
    }
  }

  private redirect(): Redirect | undefined {
    const t = this.peek();
    if (t?.k === "heredoc") {
      this.i++;
      if (t.delim === "") unexpected(this.peek() ?? { k: "nl", pos: 0 });
      return { op: "<<", fd: t.fd ?? 0, body: t.body ?? "", quoted: t.quoted, delim: t.delim };
    }
    if (t?.k !== "op" || !REDIRECT_OPS.has(t.v)) return undefined;
    this.i++;
    const target = this.peek();
    if (!target) throw new SyntaxError_("syntax error near unexpected token `newline'");
    if (target.k !== "word") unexpected(target);
    this.i++;
    const op = t.v as Redirect["op"];
    const defaultFd = op === "<" || op === "<&" || op === "<<<" || op === "<>" ? 0 : 1;
    return { op, fd: t.fd ?? defaultFd, target: target.w } as Redirect;
  }

  private simple(): SimpleCommand {
    const cmd: SimpleCommand = { type: "simple", assigns: [], words: [], redirects: [] };
    for (;;) {
      const t = this.peek();
      if (!t) break;
      const r = this.redirect();
      if (r) {
        cmd.redirects.push(r);
        continue;
      }
      if (t.k !== "word") break;
      if (cmd.words.length === 0) {
        const first = t.w.parts[0];
        const m = first?.t === "lit" && !first.q ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.v) : null;
        if (m) {
          const rest = first.t === "lit" ? first.v.slice(m[0].length) : "";
          const parts = [...(rest ? [{ t: "lit" as const, v: rest, q: false }] : []), ...t.w.parts.slice(1)];
          cmd.assigns.push({ name: m[1], value: { parts, raw: t.w.raw.slice(m[0].length) } });
          this.i++;
          continue;
        }
      }
      cmd.words.push(t.w);
      this.i++;
    }
    return cmd;
  }
}

/** Parse a full input (one or more lines). */
export function parse(input: string): ParseResult {
  const lexed = tokenize(input);
  if (!lexed.ok) return { ok: false, kind: "incomplete", incomplete: lexed.incomplete };
  try {
    const list = new Parser(lexed.tokens).program();
    if (lexed.incomplete?.kind === "heredoc") return { ok: true, list, heredocAtEof: lexed.incomplete.delim };
    return { ok: true, list };
  } catch (e) {
    if (e instanceof SyntaxError_) return { ok: false, kind: "syntax", message: e.message };
    if (e instanceof Eof) return { ok: false, kind: "incomplete", incomplete: e.incomplete };
    throw e;
  }
}

/** True when the terminal should show a `> ` continuation prompt instead of running the text. */
export function needsMoreInput(text: string): boolean {
  const r = parse(text);
  if (r.ok) return r.heredocAtEof !== undefined;
  return r.kind === "incomplete";
}
