import { isFsError } from "../../cluster/index";
import type { CommandIO } from "../command-types";
import { errnoMessage, resolvePath } from "../paths";

export interface OptSpec {
  /** Short flags without a value, e.g. "lah1". */
  flags?: string;
  /** Short flags that take a value, e.g. "nk". */
  values?: string;
  /** Long options: name -> short letter (or the long name itself); a trailing "=" means it takes a value. */
  long?: Record<string, string>;
}

export interface Parsed {
  /** Last value of each option ("" for plain flags). */
  opts: Map<string, string>;
  /** Every value of repeatable options (grep -e a -e b). */
  all: Map<string, string[]>;
  operands: string[];
}

/**
 * GNU-style getopt: combined short flags (-la), attached or separate values (-n5, -n 5), --long[=v], "--".
 * On a bad option prints coreutils' message and returns the exit status to use.
 */
export function getopt(io: CommandIO, cmd: string, args: string[], spec: OptSpec, badExit = 1): Parsed | number {
  const flags = spec.flags ?? "";
  const values = spec.values ?? "";
  const opts = new Map<string, string>();
  const all = new Map<string, string[]>();
  const set = (k: string, v: string) => {
    opts.set(k, v);
    all.set(k, [...(all.get(k) ?? []), v]);
  };
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && spec.long) {
      const eq = a.indexOf("=");
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const key = Object.keys(spec.long).find((k) => k.replace(/=$/, "") === name);
      if (!key) {
        io.stderr(`${cmd}: unrecognized option '${a}'\nTry '${cmd} --help' for more information.\n`);
        return badExit;
      }
      const target = spec.long[key];
      if (key.endsWith("=")) {
        const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) {
          io.stderr(`${cmd}: option '--${name}' requires an argument\nTry '${cmd} --help' for more information.\n`);
          return badExit;
        }
        set(target, v);
      } else set(target, "");
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (values.includes(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) {
            io.stderr(`${cmd}: option requires an argument -- '${c}'\nTry '${cmd} --help' for more information.\n`);
            return badExit;
          }
          set(c, v);
          break;
        }
        if (!flags.includes(c)) {
          io.stderr(`${cmd}: invalid option -- '${c}'\nTry '${cmd} --help' for more information.\n`);
          return badExit;
        }
        set(c, "");
      }
      continue;
    }
    operands.push(a);
  }
  return { opts, all, operands };
}

/**
 * Read each operand ("-" or none = stdin) for cat-like tools; prints "cmd: f: No such file or directory"
 * for failures and yields only the readable ones.
 */
export function readSources(io: CommandIO, cmd: string, files: string[]): { name: string; text: string }[] & { failed: boolean } {
  const out = [] as unknown as { name: string; text: string }[] & { failed: boolean };
  out.failed = false;
  if (files.length === 0) files = ["-"];
  for (const f of files) {
    if (f === "-") {
      out.push({ name: "-", text: io.stdin });
      continue;
    }
    const r = io.fs.readFile(resolvePath(io.cwd, f));
    if (isFsError(r)) {
      io.stderr(`${cmd}: ${f}: ${errnoMessage(r.error)}\n`);
      out.failed = true;
    } else out.push({ name: f, text: r });
  }
  return out;
}

/** Split text into lines; a final newline does not make an extra empty line. */
export function lines(text: string): string[] {
  if (text === "") return [];
  const l = text.split("\n");
  if (l[l.length - 1] === "") l.pop();
  return l;
}

export function joinLines(l: string[]): string {
  return l.length ? l.join("\n") + "\n" : "";
}

/** "Try 'x --help'" style usage error. */
export function usage(io: CommandIO, cmd: string, msg: string, code = 1): number {
  io.stderr(`${cmd}: ${msg}\nTry '${cmd} --help' for more information.\n`);
  return code;
}

/** UTF-8 bytes of a string (no TextEncoder in the engine's lib). */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

export function utf8Decode(bytes: number[]): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) s += String.fromCharCode(b);
    else if (b >= 0xf0 && i + 3 < bytes.length) {
      s += String.fromCodePoint(((b & 7) << 18) | ((bytes[i + 1] & 63) << 12) | ((bytes[i + 2] & 63) << 6) | (bytes[i + 3] & 63));
      i += 3;
    } else if (b >= 0xe0 && i + 2 < bytes.length) {
      s += String.fromCharCode(((b & 15) << 12) | ((bytes[i + 1] & 63) << 6) | (bytes[i + 2] & 63));
      i += 2;
    } else if (b >= 0xc0 && i + 1 < bytes.length) {
      s += String.fromCharCode(((b & 31) << 6) | (bytes[i + 1] & 63));
      i += 1;
    } else s += "\ufffd";
  }
  return s;
}
