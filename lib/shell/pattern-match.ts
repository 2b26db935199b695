import { bracketToJs } from "./posix-regex";

/**
 * Shell patterns with extglob groups (`?(..)`, `*(..)`, `+(..)`, `@(..)`, `!(..)`), matched by backtracking:
 * `!(..)` has no regular-expression equivalent in JS, so these patterns get their own small matcher.
 */
type Node =
  | { t: "ch"; c: string }
  | { t: "any" }
  | { t: "star" }
  | { t: "class"; re: RegExp }
  | { t: "group"; op: string; alts: Node[][] };

const EXT_OPS = "?*+@!";

/** Does the pattern hold an extglob group (an active `?*+@!` directly before an active `(`)? */
export function hasExtglob(pattern: string, active?: boolean[]): boolean {
  for (let i = 0; i + 1 < pattern.length; i++) {
    if (EXT_OPS.includes(pattern[i]) && pattern[i + 1] === "(" && (active === undefined || (active[i] && active[i + 1]))) return true;
  }
  return false;
}

function parse(p: string, active: boolean[] | undefined): Node[] {
  let i = 0;
  const on = (k: number) => active === undefined || active[k];
  const seq = (inGroup: boolean): Node[][] => {
    const alts: Node[][] = [[]];
    while (i < p.length) {
      const c = p[i];
      const cur = alts[alts.length - 1];
      if (inGroup && on(i) && c === ")") {
        i++;
        return alts;
      }
      if (inGroup && on(i) && c === "|") {
        alts.push([]);
        i++;
        continue;
      }
      if (on(i) && EXT_OPS.includes(c) && p[i + 1] === "(" && on(i + 1) && closes(i + 2)) {
        i += 2;
        cur.push({ t: "group", op: c, alts: seq(true) });
        continue;
      }
      if (on(i) && c === "*") cur.push({ t: "star" });
      else if (on(i) && c === "?") cur.push({ t: "any" });
      else if (on(i) && c === "[") {
        const b = bracketToJs(p, i, active);
        if (b) {
          cur.push({ t: "class", re: new RegExp("^" + b.re + "$", "s") });
          i = b.end + 1;
          continue;
        }
        cur.push({ t: "ch", c });
      } else if (on(i) && c === "\\" && i + 1 < p.length) {
        cur.push({ t: "ch", c: p[i + 1] });
        i += 2;
        continue;
      } else cur.push({ t: "ch", c });
      i++;
    }
    return alts;
  };
  /** An unclosed `@(` is literal text, as in bash. */
  const closes = (from: number): boolean => {
    let depth = 1;
    for (let k = from; k < p.length; k++) {
      if (!on(k)) continue;
      if (p[k] === "(") depth++;
      else if (p[k] === ")" && --depth === 0) return true;
    }
    return false;
  };
  return seq(false)[0];
}

/** A whole-string matcher for a shell pattern with extglob groups; `active[i]` false marks a quoted character. */
export function extglobMatcher(pattern: string, active?: boolean[]): (s: string) => boolean {
  const nodes = parse(pattern, active);
  return (s) => {
    let budget = 200000;
    const m = (ns: Node[], i: number, si: number, k: (sj: number) => boolean): boolean => {
      if (--budget < 0) return false;
      if (i === ns.length) return k(si);
      const n = ns[i];
      switch (n.t) {
        case "ch":
          return s[si] === n.c && m(ns, i + 1, si + 1, k);
        case "any":
          return si < s.length && m(ns, i + 1, si + 1, k);
        case "class":
          return si < s.length && n.re.test(s[si]) && m(ns, i + 1, si + 1, k);
        case "star":
          for (let j = si; j <= s.length; j++) if (m(ns, i + 1, j, k)) return true;
          return false;
        case "group": {
          const next = (sj: number) => m(ns, i + 1, sj, k);
          const one = (from: number, then: (sj: number) => boolean) => n.alts.some((alt) => m(alt, 0, from, then));
          switch (n.op) {
            case "@":
              return one(si, next);
            case "?":
              return next(si) || one(si, next);
            case "*":
            case "+": {
              // Repetitions must each consume something, or `*(a|)` would loop forever.
              const more = (from: number): boolean => next(from) || one(from, (sj) => sj > from && more(sj));
              return n.op === "*" ? more(si) : one(si, (sj) => more(sj));
            }
            case "!":
              for (let j = si; j <= s.length; j++) {
                if (!one(si, (sj) => sj === j) && next(j)) return true;
              }
              return false;
          }
          return false;
        }
      }
    };
    return m(nodes, 0, 0, (sj) => sj === s.length);
  };
}
