import { isFsError } from "../../cluster/index";
import type { CommandIO } from "../command-types";
import { errnoMessage, resolvePath, shellQuote } from "../paths";
import type { ShellInternals } from "../shell-types";
import { formatFunction } from "../format-command";
import { declareQuote, formatArrayValue } from "../shell-array";
import { allNames, declareOnly } from "../variables";
import { assignmentArg, declareCmd, localCmd, mapfileCmd, readCmd, unsetCmd, type LineReader } from "./variable-builtins";
import { testExpression } from "./test-expr";

/** `exit`: unwinds to the top of the shell (or ends a subshell/script). */
export class ExitSignal {
  constructor(readonly code: number) {}
}
/** `return`: unwinds to the function call or `source` that is running. */
export class ReturnSignal {
  constructor(readonly code: number) {}
}
/** `break` / `continue` unwinding to the enclosing loop. */
export class LoopSignal {
  constructor(
    readonly kind: "break" | "continue",
    readonly levels: number,
  ) {}
}

/** A builtin runs inside the shell: it may change cwd, variables, aliases and sessions. */
export type BuiltinFn = (io: CommandIO, sh: ShellInternals, stdin: LineReader) => Promise<number> | number;

/** Commands that also exist as files in /usr/bin (what `which` finds besides the command table). */
export const BUILTINS_ON_PATH = new Set(["echo", "printf", "true", "false", "test", "[", "pwd", "kill"]);

function cd(io: CommandIO, sh: ShellInternals): number {
  const args = io.args.filter((a, i) => !(i === 0 && (a === "-L" || a === "-P" || a === "--")));
  if (args.length > 1) {
    io.stderr("bash: cd: too many arguments\n");
    return 1;
  }
  let target = args[0];
  let printNew = false;
  if (target === undefined || target === "") {
    target = sh.getVar("HOME") ?? "";
    if (target === "") {
      io.stderr("bash: cd: HOME not set\n");
      return 1;
    }
  } else if (target === "-") {
    const old = sh.getVar("OLDPWD");
    if (!old) {
      io.stderr("bash: cd: OLDPWD not set\n");
      return 1;
    }
    target = old;
    printNew = true;
  }
  const path = resolvePath(sh.session.cwd, target);
  const st = sh.session.fs.stat(path);
  if (isFsError(st)) {
    io.stderr(`bash: cd: ${target}: ${errnoMessage(st.error)}\n`);
    return 1;
  }
  if (st.type !== "dir") {
    io.stderr(`bash: cd: ${target}: Not a directory\n`);
    return 1;
  }
  sh.setVar("OLDPWD", sh.session.cwd, true);
  sh.session.cwd = path;
  sh.setVar("PWD", path, true);
  if (printNew) io.stdout(path + "\n");
  return 0;
}

function exportCmd(io: CommandIO, sh: ShellInternals): number {
  let args = io.args;
  let unexport = false;
  while (args[0]?.startsWith("-") && args[0] !== "-") {
    if (args[0] === "-n") unexport = true;
    else if (args[0] !== "-p") {
      io.stderr(`bash: export: ${args[0]}: invalid option\nexport: usage: export [-fn] [name[=value] ...] or export -p\n`);
      return 2;
    }
    args = args.slice(1);
  }
  if (args.length === 0) {
    const names = [...sh.session.vars.entries()].filter(([, v]) => v.exported).map(([k]) => k).sort();
    for (const n of names) io.stdout(sh.session.vars.get(n)?.declaredOnly ? `declare -x ${n}\n` : `declare -x ${n}="${(sh.getVar(n) ?? "").replace(/(["\\$`])/g, "\\$1")}"\n`);
    return 0;
  }
  let code = 0;
  for (const a of args) {
    const parsed = assignmentArg(io, "export", a);
    if (!parsed) {
      code = 1;
      continue;
    }
    const name = parsed.name;
    if (parsed.value !== undefined) sh.setVar(name, parsed.value, !unexport);
    else {
      const cur = sh.session.vars.get(name);
      if (cur) cur.exported = !unexport;
      else if (!unexport) declareOnly(sh.session, name, true);
    }
  }
  return code;
}

function aliasCmd(io: CommandIO, sh: ShellInternals): number {
  const args = io.args.filter((a) => a !== "-p");
  const show = (n: string) => io.stdout(`alias ${n}='${sh.session.aliases.get(n)!.replace(/'/g, "'\\''")}'\n`);
  if (args.length === 0) {
    for (const n of [...sh.session.aliases.keys()].sort()) show(n);
    return 0;
  }
  let code = 0;
  for (const a of args) {
    const eq = a.indexOf("=");
    if (eq < 0) {
      if (sh.session.aliases.has(a)) show(a);
      else {
        io.stderr(`bash: alias: ${a}: not found\n`);
        code = 1;
      }
    } else sh.session.aliases.set(a.slice(0, eq), a.slice(eq + 1));
  }
  return code;
}

function unaliasCmd(io: CommandIO, sh: ShellInternals): number {
  if (io.args.length === 0) {
    io.stderr("unalias: usage: unalias [-a] name [name ...]\n");
    return 2;
  }
  if (io.args[0] === "-a") {
    sh.session.aliases.clear();
    return 0;
  }
  let code = 0;
  for (const a of io.args) {
    if (!sh.session.aliases.delete(a)) {
      io.stderr(`bash: unalias: ${a}: not found\n`);
      code = 1;
    }
  }
  return code;
}

async function sourceCmd(io: CommandIO, sh: ShellInternals, name: string): Promise<number> {
  if (io.args.length === 0) {
    io.stderr(`bash: ${name}: filename argument required\n${name}: usage: ${name} filename [arguments]\n`);
    return 2;
  }
  const file = io.args[0];
  const content = io.fs.readFile(resolvePath(sh.session.cwd, file));
  if (isFsError(content)) {
    io.stderr(`bash: ${file}: ${errnoMessage(content.error)}\n`);
    return 1;
  }
  sh.returnScopes++;
  try {
    return await sh.runText(content, io, io.args.length > 1 ? { positional: io.args.slice(1) } : {});
  } catch (e) {
    if (e instanceof ReturnSignal) return e.code;
    throw e;
  } finally {
    sh.returnScopes--;
  }
}

/** `shopt` options per session; they are remembered and shown, but the shell does not act on them. */
/** bash 5.2 interactive defaults, in the order `shopt` lists them. */
const SHOPT_DEFAULTS: Record<string, boolean> = {
  autocd: false,
  assoc_expand_once: false,
  cdable_vars: false,
  cdspell: false,
  checkhash: false,
  checkjobs: false,
  checkwinsize: true,
  cmdhist: true,
  compat31: false,
  compat32: false,
  compat40: false,
  compat41: false,
  compat42: false,
  compat43: false,
  compat44: false,
  complete_fullquote: true,
  direxpand: false,
  dirspell: false,
  dotglob: false,
  execfail: false,
  expand_aliases: true,
  extdebug: false,
  extglob: false,
  extquote: true,
  failglob: false,
  force_fignore: true,
  globasciiranges: true,
  globskipdots: true,
  globstar: false,
  gnu_errfmt: false,
  histappend: false,
  histreedit: false,
  histverify: false,
  hostcomplete: true,
  huponexit: false,
  inherit_errexit: false,
  interactive_comments: true,
  lastpipe: false,
  lithist: false,
  localvar_inherit: false,
  localvar_unset: false,
  login_shell: false,
  mailwarn: false,
  no_empty_cmd_completion: false,
  nocaseglob: false,
  nocasematch: false,
  noexpand_translation: false,
  nullglob: false,
  patsub_replacement: true,
  progcomp: true,
  progcomp_alias: false,
  promptvars: true,
  restricted_shell: false,
  shift_verbose: false,
  sourcepath: true,
  varredir_close: false,
  xpg_echo: false,
};
function shoptCmd(io: CommandIO, sh: ShellInternals): number {
  // Kept on the session so subshells inherit it and the shell can read extglob.
  const state = (sh.session.shopt ??= { ...SHOPT_DEFAULTS });
  const flags = io.args.filter((a) => a.startsWith("-"));
  const names = io.args.filter((a) => !a.startsWith("-"));
  const set = flags.includes("-s");
  const unset = flags.includes("-u");
  const quiet = flags.includes("-q");
  let code = 0;
  for (const n of names) {
    if (!(n in state)) {
      io.stderr(`bash: shopt: ${n}: invalid shell option name\n`);
      code = 1;
    }
  }
  if (code) return code;
  if (set || unset) {
    for (const n of names) state[n] = set;
    if (names.length) return 0;
  }
  const shown = names.length ? names : Object.keys(state);
  for (const n of shown) {
    if (names.length === 0 && (set || unset) && state[n] !== set) continue;
    if (!quiet) io.stdout(`${n.padEnd(15)}\t${state[n] ? "on" : "off"}\n`);
  }
  if (names.length === 0) return 0;
  return shown.every((n) => state[n]) ? 0 : 1;
}


function returnCmd(io: CommandIO, sh: ShellInternals): number {
  if (sh.returnScopes === 0) {
    io.stderr("bash: return: can only `return' from a function or sourced script\n");
    return 2;
  }
  const s = statusArgument(io, sh, "return", /^[-+]?\d+$/);
  if (!s.leave) return s.status;
  throw new ReturnSignal(s.status);
}

/** The status `return` and `exit` leave with: bash's checks and messages for their one numeric argument. */
function statusArgument(io: CommandIO, sh: ShellInternals, cmd: string, numeric: RegExp): { status: number; leave: boolean } {
  const a = io.args[0];
  if (a === undefined) return { status: sh.lastExit, leave: true };
  if (!numeric.test(a)) {
    io.stderr(`bash: ${cmd}: ${a}: numeric argument required\n`);
    return { status: 2, leave: true };
  }
  if (io.args.length > 1) {
    io.stderr(`bash: ${cmd}: too many arguments\n`);
    return { status: 1, leave: false };
  }
  return { status: ((Number(a) % 256) + 256) % 256, leave: true };
}

function exitCmd(io: CommandIO, sh: ShellInternals): number {
  const s = statusArgument(io, sh, "exit", /^-?\d+$/);
  if (!s.leave) return s.status;
  throw new ExitSignal(s.status);
}

function historyCmd(io: CommandIO, sh: ShellInternals): number {
  if (io.args[0] === "-c") {
    sh.history.length = 0;
    return 0;
  }
  let from = 0;
  if (io.args[0] !== undefined) {
    if (!/^\d+$/.test(io.args[0])) {
      io.stderr(`bash: history: ${io.args[0]}: numeric argument required\n`);
      return 1;
    }
    from = Math.max(0, sh.history.length - Number(io.args[0]));
  }
  for (let i = from; i < sh.history.length; i++) io.stdout(`${String(i + 1).padStart(5)}  ${sh.history[i]}\n`);
  return 0;
}

function typeCmd(io: CommandIO, sh: ShellInternals): number {
  let code = 0;
  const names = io.args.filter((a) => !a.startsWith("-"));
  const terse = io.args.includes("-t");
  for (const n of names) {
    const kind = sh.kindOf(n);
    if (!kind) {
      if (!terse) io.stderr(`bash: type: ${n}: not found\n`);
      code = 1;
      continue;
    }
    if (terse) io.stdout(kind + "\n");
    else if (kind === "function") io.stdout(`${n} is a function\n${formatFunction(n, sh.session.functions.get(n)!)}\n`);
    else if (kind === "alias") io.stdout(`${n} is aliased to \`${sh.session.aliases.get(n)}'\n`);
    else if (kind === "keyword") io.stdout(`${n} is a shell keyword\n`);
    else if (kind === "builtin") io.stdout(`${n} is a shell builtin\n`);
    else io.stdout(`${n} is /usr/bin/${n}\n`);
  }
  return code;
}

function whichCmd(io: CommandIO, sh: ShellInternals): number {
  let code = 0;
  const names = io.args.filter((a) => !a.startsWith("-"));
  if (names.length === 0) return 1;
  for (const n of names) {
    if (sh.kindOf(n) === "file" || BUILTINS_ON_PATH.has(n)) io.stdout(`/usr/bin/${n}\n`);
    else code = 1;
  }
  return code;
}

function commandCmd(io: CommandIO, sh: ShellInternals): Promise<number> | number {
  if (io.args[0] === "-V") return typeCmd({ ...io, args: io.args.slice(1) }, sh);
  if (io.args[0] === "-v") {
    let code = 0;
    for (const n of io.args.slice(1)) {
      const kind = sh.kindOf(n);
      if (!kind) code = 1;
      else if (kind === "alias") io.stdout(`alias ${n}='${sh.session.aliases.get(n)}'\n`);
      else if (kind === "file") io.stdout(`/usr/bin/${n}\n`);
      else io.stdout(n + "\n");
    }
    return code;
  }
  if (io.args.length === 0) return 0;
  return sh.runArgv(io.args, io);
}

function loopCmd(kind: "break" | "continue") {
  return (io: CommandIO): number => {
    const n = io.args[0] === undefined ? 1 : Number(io.args[0]);
    if (!Number.isInteger(n) || n < 1) {
      io.stderr(`bash: ${kind}: ${io.args[0]}: loop count out of range\n`);
      return 1;
    }
    throw new LoopSignal(kind, n);
  };
}

function setCmd(io: CommandIO, sh: ShellInternals): number {
  const dd = io.args.indexOf("--");
  if (dd >= 0) {
    sh.session.positional = io.args.slice(dd + 1);
    return 0;
  }
  if (io.args.length === 0) {
    for (const n of allNames(sh.session)) {
      if (sh.session.vars.get(n)?.declaredOnly) continue;
      const arr = sh.session.arrays.get(n);
      const v = sh.getVar(n) ?? "";
      // Control characters print as $'...' (IFS=$' \t\n'), as bash's `set` does.
      io.stdout(arr ? `${n}=${formatArrayValue(arr)}\n` : `${n}=${/[\x00-\x1f\x7f]/.test(v) ? declareQuote(v) : shellQuote(v)}\n`);
    }
    return 0;
  }
  // Options (-e, -x, -o pipefail) are accepted and ignored: the simulation has no use for them yet.
  return 0;
}

function sshCmd(io: CommandIO, sh: ShellInternals): Promise<number> | number {
  const rest: string[] = [];
  for (let i = 0; i < io.args.length; i++) {
    const a = io.args[i];
    if (rest.length === 0 && /^-[ioplFJLRDEcmQSbeW]$/.test(a)) i++;
    else if (rest.length === 0 && a.startsWith("-")) continue;
    else rest.push(a);
  }
  if (rest.length === 0) {
    io.stderr(
      "usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]\n           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]\n           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]\n           [-J destination] [-L address] [-l login_name] [-m mac_spec]\n           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]\n           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]\n           destination [command [argument ...]]\n",
    );
    return 255;
  }
  const host = rest[0].replace(/^[^@]*@/, "");
  if (!sh.cluster.hosts().includes(host)) {
    io.stderr(`ssh: Could not resolve hostname ${host}: Name or service not known\n`);
    return 255;
  }
  if (rest.length > 1) {
    // `ssh node01 cmd`: run on that host and come back.
    if (!sh.pushSession(host)) return 255;
    const depth = sh.sessionDepth();
    return sh.runText(rest.slice(1).join(" "), io).then(
      (code) => {
        while (sh.sessionDepth() >= depth) sh.popSession();
        return code;
      },
      (e) => {
        while (sh.sessionDepth() >= depth) sh.popSession();
        if (e instanceof ExitSignal) return e.code;
        throw e;
      },
    );
  }
  if (host === sh.session.host && sh.sessionDepth() === 1) {
    // ssh to yourself still opens a new login session.
  }
  sh.pushSession(host);
  return 0;
}

async function sudoCmd(io: CommandIO, sh: ShellInternals): Promise<number> {
  let args = io.args;
  while (args[0]?.startsWith("-")) {
    const opt = args[0];
    args = args.slice(1);
    if (opt === "-u" || opt === "-g") args = args.slice(1);
  }
  if (args.length === 0) return 0; // `sudo -i` / `sudo su`: we are root already
  if (args[0] === "su" || args[0] === "-i") return 0;
  return sh.runArgv(args, io);
}

async function bashCmd(io: CommandIO, sh: ShellInternals): Promise<number> {
  const args = io.args;
  let i = 0;
  while (args[i]?.startsWith("-") && args[i] !== "-c") i++;
  if (args[i] === "-c") {
    const text = args[i + 1];
    if (text === undefined) {
      io.stderr("bash: -c: option requires an argument\n");
      return 2;
    }
    return sh.runText(text, io, { subshell: true, positional: args.slice(i + 3) });
  }
  if (args[i] === undefined) return sh.runText(io.stdin, io, { subshell: true });
  const file = args[i];
  const content = sh.session.fs.readFile(resolvePath(sh.session.cwd, file));
  if (isFsError(content)) {
    io.stderr(`bash: ${file}: ${errnoMessage(content.error)}\n`);
    return 127;
  }
  return sh.runText(content, io, { subshell: true, positional: args.slice(i + 1) });
}

async function evalCmd(io: CommandIO, sh: ShellInternals): Promise<number> {
  return sh.runText(io.args.join(" "), io);
}

async function xargsCmd(io: CommandIO, sh: ShellInternals): Promise<number> {
  let args = io.args;
  let maxArgs = Infinity;
  let replace: string | undefined;
  let noRunIfEmpty = false;
  let delimNewline = false;
  while (args[0]?.startsWith("-")) {
    const a = args[0];
    if (a === "-n") {
      maxArgs = Number(args[1]);
      args = args.slice(2);
    } else if (/^-n\d+$/.test(a)) {
      maxArgs = Number(a.slice(2));
      args = args.slice(1);
    } else if (a === "-I") {
      replace = args[1];
      args = args.slice(2);
    } else if (a === "-r" || a === "--no-run-if-empty") {
      noRunIfEmpty = true;
      args = args.slice(1);
    } else if (a === "-d" && args[1] === "\\n") {
      delimNewline = true;
      args = args.slice(2);
    } else if (a === "-0" || a === "-t") args = args.slice(1);
    else {
      io.stderr(`xargs: invalid option -- '${a.slice(1)}'\n`);
      return 1;
    }
  }
  const cmd = args.length ? args : ["echo"];
  const input = io.stdin;
  const items = replace !== undefined || delimNewline ? input.split("\n").filter((l) => l !== "") : input.split(/\s+/).filter(Boolean);
  if (items.length === 0) {
    if (noRunIfEmpty || replace !== undefined) return 0;
    return sh.runArgv(cmd, { ...io, stdin: "" });
  }
  let code = 0;
  if (replace !== undefined) {
    for (const item of items) {
      const c = await sh.runArgv(cmd.map((a) => a.split(replace!).join(item)), { ...io, stdin: "" });
      if (c !== 0) code = 123;
    }
    return code;
  }
  const size = Number.isFinite(maxArgs) && maxArgs > 0 ? maxArgs : items.length;
  for (let k = 0; k < items.length; k += size) {
    const c = await sh.runArgv([...cmd, ...items.slice(k, k + size)], { ...io, stdin: "" });
    if (c !== 0) code = 123;
  }
  return code;
}

async function watchCmd(io: CommandIO, sh: ShellInternals): Promise<number> {
  let args = io.args;
  let interval = 2;
  while (args[0]?.startsWith("-")) {
    if (args[0] === "-n") {
      interval = Number(args[1]);
      args = args.slice(2);
    } else if (args[0].startsWith("-n")) {
      interval = Number(args[0].slice(2));
      args = args.slice(1);
    } else args = args.slice(1);
  }
  if (args.length === 0) {
    io.stderr("watch: no command specified\n");
    return 1;
  }
  if (!(interval > 0)) interval = 2;
  const line = args.join(" ");
  // Every screen clears and shows the header, like procps watch. Ends on Ctrl+C.
  for (let i = 0; i < 1000 && !io.signal.aborted; i++) {
    const now = new Date(io.cluster.now());
    const header = `Every ${interval.toFixed(1)}s: ${line}`;
    const right = `${io.host}: ${formatCDate(now)}`;
    io.stdout(`\x1b[H\x1b[2J${header}${" ".repeat(Math.max(1, 80 - header.length - right.length))}${right}\n\n`);
    await sh.runText(line, io);
    await io.sleep(interval * 1000);
  }
  return 0;
}

/** `date`'s default format in the C locale, UTC: "Wed Nov 25 10:00:00 UTC 2026"; watch omits the zone. */
export function formatCDate(d: Date, zone?: string): string {
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const p = (n: number) => String(n).padStart(2, "0");
  const time = `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, " ")} ${time} ${zone ? zone + " " : ""}${d.getUTCFullYear()}`;
}

function shiftCmd(io: CommandIO, sh: ShellInternals): number {
  const n = io.args[0] === undefined ? 1 : Number(io.args[0]);
  if (!Number.isInteger(n) || n < 0 || n > sh.session.positional.length) return 1;
  sh.session.positional = sh.session.positional.slice(n);
  return 0;
}

export const builtins: Record<string, BuiltinFn> = {
  cd,
  pwd: (io, sh) => {
    io.stdout(sh.session.cwd + "\n");
    return 0;
  },
  export: exportCmd,
  unset: unsetCmd,
  alias: aliasCmd,
  unalias: unaliasCmd,
  source: (io, sh) => sourceCmd(io, sh, "source"),
  ".": (io, sh) => sourceCmd(io, sh, "."),
  exit: exitCmd,
  logout: exitCmd,
  history: historyCmd,
  type: typeCmd,
  which: whichCmd,
  command: commandCmd,
  true: () => 0,
  false: () => 1,
  ":": () => 0,
  test: (io) => testExpression(io, "test"),
  "[": (io) => testExpression(io, "["),
  set: setCmd,
  read: readCmd,
  break: loopCmd("break"),
  continue: loopCmd("continue"),
  shift: shiftCmd,
  return: returnCmd,
  shopt: shoptCmd,
  mapfile: (io, sh) => mapfileCmd(io, sh, "mapfile"),
  readarray: (io, sh) => mapfileCmd(io, sh, "readarray"),
  declare: (io, sh) => declareCmd(io, sh, "declare"),
  typeset: (io, sh) => declareCmd(io, sh, "typeset"),
  // Readonly is not enforced: `readonly x=1` declares x globally, as the common scripts need.
  readonly: (io, sh) => (io.args.filter((a) => !a.startsWith("-")).length ? declareCmd({ ...io, args: ["-g", ...io.args.filter((a) => a !== "-r")] }, sh, "readonly") : 0),
  builtin: (io, sh, stdin) => {
    const name = io.args[0];
    if (name === undefined) return 0;
    const fn = builtins[name];
    // echo, printf and kill are bash builtins too; here they live in the command table.
    if (!fn && BUILTINS_ON_PATH.has(name)) return sh.runArgv(io.args, io);
    if (!fn) {
      io.stderr(`bash: builtin: ${name}: not a shell builtin\n`);
      return 1;
    }
    return fn({ ...io, args: io.args.slice(1) }, sh, stdin);
  },
  local: localCmd,
  eval: evalCmd,
  exec: (io, sh) => (io.args.length ? sh.runArgv(io.args, io) : 0),
  ssh: sshCmd,
  sudo: sudoCmd,
  bash: bashCmd,
  sh: bashCmd,
  xargs: xargsCmd,
  watch: watchCmd,
  wait: () => 0,
  jobs: () => 0,
};
