import type { Word } from "./tokenizer";

/** More words than this from one brace expression are cut off (bash would try, and exhaust the page). */
const MAX_BRACE_WORDS = 100_000;

/**
 * Brace expansion (`a{b,c}d`, `{1..5}`, `{01..10..3}`, `{a..e}`): the first step of word expansion, on unquoted
 * text only. A brace expression must lie within one unquoted stretch of the word (`{$a,b}` is left alone).
 */
export function braceExpand(w: Word): Word[] {
  for (let pi = 0; pi < w.parts.length; pi++) {
    const p = w.parts[pi];
    if (p.t !== "lit" || p.q) continue;
    const b = findBrace(p.v);
    if (!b) continue;
    const pre = p.v.slice(0, b.start);
    const post = p.v.slice(b.end + 1);
    const out: Word[] = [];
    for (const item of b.items) {
      const parts = [...w.parts.slice(0, pi), ...(pre ? [{ t: "lit" as const, v: pre, q: false }] : []), ...(item ? [{ t: "lit" as const, v: item, q: false }] : []), ...(post ? [{ t: "lit" as const, v: post, q: false }] : []), ...w.parts.slice(pi + 1)];
      for (const x of braceExpand({ parts, raw: w.raw })) {
        if (out.length >= MAX_BRACE_WORDS) return out;
        // A word that expanded to nothing at all disappears, as in bash ("{,}" alone gives no words).
        if (x.parts.length) out.push(x);
      }
    }
    return out;
  }
  return [w];
}

function findBrace(s: string): { start: number; end: number; items: string[] } | undefined {
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== "{" || s[i - 1] === "$") continue;
    let depth = 0;
    const commas: number[] = [];
    let end = -1;
    for (let j = i; j < s.length; j++) {
      if (s[j] === "{") depth++;
      else if (s[j] === "}") {
        depth--;
        if (depth === 0) {
          end = j;
          break;
        }
      } else if (s[j] === "," && depth === 1) commas.push(j);
    }
    if (end < 0) return undefined;
    const body = s.slice(i + 1, end);
    if (commas.length) {
      const items: string[] = [];
      let from = i + 1;
      for (const c of [...commas, end]) {
        items.push(s.slice(from, c));
        from = c + 1;
      }
      return { start: i, end, items };
    }
    const seq = sequence(body);
    if (seq) return { start: i, end, items: seq };
  }
  return undefined;
}

function sequence(body: string): string[] | undefined {
  const num = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(body);
  const chr = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/.exec(body);
  const m = num ?? chr;
  if (!m) return undefined;
  const step = Math.abs(Number(m[3] ?? 1)) || 1;
  const a = num ? Number(m[1]) : m[1].charCodeAt(0);
  const b = num ? Number(m[2]) : m[2].charCodeAt(0);
  const width = num && (/^-?0\d/.test(m[1]) || /^-?0\d/.test(m[2])) ? Math.max(m[1].length, m[2].length) : 0;
  const out: string[] = [];
  for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) {
    if (out.length >= MAX_BRACE_WORDS) break;
    if (!num) out.push(String.fromCharCode(v));
    else if (width) out.push((v < 0 ? "-" : "") + String(Math.abs(v)).padStart(v < 0 ? width - 1 : width, "0"));
    else out.push(String(v));
  }
  return out;
}
