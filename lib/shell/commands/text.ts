import { isFsError } from "../../cluster/index";
import type { CommandFn } from "../command-types";
import { errnoMessage, resolvePath } from "../paths";
import { getopt, joinLines, lines, readSources, usage, utf8Bytes, utf8Decode } from "./util";

/** Backslash escapes of `echo -e` and printf formats; returns the text and whether `\c` stopped output. */
export function escapes(s: string): { text: string; stop: boolean } {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== "\\" || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i];
    const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", f: "\f", v: "\v", e: "\x1b", E: "\x1b", "\\": "\\" };
    if (n in simple) out += simple[n];
    else if (n === "c") return { text: out, stop: true };
    else if (n === "0" || /[1-7]/.test(n)) {
      let digits = n === "0" ? "" : n;
      while (digits.length < 3 && /[0-7]/.test(s[i + 1] ?? "")) digits += s[++i];
      out += String.fromCharCode(parseInt(digits || "0", 8));
    } else if (n === "x" && /[0-9a-fA-F]/.test(s[i + 1] ?? "")) {
      let hex = "";
      while (hex.length < 2 && /[0-9a-fA-F]/.test(s[i + 1] ?? "")) hex += s[++i];
      out += String.fromCharCode(parseInt(hex, 16));
    } else out += "\\" + n;
  }
  return { text: out, stop: false };
}

const echo: CommandFn = (io) => {
  let newline = true;
  let interpret = false;
  let i = 0;
  for (; i < io.args.length; i++) {
    const a = io.args[i];
    if (!/^-[neE]+$/.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === "n") newline = false;
      else if (c === "e") interpret = true;
      else interpret = false;
    }
  }
  let text = io.args.slice(i).join(" ");
  if (interpret) {
    const r = escapes(text);
    text = r.text;
    if (r.stop) newline = false;
  }
  io.stdout(text + (newline ? "\n" : ""));
  return 0;
};

const printf: CommandFn = (io) => {
  if (io.args.length === 0) {
    io.stderr("printf: usage: printf [-v var] format [arguments]\n");
    return 2;
  }
  const format = io.args[0];
  const args = io.args.slice(1);
  let out = "";
  let code = 0;
  let ai = 0;
  do {
    let consumed = false;
    const re = /%([-+ 0#]*)(\d+|\*)?(?:\.(\d+|\*))?([sdiouxXfeEgGcb%q])|\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)|[^%\\]+|[%\\]/g;
    let m: RegExpExecArray | null;
    let stopped = false;
    while ((m = re.exec(format))) {
      const tok = m[0];
      if (tok.startsWith("\\")) {
        const r = escapes(tok);
        out += r.text;
        if (r.stop) {
          stopped = true;
          break;
        }
        continue;
      }
      if (!tok.startsWith("%") || tok === "%") {
        out += tok;
        continue;
      }
      const conv = m[4];
      if (conv === "%") {
        out += "%";
        continue;
      }
      const flags = m[1] ?? "";
      let width = m[2];
      let prec = m[3];
      if (width === "*") width = args[ai++] ?? "0";
      if (prec === "*") prec = args[ai++] ?? "0";
      const arg = args[ai++];
      consumed = true;
      let s: string;
      if (conv === "s" || conv === "q") s = arg ?? "";
      else if (conv === "b") s = escapes(arg ?? "").text;
      else if (conv === "c") s = (arg ?? "").slice(0, 1);
      else {
        let n = 0;
        const a = arg ?? "";
        if (a !== "") {
          const v = /^'/.test(a) || /^"/.test(a) ? a.charCodeAt(1) : Number(a);
          if (Number.isNaN(v)) {
            io.stderr(`bash: printf: ${a}: invalid number\n`);
            code = 1;
          } else n = v;
        }
        if ("di".includes(conv)) s = String(Math.trunc(n));
        else if (conv === "u") s = String(Math.abs(Math.trunc(n)));
        else if (conv === "o") s = Math.trunc(n).toString(8);
        else if (conv === "x") s = Math.trunc(n).toString(16);
        else if (conv === "X") s = Math.trunc(n).toString(16).toUpperCase();
        else if (conv === "e" || conv === "E") s = n.toExponential(prec === undefined ? 6 : Number(prec)).replace(/e([+-])(\d)$/, "e$10$2");
        else s = n.toFixed(prec === undefined ? 6 : Number(prec));
        if (conv === "E") s = s.toUpperCase();
        if (flags.includes("+") && n >= 0) s = "+" + s;
      }
      if (prec !== undefined && (conv === "s" || conv === "b")) s = s.slice(0, Number(prec));
      const w = Number(width ?? 0);
      if (s.length < w) {
        if (flags.includes("-")) s = s.padEnd(w);
        else if (flags.includes("0") && !"sbc".includes(conv)) s = (s.startsWith("-") ? "-" + s.slice(1).padStart(w - 1, "0") : s.padStart(w, "0"));
        else s = s.padStart(w);
      }
      out += s;
    }
    if (stopped || !consumed) break;
  } while (ai < args.length);
  io.stdout(out);
  return code;
};

const cat: CommandFn = (io) => {
  const p = getopt(io, "cat", io.args, { flags: "nAEsvbT", long: { number: "n", "show-all": "A" } });
  if (typeof p === "number") return p;
  const srcs = readSources(io, "cat", p.operands);
  let text = srcs.map((s) => s.text).join("");
  if (p.opts.has("n") || p.opts.has("b")) {
    let n = 0;
    const ls = text.split("\n");
    const trailing = ls[ls.length - 1] === "";
    if (trailing) ls.pop();
    text = ls.map((l) => (p.opts.has("b") && l === "" ? l : `${String(++n).padStart(6)}\t${l}`)).join("\n") + (trailing ? "\n" : "");
  }
  if (p.opts.has("A") || p.opts.has("E")) text = text.replace(/\n/g, "$\n");
  io.stdout(text);
  return srcs.failed ? 1 : 0;
};

function headTail(which: "head" | "tail"): CommandFn {
  return (io) => {
    // Obsolete "-5" form.
    const args = io.args.map((a, i) => (i > 0 && (io.args[i - 1] === "-n" || io.args[i - 1] === "-c") ? a : /^-\d+$/.test(a) ? "-n" + a.slice(1) : i === 0 && /^\+\d+$/.test(a) && which === "tail" ? "-n" + a : a));
    const p = getopt(io, which, args, { flags: "qvfF", values: "nc", long: { "lines=": "n", "bytes=": "c", follow: "f", quiet: "q", silent: "q", verbose: "v" } });
    if (typeof p === "number") return p;
    const spec = p.opts.get("n") ?? p.opts.get("c") ?? "10";
    const bytes = p.opts.has("c") && !p.opts.has("n");
    const m = /^([+-]?)(\d+)$/.exec(spec);
    if (!m) {
      io.stderr(`${which}: invalid number of ${bytes ? "bytes" : "lines"}: ‘${spec}’\n`);
      return 1;
    }
    const n = Number(m[2]);
    const files = p.operands.length ? p.operands : ["-"];
    let code = 0;
    let first = true;
    for (const f of files) {
      let text: string;
      if (f === "-") text = io.stdin;
      else {
        const r = io.fs.readFile(resolvePath(io.cwd, f));
        if (isFsError(r)) {
          if (r.error === "EISDIR") io.stderr(`${which}: error reading '${f}': Is a directory\n`);
          else io.stderr(`${which}: cannot open '${f}' for reading: ${errnoMessage(r.error)}\n`);
          code = 1;
          continue;
        }
        text = r;
      }
      if ((files.length > 1 && !p.opts.has("q")) || p.opts.has("v")) {
        io.stdout(`${first ? "" : "\n"}==> ${f === "-" ? "standard input" : f} <==\n`);
      }
      first = false;
      if (bytes) {
        io.stdout(which === "head" ? (m[1] === "-" ? text.slice(0, Math.max(0, text.length - n)) : text.slice(0, n)) : m[1] === "+" ? text.slice(Math.max(0, n - 1)) : text.slice(Math.max(0, text.length - n)));
        continue;
      }
      const ls = text.split("\n");
      const trailing = ls[ls.length - 1] === "";
      if (trailing) ls.pop();
      let picked: string[];
      if (which === "head") picked = m[1] === "-" ? ls.slice(0, Math.max(0, ls.length - n)) : ls.slice(0, n);
      else picked = m[1] === "+" ? ls.slice(Math.max(0, n - 1)) : n === 0 ? [] : ls.slice(-n);
      const lastIncluded = which === "tail" || picked.length === ls.length;
      io.stdout(picked.join("\n") + (picked.length && (trailing || !lastIncluded) ? "\n" : ""));
    }
    if (which === "tail" && (p.opts.has("f") || p.opts.has("F"))) {
      io.stderr("tail: -f is not supported in this simulated terminal: files here change only when a command writes them; showing the current end\n");
    }
    return code;
  };
}

const wc: CommandFn = (io) => {
  const p = getopt(io, "wc", io.args, { flags: "lwcmL", long: { lines: "l", words: "w", bytes: "c", chars: "m" } });
  if (typeof p === "number") return p;
  let sel = ["l", "w", "c", "m", "L"].filter((k) => p.opts.has(k));
  if (sel.length === 0) sel = ["l", "w", "c"];
  const order = ["l", "w", "m", "c", "L"];
  sel.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const files = p.operands.length ? p.operands : ["-"];
  const rows: { counts: number[]; name?: string }[] = [];
  let code = 0;
  let regularTotal = 0;
  let nonRegular = false;
  const totals = sel.map(() => 0);
  for (const f of files) {
    let text: string;
    if (f === "-") {
      text = io.stdin;
      nonRegular = true;
    } else {
      const r = io.fs.readFile(resolvePath(io.cwd, f));
      if (isFsError(r)) {
        io.stderr(`wc: ${f}: ${errnoMessage(r.error)}\n`);
        code = 1;
        if (r.error === "EISDIR") rows.push({ counts: sel.map(() => 0), name: f });
        continue;
      }
      text = r;
      regularTotal += utf8Bytes(text).length;
    }
    const counts = sel.map((k) => {
      if (k === "l") return (text.match(/\n/g) ?? []).length;
      if (k === "w") return text.split(/[ \t\n\r\f\v]+/).filter(Boolean).length;
      if (k === "c") return utf8Bytes(text).length;
      if (k === "m") return [...text].length;
      return Math.max(0, ...text.split("\n").map((l) => l.length));
    });
    counts.forEach((c, i) => (totals[i] += c));
    rows.push({ counts, name: f === "-" && p.operands.length === 0 ? undefined : f });
  }
  if (files.length > 1) rows.push({ counts: totals, name: "total" });
  // coreutils: one count of one input prints bare; otherwise the width fits the total size (7 for pipes).
  let width = 1;
  if (!(sel.length === 1 && files.length === 1)) {
    width = String(regularTotal).length;
    if (nonRegular) width = Math.max(width, 7);
  }
  for (const r of rows) io.stdout(r.counts.map((c) => String(c).padStart(width)).join(" ") + (r.name !== undefined ? " " + r.name : "") + "\n");
  return code;
};

interface SortKey {
  start: number;
  end?: number;
  numeric: boolean;
  reverse: boolean;
}

const sort: CommandFn = (io) => {
  const p = getopt(io, "sort", io.args, { flags: "nruhfbsV", values: "kto", long: { numeric: "n", reverse: "r", unique: "u", "key=": "k", "field-separator=": "t", "ignore-case": "f" } }, 2);
  if (typeof p === "number") return p;
  const srcs = readSources(io, "sort", p.operands);
  if (srcs.failed) return 2;
  const all = srcs.flatMap((s) => lines(s.text));
  const sep = p.opts.get("t");
  const numeric = p.opts.has("n") || p.opts.has("h");
  const reverse = p.opts.has("r");
  const fold = p.opts.has("f");
  const keys: SortKey[] = (p.all.get("k") ?? []).map((k) => {
    const m = /^(\d+)(?:\.\d+)?([a-zA-Z]*)(?:,(\d+)(?:\.\d+)?([a-zA-Z]*))?$/.exec(k);
    if (!m) return { start: 1, numeric, reverse };
    const mods = (m[2] ?? "") + (m[4] ?? "");
    return { start: Number(m[1]), end: m[3] ? Number(m[3]) : undefined, numeric: numeric || mods.includes("n") || mods.includes("h"), reverse: reverse !== mods.includes("r") && mods.includes("r") ? !reverse : reverse || mods.includes("r") };
  });
  const fieldsOf = (line: string): string[] => {
    if (sep !== undefined) return line.split(sep);
    // Default fields: each starts at a blank-to-nonblank transition and keeps its leading blanks.
    return line.match(/[ \t]*[^ \t]+/g) ?? [""];
  };
  const keyText = (line: string, k: SortKey): string => {
    const f = fieldsOf(line);
    const end = k.end ?? f.length;
    return f.slice(k.start - 1, end).join(sep ?? "");
  };
  const num = (s: string): number => {
    const m = /^\s*(-?\d*\.?\d+)([KMGTPE]?)/i.exec(s);
    if (!m) return 0;
    const mult = p.opts.has("h") ? 1024 ** " KMGTPE".indexOf(m[2].toUpperCase() || " ") : 1;
    return Number(m[1]) * mult;
  };
  const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const compareBy = (a: string, b: string, isNum: boolean): number => {
    if (isNum) return num(a) - num(b);
    if (fold) return cmpStr(a.toUpperCase(), b.toUpperCase());
    return cmpStr(a, b);
  };
  const cmp = (a: string, b: string): number => {
    if (keys.length) {
      for (const k of keys) {
        const c = compareBy(keyText(a, k).replace(/^[ \t]+/, p.opts.has("b") || k.numeric ? "" : "$&"), keyText(b, k).replace(/^[ \t]+/, p.opts.has("b") || k.numeric ? "" : "$&"), k.numeric);
        if (c !== 0) return k.reverse ? -c : c;
      }
    } else {
      const c = compareBy(a, b, numeric);
      if (c !== 0) return reverse ? -c : c;
    }
    if (p.opts.has("u") || p.opts.has("s")) return 0;
    // Last resort: whole-line byte comparison, reversed with -r.
    const c = cmpStr(a, b);
    return reverse ? -c : c;
  };
  const sorted = [...all].sort(cmp);
  let out = sorted;
  if (p.opts.has("u")) out = sorted.filter((l, i) => i === 0 || cmp(sorted[i - 1], l) !== 0);
  const text = joinLines(out);
  const o = p.opts.get("o");
  if (o !== undefined) {
    const e = io.fs.writeFile(resolvePath(io.cwd, o), text);
    if (e) {
      io.stderr(`sort: open failed: ${o}: ${errnoMessage(e.error)}\n`);
      return 2;
    }
    return 0;
  }
  io.stdout(text);
  return 0;
};

const uniq: CommandFn = (io) => {
  const p = getopt(io, "uniq", io.args, { flags: "cdui", long: { count: "c", repeated: "d", unique: "u", "ignore-case": "i" } });
  if (typeof p === "number") return p;
  const srcs = readSources(io, "uniq", p.operands.slice(0, 1));
  if (srcs.failed) return 1;
  const ls = lines(srcs[0]?.text ?? "");
  const same = (a: string, b: string) => (p.opts.has("i") ? a.toLowerCase() === b.toLowerCase() : a === b);
  const groups: { line: string; n: number }[] = [];
  for (const l of ls) {
    const g = groups[groups.length - 1];
    if (g && same(g.line, l)) g.n++;
    else groups.push({ line: l, n: 1 });
  }
  let out = "";
  for (const g of groups) {
    if (p.opts.has("d") && g.n < 2) continue;
    if (p.opts.has("u") && g.n > 1) continue;
    out += (p.opts.has("c") ? `${String(g.n).padStart(7)} ` : "") + g.line + "\n";
  }
  io.stdout(out);
  return 0;
};

/** "1,3-5,7-" -> predicate on 1-based positions. */
function parseList(list: string): ((n: number) => boolean) | undefined {
  const ranges: [number, number][] = [];
  for (const part of list.split(",")) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === "" && m[3] === "") || m[1] === "0") return undefined;
    const a = m[1] === "" ? 1 : Number(m[1]);
    const b = m[2] ? (m[3] === "" ? Infinity : Number(m[3])) : a;
    ranges.push([a, b]);
  }
  return (n) => ranges.some(([a, b]) => n >= a && n <= b);
}

const cut: CommandFn = (io) => {
  const p = getopt(io, "cut", io.args, { flags: "s", values: "dfcb", long: { "delimiter=": "d", "fields=": "f", "characters=": "c", "bytes=": "b", "only-delimited": "s", "output-delimiter=": "output-delimiter" } });
  if (typeof p === "number") return p;
  const mode = p.opts.has("f") ? "f" : p.opts.has("c") ? "c" : p.opts.has("b") ? "c" : undefined;
  if (!mode) return usage(io, "cut", "you must specify a list of bytes, characters, or fields");
  const list = p.opts.get("f") ?? p.opts.get("c") ?? p.opts.get("b")!;
  const sel = parseList(list);
  if (!sel) return usage(io, "cut", list.includes("0") ? "fields and positions are numbered from 1" : `invalid field value ‘${list}’`);
  const delim = p.opts.get("d") ?? "\t";
  if (delim.length !== 1) return usage(io, "cut", "the delimiter must be a single character");
  const outDelim = p.opts.get("output-delimiter") ?? delim;
  const srcs = readSources(io, "cut", p.operands);
  let out = "";
  for (const s of srcs) {
    for (const l of lines(s.text)) {
      if (mode === "c") out += [...l].filter((_, i) => sel(i + 1)).join("") + "\n";
      else if (!l.includes(delim)) {
        if (!p.opts.has("s")) out += l + "\n";
      } else out += l.split(delim).filter((_, i) => sel(i + 1)).join(outDelim) + "\n";
    }
  }
  io.stdout(out);
  return srcs.failed ? 1 : 0;
};

function expandSet(set: string): string[] {
  const classes: Record<string, string> = {
    "[:lower:]": "abcdefghijklmnopqrstuvwxyz",
    "[:upper:]": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "[:digit:]": "0123456789",
    "[:space:]": " \t\n\r\f\v",
    "[:blank:]": " \t",
    "[:alpha:]": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "[:alnum:]": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    "[:punct:]": "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
  };
  const out: string[] = [];
  const s = escapes(set).text;
  for (let i = 0; i < s.length; i++) {
    const cls = Object.keys(classes).find((k) => s.startsWith(k, i));
    if (cls) {
      out.push(...classes[cls]);
      i += cls.length - 1;
    } else if (s[i + 1] === "-" && i + 2 < s.length) {
      for (let c = s.charCodeAt(i); c <= s.charCodeAt(i + 2); c++) out.push(String.fromCharCode(c));
      i += 2;
    } else out.push(s[i]);
  }
  return out;
}

const tr: CommandFn = (io) => {
  const p = getopt(io, "tr", io.args, { flags: "dscC", long: { delete: "d", "squeeze-repeats": "s" } });
  if (typeof p === "number") return p;
  const [a, b] = p.operands;
  if (a === undefined) return usage(io, "tr", "missing operand");
  const del = p.opts.has("d");
  if (!del && b === undefined && !p.opts.has("s")) return usage(io, "tr", `missing operand after ‘${a}’\nTwo strings must be given when translating.`);
  const setA = expandSet(a);
  const setB = b !== undefined ? expandSet(b) : [];
  const comp = p.opts.has("c") || p.opts.has("C");
  const inA = (c: string) => (comp ? !setA.includes(c) : setA.includes(c));
  let out = "";
  const squeezeSet = del ? setB : setB.length ? setB : setA;
  for (const c of io.stdin) {
    let r = c;
    if (del) {
      if (inA(c)) continue;
    } else if (setB.length && inA(c)) {
      const idx = comp ? setB.length - 1 : setA.indexOf(c);
      r = setB[Math.min(idx, setB.length - 1)];
    }
    if (p.opts.has("s") && squeezeSet.includes(r) && out.endsWith(r)) continue;
    out += r;
  }
  io.stdout(out);
  return 0;
};

const tee: CommandFn = (io) => {
  const p = getopt(io, "tee", io.args, { flags: "ai", long: { append: "a" } });
  if (typeof p === "number") return p;
  const input = io.stdin;
  let code = 0;
  for (const f of p.operands) {
    const path = resolvePath(io.cwd, f);
    const e = p.opts.has("a") ? io.fs.appendFile(path, input) : io.fs.writeFile(path, input);
    if (e) {
      io.stderr(`tee: ${f}: ${errnoMessage(e.error)}\n`);
      code = 1;
    }
  }
  io.stdout(input);
  return code;
};

/** GNU BRE/ERE to a JS RegExp source. */
export function posixRegex(pattern: string, extended: boolean): string {
  const classes: Record<string, string> = {
    "[:alpha:]": "a-zA-Z",
    "[:digit:]": "0-9",
    "[:alnum:]": "a-zA-Z0-9",
    "[:upper:]": "A-Z",
    "[:lower:]": "a-z",
    "[:space:]": "\\s",
    "[:blank:]": " \\t",
    "[:punct:]": "!-\\/:-@\\[-`{-~",
    "[:xdigit:]": "0-9A-Fa-f",
  };
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "[") {
      let j = i + 1;
      let body = "";
      if (pattern[j] === "^") {
        body += "^";
        j++;
      }
      if (pattern[j] === "]") {
        body += "\\]";
        j++;
      }
      while (j < pattern.length && pattern[j] !== "]") {
        const cls = Object.keys(classes).find((k) => pattern.startsWith(k, j));
        if (cls) {
          body += classes[cls];
          j += cls.length;
        } else {
          body += pattern[j] === "\\" ? "\\\\" : pattern[j];
          j++;
        }
      }
      if (j >= pattern.length) {
        out += "\\[";
        continue;
      }
      out += "[" + body + "]";
      i = j;
      continue;
    }
    if (c === "\\") {
      const n = pattern[++i];
      if (n === undefined) out += "\\\\";
      else if (!extended && "(){}|+?".includes(n)) out += n;
      else if ("<>".includes(n)) out += "\\b";
      else if ("wWsSbB".includes(n) || /\d/.test(n)) out += "\\" + n;
      else out += "\\" + n;
      continue;
    }
    if (!extended && "(){}|+?".includes(c)) {
      out += "\\" + c;
      continue;
    }
    if (extended && c === "{" && !/^\{\d*(,\d*)?\}/.test(pattern.slice(i))) {
      out += "\\{";
      continue;
    }
    if (c === "*" && (i === 0 || (!extended && pattern[i - 1] === "^" && i === 1))) {
      out += "\\*";
      continue;
    }
    out += c === "/" ? "\\/" : c;
  }
  return out;
}

const grep: CommandFn = (io) => {
  const p = getopt(
    io,
    "grep",
    io.args,
    { flags: "cCivEFnowrRlLhHqsxzP", values: "eABCm", long: { count: "c", "ignore-case": "i", "invert-match": "v", "extended-regexp": "E", "line-number": "n", "only-matching": "o", "word-regexp": "w", recursive: "r", "files-with-matches": "l", quiet: "q", silent: "q", "regexp=": "e", "color=": "color", colour: "color", "colour=": "color", color: "color", "max-count=": "m", "fixed-strings": "F" } },
    2,
  );
  if (typeof p === "number") return p;
  const operands = [...p.operands];
  let patterns = p.all.get("e");
  if (!patterns) {
    const first = operands.shift();
    if (first === undefined) {
      io.stderr("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
      return 2;
    }
    patterns = first.split("\n");
  }
  const ext = p.opts.has("E") || p.opts.has("P");
  let res: RegExp[];
  try {
    res = patterns.map((pat) => {
      let src = p.opts.has("F") ? pat.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&") : posixRegex(pat, ext);
      if (p.opts.has("w")) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
      if (p.opts.has("x")) src = `^(?:${src})$`;
      return new RegExp(src, p.opts.has("i") ? "gi" : "g");
    });
  } catch {
    io.stderr("grep: Unmatched ( or \\(\n");
    return 2;
  }
  const recursive = p.opts.has("r") || p.opts.has("R");
  const files: { name: string; text: string }[] = [];
  let code = 0;
  if (operands.length === 0 && recursive) operands.push(".");
  if (operands.length === 0) files.push({ name: "(standard input)", text: io.stdin });
  const walk = (display: string, abs: string) => {
    const st = io.fs.stat(abs);
    if (isFsError(st)) {
      if (!p.opts.has("s")) io.stderr(`grep: ${display}: ${errnoMessage(st.error)}\n`);
      code = 2;
      return;
    }
    if (st.type === "dir") {
      if (!recursive) {
        if (!p.opts.has("s")) io.stderr(`grep: ${display}: Is a directory\n`);
        return;
      }
      const names = io.fs.readdir(abs);
      if (isFsError(names)) return;
      for (const n of names) walk(display.endsWith("/") ? display + n : display + "/" + n, resolvePath(abs, n));
      return;
    }
    const t = io.fs.readFile(abs);
    if (!isFsError(t)) files.push({ name: display, text: t });
  };
  for (const f of operands) {
    if (f === "-") files.push({ name: "(standard input)", text: io.stdin });
    else walk(f, resolvePath(io.cwd, f));
  }
  const showNames = p.opts.has("H") || (!p.opts.has("h") && (files.length > 1 || recursive || operands.length > 1));
  const invert = p.opts.has("v");
  const max = p.opts.has("m") ? Number(p.opts.get("m")) : Infinity;
  const after = Number(p.opts.get("A") ?? p.opts.get("C") ?? 0);
  const before = Number(p.opts.get("B") ?? p.opts.get("C") ?? 0);
  let matchedAny = false;
  let out = "";
  for (const f of files) {
    const ls = lines(f.text);
    let count = 0;
    const prefix = showNames ? f.name : "";
    let lastPrinted = -1;
    let afterLeft = 0;
    for (let i = 0; i < ls.length && count < max; i++) {
      const l = ls[i];
      const hit = res.some((re) => {
        re.lastIndex = 0;
        return re.test(l);
      });
      if (hit === invert) {
        if (afterLeft > 0 && !p.opts.has("c") && !p.opts.has("l") && !p.opts.has("q")) {
          out += (prefix ? prefix + "-" : "") + (p.opts.has("n") ? `${i + 1}-` : "") + l + "\n";
          lastPrinted = i;
          afterLeft--;
        }
        continue;
      }
      count++;
      matchedAny = true;
      if (p.opts.has("q") || p.opts.has("l") || p.opts.has("L") || p.opts.has("c")) continue;
      if (before || after) {
        if (lastPrinted >= 0 && i - before > lastPrinted + 1) out += "--\n";
        for (let k = Math.max(lastPrinted + 1, i - before); k < i; k++) out += (prefix ? prefix + "-" : "") + (p.opts.has("n") ? `${k + 1}-` : "") + ls[k] + "\n";
      }
      const lead = (prefix ? prefix + ":" : "") + (p.opts.has("n") ? `${i + 1}:` : "");
      if (p.opts.has("o") && !invert) {
        for (const re of res) {
          re.lastIndex = 0;
          let m: RegExpExecArray | null;
          while ((m = re.exec(l))) {
            if (m[0] === "") {
              re.lastIndex++;
              continue;
            }
            out += lead + m[0] + "\n";
          }
        }
      } else out += lead + l + "\n";
      lastPrinted = i;
      afterLeft = after;
    }
    if (p.opts.has("c")) out += (prefix ? prefix + ":" : "") + count + "\n";
    if (p.opts.has("l") && count > 0) out += f.name + "\n";
    if (p.opts.has("L") && count === 0) out += f.name + "\n";
  }
  if (p.opts.has("q")) return matchedAny ? 0 : code || 1;
  io.stdout(out);
  if (code === 2) return matchedAny && p.opts.has("q") ? 0 : 2;
  return matchedAny ? 0 : 1;
};

/** Normal diff output ("2c2", "< a", "---", "> b") from an LCS of the lines. */
export function normalDiff(a: string[], b: string[]): string {
  const n = a.length;
  const m = b.length;
  if (n * m > 4_000_000) return `1,${n}c1,${m}\n` + a.map((l) => "< " + l + "\n").join("") + "---\n" + b.map((l) => "> " + l + "\n").join("");
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const hunks: { a0: number; a1: number; b0: number; b1: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    const h = { a0: i, a1: i, b0: j, b1: j };
    while ((i < n || j < m) && !(i < n && j < m && a[i] === b[j])) {
      if (j >= m || (i < n && dp[i + 1][j] >= dp[i][j + 1])) i++;
      else j++;
    }
    h.a1 = i;
    h.b1 = j;
    hunks.push(h);
  }
  const range = (s: number, e: number) => (e - s <= 1 ? String(e - s === 1 ? s + 1 : s) : `${s + 1},${e}`);
  let out = "";
  for (const h of hunks) {
    const delN = h.a1 - h.a0;
    const addN = h.b1 - h.b0;
    if (delN && addN) out += `${range(h.a0, h.a1)}c${range(h.b0, h.b1)}\n`;
    else if (delN) out += `${range(h.a0, h.a1)}d${h.b0}\n`;
    else out += `${h.a0}a${range(h.b0, h.b1)}\n`;
    for (let k = h.a0; k < h.a1; k++) out += "< " + a[k] + "\n";
    if (delN && addN) out += "---\n";
    for (let k = h.b0; k < h.b1; k++) out += "> " + b[k] + "\n";
  }
  return out;
}

const diff: CommandFn = (io) => {
  const p = getopt(io, "diff", io.args, { flags: "uqbwBiy", values: "U" }, 2);
  if (typeof p === "number") return p;
  if (p.operands.length < 2) {
    io.stderr(`diff: missing operand after '${p.operands[0] ?? "diff"}'\ndiff: Try 'diff --help' for more information.\n`);
    return 2;
  }
  const texts: string[] = [];
  for (const f of p.operands.slice(0, 2)) {
    if (f === "-") {
      texts.push(io.stdin);
      continue;
    }
    const r = io.fs.readFile(resolvePath(io.cwd, f));
    if (isFsError(r)) {
      io.stderr(`diff: ${f}: ${errnoMessage(r.error)}\n`);
      return 2;
    }
    texts.push(r);
  }
  if (texts[0] === texts[1]) return 0;
  if (p.opts.has("q")) {
    io.stdout(`Files ${p.operands[0]} and ${p.operands[1]} differ\n`);
    return 1;
  }
  io.stdout(normalDiff(lines(texts[0]), lines(texts[1])));
  return 1;
};

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function base64Encode(s: string): string {
  const bytes = utf8Bytes(s);
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    out += B64[a >> 2] + B64[((a & 3) << 4) | ((b ?? 0) >> 4)];
    out += b === undefined ? "=" : B64[((b & 15) << 2) | ((c ?? 0) >> 6)];
    out += c === undefined ? "=" : B64[c & 63];
  }
  return out;
}

export function base64Decode(s: string): string | undefined {
  const clean = s.replace(/[\s]/g, "");
  if (/[^A-Za-z0-9+/=]/.test(clean)) return undefined;
  const bytes: number[] = [];
  let buf = 0;
  let bits = 0;
  for (const ch of clean.replace(/=+$/, "")) {
    buf = (buf << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buf >> bits) & 255);
    }
  }
  return utf8Decode(bytes);
}

const base64: CommandFn = (io) => {
  const p = getopt(io, "base64", io.args, { flags: "di", values: "w", long: { decode: "d", "wrap=": "w" } });
  if (typeof p === "number") return p;
  const srcs = readSources(io, "base64", p.operands.slice(0, 1));
  if (srcs.failed) return 1;
  const text = srcs[0]?.text ?? "";
  if (p.opts.has("d")) {
    const d = base64Decode(text);
    if (d === undefined) {
      io.stderr("base64: invalid input\n");
      return 1;
    }
    io.stdout(d);
    return 0;
  }
  const enc = base64Encode(text);
  const wrap = Number(p.opts.get("w") ?? 76);
  if (enc === "") return 0;
  io.stdout((wrap > 0 ? enc.match(new RegExp(`.{1,${wrap}}`, "g"))!.join("\n") : enc) + "\n");
  return 0;
};

const seq: CommandFn = (io) => {
  const p = getopt(io, "seq", io.args.map((a) => (/^-\d/.test(a) ? "\u0000" + a : a)), { flags: "w", values: "sf", long: { "separator=": "s", "equal-width": "w" } });
  if (typeof p === "number") return p;
  const nums = p.operands.map((a) => a.replace(/^\u0000/, ""));
  if (nums.length === 0 || nums.length > 3) return usage(io, "seq", nums.length === 0 ? "missing operand" : `extra operand ‘${nums[3]}’`);
  for (const n of nums) if (Number.isNaN(Number(n)) || n.trim() === "") return usage(io, "seq", `invalid floating point argument: ‘${n}’`);
  const [first, inc, last] = nums.length === 1 ? [1, 1, Number(nums[0])] : nums.length === 2 ? [Number(nums[0]), 1, Number(nums[1])] : nums.map(Number);
  if (inc === 0) return usage(io, "seq", `invalid Zero increment value: ‘${nums[1]}’`);
  const decimals = Math.max(...nums.map((n) => (n.includes(".") ? n.split(".")[1].length : 0)));
  const out: string[] = [];
  for (let v = first, k = 0; inc > 0 ? v <= last + 1e-9 : v >= last - 1e-9; k++, v = first + k * inc) {
    if (out.length > 1_000_000) break;
    out.push(v.toFixed(decimals));
  }
  const width = p.opts.has("w") ? Math.max(...out.map((s) => s.length)) : 0;
  const sep = p.opts.has("s") ? escapes(p.opts.get("s")!).text : "\n";
  if (out.length) io.stdout(out.map((s) => (width ? s.padStart(width, "0") : s)).join(sep) + "\n");
  return 0;
};

const rev: CommandFn = (io) => {
  const srcs = readSources(io, "rev", io.args);
  io.stdout(joinLines(srcs.flatMap((s) => lines(s.text)).map((l) => [...l].reverse().join(""))));
  return srcs.failed ? 1 : 0;
};

const nl: CommandFn = (io) => {
  const srcs = readSources(io, "nl", io.args);
  let n = 0;
  io.stdout(joinLines(srcs.flatMap((s) => lines(s.text)).map((l) => (l === "" ? "" : `${String(++n).padStart(6)}\t${l}`))));
  return srcs.failed ? 1 : 0;
};

export const textCommands: Record<string, CommandFn> = {
  echo,
  printf,
  cat,
  head: headTail("head"),
  tail: headTail("tail"),
  wc,
  sort,
  uniq,
  cut,
  tr,
  tee,
  grep,
  egrep: (io) => grep({ ...io, args: ["-E", ...io.args] }),
  diff,
  base64,
  seq,
  rev,
  nl,
  less: cat,
  more: cat,
};
