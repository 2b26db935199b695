/** POSIX character classes as they read inside a JS `[...]` (C locale). */
const CLASSES: Record<string, string> = {
  alpha: "A-Za-z",
  digit: "0-9",
  alnum: "A-Za-z0-9",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  xdigit: "0-9A-Fa-f",
  word: "A-Za-z0-9_",
  cntrl: "\\x00-\\x1f\\x7f",
  print: "\\x20-\\x7e",
  graph: "\\x21-\\x7e",
};

/**
 * Translate a POSIX bracket expression starting at `src[i] === "["` into a JS class.
 * Returns undefined when there is no closing `]` (the `[` is then an ordinary character).
 */
export function bracketToJs(src: string, i: number, active?: boolean[]): { re: string; end: number } | undefined {
  let j = i + 1;
  let neg = false;
  if (src[j] === "!" || src[j] === "^") {
    neg = true;
    j++;
  }
  let body = "";
  let first = true;
  while (j < src.length) {
    const c = src[j];
    if (c === "]" && !first && (active === undefined || active[j])) return { re: "[" + (neg ? "^" : "") + body + "]", end: j };
    first = false;
    if (c === "[" && src[j + 1] === ":") {
      const close = src.indexOf(":]", j + 2);
      const name = close < 0 ? undefined : src.slice(j + 2, close);
      if (name !== undefined && CLASSES[name] !== undefined) {
        body += CLASSES[name];
        j = close + 2;
        continue;
      }
    }
    body += /[\\\]^[]/.test(c) ? "\\" + c : c;
    j++;
  }
  return undefined;
}

/**
 * Bash's `=~` right side as a JS RegExp: `quoted[i]` marks characters that came from quotes (matched literally).
 * Returns undefined for a pattern regcomp would reject (bash then answers 2).
 */
export function ereToRegExp(src: string, quoted: boolean[]): RegExp | undefined {
  let re = "";
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (quoted[i]) {
      re += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
      i++;
    } else if (c === "\\") {
      if (i + 1 >= src.length) return undefined;
      const n = src[i + 1];
      // glibc knows \w \s \b and their negations; any other escaped letter is the letter itself.
      re += /[wWsSbB]/.test(n) || !/[A-Za-z0-9]/.test(n) ? "\\" + n : n;
      i += 2;
    } else if (c === "[") {
      const b = bracketToJs(src, i);
      if (!b) return undefined;
      re += b.re;
      i = b.end + 1;
    } else if (c === "/") {
      re += "\\/";
      i++;
    } else {
      re += c;
      i++;
    }
  }
  try {
    return new RegExp(re);
  } catch {
    return undefined;
  }
}
