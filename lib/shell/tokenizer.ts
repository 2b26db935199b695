/**
 * Bash-like lexer: turns a command line into words (kept as parts so expansion knows what was quoted)
 * and operators. Heredoc bodies are read after the newline that ends their command line, as bash does.
 */

export type WordPart =
  | { t: "lit"; v: string; q: boolean }
  | { t: "param"; name: string; q: boolean; op?: string; arg?: WordPart[]; /** `${name[index]}` */ index?: string }
  | { t: "cmd"; src: string; q: boolean; /** `<(cmd)`: expands to a /dev/fd path holding the output. */ procsub?: true }
  | { t: "arith"; src: string; q: boolean };

export interface Word {
  parts: WordPart[];
  /** Source text of the word, as typed. */
  raw: string;
  /** `name=(a b c)`: the words between the parentheses (parts then hold just "name="). */
  array?: Word[];
}

export type Token =
  | { k: "word"; w: Word; pos: number }
  | { k: "op"; v: string; pos: number; fd?: number }
  | { k: "nl"; pos: number }
  /** `(( expr ))` where a command starts (also `for ((;;))`): the text between the parentheses. */
  | { k: "arith"; src: string; pos: number }
  | { k: "heredoc"; pos: number; fd?: number; strip: boolean; delim: string; quoted: boolean; body: string | undefined };

/** Why the input cannot be finished yet: what bash would keep reading for. */
export type Incomplete =
  | { kind: "quote"; char: string }
  | { kind: "heredoc"; delim: string }
  | { kind: "continuation" }
  /** Inside `[[ ... ]]`: bash reports "unexpected EOF while looking for `]]'". */
  | { kind: "cond" };

export type LexResult = { ok: true; tokens: Token[]; incomplete?: Incomplete } | { ok: false; incomplete: Incomplete };

const OPERATORS = ["&&", "||", ";;&", ";;", ";&", "<<<", "<<-", "<<", ">>", ">|", "&>>", "&>", "<&", ">&", "<>", "|&", "|", "&", ";", "<", ">", "(", ")"];
const META = new Set([" ", "\t", "\n", ";", "&", "|", "<", ">", "(", ")"]);
/** Tokens after which a command begins, so `((` opens an arithmetic command rather than two subshells. */
const COMMAND_START_OPS = new Set([";", "&", "&&", "||", "|", "|&", "(", ")", ";;", ";&", ";;&"]);
const COMMAND_START_WORDS = new Set(["do", "then", "else", "elif", "if", "while", "until", "!", "{", "for", "time"]);

class NeedMore extends Error {
  constructor(readonly incomplete: Incomplete) {
    super("incomplete");
  }
}

function isNameStart(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z_]/.test(c);
}
function isNameChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_]/.test(c);
}

/** Index just after the `)` that closes a `$(` whose body starts at `i`; honours quotes and nesting. */
function scanParens(s: string, i: number, depth = 1): number {
  // Inside `$(case x in a) ...;; esac)` the pattern's `)` does not close the substitution.
  let cases = 0;
  const from = i;
  const atCommand = () => {
    let j = i - 1;
    while (j >= from && (s[j] === " " || s[j] === "\t")) j--;
    return j < from || "(;&|\n".includes(s[j]);
  };
  const keyword = (kw: string) => s.startsWith(kw, i) && /^$|[\s;&|)]/.test(s[i + kw.length] ?? "") && (kw === "esac" ? /^$|[\s;]/.test(s[i - 1] ?? "") : atCommand());
  while (i < s.length) {
    const c = s[i];
    if (keyword("case")) {
      cases++;
      i += 4;
    } else if (cases > 0 && keyword("esac")) {
      cases--;
      i += 4;
    } else if (c === ")" && cases > 0 && depth === 1) i++;
    else if (c === "\\") i += 2;
    else if (c === "'") {
      const j = s.indexOf("'", i + 1);
      if (j < 0) throw new NeedMore({ kind: "quote", char: "'" });
      i = j + 1;
    } else if (c === '"') {
      i = scanDouble(s, i + 1);
    } else if (c === "`") {
      i = scanBacktick(s, i + 1);
    } else if (c === "(") {
      depth++;
      i++;
    } else if (c === ")") {
      depth--;
      i++;
      if (depth === 0) return i;
    } else i++;
  }
  throw new NeedMore({ kind: "quote", char: ")" });
}

function scanDouble(s: string, i: number): number {
  while (i < s.length) {
    const c = s[i];
    if (c === "\\") i += 2;
    else if (c === '"') return i + 1;
    else if (c === "$" && s[i + 1] === "(") i = scanParens(s, i + 2);
    else if (c === "$" && s[i + 1] === "{") i = scanBraceParam(s, i + 2);
    else if (c === "`") i = scanBacktick(s, i + 1);
    else i++;
  }
  throw new NeedMore({ kind: "quote", char: '"' });
}

/** Index just after the `}` closing a `${` whose body starts at `i`: `"${x:-"a b"}"` nests its own quotes. */
function scanBraceParam(s: string, i: number): number {
  let depth = 1;
  while (i < s.length) {
    const c = s[i];
    if (c === "\\") i += 2;
    else if (c === '"') i = scanDouble(s, i + 1);
    else if (c === "$" && s[i + 1] === "(") i = scanParens(s, i + 2);
    else {
      if (c === "{") depth++;
      else if (c === "}" && --depth === 0) return i + 1;
      i++;
    }
  }
  throw new NeedMore({ kind: "quote", char: "}" });
}

function scanBacktick(s: string, i: number): number {
  while (i < s.length) {
    if (s[i] === "\\") i += 2;
    else if (s[i] === "`") return i + 1;
    else i++;
  }
  throw new NeedMore({ kind: "quote", char: "`" });
}

function ansiC(body: string): string {
  const map: Record<string, string> = { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", e: "\x1b", E: "\x1b", f: "\f", v: "\v", "\\": "\\", "'": "'", '"': '"', "?": "?" };
  return body.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_m, e: string) => {
    if (e[0] === "x") return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return map[e] ?? "\\" + e;
  });
}

/**
 * Reads a `$...` expansion at s[i] === "$". Returns the part (or undefined for a literal `$`) and the next index.
 * `q` marks an expansion inside double quotes (no field splitting or globbing later).
 */
function readDollar(s: string, i: number, q: boolean): { part?: WordPart; next: number } {
  const c = s[i + 1];
  if (c === "(" && s[i + 2] === "(") {
    // $(( ... )): arithmetic; find the matching "))".
    const end = scanParens(s, i + 3, 2);
    return { part: { t: "arith", src: s.slice(i + 3, end - 2), q }, next: end };
  }
  if (c === "(") {
    const end = scanParens(s, i + 2);
    return { part: { t: "cmd", src: s.slice(i + 2, end - 1), q }, next: end };
  }
  if (c === "{") {
    const j = scanBraceParam(s, i + 2);
    const body = s.slice(i + 2, j - 1);
    return { part: parseBraceParam(body, q), next: j };
  }
  if (c !== undefined && /[?$#!@*0-9-]/.test(c)) return { part: { t: "param", name: c, q }, next: i + 2 };
  if (isNameStart(c)) {
    let j = i + 1;
    while (isNameChar(s[j])) j++;
    return { part: { t: "param", name: s.slice(i + 1, j), q }, next: j };
  }
  return { next: i + 1 };
}

function parseBraceParam(whole: string, q: boolean): WordPart {
  // A subscript may nest brackets (`${a[${#a[@]}-1]}`): cut it out by matching brackets, then parse the rest.
  let body = whole;
  let subscript: string | undefined;
  const named = /^(#?)([A-Za-z_][A-Za-z0-9_]*)\[/.exec(whole);
  if (named) {
    let depth = 1;
    let k = named[0].length;
    for (; k < whole.length && depth > 0; k++) {
      if (whole[k] === "\\") k++;
      else if (whole[k] === "[") depth++;
      else if (whole[k] === "]") depth--;
    }
    if (depth === 0) {
      subscript = whole.slice(named[0].length, k - 1);
      body = named[1] + named[2] + "[]" + whole.slice(k);
    }
  }
  const part = parseBraceBody(body, q);
  if (subscript === undefined || part.t !== "param") return part;
  if (part.op === "bad") return { ...part, name: whole };
  return { ...part, index: subscript };
}

function parseBraceBody(body: string, q: boolean): WordPart {
  const keys = /^!([A-Za-z_][A-Za-z0-9_]*)\[([@*])\]$/.exec(body);
  if (keys) return { t: "param", name: keys[1], q, op: "keys", index: keys[2] };
  const names = /^!([A-Za-z_][A-Za-z0-9_]*)([@*])$/.exec(body);
  if (names) return { t: "param", name: names[1], q, op: names[2] === "@" ? "names@" : "names*" };
  const indirect = /^!([A-Za-z_][A-Za-z0-9_]*|[0-9]+)$/.exec(body);
  if (indirect) return { t: "param", name: indirect[1], q, op: "indirect" };
  const len = /^#([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]]*)\])?$/.exec(body);
  if (len) return { t: "param", name: len[1], q, op: "#len", ...(len[2] !== undefined ? { index: len[2] } : {}) };
  if (body.startsWith("#") && body.length > 1) return { t: "param", name: body.slice(1), q, op: "#len" };
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#!@*-])(?:\[([^\]]*)\])?(:-|:=|:\+|:\?|-|=|\+|\?|##|#|%%|%|\/\/|\/|:|\^\^|\^|,,|,|~~|~|@(?=[QEPAKaULuk]$))?([\s\S]*)$/.exec(body);
  // A malformed ${...} is "bad substitution" in bash; we keep it as a param whose name cannot resolve.
  if (!m || (m[2] !== undefined && !/^[A-Za-z_]/.test(m[1]))) return { t: "param", name: body, q, op: "bad" };
  const index = m[2] !== undefined ? { index: m[2] } : {};
  if (!m[3]) return m[4] ? { t: "param", name: body, q, op: "bad" } : { t: "param", name: m[1], q, ...index };
  // A pattern keeps its own quoting even inside "...": `"${x#"$p"}"` matches $p literally.
  const patternOp = /^(#|##|%|%%|\/|\/\/)$/.test(m[3]);
  return { t: "param", name: m[1], q, op: m[3], arg: lexWordText(q && !patternOp ? dropDoubleQuotes(m[4]) : m[4], q && !patternOp), ...index };
}

/** `"${v:-"a b"}"`: the inner double quotes only group; single quotes there stay literal, as in bash. */
function dropDoubleQuotes(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\") {
      out += text.slice(i, i + 2);
      i++;
    } else if (text[i] !== '"') out += text[i];
  }
  return out;
}

/** Lex the text of `${x:-text}`'s text or a heredoc body into parts (no word splitting on spaces). */
export function lexWordText(s: string, inDouble: boolean, heredoc = false): WordPart[] {
  const parts: WordPart[] = [];
  let lit = "";
  const flush = () => {
    if (lit) parts.push({ t: "lit", v: lit, q: inDouble || heredoc });
    lit = "";
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === "\\") {
      const n = s[i + 1];
      if (heredoc || inDouble) {
        // Inside double quotes \" is a quote too; in a heredoc body it stays as typed.
        if (n !== undefined && ("$`\\\n".includes(n) || (n === '"' && !heredoc))) {
          if (n !== "\n") lit += n;
          i += 2;
        } else {
          lit += c;
          i++;
        }
      } else if (n === undefined) {
        lit += "\\";
        i++;
      } else {
        // An escaped character is quoted: `${x//\//:}` matches a literal "/".
        flush();
        parts.push({ t: "lit", v: n, q: true });
        i += 2;
      }
    } else if (c === "$") {
      const r = readDollar(s, i, inDouble || heredoc);
      if (r.part) {
        flush();
        parts.push(r.part);
      } else lit += "$";
      i = r.next;
    } else if (c === "`") {
      const end = scanBacktick(s, i + 1);
      flush();
      parts.push({ t: "cmd", src: s.slice(i + 1, end - 1).replace(/\\([$`\\])/g, "$1"), q: inDouble || heredoc });
      i = end;
    } else if (!heredoc && !inDouble && c === "'") {
      const j = s.indexOf("'", i + 1);
      if (j < 0) throw new NeedMore({ kind: "quote", char: "'" });
      flush();
      parts.push({ t: "lit", v: s.slice(i + 1, j), q: true });
      i = j + 1;
    } else if (!heredoc && !inDouble && c === '"') {
      const end = scanDouble(s, i + 1);
      flush();
      const inner = lexWordText(s.slice(i + 1, end - 1), true);
      parts.push(...(inner.length ? inner : [{ t: "lit" as const, v: "", q: true }]));
      i = end;
    } else {
      lit += c;
      i++;
    }
  }
  flush();
  return parts;
}

/** Lex a whole input. Never throws: incomplete input is reported, so the terminal can ask for more. */
export function tokenize(input: string): LexResult {
  try {
    return lexAll(input);
  } catch (e) {
    if (e instanceof NeedMore) return { ok: false, incomplete: e.incomplete };
    throw e;
  }
}

function lexAll(s: string): LexResult {
  const tokens: Token[] = [];
  const pendingHeredocs: Extract<Token, { k: "heredoc" }>[] = [];
  let i = 0;
  let incomplete: Incomplete | undefined;
  /** Inside `[[ ... ]]`, where the word after `=~` is a regex: `(`, `)`, `|` and spaces in parentheses belong to it. */
  let inCond = false;
  const atCommandStart = (): boolean => {
    const p = tokens[tokens.length - 1];
    if (!p || p.k === "nl") return true;
    if (p.k === "op") return COMMAND_START_OPS.has(p.v);
    if (p.k === "word") return COMMAND_START_WORDS.has(p.w.raw);
    return false;
  };

  /** Where a word may be an assignment: a command's start, or after other assignments. */
  const assignmentPosition = (): boolean => {
    const p = tokens[tokens.length - 1];
    return atCommandStart() || (p?.k === "word" && /^[A-Za-z_][A-Za-z0-9_]*(\[.*\])?\+?=/s.test(p.w.raw));
  };

  const readHeredocBodies = () => {
    // i points just after a newline: each pending heredoc takes lines until its delimiter.
    for (const h of pendingHeredocs) {
      const lines: string[] = [];
      let found = false;
      while (i < s.length) {
        let end = s.indexOf("\n", i);
        if (end < 0) end = s.length;
        let line = s.slice(i, end);
        i = end + 1;
        if (h.strip) line = line.replace(/^\t+/, "");
        if (line === h.delim) {
          found = true;
          break;
        }
        lines.push(line);
      }
      if (i > s.length) i = s.length;
      h.body = lines.length ? lines.join("\n") + "\n" : "";
      if (!found) {
        incomplete = { kind: "heredoc", delim: h.delim };
        h.body = lines.length ? lines.join("\n") + "\n" : "";
      }
    }
    pendingHeredocs.length = 0;
  };

  while (i < s.length) {
    const c = s[i];
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    if (c === "\\" && s[i + 1] === "\n") {
      i += 2;
      continue;
    }
    if (c === "#") {
      while (i < s.length && s[i] !== "\n") i++;
      continue;
    }
    if (c === "\n") {
      tokens.push({ k: "nl", pos: i });
      i++;
      if (pendingHeredocs.length) readHeredocBodies();
      continue;
    }
    if (c === "(" && s[i + 1] === "(" && !inCond && atCommandStart()) {
      const end = scanParens(s, i + 2, 2);
      // `((echo a); echo b)` is two subshells: arithmetic only when the parentheses close as a pair.
      if (s.slice(end - 2, end) === "))") {
        tokens.push({ k: "arith", src: s.slice(i + 2, end - 2), pos: i });
        i = end;
        continue;
      }
    }
    const prev = tokens[tokens.length - 1];
    if (inCond && prev?.k === "word" && prev.w.raw === "=~") {
      const start = i;
      const w = readWord(true);
      if (w.raw !== "") {
        tokens.push({ k: "word", w, pos: start });
        continue;
      }
    }
    const op = s.startsWith("<(", i) ? undefined : OPERATORS.find((o) => s.startsWith(o, i));
    if (op) {
      const pos = i;
      i += op.length;
      if (op === "<<" || op === "<<-") {
        const d = readHeredocDelim();
        const tok: Extract<Token, { k: "heredoc" }> = { k: "heredoc", pos, strip: op === "<<-", delim: d.delim, quoted: d.quoted, body: undefined };
        tokens.push(tok);
        pendingHeredocs.push(tok);
      } else tokens.push({ k: "op", v: op, pos });
      continue;
    }
    // A word; digits directly before a redirection are its file descriptor ("2>", "2>&1").
    const start = i;
    const w = readWord();
    const next = s[i];
    if (/^\d+$/.test(w.raw) && (next === ">" || next === "<")) {
      const op2 = OPERATORS.find((o) => s.startsWith(o, i))!;
      const pos = i;
      i += op2.length;
      if (op2 === "<<" || op2 === "<<-") {
        const d = readHeredocDelim();
        const tok: Extract<Token, { k: "heredoc" }> = { k: "heredoc", pos, fd: Number(w.raw), strip: op2 === "<<-", delim: d.delim, quoted: d.quoted, body: undefined };
        tokens.push(tok);
        pendingHeredocs.push(tok);
      } else tokens.push({ k: "op", v: op2, pos, fd: Number(w.raw) });
      continue;
    }
    if (w.raw === "[[" && atCommandStart()) inCond = true;
    else if (w.raw === "]]") inCond = false;
    tokens.push({ k: "word", w, pos: start });
  }
  if (pendingHeredocs.length) {
    const first = pendingHeredocs[0];
    for (const h of pendingHeredocs) h.body = "";
    incomplete = { kind: "heredoc", delim: first.delim };
  }
  return { ok: true, tokens, incomplete };

  function readHeredocDelim(): { delim: string; quoted: boolean } {
    while (s[i] === " " || s[i] === "\t") i++;
    if (i >= s.length || META.has(s[i])) return { delim: "", quoted: false };
    const start = i;
    const w = readWord();
    const quoted = /['"\\]/.test(s.slice(start, i));
    const delim = w.parts.map((p) => (p.t === "lit" ? p.v : p.t === "param" ? "$" + p.name : "")).join("");
    return { delim, quoted };
  }

  /** `regex`: the right side of `=~`, where only blanks outside parentheses end the word. */
  function readWord(regex = false): Word {
    const start = i;
    let depth = 0;
    // `m[a b]=x` where an assignment may stand: blanks inside the subscript belong to the word, as in bash.
    let subscriptEnd = -1;
    if (!regex && /^[A-Za-z_][A-Za-z0-9_]*\[/.test(s.slice(i, i + 256)) && assignmentPosition()) {
      const nl = s.indexOf("\n", i);
      const sa = splitSubscriptAssign(s.slice(i, nl < 0 ? s.length : nl));
      if (sa) subscriptEnd = i + sa.name.length + sa.index.length + 2;
    }
    const ends = (c: string): boolean => {
      if (!regex) return META.has(c) && !extglobOpen(c) && !(i < subscriptEnd && (c === " " || c === "\t")) && !(c === "<" && s[i + 1] === "(");
      if (c === "(") depth++;
      else if (c === ")") {
        if (depth === 0) return true;
        depth--;
      }
      return depth === 0 && (c === " " || c === "\t" || c === "\n");
    };
    const parts: WordPart[] = [];
    let lit = "";
    const flush = () => {
      if (lit) parts.push({ t: "lit", v: lit, q: false });
      lit = "";
    };
    // Tilde at the start of a word means $HOME ("~", "~/x").
    if (s[i] === "~" && (i + 1 >= s.length || s[i + 1] === "/" || META.has(s[i + 1]))) {
      parts.push({ t: "param", name: "HOME", q: true });
      i++;
    }
    /**
     * `@(a|b)` and the other extglob groups stay inside the word (bash needs `shopt -s extglob` first, outside
     * `[[ ]]`; we always read them and let the matcher decide whether they are patterns).
     */
    const extglobOpen = (c: string): boolean => c === "(" && lit !== "" && "?*+@!".includes(lit[lit.length - 1]) && !/^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(lit);
    while (i < s.length && !ends(s[i])) {
      const c = s[i];
      if (c === "<" && s[i + 1] === "(" && !regex) {
        const end = scanParens(s, i + 2);
        flush();
        parts.push({ t: "cmd", src: s.slice(i + 2, end - 1), q: false, procsub: true });
        i = end;
      } else if (c === "(" && !regex) {
        const end = scanParens(s, i + 1);
        lit += s.slice(i, end);
        i = end;
      } else if (c === "\\") {
        if (i + 1 >= s.length) throw new NeedMore({ kind: "continuation" });
        if (s[i + 1] === "\n") {
          i += 2;
          continue;
        }
        flush();
        parts.push({ t: "lit", v: s[i + 1], q: true });
        i += 2;
      } else if (c === "'") {
        const j = s.indexOf("'", i + 1);
        if (j < 0) throw new NeedMore({ kind: "quote", char: "'" });
        flush();
        parts.push({ t: "lit", v: s.slice(i + 1, j), q: true });
        i = j + 1;
      } else if (c === '"') {
        const end = scanDouble(s, i + 1);
        flush();
        const inner = lexWordText(s.slice(i + 1, end - 1), true);
        parts.push(...(inner.length ? inner : [{ t: "lit" as const, v: "", q: true }]));
        i = end;
      } else if (c === "$" && s[i + 1] === "'") {
        let j = i + 2;
        while (j < s.length && s[j] !== "'") j += s[j] === "\\" ? 2 : 1;
        if (j >= s.length) throw new NeedMore({ kind: "quote", char: "'" });
        flush();
        parts.push({ t: "lit", v: ansiC(s.slice(i + 2, j)), q: true });
        i = j + 1;
      } else if (c === "$") {
        const r = readDollar(s, i, false);
        if (r.part) {
          flush();
          parts.push(r.part);
        } else lit += "$";
        i = r.next;
      } else if (c === "`") {
        const end = scanBacktick(s, i + 1);
        flush();
        parts.push({ t: "cmd", src: s.slice(i + 1, end - 1).replace(/\\([$`\\])/g, "$1"), q: false });
        i = end;
      } else {
        lit += c;
        i++;
      }
    }
    if (!regex && s[i] === "(" && parts.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(lit)) {
      // An array assignment: the elements are words of their own, newlines allowed between them.
      const end = scanParens(s, i + 1);
      const inner = lexAll(s.slice(i + 1, end - 1));
      i = end;
      flush();
      return { parts, raw: s.slice(start, i), array: (inner.ok ? inner.tokens : []).flatMap((t) => (t.k === "word" ? [t.w] : [])) };
    }
    flush();
    return { parts, raw: s.slice(start, i) };
  }
}

/** The word as plain text when it has no expansions and no quotes (alias names, keywords). */
export function plainWord(w: Word): string | undefined {
  if (w.parts.length !== 1) return w.parts.length === 0 ? "" : undefined;
  const p = w.parts[0];
  return p.t === "lit" && !p.q ? p.v : undefined;
}

/** lexWordText for text already accepted by the parser (arithmetic, heredoc bodies): never throws. */
export function lexText(s: string, inDouble: boolean, heredoc = false): WordPart[] {
  try {
    return lexWordText(s, inDouble, heredoc);
  } catch (e) {
    if (e instanceof NeedMore) return [{ t: "lit", v: s, q: true }];
    throw e;
  }
}

/**
 * `name[subscript]=value` / `name[subscript]+=value` as typed: the subscript and the value's source text.
 * The subscript may hold quotes, `$x` and nested brackets (`a[${#a[@]}]=x`).
 */
export function splitSubscriptAssign(raw: string): { name: string; index: string; append: boolean; value: string } | undefined {
  const m = /^[A-Za-z_][A-Za-z0-9_]*\[/.exec(raw);
  if (!m) return undefined;
  let depth = 1;
  let i = m[0].length;
  while (i < raw.length && depth > 0) {
    const c = raw[i];
    if (c === "\\") i++;
    else if (c === "'") i = raw.indexOf("'", i + 1);
    else if (c === '"') {
      i++;
      while (i < raw.length && raw[i] !== '"') i += raw[i] === "\\" ? 2 : 1;
    } else if (c === "[") depth++;
    else if (c === "]") depth--;
    if (i < 0) return undefined;
    i++;
  }
  if (depth > 0) return undefined;
  const op = /^\+?=/.exec(raw.slice(i));
  if (!op) return undefined;
  return { name: m[0].slice(0, -1), index: raw.slice(m[0].length, i - 1), append: op[0] === "+=", value: raw.slice(i + op[0].length) };
}
