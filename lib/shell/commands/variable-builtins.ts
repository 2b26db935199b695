/** The builtins that declare, read into and unset variables and arrays. */
import { ArithError, evalArith } from "../arith";
import type { CommandIO } from "../command-types";
import { formatFunction } from "../format-command";
import { declareQuote, formatArrayValue, type IndexedArray } from "../shell-array";
import type { ShellInternals, VarEntry } from "../shell-types";
import { allNames, declareOnly, ensureArray, indexedFrom, resolveIndex, VariableError } from "../variables";

/** What `read` takes its line from (the shell's shared stdin). */
export interface LineReader {
  takeLine(): string | undefined;
}

/** `declare` / `typeset`: show functions and variables, or set variables (local inside a function). */
/**
 * One `name[=value]` argument of declare, local or export: the name and the value (undefined without "="), or
 * undefined after bash's "not a valid identifier" error.
 */
export function assignmentArg(io: CommandIO, builtin: string, arg: string): { name: string; value: string | undefined } | undefined {
  const eq = arg.indexOf("=");
  const name = eq < 0 ? arg : arg.slice(0, eq);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    io.stderr(`bash: ${builtin}: \`${arg}': not a valid identifier\n`);
    return undefined;
  }
  return { name, value: eq < 0 ? undefined : arg.slice(eq + 1) };
}

export function declareCmd(io: CommandIO, sh: ShellInternals, name: string): number {
  const flags = new Set<string>();
  const names: string[] = [];
  for (const a of io.args) {
    if (/^[-+][a-zA-Z]+$/.test(a) && names.length === 0) for (const c of a.slice(1)) flags.add(a[0] === "+" ? "+" + c : c);
    else names.push(a);
  }
  const fns = sh.session.functions;
  if (flags.has("f") || flags.has("F")) {
    const list = names.length ? names : [...fns.keys()].sort();
    let code = 0;
    for (const n of list) {
      const body = fns.get(n);
      if (!body) code = 1;
      else if (flags.has("F")) io.stdout(names.length ? `${n}\n` : `declare -f ${n}\n`);
      else io.stdout(`${formatFunction(n, body)}\n`);
    }
    return code;
  }
  if (flags.has("p") || names.length === 0) {
    // `declare -a` / `declare -A` alone list only the arrays of that kind.
    const onlyKind = flags.has("A") ? "assoc" : flags.has("a") ? "indexed" : undefined;
    const list = names.length ? names : allNames(sh.session).filter((n) => !onlyKind || sh.session.arrays.get(n)?.kind === onlyKind);
    let code = 0;
    for (const n of list) {
      const arr = sh.session.arrays.get(n);
      const v = sh.session.vars.get(n);
      if (arr) io.stdout(`declare -${arr.kind === "assoc" ? "A" : "a"} ${n}${arr.assigned ? "=" + formatArrayValue(arr) : ""}\n`);
      else if (v) io.stdout(`declare ${attributes(v)} ${n}${v.declaredOnly ? "" : "=" + declareQuote(n === "PWD" ? sh.session.cwd : v.value)}\n`);
      else {
        io.stderr(`bash: ${name}: ${n}: not found\n`);
        code = 1;
      }
    }
    return code;
  }
  let code = 0;
  const inFunction = sh.localNames() !== undefined && !flags.has("g");
  const kind = flags.has("A") ? "assoc" : flags.has("a") ? "indexed" : undefined;
  for (const a of names) {
    const parsed = assignmentArg(io, name, a);
    if (!parsed) {
      code = 1;
      continue;
    }
    const n = parsed.name;
    let value = parsed.value;
    if (value !== undefined && (flags.has("i") || sh.session.vars.get(n)?.integer)) {
      try {
        value = String(evalArith(value, (x) => sh.getVar(x), (x, y) => sh.setVar(x, y)));
      } catch (e) {
        if (!(e instanceof ArithError)) throw e;
        io.stderr(`bash: ${name}: ${e.message}\n`);
        code = 1;
        continue;
      }
    }
    if (kind) {
      if (inFunction && !sh.localNames()!.includes(n)) sh.declareLocal(n, undefined);
      try {
        const arr = ensureArray(sh.session, n, kind, `${name}: `);
        if (value !== undefined) {
          if (arr.kind === "assoc") arr.set("0", value);
          else arr.set(0, value);
        }
      } catch (e) {
        if (!(e instanceof VariableError)) throw e;
        io.stderr(`bash: ${e.message}\n`);
        code = 1;
      }
      continue;
    }
    if (inFunction) sh.declareLocal(n, value);
    else if (value !== undefined) sh.setVar(n, value);
    else if (!sh.session.vars.has(n) && !sh.session.arrays.has(n)) declareOnly(sh.session, n);
    const cur = sh.session.vars.get(n);
    if (cur && flags.has("x")) cur.exported = true;
    if (cur && flags.has("+x")) cur.exported = false;
    if (cur && flags.has("i")) cur.integer = true;
    if (cur && flags.has("+i")) delete cur.integer;
  }
  return code;
}

/** `declare -p`'s attribute letters for a scalar ("--" when none). */
function attributes(v: VarEntry): string {
  const f = (v.integer ? "i" : "") + (v.exported ? "x" : "");
  return f ? "-" + f : "--";
}

/** `local`: variables scoped to the running function; with -a/-A/-i it declares like `declare`. */
export function localCmd(io: CommandIO, sh: ShellInternals): number {
  if (sh.localNames() !== undefined && io.args.some((a) => /^[-+][a-zA-Z]*[aAi]/.test(a))) return declareCmd(io, sh, "local");
  const args = io.args.filter((a) => !/^-[a-zA-Z]+$/.test(a));
  if (args.length === 0) {
    const names = sh.localNames();
    if (!names) {
      io.stderr("bash: local: can only be used in a function\n");
      return 1;
    }
    // bash 5.2 lists them as `declare -p` does.
    for (const n of [...names].sort()) {
      const arr = sh.session.arrays.get(n);
      const v = sh.session.vars.get(n);
      if (arr) io.stdout(`declare -${arr.kind === "assoc" ? "A" : "a"} ${n}${arr.assigned ? "=" + formatArrayValue(arr) : ""}\n`);
      else if (v) io.stdout(`declare ${attributes(v)} ${n}${v.declaredOnly ? "" : "=" + declareQuote(v.value)}\n`);
    }
    return 0;
  }
  let code = 0;
  for (const a of args) {
    const parsed = assignmentArg(io, "local", a);
    if (!parsed) {
      code = 1;
      continue;
    }
    if (!sh.declareLocal(parsed.name, parsed.value)) {
      io.stderr("bash: local: can only be used in a function\n");
      return 1;
    }
  }
  return code;
}

/** `read [-r] [-a array] [name...]`: one line of stdin, split on IFS. */
export function readCmd(io: CommandIO, sh: ShellInternals, stdin: LineReader): number {
  let raw = false;
  let arrayName: string | undefined;
  const names: string[] = [];
  for (let i = 0; i < io.args.length; i++) {
    const a = io.args[i];
    if (!/^-[a-zA-Z]+$/.test(a) || names.length) {
      names.push(a);
      continue;
    }
    for (let k = 1; k < a.length; k++) {
      const c = a[k];
      if (c === "r") raw = true;
      else if ("apdntuNi".includes(c)) {
        // Options with an argument take the rest of the cluster, or the next word.
        const arg = k + 1 < a.length ? a.slice(k + 1) : io.args[++i];
        if (c === "a") arrayName = arg;
        if (c === "p") io.stderr(arg ?? "");
        break;
      }
    }
  }
  if (arrayName && sh.session.arrays.get(arrayName)?.kind === "assoc") {
    io.stderr(`bash: read: ${arrayName}: not an indexed array\n`);
    return 1;
  }
  const ifs = io.env.IFS ?? sh.getVar("IFS") ?? " \t\n";
  const line = stdin.takeLine();
  if (line === undefined) {
    if (arrayName) sh.session.arrays.set(arrayName, indexedFrom([]));
    for (const n of names.length ? names : arrayName ? [] : ["REPLY"]) sh.setVar(n, "");
    return 1;
  }
  const text = raw ? line : line.replace(/\\(.)/g, "$1");
  if (arrayName) {
    sh.unsetVar(arrayName);
    sh.session.arrays.set(arrayName, indexedFrom(splitFields(text, ifs, Infinity)));
    return 0;
  }
  if (names.length === 0) {
    sh.setVar("REPLY", text);
    return 0;
  }
  const fields = splitFields(text, ifs, names.length);
  names.forEach((n, i) => sh.setVar(n, fields[i] ?? ""));
  return 0;
}

/**
 * `read`'s field splitting: IFS blanks collapse and trim, other IFS characters each end one field; with
 * `max` names the last field keeps the rest of the line (less trailing IFS blanks).
 */
function splitFields(text: string, ifs: string, max: number): string[] {
  const isWs = (c: string) => ifs.includes(c) && " \t\n".includes(c);
  const isSep = (c: string) => ifs.includes(c);
  let i = 0;
  while (i < text.length && isWs(text[i])) i++;
  const out: string[] = [];
  while (i < text.length) {
    if (out.length === max - 1) {
      let end = text.length;
      while (end > i && isWs(text[end - 1])) end--;
      out.push(text.slice(i, end));
      return out;
    }
    let j = i;
    while (j < text.length && !isSep(text[j])) j++;
    out.push(text.slice(i, j));
    i = j;
    while (i < text.length && isWs(text[i])) i++;
    if (i < text.length && isSep(text[i]) && !isWs(text[i])) {
      i++;
      while (i < text.length && isWs(text[i])) i++;
    }
  }
  return out;
}

/** `mapfile` / `readarray`: standard input's lines into an indexed array (MAPFILE by default). */
export function mapfileCmd(io: CommandIO, sh: ShellInternals, cmd: string): number {
  let strip = false;
  let count = 0;
  let skip = 0;
  let origin: number | undefined;
  let delim = "\n";
  let name = "MAPFILE";
  for (let i = 0; i < io.args.length; i++) {
    const a = io.args[i];
    if (!/^-[a-zA-Z]+$/.test(a)) {
      name = a;
      continue;
    }
    for (let k = 1; k < a.length; k++) {
      const c = a[k];
      if (c === "t") strip = true;
      else if ("nsOdcCu".includes(c)) {
        const arg = k + 1 < a.length ? a.slice(k + 1) : (io.args[++i] ?? "");
        if (c === "n") count = Number(arg) || 0;
        if (c === "s") skip = Number(arg) || 0;
        if (c === "O") origin = Number(arg) || 0;
        if (c === "d") delim = arg === "" ? "\0" : arg[0];
        break;
      }
    }
  }
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    io.stderr(`bash: ${cmd}: \`${name}': not a valid identifier\n`);
    return 1;
  }
  if (sh.session.arrays.get(name)?.kind === "assoc") {
    io.stderr(`bash: ${cmd}: ${name}: not an indexed array\n`);
    return 1;
  }
  const text = io.stdin;
  const lines: string[] = [];
  for (let pos = 0; pos < text.length; ) {
    const k = text.indexOf(delim, pos);
    const end = k < 0 ? text.length : k + 1;
    lines.push(text.slice(pos, end));
    pos = end;
  }
  const picked = lines.slice(skip, count > 0 ? skip + count : undefined).map((l) => (strip && l.endsWith(delim) ? l.slice(0, -1) : l));
  const arr = ensureArray(sh.session, name, "indexed") as IndexedArray;
  if (origin === undefined) arr.clear();
  arr.assigned = true;
  picked.forEach((l, i) => arr.set((origin ?? 0) + i, l));
  return 0;
}

/** `unset [-f|-v] name...`: variables, functions, or single array elements (`unset 'a[1]'`). */
export async function unsetCmd(io: CommandIO, sh: ShellInternals): Promise<number> {
  const fnOnly = io.args.includes("-f");
  const varOnly = io.args.includes("-v");
  let code = 0;
  for (const n of io.args) {
    if (n.startsWith("-")) continue;
    const sub = /^([A-Za-z_][A-Za-z0-9_]*)\[(.+)\]$/s.exec(n);
    if (sub && !fnOnly) {
      // The subscript is expanded once more, as bash does: `unset 'm[$k]'` removes the key $k holds.
      if (!unsetElement(io, sh, sub[1], await sh.expandText(sub[2]))) code = 1;
      continue;
    }
    // Without -f or -v bash unsets the variable, or the function when no such variable exists.
    if (fnOnly || (!varOnly && sh.getVar(n) === undefined)) sh.session.functions.delete(n);
    if (!fnOnly) sh.unsetVar(n);
  }
  return code;
}

/** `unset 'a[i]'` / `unset 'm[key]'`: one element; `a[@]` the whole array. False on a bad subscript. */
function unsetElement(io: CommandIO, sh: ShellInternals, name: string, sub: string): boolean {
  const arr = sh.session.arrays.get(name);
  if (sub === "@" || sub === "*") {
    // bash 5.2 empties the array and keeps it declared (`declare -a a=()`).
    if (arr) arr.clear();
    else sh.unsetVar(name);
    return true;
  }
  if (arr?.kind === "assoc") {
    arr.delete(sub);
    return true;
  }
  let n: number;
  try {
    n = evalArith(sub, (x) => sh.getVar(x), (x, y) => sh.setVar(x, y));
  } catch (e) {
    if (!(e instanceof ArithError)) throw e;
    io.stderr(`bash: unset: ${e.message}\n`);
    return false;
  }
  if (!arr) {
    if (n === 0) sh.unsetVar(name);
    return true;
  }
  const i = resolveIndex(arr, n);
  if (i === undefined) {
    io.stderr(`bash: unset: [${sub}]: bad array subscript\n`);
    return false;
  }
  arr.delete(i);
  return true;
}
