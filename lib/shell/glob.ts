import type { HostFs } from "../cluster/index";
import { isFsError } from "../cluster/index";
import { resolvePath } from "./paths";
import { bracketToJs } from "./posix-regex";

/**
 * A pattern character and whether it may act as a glob metacharacter (quoted `*` is a literal star).
 * `active` is undefined when every character is active (patterns typed for grep/find/case).
 */
export function hasGlob(pattern: string, active?: boolean[]): boolean {
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

/** Does all of `s` match a `case` / `[[ == ]]` pattern? `active[i]` false marks a quoted (literal) character. */
export function matchPattern(s: string, pattern: string, active?: boolean[]): boolean {
  const src = globToRegExp(pattern, active).source.slice(1, -1).replace(/\[\^\/\]\*/g, ".*").replace(/\[\^\/\]/g, ".");
  return new RegExp("^(?:" + src + ")$", "s").test(s);
}

/**
 * Expand a glob against the filesystem: sorted matches, or [] when nothing matches (the caller keeps the
 * word as typed, as bash does without nullglob). Hidden names need a literal leading dot.
 */
export function expandGlob(pattern: string, active: boolean[] | undefined, fs: HostFs, cwd: string): string[] {
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
      if (!hasGlob(seg.text, seg.act)) {
        const j = join(seg.text);
        const st = fs.stat(j.abs);
        if (!isFsError(st) && (last || st.type === "dir")) next.push(j);
        continue;
      }
      const names = fs.readdir(r.abs);
      if (isFsError(names)) continue;
      const re = globToRegExp(seg.text, seg.act);
      for (const name of names) {
        if (name.startsWith(".") && !seg.text.startsWith(".")) continue;
        if (!re.test(name)) continue;
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
