import { isFsError } from "../../cluster/index";
import type { CommandFn } from "../command-types";
import { errnoMessage, resolvePath } from "../paths";
import { escapes, posixRegex } from "./text";

/** A small POSIX awk: patterns, BEGIN/END, fields, arrays, if/for/while, print/printf, the common builtins. */

type Tok = { t: "num"; v: number } | { t: "str"; v: string } | { t: "re"; v: string } | { t: "name"; v: string } | { t: "op"; v: string } | { t: "nl" } | { t: "eof" };

class AwkError extends Error {}
class NextSignal {}
class ExitSignal {
  constructor(readonly code: number) {}
}

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const ops = ["+=", "-=", "*=", "/=", "%=", "^=", "==", "!=", "<=", ">=", "&&", "||", "++", "--", "!~", ">>", "{", "}", "(", ")", "[", "]", ";", ",", "+", "-", "*", "/", "%", "^", "!", "<", ">", "~", "?", ":", "=", "$"];
  const operandEnd = () => {
    const last = toks[toks.length - 1];
    return last && (last.t === "num" || last.t === "str" || last.t === "name" || (last.t === "op" && (last.v === ")" || last.v === "]" || last.v === "++" || last.v === "--")));
  };
  while (i < src.length) {
    const c = src[i];
    if (c === " " || c === "\t") i++;
    else if (c === "\\" && src[i + 1] === "\n") i += 2;
    else if (c === "\n") {
      toks.push({ t: "nl" });
      i++;
    } else if (c === "#") while (i < src.length && src[i] !== "\n") i++;
    else if (/[0-9.]/.test(c) && /[0-9]/.test(c === "." ? (src[i + 1] ?? "") : c)) {
      const m = /^(\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+)/.exec(src.slice(i))!;
      toks.push({ t: "num", v: Number(m[1]) });
      i += m[1].length;
    } else if (c === '"') {
      let s = "";
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === "\\" && i + 1 < src.length) {
          s += src[i] + src[i + 1];
          i += 2;
        } else s += src[i++];
      }
      if (i >= src.length) throw new AwkError("non-terminated string");
      i++;
      toks.push({ t: "str", v: s.includes("\\") ? escapes(s.replace(/\\"/g, '"').replace(/\\\//g, "/")).text : s });
    } else if (c === "/" && !operandEnd()) {
      let s = "";
      i++;
      while (i < src.length && src[i] !== "/") {
        if (src[i] === "\\" && src[i + 1] === "/") {
          s += "/";
          i += 2;
        } else s += src[i++];
        if (src[i] === "\n") throw new AwkError("non-terminated regular expression");
      }
      if (i >= src.length) throw new AwkError("non-terminated regular expression");
      i++;
      toks.push({ t: "re", v: s });
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      toks.push({ t: "name", v: m[0] });
      i += m[0].length;
    } else {
      const op = ops.find((o) => src.startsWith(o, i));
      if (!op) throw new AwkError(`syntax error at source line 1: invalid char '${c}'`);
      toks.push({ t: "op", v: op });
      i += op.length;
    }
  }
  toks.push({ t: "eof" });
  return toks;
}

type Node =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "re"; re: RegExp }
  | { k: "field"; e: Node }
  | { k: "var"; name: string }
  | { k: "idx"; name: string; e: Node[] }
  | { k: "bin"; op: string; a: Node; b: Node }
  | { k: "un"; op: string; e: Node }
  | { k: "assign"; op: string; target: Node; e: Node }
  | { k: "incdec"; op: string; prefix: boolean; target: Node }
  | { k: "cond"; c: Node; a: Node; b: Node }
  | { k: "match"; neg: boolean; a: Node; re: Node }
  | { k: "in"; key: Node[]; arr: string }
  | { k: "call"; name: string; args: Node[] }
  | { k: "group"; e: Node };

type Stmt =
  | { k: "print"; args: Node[]; dest?: { append: boolean; e: Node } }
  | { k: "printf"; args: Node[]; dest?: { append: boolean; e: Node } }
  | { k: "expr"; e: Node }
  | { k: "if"; c: Node; a: Stmt; b?: Stmt }
  | { k: "while"; c: Node; body: Stmt }
  | { k: "do"; c: Node; body: Stmt }
  | { k: "for"; init?: Node; c?: Node; step?: Node; body: Stmt }
  | { k: "forin"; v: string; arr: string; body: Stmt }
  | { k: "block"; body: Stmt[] }
  | { k: "next" }
  | { k: "exit"; e?: Node }
  | { k: "break" }
  | { k: "continue" }
  | { k: "delete"; arr: string; e?: Node[] };

interface Rule {
  kind: "begin" | "end" | "main";
  pattern?: Node;
  range?: Node;
  inRange?: boolean;
  action?: Stmt;
}

class Parser {
  i = 0;
  constructor(private toks: Tok[]) {}
  peek(): Tok {
    return this.toks[this.i];
  }
  isOp(v: string): boolean {
    const t = this.peek();
    return t.t === "op" && t.v === v;
  }
  eat(v: string): void {
    if (!this.isOp(v)) throw new AwkError(`syntax error at source line 1 near ${this.describe()}`);
    this.i++;
  }
  describe(): string {
    const t = this.peek();
    return t.t === "eof" ? "end of program" : t.t === "nl" ? "newline" : "t" in t && "v" in t ? String(t.v) : "?";
  }
  skipNl(): void {
    while (this.peek().t === "nl" || this.isOp(";")) this.i++;
  }
  program(): Rule[] {
    const rules: Rule[] = [];
    this.skipNl();
    while (this.peek().t !== "eof") {
      const t = this.peek();
      if (t.t === "name" && (t.v === "BEGIN" || t.v === "END")) {
        this.i++;
        rules.push({ kind: t.v === "BEGIN" ? "begin" : "end", action: this.block() });
      } else if (this.isOp("{")) rules.push({ kind: "main", action: this.block() });
      else {
        const pattern = this.expr();
        let range: Node | undefined;
        if (this.isOp(",")) {
          this.i++;
          range = this.expr();
        }
        rules.push({ kind: "main", pattern, range, action: this.isOp("{") ? this.block() : undefined });
      }
      this.skipNl();
    }
    return rules;
  }
  block(): Stmt {
    this.eat("{");
    const body: Stmt[] = [];
    this.skipNl();
    while (!this.isOp("}")) {
      if (this.peek().t === "eof") throw new AwkError("syntax error at source line 1: unexpected end of program");
      body.push(this.stmt());
      this.skipNl();
    }
    this.eat("}");
    return { k: "block", body };
  }
  simpleEnd(): void {
    if (this.isOp(";") || this.peek().t === "nl") this.i++;
  }
  stmt(): Stmt {
    const t = this.peek();
    if (this.isOp("{")) return this.block();
    if (t.t === "name") {
      switch (t.v) {
        case "print":
        case "printf": {
          this.i++;
          let args: Node[] = [];
          const paren = this.isOp("(");
          if (!this.endOfSimple()) args = this.exprList(true);
          void paren;
          let dest: { append: boolean; e: Node } | undefined;
          if (this.isOp(">") || this.isOp(">>")) {
            const append = this.isOp(">>");
            this.i++;
            dest = { append, e: this.primary() };
          }
          this.simpleEnd();
          return { k: t.v, args, dest };
        }
        case "if": {
          this.i++;
          this.eat("(");
          const c = this.expr();
          this.eat(")");
          this.skipNl();
          const a = this.stmt();
          const save = this.i;
          this.skipNl();
          if (this.peek().t === "name" && (this.peek() as { v: string }).v === "else") {
            this.i++;
            this.skipNl();
            return { k: "if", c, a, b: this.stmt() };
          }
          this.i = save;
          return { k: "if", c, a };
        }
        case "while": {
          this.i++;
          this.eat("(");
          const c = this.expr();
          this.eat(")");
          this.skipNl();
          return { k: "while", c, body: this.stmt() };
        }
        case "do": {
          this.i++;
          this.skipNl();
          const body = this.stmt();
          this.skipNl();
          this.i++; // while
          this.eat("(");
          const c = this.expr();
          this.eat(")");
          this.simpleEnd();
          return { k: "do", c, body };
        }
        case "for": {
          this.i++;
          this.eat("(");
          const a = this.toks[this.i];
          const b = this.toks[this.i + 1];
          const c = this.toks[this.i + 2];
          if (a.t === "name" && b.t === "name" && b.v === "in" && c.t === "name" && this.toks[this.i + 3].t === "op") {
            this.i += 3;
            this.eat(")");
            this.skipNl();
            return { k: "forin", v: a.v, arr: c.v, body: this.stmt() };
          }
          const init = this.isOp(";") ? undefined : this.expr();
          this.eat(";");
          const cond = this.isOp(";") ? undefined : this.expr();
          this.eat(";");
          const step = this.isOp(")") ? undefined : this.expr();
          this.eat(")");
          this.skipNl();
          return { k: "for", init, c: cond, step, body: this.stmt() };
        }
        case "next":
          this.i++;
          this.simpleEnd();
          return { k: "next" };
        case "exit": {
          this.i++;
          const e = this.endOfSimple() ? undefined : this.expr();
          this.simpleEnd();
          return { k: "exit", e };
        }
        case "break":
        case "continue":
          this.i++;
          this.simpleEnd();
          return { k: t.v };
        case "delete": {
          this.i++;
          const n = this.peek();
          if (n.t !== "name") throw new AwkError("syntax error in delete");
          this.i++;
          let e: Node[] | undefined;
          if (this.isOp("[")) {
            this.i++;
            e = this.exprList(false);
            this.eat("]");
          }
          this.simpleEnd();
          return { k: "delete", arr: n.v, e };
        }
      }
    }
    if (this.isOp(";")) {
      this.i++;
      return { k: "block", body: [] };
    }
    const e = this.expr();
    this.simpleEnd();
    return { k: "expr", e };
  }
  endOfSimple(): boolean {
    const t = this.peek();
    return t.t === "nl" || t.t === "eof" || this.isOp(";") || this.isOp("}") || this.isOp(">") || this.isOp(">>");
  }
  exprList(noGt: boolean): Node[] {
    const out = [this.expr(noGt)];
    while (this.isOp(",")) {
      this.i++;
      this.skipNlOnly();
      out.push(this.expr(noGt));
    }
    return out;
  }
  skipNlOnly(): void {
    while (this.peek().t === "nl") this.i++;
  }
  expr(noGt = false): Node {
    return this.ternary(noGt);
  }
  ternary(noGt: boolean): Node {
    const c = this.or(noGt);
    if (this.isOp("?")) {
      this.i++;
      const a = this.ternary(noGt);
      this.eat(":");
      const b = this.ternary(noGt);
      return { k: "cond", c, a, b };
    }
    if (["=", "+=", "-=", "*=", "/=", "%=", "^="].some((o) => this.isOp(o)) && (c.k === "var" || c.k === "field" || c.k === "idx")) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      return { k: "assign", op, target: c, e: this.ternary(noGt) };
    }
    return c;
  }
  or(noGt: boolean): Node {
    let a = this.and(noGt);
    while (this.isOp("||")) {
      this.i++;
      this.skipNlOnly();
      a = { k: "bin", op: "||", a, b: this.and(noGt) };
    }
    return a;
  }
  and(noGt: boolean): Node {
    let a = this.inExpr(noGt);
    while (this.isOp("&&")) {
      this.i++;
      this.skipNlOnly();
      a = { k: "bin", op: "&&", a, b: this.inExpr(noGt) };
    }
    return a;
  }
  inExpr(noGt: boolean): Node {
    let a = this.matchExpr(noGt);
    while (this.peek().t === "name" && (this.peek() as { v: string }).v === "in") {
      this.i++;
      const n = this.peek();
      if (n.t !== "name") throw new AwkError("syntax error: in");
      this.i++;
      a = { k: "in", key: a.k === "group" ? [a.e] : [a], arr: n.v };
    }
    return a;
  }
  matchExpr(noGt: boolean): Node {
    let a = this.compare(noGt);
    while (this.isOp("~") || this.isOp("!~")) {
      const neg = this.isOp("!~");
      this.i++;
      a = { k: "match", neg, a, re: this.compare(noGt) };
    }
    return a;
  }
  compare(noGt: boolean): Node {
    const a = this.concat(noGt);
    for (const op of ["<=", ">=", "==", "!=", "<", ">"]) {
      if (this.isOp(op) && !(noGt && op === ">")) {
        this.i++;
        return { k: "bin", op, a, b: this.concat(noGt) };
      }
    }
    return a;
  }
  concat(noGt: boolean): Node {
    let a = this.additive();
    for (;;) {
      const t = this.peek();
      const starts = t.t === "num" || t.t === "str" || t.t === "re" || (t.t === "name" && t.v !== "in") || (t.t === "op" && ["$", "(", "!", "++", "--"].includes(t.v));
      if (!starts) return a;
      void noGt;
      a = { k: "bin", op: "concat", a, b: this.additive() };
    }
  }
  additive(): Node {
    let a = this.mult();
    while (this.isOp("+") || this.isOp("-")) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      a = { k: "bin", op, a, b: this.mult() };
    }
    return a;
  }
  mult(): Node {
    let a = this.unary();
    while (this.isOp("*") || this.isOp("/") || this.isOp("%")) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      a = { k: "bin", op, a, b: this.unary() };
    }
    return a;
  }
  unary(): Node {
    if (this.isOp("!")) {
      this.i++;
      return { k: "un", op: "!", e: this.unary() };
    }
    if (this.isOp("-") || this.isOp("+")) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      return { k: "un", op, e: this.unary() };
    }
    return this.power();
  }
  power(): Node {
    const a = this.postfix();
    if (this.isOp("^")) {
      this.i++;
      return { k: "bin", op: "^", a, b: this.unary() };
    }
    return a;
  }
  postfix(): Node {
    if (this.isOp("++") || this.isOp("--")) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      return { k: "incdec", op, prefix: true, target: this.postfix() };
    }
    const p = this.primary();
    if ((this.isOp("++") || this.isOp("--")) && (p.k === "var" || p.k === "idx" || p.k === "field")) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      return { k: "incdec", op, prefix: false, target: p };
    }
    return p;
  }
  primary(): Node {
    const t = this.peek();
    this.i++;
    if (t.t === "num") return { k: "num", v: t.v };
    if (t.t === "str") return { k: "str", v: t.v };
    if (t.t === "re") return { k: "re", re: new RegExp(posixRegex(t.v, true)) };
    if (t.t === "op" && t.v === "$") return { k: "field", e: this.primaryForField() };
    if (t.t === "op" && t.v === "(") {
      const e = this.expr();
      if (this.isOp(",")) {
        const list = [e];
        while (this.isOp(",")) {
          this.i++;
          list.push(this.expr());
        }
        this.eat(")");
        if (this.peek().t === "name" && (this.peek() as { v: string }).v === "in") {
          this.i++;
          const n = this.peek() as { v: string };
          this.i++;
          return { k: "in", key: list, arr: n.v };
        }
        throw new AwkError("syntax error: grouping");
      }
      this.eat(")");
      return { k: "group", e };
    }
    if (t.t === "name") {
      if (this.isOp("(") ) {
        this.i++;
        const args = this.isOp(")") ? [] : this.exprList(false);
        this.eat(")");
        return { k: "call", name: t.v, args };
      }
      if (t.v === "length") return { k: "call", name: "length", args: [] };
      if (this.isOp("[")) {
        this.i++;
        const e = this.exprList(false);
        this.eat("]");
        return { k: "idx", name: t.v, e };
      }
      return { k: "var", name: t.v };
    }
    this.i--;
    throw new AwkError(`syntax error at source line 1 near ${this.describe()}`);
  }
  primaryForField(): Node {
    if (this.isOp("++") || this.isOp("--") || this.isOp("-")) return this.unary();
    return this.primary();
  }
}

type Val = string | number;

function looksNumeric(s: string): boolean {
  return /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(s);
}

function toNum(v: Val | undefined): number {
  if (v === undefined) return 0;
  if (typeof v === "number") return v;
  const m = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(v);
  return m ? Number(m[0]) : 0;
}

function numToStr(n: number, fmt = "%.6g"): string {
  if (Number.isInteger(n)) return String(n);
  void fmt;
  return String(Number(n.toPrecision(6)));
}

function toStr(v: Val | undefined): string {
  if (v === undefined) return "";
  return typeof v === "number" ? numToStr(v) : v;
}

function sprintf(fmt: string, args: Val[]): string {
  let ai = 0;
  return fmt.replace(/%([-+ 0#]*)(\d+|\*)?(?:\.(\d+|\*))?([sdicfeEgGxXou%])/g, (_m, flags: string, width: string | undefined, prec: string | undefined, conv: string) => {
    if (conv === "%") return "%";
    if (width === "*") width = String(toNum(args[ai++]));
    if (prec === "*") prec = String(toNum(args[ai++]));
    const a = args[ai++];
    let s: string;
    switch (conv) {
      case "s":
        s = toStr(a);
        if (prec !== undefined) s = s.slice(0, Number(prec));
        break;
      case "c":
        s = typeof a === "number" ? String.fromCharCode(a) : toStr(a).slice(0, 1);
        break;
      case "d":
      case "i":
        s = String(Math.trunc(toNum(a)));
        break;
      case "o":
        s = Math.trunc(toNum(a)).toString(8);
        break;
      case "x":
        s = Math.trunc(toNum(a)).toString(16);
        break;
      case "X":
        s = Math.trunc(toNum(a)).toString(16).toUpperCase();
        break;
      case "u":
        s = String(Math.abs(Math.trunc(toNum(a))));
        break;
      case "e":
      case "E":
        s = toNum(a).toExponential(prec === undefined ? 6 : Number(prec)).replace(/e([+-])(\d)$/, "e$10$2");
        if (conv === "E") s = s.toUpperCase();
        break;
      case "g":
      case "G":
        s = String(Number(toNum(a).toPrecision(prec === undefined ? 6 : Math.max(1, Number(prec)))));
        break;
      default:
        s = toNum(a).toFixed(prec === undefined ? 6 : Number(prec));
    }
    if (flags.includes("+") && "dieEfgG".includes(conv) && toNum(a) >= 0) s = "+" + s;
    const w = width === undefined ? 0 : Number(width);
    if (s.length < w) s = flags.includes("-") ? s.padEnd(w) : flags.includes("0") && conv !== "s" ? s.padStart(w, "0") : s.padStart(w);
    return s;
  });
}

class BreakSig {}
class ContinueSig {}

class Interp {
  vars = new Map<string, Val>();
  arrays = new Map<string, Map<string, Val>>();
  fields: string[] = [""];
  nf = 0;
  out = "";
  files = new Map<string, string>();
  steps = 0;
  constructor(private readonly fsSep: () => string) {}

  setRecord(line: string): void {
    this.fields = [line, ...this.split(line, this.fsSep())];
    this.nf = this.fields.length - 1;
  }
  split(s: string, sep: string): string[] {
    if (sep === " ") return s.split(/[ \t\n]+/).filter(Boolean);
    if (s === "") return [];
    if (sep.length === 1 && sep !== "\\") return s.split(sep);
    return s.split(new RegExp(posixRegex(sep, true)));
  }
  rebuild(): void {
    const ofs = toStr(this.vars.get("OFS") ?? " ");
    this.fields[0] = this.fields.slice(1).join(ofs);
  }
  getVar(name: string): Val | undefined {
    if (name === "NF") return this.nf;
    return this.vars.get(name);
  }
  setVar(name: string, v: Val): void {
    if (name === "NF") {
      this.nf = toNum(v);
      this.fields.length = this.nf + 1;
      for (let k = 0; k <= this.nf; k++) this.fields[k] ??= "";
      this.rebuild();
      return;
    }
    this.vars.set(name, v);
  }
  arr(name: string): Map<string, Val> {
    let a = this.arrays.get(name);
    if (!a) {
      a = new Map();
      this.arrays.set(name, a);
    }
    return a;
  }
  key(e: Node[]): string {
    const subsep = toStr(this.vars.get("SUBSEP") ?? "\x1c");
    return e.map((x) => toStr(this.eval(x))).join(subsep);
  }
  lvalue(n: Node): { get(): Val | undefined; set(v: Val): void } {
    if (n.k === "var") return { get: () => this.getVar(n.name), set: (v) => this.setVar(n.name, v) };
    if (n.k === "idx") {
      const k = this.key(n.e);
      const a = this.arr(n.name);
      return { get: () => a.get(k), set: (v) => void a.set(k, v) };
    }
    if (n.k === "field") {
      const i = Math.trunc(toNum(this.eval(n.e)));
      return {
        get: () => this.fields[i] ?? "",
        set: (v) => {
          if (i === 0) this.setRecord(toStr(v));
          else {
            while (this.fields.length <= i) this.fields.push("");
            this.fields[i] = toStr(v);
            this.nf = Math.max(this.nf, i);
            this.rebuild();
          }
        },
      };
    }
    if (n.k === "group") return this.lvalue(n.e);
    throw new AwkError("syntax error: assignment to non-variable");
  }
  truthy(v: Val | undefined, strnum: boolean): boolean {
    if (v === undefined) return false;
    if (typeof v === "number") return v !== 0;
    if (strnum && looksNumeric(v)) return toNum(v) !== 0;
    return v !== "";
  }
  isStrnum(n: Node): boolean {
    return n.k === "field" || n.k === "var" || n.k === "idx";
  }
  cond(n: Node): boolean {
    const v = this.eval(n);
    return this.truthy(v, this.isStrnum(n));
  }
  eval(n: Node): Val {
    if (++this.steps > 5_000_000) throw new AwkError("program too long-running for this terminal");
    switch (n.k) {
      case "num":
        return n.v;
      case "str":
        return n.v;
      case "re":
        return n.re.test(this.fields[0]) ? 1 : 0;
      case "group":
        return this.eval(n.e);
      case "field":
      case "var":
      case "idx":
        return this.lvalue(n).get() ?? "";
      case "assign": {
        const lv = this.lvalue(n.target);
        let v = this.eval(n.e);
        if (n.op !== "=") {
          const a = toNum(lv.get());
          const b = toNum(v);
          v = n.op === "+=" ? a + b : n.op === "-=" ? a - b : n.op === "*=" ? a * b : n.op === "/=" ? a / b : n.op === "%=" ? a % b : a ** b;
        }
        lv.set(v);
        return v;
      }
      case "incdec": {
        const lv = this.lvalue(n.target);
        const old = toNum(lv.get());
        const nv = n.op === "++" ? old + 1 : old - 1;
        lv.set(nv);
        return n.prefix ? nv : old;
      }
      case "un": {
        if (n.op === "!") return this.cond(n.e) ? 0 : 1;
        const v = toNum(this.eval(n.e));
        return n.op === "-" ? -v : v;
      }
      case "cond":
        return this.cond(n.c) ? this.eval(n.a) : this.eval(n.b);
      case "match": {
        const s = toStr(this.eval(n.a));
        const re = n.re.k === "re" ? n.re.re : new RegExp(posixRegex(toStr(this.eval(n.re)), true));
        return re.test(s) !== n.neg ? 1 : 0;
      }
      case "in":
        return this.arr(n.arr).has(this.key(n.key)) ? 1 : 0;
      case "bin":
        return this.binary(n);
      case "call":
        return this.call(n.name, n.args);
    }
  }
  binary(n: Extract<Node, { k: "bin" }>): Val {
    if (n.op === "&&") return this.cond(n.a) && this.cond(n.b) ? 1 : 0;
    if (n.op === "||") return this.cond(n.a) || this.cond(n.b) ? 1 : 0;
    const a = this.eval(n.a);
    const b = this.eval(n.b);
    switch (n.op) {
      case "concat":
        return toStr(a) + toStr(b);
      case "+":
        return toNum(a) + toNum(b);
      case "-":
        return toNum(a) - toNum(b);
      case "*":
        return toNum(a) * toNum(b);
      case "/":
        if (toNum(b) === 0) throw new AwkError("division by zero");
        return toNum(a) / toNum(b);
      case "%":
        if (toNum(b) === 0) throw new AwkError("division by zero in %");
        return toNum(a) % toNum(b);
      case "^":
        return toNum(a) ** toNum(b);
    }
    // Comparison: numeric when both sides are numbers or numeric-looking input, else as strings.
    const numA = typeof a === "number" || (this.isStrnum(n.a) && looksNumeric(a));
    const numB = typeof b === "number" || (this.isStrnum(n.b) && looksNumeric(b));
    let c: number;
    if (numA && numB) c = toNum(a) - toNum(b);
    else {
      const sa = toStr(a);
      const sb = toStr(b);
      c = sa < sb ? -1 : sa > sb ? 1 : 0;
    }
    switch (n.op) {
      case "<":
        return c < 0 ? 1 : 0;
      case "<=":
        return c <= 0 ? 1 : 0;
      case ">":
        return c > 0 ? 1 : 0;
      case ">=":
        return c >= 0 ? 1 : 0;
      case "==":
        return c === 0 ? 1 : 0;
      default:
        return c !== 0 ? 1 : 0;
    }
  }
  call(name: string, args: Node[]): Val {
    const s = (i: number) => toStr(args[i] ? this.eval(args[i]) : undefined);
    switch (name) {
      case "length":
        if (args.length === 0) return [...this.fields[0]].length;
        if (args[0].k === "var" && this.arrays.has(args[0].name)) return this.arrays.get(args[0].name)!.size;
        return [...s(0)].length;
      case "substr": {
        const str = s(0);
        const start = Math.round(toNum(this.eval(args[1])));
        const len = args[2] ? Math.round(toNum(this.eval(args[2]))) : Infinity;
        const from = Math.max(start, 1);
        const to = len === Infinity ? str.length + 1 : start + len;
        return to <= from ? "" : str.slice(from - 1, to - 1);
      }
      case "index":
        return s(0).indexOf(s(1)) + 1;
      case "split": {
        const arrNode = args[1];
        if (arrNode?.k !== "var") throw new AwkError("split: second argument must be an array");
        const parts = this.split(s(0), args[2] ? toStr(args[2].k === "re" ? args[2].re.source : this.eval(args[2])) : toStr(this.vars.get("FS") ?? " "));
        const a = new Map<string, Val>();
        parts.forEach((p, i) => a.set(String(i + 1), p));
        this.arrays.set(arrNode.name, a);
        return parts.length;
      }
      case "sub":
      case "gsub": {
        const re = args[0].k === "re" ? new RegExp(args[0].re.source, "g") : new RegExp(posixRegex(s(0), true), "g");
        const target = args[2] ?? ({ k: "field", e: { k: "num", v: 0 } } as Node);
        const lv = this.lvalue(target);
        const rep = s(1);
        let count = 0;
        const res = toStr(lv.get()).replace(re, (m) => {
          if (name === "sub" && count > 0) return m;
          count++;
          return rep.replace(/\\\\|\\&|&/g, (x) => (x === "&" ? m : x === "\\&" ? "&" : "\\"));
        });
        if (count) lv.set(res);
        return count;
      }
      case "match": {
        const re = args[1].k === "re" ? args[1].re : new RegExp(posixRegex(s(1), true));
        const m = re.exec(s(0));
        this.vars.set("RSTART", m ? m.index + 1 : 0);
        this.vars.set("RLENGTH", m ? m[0].length : -1);
        return m ? m.index + 1 : 0;
      }
      case "tolower":
        return s(0).toLowerCase();
      case "toupper":
        return s(0).toUpperCase();
      case "sprintf":
        return sprintf(s(0), args.slice(1).map((a) => this.eval(a)));
      case "int":
        return Math.trunc(toNum(this.eval(args[0])));
      case "sqrt":
        return Math.sqrt(toNum(this.eval(args[0])));
      case "system":
        return 0;
    }
    throw new AwkError(`calling undefined function ${name}`);
  }
  write(text: string, dest?: { append: boolean; e: Node }): void {
    if (!dest) {
      this.out += text;
      return;
    }
    const f = toStr(this.eval(dest.e));
    this.files.set(f, (this.files.get(f) ?? "") + text);
    if (!dest.append && !this.truncated.has(f)) this.truncated.add(f);
  }
  truncated = new Set<string>();
  exec(s: Stmt): void {
    switch (s.k) {
      case "print": {
        const ofs = toStr(this.vars.get("OFS") ?? " ");
        const ors = toStr(this.vars.get("ORS") ?? "\n");
        const text = s.args.length === 0 ? this.fields[0] : s.args.map((a) => { const v = this.eval(a); return typeof v === "number" ? numToStr(v, toStr(this.vars.get("OFMT") ?? "%.6g")) : v; }).join(ofs);
        this.write(text + ors, s.dest);
        return;
      }
      case "printf": {
        if (s.args.length === 0) throw new AwkError("printf: no format");
        const vals = s.args.map((a) => this.eval(a));
        this.write(sprintf(toStr(vals[0]), vals.slice(1)), s.dest);
        return;
      }
      case "expr":
        this.eval(s.e);
        return;
      case "if":
        if (this.cond(s.c)) this.exec(s.a);
        else if (s.b) this.exec(s.b);
        return;
      case "while":
        while (this.cond(s.c)) {
          try {
            this.exec(s.body);
          } catch (e) {
            if (e instanceof BreakSig) break;
            if (!(e instanceof ContinueSig)) throw e;
          }
        }
        return;
      case "do":
        do {
          try {
            this.exec(s.body);
          } catch (e) {
            if (e instanceof BreakSig) break;
            if (!(e instanceof ContinueSig)) throw e;
          }
        } while (this.cond(s.c));
        return;
      case "for":
        if (s.init) this.eval(s.init);
        while (!s.c || this.cond(s.c)) {
          try {
            this.exec(s.body);
          } catch (e) {
            if (e instanceof BreakSig) break;
            if (!(e instanceof ContinueSig)) throw e;
          }
          if (s.step) this.eval(s.step);
        }
        return;
      case "forin":
        for (const k of [...this.arr(s.arr).keys()]) {
          this.setVar(s.v, k);
          try {
            this.exec(s.body);
          } catch (e) {
            if (e instanceof BreakSig) break;
            if (!(e instanceof ContinueSig)) throw e;
          }
        }
        return;
      case "block":
        for (const x of s.body) this.exec(x);
        return;
      case "next":
        throw new NextSignal();
      case "exit":
        throw new ExitSignal(s.e ? toNum(this.eval(s.e)) : 0);
      case "break":
        throw new BreakSig();
      case "continue":
        throw new ContinueSig();
      case "delete":
        if (s.e) this.arr(s.arr).delete(this.key(s.e));
        else this.arr(s.arr).clear();
        return;
    }
  }
}

export const awk: CommandFn = (io) => {
  let fs = " ";
  const assigns: [string, string][] = [];
  let program: string | undefined;
  const files: string[] = [];
  const args = io.args;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (program === undefined && a === "-F") fs = args[++i] ?? " ";
    else if (program === undefined && a.startsWith("-F")) fs = a.slice(2);
    else if (program === undefined && a === "-v") {
      const m = /^([A-Za-z_]\w*)=(.*)$/s.exec(args[++i] ?? "");
      if (m) assigns.push([m[1], escapes(m[2]).text]);
    } else if (program === undefined && a === "--") continue;
    else if (program === undefined && a.startsWith("-") && a !== "-") {
      io.stderr(`awk: not an option: ${a}\n`);
      return 2;
    } else if (program === undefined) program = a;
    else files.push(a);
  }
  if (program === undefined) {
    io.stderr("usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]\n");
    return 2;
  }
  if (fs === "t") fs = "\t";
  else fs = escapes(fs).text;
  let rules: Rule[];
  try {
    rules = new Parser(lex(program)).program();
  } catch (e) {
    if (e instanceof AwkError) {
      io.stderr(`awk: ${e.message}\n awk: cmd. line:1: ${program.split("\n")[0]}\n`);
      return 2;
    }
    throw e;
  }
  const it: Interp = new Interp((): string => toStr(it.vars.get("FS") ?? " "));
  it.vars.set("FS", fs);
  it.vars.set("OFS", " ");
  it.vars.set("ORS", "\n");
  it.vars.set("NR", 0);
  it.vars.set("SUBSEP", "\x1c");
  const env = new Map<string, Val>();
  for (const [k, v] of Object.entries(io.env)) env.set(k, v);
  it.arrays.set("ENVIRON", env);
  for (const [k, v] of assigns) it.vars.set(k, v);
  let exitCode = 0;
  let code = 0;
  const finish = () => {
    io.stdout(it.out);
    for (const [f, text] of it.files) {
      if (f === "/dev/stderr") {
        io.stderr(text);
        continue;
      }
      if (f === "/dev/stdout") {
        io.stdout(text);
        continue;
      }
      const e = it.truncated.has(f) ? io.fs.writeFile(resolvePath(io.cwd, f), text) : io.fs.appendFile(resolvePath(io.cwd, f), text);
      if (e) io.stderr(`awk: can't redirect to ${f}: ${errnoMessage(e.error)}\n`);
    }
  };
  try {
    for (const r of rules) if (r.kind === "begin") it.exec(r.action!);
    const hasMain = rules.some((r) => r.kind !== "begin");
    if (hasMain) {
      const inputs: { name: string; text: string }[] = [];
      if (files.length === 0) inputs.push({ name: "", text: io.stdin });
      for (const f of files) {
        const m = /^([A-Za-z_]\w*)=(.*)$/s.exec(f);
        if (m) {
          inputs.push({ name: "\0assign", text: f });
          continue;
        }
        if (f === "-") {
          inputs.push({ name: "-", text: io.stdin });
          continue;
        }
        const t = io.fs.readFile(resolvePath(io.cwd, f));
        if (isFsError(t)) {
          io.stderr(`awk: fatal: cannot open file \`${f}' for reading: ${errnoMessage(t.error)}\n`);
          code = 2;
          break;
        }
        inputs.push({ name: f, text: t });
      }
      let nr = 0;
      outer: for (const input of inputs) {
        if (input.name === "\0assign") {
          const eq = input.text.indexOf("=");
          it.vars.set(input.text.slice(0, eq), input.text.slice(eq + 1));
          continue;
        }
        it.vars.set("FILENAME", input.name);
        const ls = input.text.split("\n");
        if (ls[ls.length - 1] === "") ls.pop();
        let fnr = 0;
        for (const line of ls) {
          it.vars.set("NR", ++nr);
          it.vars.set("FNR", ++fnr);
          it.setRecord(line);
          try {
            for (const r of rules) {
              if (r.kind !== "main") continue;
              let sel: boolean;
              if (!r.pattern) sel = true;
              else if (r.range) {
                if (r.inRange) {
                  sel = true;
                  if (it.cond(r.range)) r.inRange = false;
                } else if (it.cond(r.pattern)) {
                  sel = true;
                  r.inRange = !it.cond(r.range);
                } else sel = false;
              } else sel = it.cond(r.pattern);
              if (!sel) continue;
              if (r.action) it.exec(r.action);
              else it.out += it.fields[0] + toStr(it.vars.get("ORS") ?? "\n");
            }
          } catch (e) {
            if (e instanceof NextSignal) continue;
            if (e instanceof ExitSignal) {
              exitCode = e.code;
              break outer;
            }
            throw e;
          }
        }
      }
    }
    for (const r of rules) if (r.kind === "end") it.exec(r.action!);
  } catch (e) {
    if (e instanceof ExitSignal) exitCode = e.code;
    else if (e instanceof AwkError) {
      finish();
      io.stderr(`awk: ${e.message}\n`);
      return 2;
    } else if (e instanceof BreakSig || e instanceof ContinueSig || e instanceof NextSignal) exitCode = 0;
    else throw e;
  }
  finish();
  return code || exitCode;
};
