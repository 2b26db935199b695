import type { HostFs } from "../cluster/index";
import { ArithError, evalArith } from "./arith";
import { braceExpand } from "./brace";
import { expandGlob, hasGlob, patternMatcher, patternSource } from "./glob";
import { hasExtglob } from "./pattern-match";
import { declareQuote, type ShellArray } from "./shell-array";
import { lexText, type Word, type WordPart } from "./tokenizer";
import { VariableError } from "./variables";

/** What expansion needs from the running shell. */
export interface ExpandContext {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  /** Positional parameters ($1...). */
  positional: string[];
  lastExit: number;
  /** Run `$(...)` and return its stdout. */
  commandSubst(src: string): Promise<string>;
  /** Arrays by name; a plain variable reads as element 0. */
  getArray?(name: string): ShellArray | undefined;
  /** Run `<(...)` and return the /dev/fd path that reads its output. */
  processSubst?(src: string): Promise<string>;
  /** Names of all variables and arrays (`${!prefix@}`). */
  varNames?(): string[];
  /** `shopt -s extglob`: `@(a|b)` and friends are patterns in globs, `case` and `${x#pat}`. */
  extglob?: boolean;
  /** Attribute letters of a scalar (`${x@a}`: "i" for `declare -i`). */
  attributes?(name: string): string;
  /** A non-fatal expansion error ("a: bad array subscript"): printed, and expansion goes on. */
  warn?(message: string): void;
  fs: HostFs;
  cwd: string;
}

/** An expansion failed the way bash reports it ("${x:?}", bad substitution, arithmetic). */
export class ExpansionError extends Error {}

interface Field {
  s: string;
  /** Per character: may it act as a glob metacharacter? */
  g: boolean[];
  quoted: boolean;
}

function paramValue(name: string, ctx: ExpandContext): string | undefined {
  switch (name) {
    case "?":
      return String(ctx.lastExit);
    case "$":
      // The login shell's pid, as `ps` lists it.
      return "4711";
    case "#":
      return String(ctx.positional.length);
    case "0":
      return "bash";
    case "@":
    case "*":
      return ctx.positional.join(" ");
    case "!":
      return "";
    case "-":
      return "himBHs";
  }
  if (/^[1-9][0-9]*$/.test(name)) return ctx.positional[Number(name) - 1];
  return ctx.getVar(name);
}

type ParamPart = Extract<WordPart, { t: "param" }>;

/** Elements of `${name[@]}`, `$@`, `${!name[@]}` (the keys) or `${!prefix@}`: undefined when not multi-valued. */
function multiValues(p: ParamPart, ctx: ExpandContext): string[] | undefined {
  if (p.op === "keys") {
    const arr = ctx.getArray?.(p.name);
    if (arr) return arr.keys().map(String);
    return ctx.getVar(p.name) === undefined ? [] : ["0"];
  }
  if (p.op === "names@" || p.op === "names*") return (ctx.varNames?.() ?? []).filter((n) => n.startsWith(p.name));
  if (p.index === undefined) return p.name === "@" || p.name === "*" ? ctx.positional : undefined;
  if (p.index !== "@" && p.index !== "*") return undefined;
  const arr = ctx.getArray?.(p.name);
  if (arr) return arr.values();
  const v = ctx.getVar(p.name);
  return v === undefined ? [] : [v];
}

function arith(text: string, ctx: ExpandContext): number {
  try {
    return evalArith(text, (n) => ctx.getVar(n), (n, v) => ctx.setVar(n, v));
  } catch (e) {
    if (e instanceof ArithError || e instanceof VariableError) throw new ExpansionError(e.message);
    throw e;
  }
}

/** `${name[sub]}`: an associative array's key is expanded as a word; any other subscript is arithmetic. */
async function elementValue(p: ParamPart, sub: string, ctx: ExpandContext): Promise<string | undefined> {
  if (sub.trim() === "") throw new ExpansionError(`\${${p.name}[${sub}]}: bad substitution`);
  const arr = ctx.getArray?.(p.name);
  if (arr?.kind === "assoc") return arr.get(await partsText(lexText(sub, false), ctx));
  const n = arith(await expandArithText(sub, ctx), ctx);
  const scalar = ctx.getVar(p.name);
  if (!arr) return n === 0 || n === -1 ? scalar : undefined;
  const i = n < 0 ? arr.maxIndex + 1 + n : n;
  if (i < 0) {
    ctx.warn?.(`${p.name}: bad array subscript`);
    return undefined;
  }
  return arr.get(i);
}

async function scalarValue(p: ParamPart, ctx: ExpandContext): Promise<string | undefined> {
  if (p.op === "indirect") {
    const target = paramValue(p.name, ctx);
    if (target === undefined || target === "") return undefined;
    const sub = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/s.exec(target);
    if (sub) return elementValue({ ...p, name: sub[1] }, sub[2], ctx);
    return paramValue(target, ctx);
  }
  if (p.index === undefined) return paramValue(p.name, ctx);
  return elementValue(p, p.index, ctx);
}

/** `"$*"` and `"${a[*]}"` join with the first character of IFS (a space when IFS is unset, nothing when empty). */
function joiner(ctx: ExpandContext): string {
  const ifs = ctx.getVar("IFS");
  return ifs === undefined ? " " : ifs.slice(0, 1);
}

/** Operators that apply to each element of `${a[@]}` / `$@` on its own. */
const PER_ELEMENT = new Set(["#", "##", "%", "%%", "/", "//", "^", "^^", ",", ",,", "~", "~~", "@"]);

/** The fields of a multi-valued expansion after its operator, or undefined when the part is a single value. */
async function multiExpanded(p: ParamPart, ctx: ExpandContext): Promise<string[] | undefined> {
  const all = multiValues(p, ctx);
  if (!all) return undefined;
  if (!p.op || p.op === "keys" || p.op.startsWith("names")) return all;
  if (p.op === ":") return sliceElements(all, p, ctx);
  if (p.op === "@" && (p.arg?.[0]?.t === "lit" ? p.arg[0].v : "") === "K") {
    // `${m[@]@K}`: key and quoted value pairs.
    const arr = ctx.getArray?.(p.name);
    const entries: [string, string][] = arr ? arr.entries().map(([k, v]) => [String(k), v]) : all.map((v, i) => [String(i), v]);
    return entries.flatMap(([k, v]) => [k, declareQuote(v)]);
  }
  if (PER_ELEMENT.has(p.op)) {
    const out: string[] = [];
    for (const v of all) out.push(await valueOp(v, p, ctx));
    return out;
  }
  return undefined;
}

/** `${a[@]:offset:length}`: for a sparse indexed array the offset is an index, not a position. */
async function sliceElements(all: string[], p: ParamPart, ctx: ExpandContext): Promise<string[]> {
  const arr = p.index === undefined ? undefined : ctx.getArray?.(p.name);
  if (arr?.kind !== "indexed") return slice(all, p, ctx, p.index === undefined);
  const text = await partsText(p.arg, ctx);
  const colon = text.indexOf(":");
  let start = arith(colon < 0 ? text : text.slice(0, colon), ctx);
  if (start < 0) start = arr.maxIndex + 1 + start;
  if (start < 0) return [];
  const picked = arr.entries().filter(([k]) => k >= start).map(([, v]) => v);
  if (colon < 0) return picked;
  const len = arith(text.slice(colon + 1), ctx);
  if (len < 0) throw new ExpansionError(`${text.slice(colon + 1).trim()}: substring expression < 0`);
  return picked.slice(0, len);
}

async function partsText(parts: WordPart[] | undefined, ctx: ExpandContext): Promise<string> {
  if (!parts) return "";
  let out = "";
  for (const p of parts) out += await partValue(p, ctx);
  return out;
}

async function partValue(p: WordPart, ctx: ExpandContext): Promise<string> {
  switch (p.t) {
    case "lit":
      return p.v;
    case "cmd":
      if (p.procsub) return ctx.processSubst ? ctx.processSubst(p.src) : "";
      return (await ctx.commandSubst(p.src)).replace(/\n+$/, "");
    case "arith":
      try {
        // Variables inside $(( )) may themselves hold $-expansions; expand the text first.
        const text = await partsText(lexText(p.src, true), ctx);
        return String(evalArith(text, (n) => ctx.getVar(n), (n, v) => ctx.setVar(n, v)));
      } catch (e) {
        if (e instanceof ArithError) throw new ExpansionError(e.message);
        throw e;
      }
    case "param":
      return paramExpand(p, ctx);
  }
}

/** `${x:offset:length}` on a string, or on the elements of `${@:...}` / `${arr[@]:...}`. */
async function slice<T extends string | string[]>(v: T, p: Extract<WordPart, { t: "param" }>, ctx: ExpandContext, positional = false): Promise<T> {
  const text = await partsText(p.arg, ctx);
  const colon = text.indexOf(":");
  const arith = (e: string) => {
    try {
      return evalArith(e, (n) => ctx.getVar(n), (n, x) => ctx.setVar(n, x));
    } catch (err) {
      if (err instanceof ArithError) throw new ExpansionError(err.message);
      throw err;
    }
  };
  const items: string[] = typeof v === "string" ? [...v] : positional ? ["bash", ...v] : v;
  let start = arith(colon < 0 ? text : text.slice(0, colon));
  if (start < 0) start = Math.max(0, items.length + start);
  let end = items.length;
  if (colon >= 0) {
    const len = arith(text.slice(colon + 1));
    if (len < 0) {
      if (typeof v !== "string") throw new ExpansionError(`${text.slice(colon + 1).trim()}: substring expression < 0`);
      end = items.length + len;
      if (end < start) throw new ExpansionError(`${text.slice(colon + 1).trim()}: substring expression < 0`);
    } else end = Math.min(items.length, start + len);
  }
  const picked = items.slice(start, Math.max(start, end));
  return (typeof v === "string" ? picked.join("") : picked) as T;
}

async function paramExpand(p: ParamPart, ctx: ExpandContext): Promise<string> {
  if (p.op === "bad") throw new ExpansionError(`\${${p.name}}: bad substitution`);
  const many = await multiExpanded(p, ctx);
  if (many) return many.join(p.name === "*" || p.index === "*" || p.op === "names*" ? joiner(ctx) : " ");
  if (p.op === ":") return slice((await scalarValue(p, ctx)) ?? "", p, ctx);
  if (p.op === "#len" && (p.index === "@" || p.index === "*")) return String(multiValues(p, ctx)!.length);
  const all = multiValues(p, ctx);
  const v = all ? (all.length ? all.join(" ") : undefined) : await scalarValue(p, ctx);
  if (p.op === "#len") return String((v ?? "").length);
  return valueOp(v, p, ctx);
}

/** The text of an operator's pattern word, with quoted characters marked inactive (they match themselves). */
async function patternText(p: ParamPart, ctx: ExpandContext): Promise<{ s: string; active: boolean[] }> {
  let s = "";
  const active: boolean[] = [];
  for (const part of p.arg ?? []) {
    const text = part.t === "lit" ? part.v : await partValue(part, ctx);
    s += text;
    for (let k = 0; k < text.length; k++) active.push(!part.q);
  }
  return { s, active };
}

const upper = (c: string) => c.toUpperCase();
const lower = (c: string) => c.toLowerCase();
const toggle = (c: string) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase());

/** Apply `${x<op>arg}` to one value (undefined when unset). */
async function valueOp(v: string | undefined, p: ParamPart, ctx: ExpandContext): Promise<string> {
  if (!p.op || p.op === "indirect") return v ?? "";
  const unsetOrEmpty = v === undefined || (p.op.startsWith(":") && v === "");
  switch (p.op) {
    case ":-":
    case "-":
      return unsetOrEmpty ? partsText(p.arg, ctx) : v!;
    case ":=":
    case "=": {
      if (!unsetOrEmpty) return v!;
      const d = await partsText(p.arg, ctx);
      ctx.setVar(p.name, d);
      return d;
    }
    case ":+":
    case "+":
      return unsetOrEmpty ? "" : partsText(p.arg, ctx);
    case ":?":
    case "?": {
      if (!unsetOrEmpty) return v!;
      const msg = await partsText(p.arg, ctx);
      throw new ExpansionError(`${p.name}: ${msg || "parameter null or not set"}`);
    }
    case "#":
    case "##":
    case "%":
    case "%%": {
      const s = v ?? "";
      const pat = await patternText(p, ctx);
      const ext = (ctx.extglob ?? false) && hasExtglob(pat.s, pat.active);
      const full = patternMatcher(pat.s, pat.active, ext);
      const longest = p.op.length === 2;
      if (!ext) {
        // One search first: most values do not match at all, and `##` / `%%` need no more than it.
        const src = patternSource(pat.s, pat.active);
        const m = new RegExp(p.op[0] === "#" ? `^(?:${src})` : `(?:${src})$`, "s").exec(s);
        if (!m) return s;
        if (longest) return p.op[0] === "#" ? s.slice(m[0].length) : s.slice(0, m.index);
      }
      if (p.op[0] === "#") {
        for (let n = 0; n <= s.length; n++) {
          const k = longest ? s.length - n : n;
          if (full(s.slice(0, k))) return s.slice(k);
        }
        return s;
      }
      for (let n = 0; n <= s.length; n++) {
        const k = longest ? n : s.length - n;
        if (full(s.slice(k))) return s.slice(0, k);
      }
      return s;
    }
    case "/":
    case "//":
      return substitute(v ?? "", p, ctx);
    case "@":
      return transform(v, p, ctx);
    case "^":
    case "^^":
    case ",":
    case ",,":
    case "~":
    case "~~": {
      const s = v ?? "";
      const pat = await patternText(p, ctx);
      const matches = pat.s === "" ? () => true : patternMatcher(pat.s, pat.active, ctx.extglob);
      const change = p.op[0] === "^" ? upper : p.op[0] === "," ? lower : toggle;
      const all = p.op.length === 2;
      let out = "";
      let done = false;
      for (const c of s) {
        if (!done && matches(c)) {
          out += change(c);
          done = !all;
        } else {
          out += c;
          if (!all) done = true;
        }
      }
      return out;
    }
  }
  return v ?? "";
}

/** `${x@Q}` and the other transformations: quoted, upper/lower case, attributes. */
function transform(v: string | undefined, p: ParamPart, ctx: ExpandContext): string {
  const t = p.arg?.[0]?.t === "lit" ? p.arg[0].v : "";
  if (t === "a") {
    const arr = ctx.getArray?.(p.name);
    return arr ? (arr.kind === "assoc" ? "A" : "a") : (ctx.attributes?.(p.name) ?? "");
  }
  if (v === undefined) return "";
  switch (t) {
    case "Q":
      return /[\x00-\x1f\x7f]/.test(v) ? declareQuote(v) : `'${v.replace(/'/g, "'\\''")}'`;
    case "U":
      return v.toUpperCase();
    case "L":
      return v.toLowerCase();
    case "u":
      return v.charAt(0).toUpperCase() + v.slice(1);
    case "K":
      return declareQuote(v);
  }
  return v;
}

/** `${x/pat/rep}`, `${x//pat/rep}`, `${x/#pat/rep}`, `${x/%pat/rep}`: the longest match at the leftmost place. */
async function substitute(s: string, p: ParamPart, ctx: ExpandContext): Promise<string> {
  const arg = await patternText(p, ctx);
  let slash = -1;
  for (let k = 0; k < arg.s.length; k++) {
    if (arg.s[k] === "/" && arg.active[k]) {
      slash = k;
      break;
    }
  }
  let pat = slash < 0 ? arg.s : arg.s.slice(0, slash);
  let act = slash < 0 ? arg.active : arg.active.slice(0, slash);
  const rep = slash < 0 ? "" : arg.s.slice(slash + 1);
  let anchor = "";
  if (p.op === "/" && (pat[0] === "#" || pat[0] === "%") && act[0]) {
    anchor = pat[0];
    pat = pat.slice(1);
    act = act.slice(1);
  }
  if (pat === "" && anchor === "") return s;
  if (anchor === "" && !(ctx.extglob && hasExtglob(pat, act))) {
    // Plain globs become one RegExp: fast on long values (a file read into a variable).
    const re = new RegExp(patternSource(pat, act), p.op === "//" ? "gs" : "s");
    return s.replace(re, () => rep);
  }
  const full = patternMatcher(pat, act, ctx.extglob);
  if (anchor === "#") {
    for (let k = s.length; k >= 0; k--) if (full(s.slice(0, k))) return rep + s.slice(k);
    return s;
  }
  if (anchor === "%") {
    for (let k = 0; k <= s.length; k++) if (full(s.slice(k))) return s.slice(0, k) + rep;
    return s;
  }
  let out = "";
  let i = 0;
  while (i < s.length) {
    let end = -1;
    for (let j = s.length; j > i; j--) {
      if (full(s.slice(i, j))) {
        end = j;
        break;
      }
    }
    if (end < 0) {
      out += s[i++];
      continue;
    }
    out += rep;
    i = end;
    if (p.op === "/") return out + s.slice(i);
  }
  return out;
}

/**
 * Field splitting with a custom IFS: IFS blanks collapse and are trimmed at both ends; each other IFS
 * character ends a field, so "a,,b" gives "a", "", "b" with IFS=",".
 */
export function ifsSplit(value: string, ifs: string): string[] {
  if (ifs === "") return value === "" ? [] : [value];
  const isWs = (c: string) => ifs.includes(c) && " \t\n".includes(c);
  const isSep = (c: string) => ifs.includes(c) && !isWs(c);
  const fields: string[] = [];
  let cur = "";
  let i = 0;
  while (i < value.length && isWs(value[i])) i++;
  while (i < value.length) {
    const c = value[i];
    if (isSep(c) || isWs(c)) {
      while (i < value.length && isWs(value[i])) i++;
      if (isSep(c) || (i < value.length && isSep(value[i]))) {
        i++;
        while (i < value.length && isWs(value[i])) i++;
      }
      fields.push(cur);
      cur = "";
      continue;
    }
    cur += c;
    i++;
  }
  if (cur !== "") fields.push(cur);
  return fields;
}

/** Expand a word into fields: parameters, command substitution, arithmetic, splitting, globbing, quote removal. */
export async function expandWords(words: Word[], ctx: ExpandContext): Promise<string[]> {
  const out: string[] = [];
  for (const w of words.flatMap(braceExpand)) out.push(...(await expandOne(w, ctx)));
  return out;
}

async function expandOne(w: Word, ctx: ExpandContext): Promise<string[]> {
  const fields: Field[] = [];
  let cur: Field | undefined;
  const add = (text: string, glob: boolean, quoted: boolean) => {
    if (!cur) {
      cur = { s: "", g: [], quoted: false };
      fields.push(cur);
    }
    cur.s += text;
    for (let k = 0; k < text.length; k++) cur.g.push(glob);
    if (quoted) cur.quoted = true;
  };
  for (const p of w.parts) {
    if (p.t === "lit") {
      add(p.v, !p.q, p.q);
      continue;
    }
    const many = p.t === "param" && p.q ? await multiExpanded(p, ctx) : undefined;
    if (many && p.t === "param" && (p.name === "@" || p.index === "@" || p.op === "names@")) {
      // "$@": one field per element, the first and last joined to the text around them; none at all when empty.
      many.forEach((v, idx) => {
        if (idx > 0) cur = undefined;
        add(v, false, true);
      });
      continue;
    }
    const value = await partValue(p, ctx);
    if (p.q) {
      add(value, false, true);
      continue;
    }
    // Unquoted expansion: split on IFS; each piece may glob.
    const ifs = ctx.getVar("IFS");
    if (ifs === undefined || ifs === " \t\n") {
      const pieces = value.split(/[ \t\n]+/);
      pieces.forEach((piece, idx) => {
        if (idx > 0) cur = undefined;
        if (piece !== "") add(piece, true, false);
      });
      continue;
    }
    ifsSplit(value, ifs).forEach((piece, idx) => {
      if (idx > 0) cur = undefined;
      add(piece, true, false);
      // A field between two IFS delimiters like "," is kept even when empty.
      if (piece === "") cur!.quoted = true;
    });
  }
  const result: string[] = [];
  for (const f of fields) {
    if (f.s === "" && !f.quoted) continue;
    if (hasGlob(f.s, f.g, ctx.extglob)) {
      const matches = expandGlob(f.s, f.g, ctx.fs, ctx.cwd, ctx.extglob);
      if (matches.length) {
        result.push(...matches);
        continue;
      }
    }
    result.push(f.s);
  }
  return result;
}

/**
 * Expand a word as a pattern (`case`, `[[ == ]]`, `[[ =~ ]]`): no splitting or globbing; `active[i]` is false
 * where the character came from quotes or a backslash, so it matches only itself.
 */
export async function expandPattern(w: Word, ctx: ExpandContext): Promise<{ s: string; active: boolean[] }> {
  let s = "";
  const active: boolean[] = [];
  for (const p of w.parts) {
    const text = p.t === "lit" ? p.v : await partValue(p, ctx);
    s += text;
    for (let k = 0; k < text.length; k++) active.push(!p.q);
  }
  return { s, active };
}

/** The text of `(( ))` / `$(( ))` with its `$`-expansions done, ready for evalArith. */
export async function expandArithText(src: string, ctx: ExpandContext): Promise<string> {
  return partsText(lexText(src, true), ctx);
}

/** Expand without splitting or globbing (assignments, redirect targets, heredoc bodies). */
export async function expandNoSplit(w: Word, ctx: ExpandContext): Promise<string> {
  return partsText(w.parts, ctx);
}

/** Expand an unquoted heredoc body: $vars, $(cmd), `cmd`, and \$ \` \\ escapes. */
export async function expandHeredoc(body: string, ctx: ExpandContext): Promise<string> {
  return partsText(lexText(body, false, true), ctx);
}
