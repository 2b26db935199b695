import { isFsError } from "../../cluster/index";
import type { CommandFn } from "../command-types";
import { errnoMessage, resolvePath } from "../paths";
import { posixRegex } from "./text";

type Address = { kind: "line"; n: number } | { kind: "last" } | { kind: "re"; re: RegExp };

interface SedCommand {
  a1?: Address;
  a2?: Address;
  negate: boolean;
  name: string;
  /** s: regex, replacement, flags */
  re?: RegExp;
  replacement?: string;
  global?: boolean;
  nth?: number;
  print?: boolean;
  text?: string;
  /** y: from/to */
  from?: string;
  to?: string;
  /** range state */
  active?: boolean;
}

class SedError extends Error {}

function parseScript(script: string, extended: boolean, exprIndex: number): SedCommand[] {
  const cmds: SedCommand[] = [];
  let i = 0;
  const fail = (msg: string): never => {
    throw new SedError(`-e expression #${exprIndex}, char ${i}: ${msg}`);
  };
  const readDelimited = (delim: string): string => {
    let out = "";
    while (i < script.length && script[i] !== delim) {
      if (script[i] === "\\" && i + 1 < script.length) {
        if (script[i + 1] === delim) out += delim;
        else if (script[i + 1] === "n") out += "\n";
        else out += script[i] + script[i + 1];
        i += 2;
      } else out += script[i++];
    }
    if (i >= script.length) return fail(`unterminated address regex`);
    i++;
    return out;
  };
  const makeRe = (src: string, flags: string): RegExp => {
    try {
      return new RegExp(posixRegex(src, extended), flags);
    } catch {
      return fail("Invalid preceding regular expression");
    }
  };
  const readAddress = (): Address | undefined => {
    const c = script[i];
    if (c === "$") {
      i++;
      return { kind: "last" };
    }
    if (/\d/.test(c ?? "")) {
      let n = "";
      while (/\d/.test(script[i] ?? "")) n += script[i++];
      return { kind: "line", n: Number(n) };
    }
    if (c === "/" || c === "\\") {
      const delim = c === "\\" ? script[++i] : "/";
      i++;
      const src = readDelimited(delim);
      let flags = "";
      if (script[i] === "I") {
        flags = "i";
        i++;
      }
      return { kind: "re", re: makeRe(src, flags) };
    }
    return undefined;
  };
  while (i < script.length) {
    while (i < script.length && /[\s;]/.test(script[i])) i++;
    if (i >= script.length) break;
    const cmd: SedCommand = { negate: false, name: "" };
    cmd.a1 = readAddress();
    if (cmd.a1 && script[i] === ",") {
      i++;
      cmd.a2 = readAddress();
      if (!cmd.a2) fail("unexpected `,'");
    }
    while (script[i] === " ") i++;
    if (script[i] === "!") {
      cmd.negate = true;
      i++;
      while (script[i] === " ") i++;
    }
    const name = script[i++];
    if (name === undefined) fail("missing command");
    cmd.name = name;
    switch (name) {
      case "s": {
        const delim = script[i++];
        if (delim === undefined || delim === "\n" || delim === "\\") fail("unterminated `s' command");
        let pat = "";
        while (i < script.length && script[i] !== delim) {
          if (script[i] === "\\" && script[i + 1] === delim) {
            pat += delim;
            i += 2;
          } else if (script[i] === "\\" && i + 1 < script.length) {
            pat += script[i] + script[i + 1];
            i += 2;
          } else pat += script[i++];
        }
        if (i >= script.length) fail("unterminated `s' command");
        i++;
        let rep = "";
        while (i < script.length && script[i] !== delim) {
          if (script[i] === "\\" && i + 1 < script.length) {
            rep += script[i + 1] === delim ? delim : script[i] + script[i + 1];
            i += 2;
          } else rep += script[i++];
        }
        if (i >= script.length) fail("unterminated `s' command");
        i++;
        let flags = "";
        while (i < script.length && /[gpiIwe0-9]/.test(script[i])) {
          const f = script[i++];
          if (f === "g") cmd.global = true;
          else if (f === "p") cmd.print = true;
          else if (f === "i" || f === "I") flags += "i";
          else if (/\d/.test(f)) cmd.nth = Number(f);
        }
        if (i < script.length && !/[\s;}]/.test(script[i])) fail(`unknown option to \`s'`);
        cmd.re = makeRe(pat, "g" + flags);
        cmd.replacement = rep;
        break;
      }
      case "y": {
        const delim = script[i++];
        cmd.from = readDelimited(delim);
        cmd.to = readDelimited(delim);
        if ([...cmd.from].length !== [...cmd.to].length) fail("strings for `y' command are different lengths");
        break;
      }
      case "a":
      case "i":
      case "c": {
        if (script[i] === "\\") i++;
        if (script[i] === "\n") i++;
        while (script[i] === " ") i++;
        let text = "";
        while (i < script.length && script[i] !== "\n") text += script[i++];
        cmd.text = text;
        break;
      }
      case "d":
      case "p":
      case "q":
      case "Q":
      case "=":
      case "n":
      case "N":
        break;
      default:
        i--;
        fail(`unknown command: \`${name}'`);
    }
    cmds.push(cmd);
  }
  return cmds;
}

function substitute(line: string, cmd: SedCommand): { text: string; changed: boolean } {
  const re = cmd.re!;
  re.lastIndex = 0;
  let count = 0;
  let changed = false;
  const text = line.replace(re, (...m: unknown[]) => {
    const groups = m.slice(0, -2).filter((x) => typeof x === "string" || x === undefined) as (string | undefined)[];
    count++;
    const want = cmd.nth ?? 1;
    if (!cmd.global && count !== want) return groups[0]!;
    if (cmd.global && count < want) return groups[0]!;
    changed = true;
    return cmd.replacement!.replace(/\\(\d)|\\n|\\t|\\&|\\\\|&/g, (r, d: string | undefined) => {
      if (d !== undefined) return groups[Number(d)] ?? "";
      if (r === "&") return groups[0]!;
      if (r === "\\n") return "\n";
      if (r === "\\t") return "\t";
      if (r === "\\&") return "&";
      return "\\";
    });
  });
  return { text, changed };
}

function runSed(cmds: SedCommand[], input: string, quiet: boolean): string {
  const ls = input.split("\n");
  const trailingNewline = ls[ls.length - 1] === "";
  if (trailingNewline) ls.pop();
  let out = "";
  const matches = (a: Address, n: number, line: string) => (a.kind === "line" ? a.n === n : a.kind === "last" ? n === ls.length : (a.re.lastIndex = 0, a.re.test(line)));
  for (const c of cmds) c.active = false;
  let quit = false;
  for (let idx = 0; idx < ls.length && !quit; idx++) {
    let ps = ls[idx];
    const n = idx + 1;
    let deleted = false;
    let append = "";
    let printLine = !quiet;
    for (const c of cmds) {
      let sel: boolean;
      if (!c.a1) sel = true;
      else if (!c.a2) sel = matches(c.a1, n, ps);
      else if (c.active) {
        sel = true;
        if (c.a2.kind === "line" ? n >= c.a2.n : matches(c.a2, n, ps)) c.active = false;
      } else if (matches(c.a1, n, ps)) {
        sel = true;
        c.active = !(c.a2.kind === "line" && c.a2.n <= n);
      } else sel = false;
      if (c.negate) sel = !sel;
      if (!sel) continue;
      if (c.name === "s") {
        const r = substitute(ps, c);
        ps = r.text;
        if (r.changed && c.print) out += ps + "\n";
      } else if (c.name === "d") {
        deleted = true;
        break;
      } else if (c.name === "p") out += ps + "\n";
      else if (c.name === "=") out += n + "\n";
      else if (c.name === "q") {
        quit = true;
        break;
      } else if (c.name === "Q") {
        quit = true;
        printLine = false;
        break;
      } else if (c.name === "a") append += c.text + "\n";
      else if (c.name === "i") out += c.text + "\n";
      else if (c.name === "c") {
        if (!c.a2 || !c.active) out += c.text + "\n";
        deleted = true;
        break;
      } else if (c.name === "y") {
        const from = [...c.from!];
        const to = [...c.to!];
        ps = [...ps].map((ch) => (from.includes(ch) ? to[from.indexOf(ch)] : ch)).join("");
      } else if (c.name === "n" || c.name === "N") {
        if (idx + 1 >= ls.length) break;
        if (c.name === "n") {
          if (!quiet) out += ps + "\n";
          ps = ls[++idx];
        } else ps += "\n" + ls[++idx];
      }
    }
    if (!deleted && printLine) out += ps + "\n";
    out += append;
  }
  if (!trailingNewline && out.endsWith("\n") && input !== "") out = out.slice(0, -1);
  return out;
}

/** GNU sed subset: s///[gpIN], d, p, q, a/i/c, y, =, line/regex/$ addresses and ranges, -n -i -e -E. */
export const sed: CommandFn = (io) => {
  let quiet = false;
  let inPlace = false;
  let extended = false;
  const scripts: string[] = [];
  const files: string[] = [];
  const args = io.args;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-n" || a === "--quiet" || a === "--silent") quiet = true;
    else if (a === "-i" || a.startsWith("-i") || a.startsWith("--in-place")) inPlace = true;
    else if (a === "-E" || a === "-r" || a === "--regexp-extended") extended = true;
    else if (a === "-e") scripts.push(args[++i] ?? "");
    else if (a.startsWith("--expression=")) scripts.push(a.slice(13));
    else if (/^-[nEr]+$/.test(a)) {
      if (a.includes("n")) quiet = true;
      if (a.includes("E") || a.includes("r")) extended = true;
    } else if (a.startsWith("-") && a !== "-") {
      io.stderr(`sed: invalid option -- '${a[1]}'\nUsage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n`);
      return 1;
    } else if (scripts.length === 0 && files.length === 0 && !args.slice(0, i).includes("-e")) scripts.push(a);
    else files.push(a);
  }
  if (scripts.length === 0) {
    io.stderr("Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n");
    return 1;
  }
  let cmds: SedCommand[];
  try {
    cmds = scripts.flatMap((s, k) => parseScript(s, extended, k + 1));
  } catch (e) {
    if (e instanceof SedError) {
      io.stderr(`sed: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  if (inPlace) {
    if (files.length === 0) {
      io.stderr("sed: no input files\n");
      return 1;
    }
    let code = 0;
    for (const f of files) {
      const path = resolvePath(io.cwd, f);
      const text = io.fs.readFile(path);
      if (isFsError(text)) {
        io.stderr(text.error === "EISDIR" ? `sed: couldn't edit ${f}: not a regular file\n` : `sed: can't read ${f}: ${errnoMessage(text.error)}\n`);
        code = 4;
        continue;
      }
      const e = io.fs.writeFile(path, runSed(cmds, text, quiet));
      if (e) {
        io.stderr(`sed: couldn't open temporary file ${f}: ${errnoMessage(e.error)}\n`);
        code = 4;
      }
    }
    return code;
  }
  let input = "";
  let code = 0;
  if (files.length === 0) input = io.stdin;
  for (const f of files) {
    if (f === "-") {
      input += io.stdin;
      continue;
    }
    const text = io.fs.readFile(resolvePath(io.cwd, f));
    if (isFsError(text)) {
      io.stderr(text.error === "EISDIR" ? `sed: read error on ${f}: Is a directory\n` : `sed: can't read ${f}: ${errnoMessage(text.error)}\n`);
      code = 2;
      continue;
    }
    input += text;
  }
  io.stdout(runSed(cmds, input, quiet));
  return code;
};
