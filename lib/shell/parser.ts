import { plainWord, splitSubscriptAssign, tokenize, type Incomplete, type Token, type Word } from "./tokenizer";

export type Redirect =
  | { op: ">" | ">>" | "<" | ">|" | "&>" | "&>>" | "<>" | "<<<"; fd: number; target: Word }
  | { op: ">&" | "<&"; fd: number; target: Word }
  | { op: "<<"; fd: number; body: string; quoted: boolean; delim: string };

export interface SimpleCommand {
  type: "simple";
  assigns: Assignment[];
  words: Word[];
  redirects: Redirect[];
}

export interface Assignment {
  name: string;
  value: Word;
  /** `name=(...)` / `name+=(...)` */
  array?: Word[];
  append?: boolean;
  /** `name[index]=value`: the subscript as typed (expanded when assigned: arithmetic or an associative key). */
  index?: string;
}

/** `name[index]=value` as an assignment, or undefined when the word is not one. */
export function subscriptAssignment(w: Word): Assignment | undefined {
  const first = w.parts[0];
  if (first?.t !== "lit" || first.q) return undefined;
  const sa = splitSubscriptAssign(w.raw);
  if (!sa) return undefined;
  const lexed = sa.value === "" ? undefined : tokenize(sa.value);
  const value = lexed?.ok && lexed.tokens[0]?.k === "word" ? lexed.tokens[0].w : { parts: [], raw: "" };
  return { name: sa.name, index: sa.index, value, ...(sa.append ? { append: true } : {}) };
}

export type Command =
  | SimpleCommand
  | { type: "group"; body: List; redirects: Redirect[] }
  | { type: "subshell"; body: List; redirects: Redirect[] }
  | { type: "for"; name: string; items: Word[] | undefined; body: List; redirects: Redirect[] }
  | { type: "while"; until: boolean; cond: List; body: List; redirects: Redirect[] }
  | { type: "if"; clauses: { cond: List; body: List }[]; otherwise?: List; redirects: Redirect[] }
  | { type: "case"; word: Word; clauses: CaseClause[]; redirects: Redirect[] }
  /** `[[ ... ]]` */
  | { type: "cond"; expr: CondExpr; redirects: Redirect[] }
  /** `(( ... ))` */
  | { type: "arith"; src: string; redirects: Redirect[] }
  /** `for (( init; test; step ))` */
  | { type: "arithFor"; init: string; test: string; step: string; body: List; redirects: Redirect[] }
  /** A function definition; `body` is the compound command that runs on each call. */
  | { type: "function"; name: string; body: Command; redirects: Redirect[] };

export interface CaseClause {
  patterns: Word[];
  body: List;
  /** `;;` ends the case, `;&` falls into the next body, `;;&` tests the next patterns. */
  terminator: ";;" | ";&" | ";;&";
}

export type CondExpr =
  | { t: "and" | "or"; l: CondExpr; r: CondExpr }
  | { t: "not"; e: CondExpr }
  | { t: "unary"; op: string; w: Word }
  | { t: "binary"; op: string; l: Word; r: Word }
  | { t: "word"; w: Word };

export interface Pipeline {
  bang: boolean;
  /** `time [-p] pipeline`: report how long it took (`-p`: the POSIX format). */
  time?: "bash" | "posix";
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
  | {
      ok: false;
      kind: "syntax";
      /** What bash prints after "bash: "; empty when it prints nothing (some `[[` errors). */
      message: string;
      /** `[[` parse errors leave `$?` as it was in interactive bash 5.2, instead of setting 2. */
      keepStatus?: boolean;
    };

class SyntaxError_ {
  constructor(
    readonly message: string,
    readonly keepStatus = false,
  ) {}
}
class Eof {
  constructor(readonly incomplete: Incomplete) {}
}

const RESERVED = new Set(["then", "else", "elif", "fi", "do", "done", "}", "esac"]);
const CASE_END = new Set([";;", ";&", ";;&"]);
const COND_UNARY = new Set(["-a", "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k", "-p", "-r", "-s", "-t", "-u", "-w", "-x", "-G", "-L", "-N", "-O", "-S", "-z", "-n", "-o", "-v", "-R"]);
const COND_BINARY = new Set(["=", "==", "!=", "=~", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef"]);
const REDIRECT_OPS = new Set([">", ">>", "<", ">|", "&>", "&>>", "<>", "<<<", ">&", "<&"]);

function tokenText(t: Token): string {
  if (t.k === "op") return t.v;
  if (t.k === "nl") return "newline";
  if (t.k === "heredoc") return t.strip ? "<<-" : "<<";
  if (t.k === "arith") return "((";
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

  /** `inCase`: a case clause body, which ends at `;;`, `;&`, `;;&` or `esac` and may be empty. */
  private list(stopWords: Set<string>, stopParen: boolean, inCase = false): List {
    const items: List = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (!t) return items;
      if (inCase && t.k === "op" && CASE_END.has(t.v)) return items;
      if (t.k === "word" && stopWords.has(plainWord(t.w) ?? "")) {
        if (items.length === 0 && !inCase) unexpected(t);
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
      if (inCase && sep.k === "op" && CASE_END.has(sep.v)) return items;
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
    let time: Pipeline["time"];
    if (this.isWord(this.peek(), "time")) {
      this.i++;
      time = "bash";
      if (this.isWord(this.peek(), "-p")) {
        this.i++;
        time = "posix";
      }
      const n = this.peek();
      // `time` alone (or before a separator) times nothing at all.
      if (!n || n.k === "nl" || (n.k === "op" && [";", "&", "&&", "||", ")"].includes(n.v))) return { bang: false, time, commands: [] };
    }
    const p = this.untimedPipeline();
    return time ? { ...p, time } : p;
  }

  private untimedPipeline(): Pipeline {
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
    if (t.k === "arith") {
      this.i++;
      return { type: "arith", src: t.src, redirects: this.redirects() };
    }
    if (t.k === "word") {
      const kw = plainWord(t.w);
      if (kw !== undefined && RESERVED.has(kw)) unexpected(t);
      if (kw === "case") return this.caseCommand();
      if (kw === "[[") return this.condCommand();
      if (kw === "function") return this.functionDef(true);
      if (kw !== undefined && kw !== "" && this.isOp(this.toks[this.i + 1], "(")) return this.functionDef(false);
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

  private caseCommand(): Command {
    this.i++;
    const wordTok = this.peek();
    if (!wordTok) throw new Eof({ kind: "continuation" });
    if (wordTok.k !== "word") unexpected(wordTok);
    this.i++;
    this.skipNewlines();
    this.expectWord("in");
    const clauses: CaseClause[] = [];
    for (;;) {
      this.skipNewlines();
      let t = this.peek();
      if (!t) throw new Eof({ kind: "continuation" });
      if (this.isWord(t, "esac")) {
        this.i++;
        break;
      }
      if (this.isOp(t, "(")) this.i++;
      const patterns: Word[] = [];
      for (;;) {
        t = this.peek();
        if (!t) throw new Eof({ kind: "continuation" });
        if (t.k !== "word") unexpected(t);
        patterns.push(t.w);
        this.i++;
        const n = this.peek();
        // bash wants `)` on the pattern's line: end of input here is a newline, not a reason to read on.
        if (!n || n.k === "nl") throw new SyntaxError_("syntax error near unexpected token `newline'");
        this.i++;
        if (this.isOp(n, ")")) break;
        if (!this.isOp(n, "|")) unexpected(n);
      }
      const body = this.list(new Set(["esac"]), false, true);
      const end = this.peek();
      if (!end) throw new Eof({ kind: "continuation" });
      if (end.k === "op" && CASE_END.has(end.v)) {
        this.i++;
        clauses.push({ patterns, body, terminator: end.v as CaseClause["terminator"] });
        continue;
      }
      clauses.push({ patterns, body, terminator: ";;" });
      this.expectWord("esac");
      break;
    }
    return { type: "case", word: wordTok.w, clauses, redirects: this.redirects() };
  }

  private functionDef(keyword: boolean): Command {
    let name: string;
    if (keyword) {
      this.i++;
      const n = this.peek();
      if (!n) throw new SyntaxError_("syntax error near unexpected token `newline'");
      if (n.k !== "word") unexpected(n);
      name = n.w.raw;
      this.i++;
      if (this.isOp(this.peek(), "(")) {
        this.i++;
        this.expectOp(")");
      }
    } else {
      name = (this.peek() as { w: Word }).w.raw;
      this.i += 2;
      this.expectOp(")");
    }
    this.skipNewlines();
    const b = this.peek();
    if (!b) throw new Eof({ kind: "continuation" });
    const kw = b.k === "word" ? plainWord(b.w) : undefined;
    const compound = b.k === "arith" || this.isOp(b, "(") || (kw !== undefined && ["{", "if", "for", "while", "until", "case", "[["].includes(kw));
    if (!compound) unexpected(b);
    return { type: "function", name, body: this.command(), redirects: [] };
  }

  // ---- [[ ... ]]: its own little grammar, with bash's messages (which leave $? alone) ----
  private condCommand(): Command {
    this.i++;
    const expr = this.condOr();
    const t = this.condPeek();
    if (!t) throw new Eof({ kind: "cond" });
    if (this.isWord(t, "]]")) {
      this.i++;
      return { type: "cond", expr, redirects: this.redirects() };
    }
    if (t.k === "word") throw new SyntaxError_("syntax error in conditional expression", true);
    throw new SyntaxError_(`syntax error in conditional expression: unexpected token \`${tokenText(t)}'`, true);
  }

  private condPeek(): Token | undefined {
    this.skipNewlines();
    return this.peek();
  }

  private condOr(): CondExpr {
    let l = this.condAnd();
    while (this.isOp(this.condPeek(), "||")) {
      this.i++;
      l = { t: "or", l, r: this.condAnd() };
    }
    return l;
  }

  private condAnd(): CondExpr {
    let l = this.condNot();
    while (this.isOp(this.condPeek(), "&&")) {
      this.i++;
      l = { t: "and", l, r: this.condNot() };
    }
    return l;
  }

  private condNot(): CondExpr {
    if (this.isWord(this.condPeek(), "!")) {
      this.i++;
      return { t: "not", e: this.condNot() };
    }
    return this.condPrimary();
  }

  private condPrimary(): CondExpr {
    const t = this.condPeek();
    if (!t) throw new Eof({ kind: "cond" });
    if (this.isOp(t, "(")) {
      this.i++;
      const e = this.condOr();
      const c = this.condPeek();
      if (!c) throw new Eof({ kind: "cond" });
      if (!this.isOp(c, ")")) throw new SyntaxError_(`unexpected token \`${tokenText(c)}', expected \`)'`, true);
      this.i++;
      return e;
    }
    // bash says nothing at all for `[[ ]]` or `[[ a && ]]`.
    if (t.k !== "word" || this.isWord(t, "]]")) throw new SyntaxError_("", true);
    const text = plainWord(t.w) ?? "";
    this.i++;
    if (COND_UNARY.has(text)) {
      const a = this.condPeek();
      if (!a) throw new Eof({ kind: "cond" });
      if (a.k !== "word" || this.isWord(a, "]]")) throw new SyntaxError_(`unexpected argument \`${tokenText(a)}' to conditional unary operator`, true);
      this.i++;
      return { t: "unary", op: text, w: a.w };
    }
    const n = this.condPeek();
    if (!n) throw new Eof({ kind: "cond" });
    if (this.isWord(n, "]]") || this.isOp(n, "&&") || this.isOp(n, "||") || this.isOp(n, ")")) return { t: "word", w: t.w };
    const op = n.k === "word" ? plainWord(n.w) : n.k === "op" && (n.v === "<" || n.v === ">") ? n.v : undefined;
    if (op === undefined || !COND_BINARY.has(op)) throw new SyntaxError_("conditional binary operator expected", true);
    this.i++;
    const r = this.condPeek();
    if (!r) throw new Eof({ kind: "cond" });
    if (r.k !== "word" || this.isWord(r, "]]")) throw new SyntaxError_(`unexpected argument \`${tokenText(r)}' to conditional binary operator`, true);
    this.i++;
    return { t: "binary", op, l: t.w, r: r.w };
  }

  private forCommand(): Command {
    this.i++;
    const head = this.peek();
    if (head?.k === "arith") {
      this.i++;
      const parts = head.src.split(";");
      if (parts.length !== 3) throw new SyntaxError_("syntax error: arithmetic expression required");
      this.skipNewlines();
      if (this.isOp(this.peek(), ";")) this.i++;
      this.skipNewlines();
      this.expectWord("do");
      const body = this.list(new Set(["done"]), false);
      this.expectWord("done");
      return { type: "arithFor", init: parts[0], test: parts[1], step: parts[2], body, redirects: this.redirects() };
    }
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
        const m = first?.t === "lit" && !first.q ? /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(first.v) : null;
        if (m && t.w.array) {
          cmd.assigns.push({ name: m[1], value: { parts: [], raw: "" }, array: t.w.array, append: m[2] === "+" });
          this.i++;
          continue;
        }
        const sub = m ? undefined : subscriptAssignment(t.w);
        if (sub) {
          cmd.assigns.push(sub);
          this.i++;
          continue;
        }
        if (m) {
          const rest = first.t === "lit" ? first.v.slice(m[0].length) : "";
          const parts = [...(rest ? [{ t: "lit" as const, v: rest, q: false }] : []), ...t.w.parts.slice(1)];
          cmd.assigns.push({ name: m[1], value: { parts, raw: t.w.raw.slice(m[0].length) }, ...(m[2] ? { append: true } : {}) });
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
    if (e instanceof SyntaxError_) return e.keepStatus ? { ok: false, kind: "syntax", message: e.message, keepStatus: true } : { ok: false, kind: "syntax", message: e.message };
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
