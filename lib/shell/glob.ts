import type { HostFs } from "../cluster/index";
import { isFsError } from "../cluster/index";
import { resolvePath } from "./paths";
import { extglobMatcher, hasExtglob } from "./pattern-match";
import { bracketToJs } from "./posix-regex";

/**
 * A pattern character and whether it may act as a glob metacharacter (quoted `*` is a literal star).
 * `active` is undefined when every character is active (patterns typed for grep/find/case).
 */
export function hasGlob(pattern: string, active?: boolean[], extglob = false): boolean {
  if (extglob && hasExtglob(pattern, active)) return true;
  for (let i = 0; i < pattern.length; i++) {
    if ((active === undefined || active[i]) && (pattern[i] === "*" || pattern[i] === "?" || pattern[i] === "[")) return true;
  }
  return false;
}

/** fnmatch-style pattern to an anchored RegExp. */
export function globToRegExp(pattern: string, active?: boolean[], opts: { anchored?: boolean } = {}): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const on = active === undefined || active[i];
    if (on && c === "*") re += "[^/]*";
    else if (on && c === "?") re += "[^/]";
    else if (on && c === "[") {
      const b = bracketToJs(pattern, i, active);
      if (!b) {
        re += "\\[";
        continue;
      }
      re += b.re;
      i = b.end;
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return opts.anchored === false ? new RegExp(re) : new RegExp("^" + re + "$");
}

/** Match a whole string against a pattern where `*` may also match "/" (case, ${x#pat}). */
export function patternToRegExp(pattern: string, greedy = true): RegExp {
  const src = globToRegExp(pattern).source.slice(1, -1).replace(/\[\^\/\]\*/g, greedy ? ".*" : ".*?").replace(/\[\^\/\]/g, ".");
  return new RegExp(src, "s");
}

/**
 * A whole-string matcher for a `case` / `[[ == ]]` / `${x#pat}` pattern; `active[i]` false marks a quoted
 * (literal) character. With `extglob`, `@(a|b)` and friends are patterns too.
 */
export function patternMatcher(pattern: string, active?: boolean[], extglob = false): (s: string) => boolean {
  if (extglob && hasExtglob(pattern, active)) return extglobMatcher(pattern, active);
  const re = new RegExp("^(?:" + patternSource(pattern, active) + ")$", "s");
  return (s) => re.test(s);
}

/** RegExp source (unanchored) for a pattern where `*` and `?` also match "/"; use with the `s` flag. */
export function patternSource(pattern: string, active?: boolean[]): string {
  return globToRegExp(pattern, active).source.slice(1, -1).replace(/\[\^\/\]\*/g, ".*").replace(/\[\^\/\]/g, ".");
}

/** Does all of `s` match a `case` / `[[ == ]]` pattern? */
export function matchPattern(s: string, pattern: string, active?: boolean[], extglob = false): boolean {
  return patternMatcher(pattern, active, extglob)(s);
}

/**
 * Expand a glob against the filesystem: sorted matches, or [] when nothing matches (the caller keeps the
 * word as typed, as bash does without nullglob). Hidden names need a literal leading dot.
 */
export function expandGlob(pattern: string, active: boolean[] | undefined, fs: HostFs, cwd: string, extglob = false): string[] {
  const absolute = pattern.startsWith("/");
  const segs: { text: string; act: boolean[] }[] = [];
  let cur = { text: "", act: [] as boolean[] };
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === "/") {
      segs.push(cur);
      cur = { text: "", act: [] };
    } else {
      cur.text += pattern[i];
      cur.act.push(active === undefined || active[i]);
    }
  }
  segs.push(cur);
  // results are [displayPrefix, absoluteDir]
  let results: { shown: string; abs: string }[] = [{ shown: absolute ? "" : "", abs: absolute ? "/" : cwd }];
  const start = absolute ? 1 : 0;
  for (let s = start; s < segs.length; s++) {
    const seg = segs[s];
    const last = s === segs.length - 1;
    const next: { shown: string; abs: string }[] = [];
    for (const r of results) {
      const join = (name: string) => ({
        shown: (r.shown === "" && !absolute ? "" : r.shown + "/") + name,
        abs: resolvePath(r.abs, name),
      });
      if (seg.text === "" ) {
        if (last) next.push({ shown: r.shown + "/", abs: r.abs });
        continue;
      }
      if (!hasGlob(seg.text, seg.act, extglob)) {
        const j = join(seg.text);
        const st = fs.stat(j.abs);
        if (!isFsError(st) && (last || st.type === "dir")) next.push(j);
        continue;
      }
      const names = fs.readdir(r.abs);
      if (isFsError(names)) continue;
      const re = globToRegExp(seg.text, seg.act);
      const matches = extglob && hasExtglob(seg.text, seg.act) ? extglobMatcher(seg.text, seg.act) : (n: string) => re.test(n);
      for (const name of names) {
        if (name.startsWith(".") && !seg.text.startsWith(".")) continue;
        if (!matches(name)) continue;
        const j = join(name);
        if (!last) {
          const st = fs.stat(j.abs);
          if (isFsError(st) || st.type !== "dir") continue;
        }
        next.push(j);
      }
    }
    results = next;
    if (results.length === 0) return [];
  }
  return results.map((r) => r.shown).sort();
}
