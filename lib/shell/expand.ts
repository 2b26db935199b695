import type { HostFs } from "../cluster/index";
import { ArithError, evalArith } from "./arith";
import { braceExpand } from "./brace";
import { expandGlob, hasGlob, patternToRegExp } from "./glob";
import { lexText, type Word, type WordPart } from "./tokenizer";

/** What expansion needs from the running shell. */
export interface ExpandContext {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  /** Positional parameters ($1...). */
  positional: string[];
  lastExit: number;
  /** Run `$(...)` and return its stdout. */
  commandSubst(src: string): Promise<string>;
  /** Indexed arrays (BASH_REMATCH); a plain variable reads as element 0. */
  getArray?(name: string): string[] | undefined;
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

/** Elements of `${name[@]}`, or of `$@`: undefined when the part is not multi-valued. */
function multiValues(p: Extract<WordPart, { t: "param" }>, ctx: ExpandContext): string[] | undefined {
  if (p.index === undefined) return p.name === "@" || p.name === "*" ? ctx.positional : undefined;
  if (p.index !== "@" && p.index !== "*") return undefined;
  const arr = ctx.getArray?.(p.name);
  if (arr) return arr;
  const v = ctx.getVar(p.name);
  return v === undefined ? [] : [v];
}

function indexedValue(p: Extract<WordPart, { t: "param" }>, ctx: ExpandContext): string | undefined {
  const all = multiValues(p, ctx);
  if (all) return all.join(" ");
  if (p.index === undefined) return paramValue(p.name, ctx);
  const arr = ctx.getArray?.(p.name) ?? (ctx.getVar(p.name) === undefined ? [] : [ctx.getVar(p.name)!]);
  const n = Number(p.index.trim() === "" ? NaN : p.index);
  if (!Number.isInteger(n)) return arr[0];
  return arr[n < 0 ? arr.length + n : n];
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

async function paramExpand(p: Extract<WordPart, { t: "param" }>, ctx: ExpandContext): Promise<string> {
  if (p.op === "bad") throw new ExpansionError(`\${${p.name}}: bad substitution`);
  if (p.op === ":") {
    const all = multiValues(p, ctx);
    if (all) return (await slice(all, p, ctx, p.index === undefined)).join(" ");
    return slice(indexedValue(p, ctx) ?? "", p, ctx);
  }
  if (p.op === "#len" && (p.index === "@" || p.index === "*")) return String(multiValues(p, ctx)!.length);
  const v = indexedValue(p, ctx);
  if (p.op === "#len") return String((v ?? "").length);
  if (!p.op) return v ?? "";
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
      const pat = await partsText(p.arg, ctx);
      const greedy = p.op.length === 2;
      const re = patternToRegExp(pat, greedy);
      if (p.op[0] === "#") {
        const m = new RegExp("^(?:" + re.source + ")", "s").exec(s);
        if (!greedy) {
          for (let k = 0; k <= s.length; k++) if (new RegExp("^(?:" + re.source + ")$", "s").test(s.slice(0, k))) return s.slice(k);
          return s;
        }
        return m ? s.slice(m[0].length) : s;
      }
      const tails: number[] = [];
      for (let k = s.length; k >= 0; k--) if (new RegExp("^(?:" + re.source + ")$", "s").test(s.slice(k))) tails.push(k);
      if (tails.length === 0) return s;
      return s.slice(0, greedy ? Math.min(...tails) : Math.max(...tails));
    }
    case "/":
    case "//": {
      const s = v ?? "";
      const argText = await partsText(p.arg, ctx);
      const slash = argText.indexOf("/");
      const pat = slash < 0 ? argText : argText.slice(0, slash);
      const rep = slash < 0 ? "" : argText.slice(slash + 1);
      if (pat === "") return s;
      const re = new RegExp(patternToRegExp(pat).source, p.op === "//" ? "gs" : "s");
      return s.replace(re, () => rep);
    }
  }
  return v ?? "";
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
    let many = p.t === "param" && p.q && (!p.op || p.op === ":") ? multiValues(p, ctx) : undefined;
    if (many && p.t === "param" && p.op === ":") many = await slice(many, p, ctx, p.index === undefined);
    if (many && (p.t === "param" && (p.name === "@" || p.index === "@"))) {
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
    // Unquoted expansion: split on IFS whitespace; each piece may glob.
    const pieces = value.split(/[ \t\n]+/);
    pieces.forEach((piece, idx) => {
      if (idx > 0) cur = undefined;
      if (piece !== "") add(piece, true, false);
    });
  }
  const result: string[] = [];
  for (const f of fields) {
    if (f.s === "" && !f.quoted) continue;
    if (hasGlob(f.s, f.g)) {
      const matches = expandGlob(f.s, f.g, ctx.fs, ctx.cwd);
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
