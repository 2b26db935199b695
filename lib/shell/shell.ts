import type { FsError, HostFs } from "../cluster/index";
import { isFsError } from "../cluster/index";
import type { AttachedSession, CommandFn, CommandIO } from "./command-types";
import { ArithError, evalArith } from "./arith";
import { builtins, type BuiltinFn, ExitSignal, LoopSignal, ReturnSignal } from "./commands/builtins";
import { coreutils } from "./commands/index";
import { completeLine } from "./complete";
import { editFile } from "./editor";
import { evalCond } from "./cond-eval";
import { ExpansionError, expandArithText, expandHeredoc, expandNoSplit, expandPattern, expandWords, type ExpandContext } from "./expand";
import { matchPattern } from "./glob";
import { parse, subscriptAssignment, type Assignment, type Command, type List, type Pipeline, type AndOr, type Redirect, type SimpleCommand } from "./parser";
import { errnoMessage, resolvePath, shellQuote } from "./paths";
import { IndexedArray, type ShellArray } from "./shell-array";
import type { CompletionResult, RunResult, Session, Shell, ShellInternals, ShellOptions, VarEntry } from "./shell-types";
import { lexText, plainWord, tokenize, type Word } from "./tokenizer";
import { declareOnly, ensureArray, getElement, indexedFrom, resolveIndex, setElement, setScalar, VariableError } from "./variables";

export type { Shell, ShellOptions, RunResult, CompletionResult, InteractiveEditor } from "./shell-types";

/** A line or paste longer than this is refused (the terminal would choke long before bash does). */
export const MAX_LINE_BYTES = 64 * 1024;
/** Heredoc bodies above this are refused (the same cap as a host file). */
export const MAX_HEREDOC_BYTES = 1024 * 1024;
/** Output of one run() to the terminal, and of one pipe stage, is capped here so nothing can flood the page. */
export const MAX_OUTPUT_CHARS = 2 * 1024 * 1024;
/** Simple commands per run(): `while true; do ...; done` ends instead of spinning the page forever. */
export const MAX_COMMANDS_PER_RUN = 20000;

/** Nested function calls allowed (as if FUNCNEST were set): `f() { f; }; f` ends instead of exhausting memory. */
export const MAX_FUNCTION_DEPTH = 1000;

export const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const KEYWORDS = new Set(["if", "then", "else", "elif", "fi", "for", "in", "do", "done", "while", "until", "case", "esac", "{", "}", "!", "[[", "]]", "function", "select", "time", "coproc"]);

/** `name[subscript]` as arithmetic hands it to getVar/setVar. */
const SUBSCRIPTED = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/s;

/** Builtins whose `name=(...)` arguments are compound array assignments. */
const DECLARERS = new Set(["declare", "typeset", "local"]);

/** An expansion error (`${x:?}`, `$((1/0))`): bash drops the rest of the command line (a subshell just ends). */
class AbortLine {}

/** Standard input shared by the commands of a compound command: `read` takes a line, `cat` the rest. */
export class Input {
  pos = 0;
  constructor(readonly text: string) {}
  /** Everything not yet read; a command that looks at its stdin consumes it all. */
  takeAll(): string {
    const r = this.text.slice(this.pos);
    this.pos = this.text.length;
    return r;
  }
  takeLine(): string | undefined {
    if (this.pos >= this.text.length) return undefined;
    const nl = this.text.indexOf("\n", this.pos);
    const end = nl < 0 ? this.text.length : nl;
    const line = this.text.slice(this.pos, end);
    this.pos = nl < 0 ? end : end + 1;
    return line;
  }
}

interface Streams {
  stdin: Input;
  /** stdout is the terminal (isatty). */
  tty?: boolean;
  out: (t: string) => void;
  err: (t: string) => void;
  /** Command lines of the stages of the pipeline this command is part of (bash starts them together). */
  pipeline?: string[];
}

/** Output collected for a pipe or $(...): capped so `yes`-style floods end. */
class Capture {
  text = "";
  sink = (t: string) => {
    if (this.text.length < MAX_OUTPUT_CHARS) this.text += t.slice(0, MAX_OUTPUT_CHARS - this.text.length);
  };
}

/** A file opened by a redirect: written once when the command ends (one write, not one per chunk). */
class FileSink {
  buf = "";
  failed = false;
  constructor(
    readonly fs: HostFs,
    readonly path: string,
  ) {}
  sink = (t: string) => {
    if (this.buf.length <= MAX_OUTPUT_CHARS) this.buf += t;
  };
  flush(err: (t: string) => void): void {
    if (this.buf === "" || this.failed) return;
    const r = this.fs.appendFile(this.path, this.buf);
    this.buf = "";
    if (r) {
      this.failed = true;
      err(`bash: ${this.path}: write error: ${errnoMessage(r.error)}\n`);
    }
  }
}

function initialSession(host: string, fs: HostFs, extraEnv: Record<string, string> | undefined): Session {
  const vars = new Map<string, { value: string; exported: boolean }>();
  const env: Record<string, string> = {
    HOME: "/root",
    USER: "root",
    LOGNAME: "root",
    SHELL: "/bin/bash",
    PATH: DEFAULT_PATH,
    HOSTNAME: host,
    PWD: "/root",
    TERM: "xterm-256color",
    LANG: "C.UTF-8",
    SHLVL: "1",
    ...extraEnv,
  };
  for (const [k, v] of Object.entries(env)) vars.set(k, { value: v, exported: true });
  // Not exported, as in bash; scripts save and restore it (`old=$IFS; IFS=,; ...; IFS=$old`).
  if (!vars.has("IFS")) vars.set("IFS", { value: " \t\n", exported: false });
  const cwdOk = fs.stat("/root");
  const cwd = !isFsError(cwdOk) && cwdOk.type === "dir" ? "/root" : "/";
  if (cwd === "/") vars.set("PWD", { value: "/", exported: true });
  return { host, fs, cwd, vars, aliases: new Map([["k", "kubectl"]]), positional: [], functions: new Map(), arrays: new Map() };
}

/** The bare name of a `name=(...)` word, as the declaring builtin should see it. */
function nameWord(w: Word): Word {
  const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(w.raw)?.[0] ?? "";
  return { parts: [{ t: "lit", v: name, q: true }], raw: name };
}

/** `[key]=value` inside `(...)`, or undefined for a plain element. */
function keyedElement(w: Word): Assignment | undefined {
  const first = w.parts[0];
  if (first?.t !== "lit" || first.q || !first.v.startsWith("[")) return undefined;
  return subscriptAssignment({ parts: [{ t: "lit", v: "x", q: false }, ...w.parts], raw: "x" + w.raw });
}

/** Create a bash-like shell on a host of the cluster. */
export function createShell(opts: ShellOptions): Shell {
  return new ShellImpl(opts);
}

class ShellImpl implements Shell {
  private sessions: Session[];
  readonly history: string[] = [];
  lastExit = 0;
  private signal = { aborted: false };
  private commandCount = 0;
  private commands: Record<string, CommandFn>;
  private outCount = 0;
  private outTruncated = false;
  private exitedTop = false;
  /** Set once MAX_COMMANDS_PER_RUN is passed: every loop and list then stops. */
  private limited = false;
  /** One frame per running function call: the variables `local` shadowed, to put back on return. */
  private localFrames: Map<string, { v?: VarEntry; a?: ShellArray }>[] = [];
  /** The next command of this name skips shell functions (set by runArgv for `command f`). */
  private bypassFunction: string | undefined;
  /** Function calls and sourced files in progress (where `return` is allowed). */
  private returnScopes = 0;
  /** A shell that took over the terminal (`kubectl exec -it ... sh`); lines go there until it exits. */
  private attached: AttachedSession | undefined;
  /** Output of each `<(...)` by its /dev/fd path; commands see it through fsView(). */
  private procSubs = new Map<string, string>();
  /** bash hands out /dev/fd/63, 62, ... to the process substitutions of one command. */
  private nextProcFd = 63;

  constructor(private readonly opts: ShellOptions) {
    const host = opts.host ?? opts.cluster.hosts()[0] ?? "controlplane";
    const fs = opts.fs ?? opts.cluster.fs(host);
    if (!fs) throw new Error(`createShell: no filesystem for host ${host}`);
    this.sessions = [initialSession(host, fs, opts.env)];
    const tools = { ...coreutils(opts.minimal ?? false), ...(opts.commands ?? {}) };
    for (const d of opts.disabled ?? []) delete tools[d];
    if (opts.only) for (const k of Object.keys(tools)) if (!opts.only.includes(k)) delete tools[k];
    this.commands = tools;
  }

  get session(): Session {
    return this.sessions[this.sessions.length - 1];
  }
  get host(): string {
    return this.session.host;
  }
  get cwd(): string {
    return this.session.cwd;
  }

  prompt(): string {
    if (this.attached) return this.attached.prompt();
    if (this.opts.prompt) return this.opts.prompt();
    const home = this.getVar("HOME") ?? "/root";
    const cwd = this.session.cwd;
    const shown = cwd === home ? "~" : cwd.startsWith(home + "/") ? "~" + cwd.slice(home.length) : cwd;
    return `${this.session.host}:${shown}$ `;
  }

  interrupt(): void {
    this.attached?.interrupt?.();
    this.signal.aborted = true;
  }

  complete(line: string, cursor: number): CompletionResult {
    if (this.attached) return this.attached.complete?.(line, cursor) ?? { start: cursor, end: cursor, candidates: [] };
    return completeLine(line, cursor, {
      fs: this.session.fs,
      cwd: this.session.cwd,
      cluster: this.opts.cluster,
      commandNames: () => [...new Set([...Object.keys(builtins), ...Object.keys(this.commands), ...this.session.aliases.keys(), ...this.session.functions.keys()])],
      alias: (name) => this.session.aliases.get(name),
      getVar: (n) => this.getVar(n),
      varNames: () => [...this.session.vars.keys(), ...this.session.arrays.keys()],
    });
  }

  // ---- variables -------------------------------------------------------------------------------
  /** A variable's value; `name[sub]` (from arithmetic: `$((a[i+1]))`) reads an element. */
  getVar(name: string): string | undefined {
    if (name === "PWD") return this.session.cwd;
    const sub = SUBSCRIPTED.exec(name);
    if (sub) return getElement(this.session, sub[1], this.arithKey(sub[1], sub[2]));
    const v = this.session.vars.get(name);
    if (v) return v.declaredOnly ? undefined : v.value;
    return getElement(this.session, name, 0);
  }
  /** Assign a scalar (element 0 of an array); `name[sub]` assigns an element (may throw VariableError). */
  setVar(name: string, value: string, exported?: boolean): void {
    const sub = SUBSCRIPTED.exec(name);
    if (sub) return setElement(this.session, sub[1], this.arithKey(sub[1], sub[2]), value, name);
    setScalar(this.session, name, value, exported);
    if (name === "PWD") this.session.cwd = value.startsWith("/") ? value : this.session.cwd;
  }
  /** A subscript already `$`-expanded: an associative array's key as is, otherwise evaluated as arithmetic. */
  private arithKey(name: string, sub: string): string | number {
    if (this.session.arrays.get(name)?.kind === "assoc") return sub;
    if (sub.trim() === "") throw new VariableError(`${name}[${sub}]: bad array subscript`);
    return evalArith(sub, (n) => this.getVar(n), (n, v) => this.setVar(n, v));
  }
  unsetVar(name: string): void {
    this.session.vars.delete(name);
    this.session.arrays.delete(name);
  }
  private exportedEnv(extra?: Record<string, string>): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of this.session.vars) if (v.exported && !v.declaredOnly) env[k] = v.value;
    env.PWD = this.session.cwd;
    return { ...env, ...extra };
  }

  // ---- run -------------------------------------------------------------------------------------
  async run(line: string): Promise<RunResult> {
    if (this.attached) {
      const inner = this.attached;
      const r = await inner.run(line);
      if (r.exited && this.attached === inner) this.attached = undefined;
      this.lastExit = r.exitCode;
      return { exitCode: r.exitCode };
    }
    this.signal = { aborted: false };
    this.commandCount = 0;
    this.limited = false;
    this.outCount = 0;
    this.outTruncated = false;
    this.exitedTop = false;
    const out = (t: string) => this.emit(t, this.opts.stdout);
    const err = (t: string) => this.emit(t, this.opts.stderr);
    if (line.length > MAX_LINE_BYTES) {
      err(`bash: input refused: ${line.length} characters is over the ${MAX_LINE_BYTES / 1024} KiB limit of this terminal\n`);
      this.lastExit = 1;
      return { exitCode: 1 };
    }
    const trimmed = line.replace(/\n+$/, "");
    if (trimmed.trim() !== "" && !/^\s/.test(trimmed) && this.history[this.history.length - 1] !== trimmed) this.history.push(trimmed);
    let code: number;
    try {
      code = await this.runSource(line, { stdin: new Input(""), out, err, tty: true }, true);
    } catch (e) {
      // A bug in a command must not kill the terminal: report it and carry on.
      err(`bash: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      code = 1;
    }
    this.lastExit = code;
    return this.exitedTop ? { exitCode: code, exited: true } : { exitCode: code };
  }

  private emit(t: string, to: ((t: string) => void) | undefined): void {
    if (!to || t === "") return;
    if (this.outCount >= MAX_OUTPUT_CHARS) {
      if (!this.outTruncated) {
        this.outTruncated = true;
        this.opts.stderr?.(`\n[output truncated: more than ${MAX_OUTPUT_CHARS / (1024 * 1024)} MiB]\n`);
      }
      return;
    }
    const room = MAX_OUTPUT_CHARS - this.outCount;
    this.outCount += Math.min(room, t.length);
    to(t.length > room ? t.slice(0, room) : t);
  }

  /** Parse and run text; `top` marks the terminal's own line (where `exit` ends the session). */
  private async runSource(text: string, st: Streams, top: boolean): Promise<number> {
    const parsed = parse(text);
    if (!parsed.ok) {
      if (parsed.kind === "syntax") {
        if (parsed.message) st.err(`bash: ${parsed.message}\n`);
        if (parsed.keepStatus) return this.lastExit;
      } else {
        const inc = parsed.incomplete;
        if (inc.kind === "cond") st.err("bash: unexpected EOF while looking for `]]'\n");
        else {
          if (inc.kind === "quote") st.err(`bash: unexpected EOF while looking for matching \`${inc.char}'\n`);
          st.err("bash: syntax error: unexpected end of file\n");
        }
      }
      return 2;
    }
    if (parsed.heredocAtEof !== undefined) {
      st.err(`bash: warning: here-document at line 1 delimited by end-of-file (wanted \`${parsed.heredocAtEof}')\n`);
    }
    try {
      return await this.execList(parsed.list, st);
    } catch (e) {
      if (e instanceof ExitSignal) {
        if (!top) throw e;
        return this.handleExit(e, st);
      }
      if (e instanceof LoopSignal) return 0;
      if (e instanceof ReturnSignal && top) return e.code;
      if (e instanceof AbortLine && top) return 1;
      throw e;
    }
  }

  private handleExit(e: ExitSignal, st: Streams): number {
    if (this.sessions.length > 1) {
      const left = this.sessions.pop()!;
      st.out(`logout\nConnection to ${left.host} closed.\n`);
      return e.code;
    }
    this.exitedTop = true;
    return e.code;
  }

  private async execList(list: List, st: Streams): Promise<number> {
    let code = this.lastExit;
    for (const item of list) {
      if (this.signal.aborted) return 130;
      if (this.limited) return 1;
      code = await this.execAndOr(item, st);
      this.lastExit = code;
    }
    return code;
  }

  private async execAndOr(ao: AndOr, st: Streams): Promise<number> {
    let code = await this.execPipeline(ao.first, st);
    for (const r of ao.rest) {
      this.lastExit = code;
      if (this.signal.aborted) return 130;
      if ((r.op === "&&" && code === 0) || (r.op === "||" && code !== 0)) code = await this.execPipeline(r.pipeline, st);
    }
    return code;
  }

  private async execPipeline(p: Pipeline, st: Streams): Promise<number> {
    if (!p.time) return this.execUntimed(p, st);
    const start = this.opts.cluster.now();
    const code = p.commands.length ? await this.execUntimed(p, st) : 0;
    // Only virtual time passes in the simulation, and the CPU it costs is none.
    const secs = (this.opts.cluster.now() - start) / 1000;
    if (p.time === "posix") st.err(`real ${secs.toFixed(2)}\nuser 0.00\nsys 0.00\n`);
    else st.err(`\nreal\t${Math.floor(secs / 60)}m${(secs % 60).toFixed(3)}s\nuser\t0m0.000s\nsys\t0m0.000s\n`);
    return code;
  }

  private async execUntimed(p: Pipeline, st: Streams): Promise<number> {
    let code: number;
    if (p.commands.length === 1) code = await this.execCommand(p.commands[0], st);
    else {
      // Stages run one after another, each in a subshell as in bash (no lastpipe): `cd x | true` changes nothing.
      let input = st.stdin;
      code = 0;
      const pipeline = p.commands.map((c) => (c.type === "simple" ? c.words.map((w) => w.raw.replace(/['"]/g, "")).join(" ") : "bash"));
      for (let i = 0; i < p.commands.length; i++) {
        const last = i === p.commands.length - 1;
        const cap = new Capture();
        const stageIn = input;
        code = await this.subshell(() => this.execCommand(p.commands[i], { stdin: stageIn, out: last ? st.out : cap.sink, err: st.err, tty: last && st.tty, pipeline }));
        input = new Input(cap.text);
        if (this.signal.aborted) return 130;
      }
    }
    return p.bang ? (code === 0 ? 1 : 0) : code;
  }

  /** Run with a copy of the session (cwd, variables, aliases) that is thrown away afterwards. */
  private async subshell(fn: () => Promise<number>): Promise<number> {
    const saved = this.session;
    const copy: Session = {
      ...saved,
      vars: new Map([...saved.vars].map(([k, v]) => [k, { ...v }])),
      aliases: new Map(saved.aliases),
      positional: [...saved.positional],
      functions: new Map(saved.functions),
      arrays: new Map([...saved.arrays].map(([k, a]) => [k, a.clone()])),
      ...(saved.shopt ? { shopt: { ...saved.shopt } } : {}),
    };
    const depth = this.sessions.length;
    this.sessions[depth - 1] = copy;
    const savedExit = this.lastExit;
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof ReturnSignal) return e.code;
      if (e instanceof AbortLine) return 1;
      throw e;
    } finally {
      this.sessions.length = depth;
      this.sessions[depth - 1] = saved;
      void savedExit;
    }
  }

  private async execCommand(cmd: Command, st: Streams): Promise<number> {
    switch (cmd.type) {
      case "simple":
        return this.execSimple(cmd, st);
      case "group":
        return this.withRedirects(cmd.redirects, st, (s2) => this.execList(cmd.body, s2));
      case "subshell":
        return this.subshell(() => this.withRedirects(cmd.redirects, st, (s2) => this.execList(cmd.body, s2)));
      case "if":
        return this.withRedirects(cmd.redirects, st, async (s2) => {
          for (const c of cmd.clauses) {
            if ((await this.execList(c.cond, s2)) === 0) return this.execList(c.body, s2);
          }
          return cmd.otherwise ? this.execList(cmd.otherwise, s2) : 0;
        });
      case "for":
        return this.withRedirects(cmd.redirects, st, async (s2) => {
          const items = cmd.items ? await this.expand(cmd.items, s2) : [...this.session.positional];
          if (!items) return 1;
          let code = 0;
          for (const item of items) {
            if (this.signal.aborted) return 130;
            if (this.limited) return 1;
            this.setVar(cmd.name, item);
            const r = await this.loopBody(cmd.body, s2);
            code = r.code;
            if (r.brk) break;
          }
          return code;
        });
      case "while":
        return this.withRedirects(cmd.redirects, st, async (s2) => {
          let code = 0;
          for (;;) {
            if (this.signal.aborted) return 130;
            if (this.limited) return 1;
            const c = await this.execList(cmd.cond, s2);
            if (this.limited) return 1;
            if (cmd.until ? c === 0 : c !== 0) break;
            const r = await this.loopBody(cmd.body, s2);
            code = r.code;
            if (r.brk) break;
          }
          return code;
        });
      case "arithFor":
        return this.withRedirects(cmd.redirects, st, async (s2) => {
          if ((await this.arith(cmd.init, s2, "((")) === undefined) return 1;
          let code = 0;
          for (;;) {
            if (this.signal.aborted) return 130;
            if (this.limited || !this.tick(s2)) return 1;
            const test = cmd.test.trim() === "" ? 1 : await this.arith(cmd.test, s2, "((");
            if (test === undefined) return 1;
            if (test === 0) break;
            const r = await this.loopBody(cmd.body, s2);
            code = r.code;
            if (r.brk) break;
            if ((await this.arith(cmd.step, s2, "((")) === undefined) return 1;
          }
          return code;
        });
      case "arith":
        return this.withRedirects(cmd.redirects, st, async (s2) => {
          if (!this.tick(s2)) return 1;
          const v = await this.arith(cmd.src, s2, "((");
          return v === undefined ? 1 : v !== 0 ? 0 : 1;
        });
      case "cond":
        return this.withRedirects(cmd.redirects, st, async (s2) => {
          if (!this.tick(s2)) return 1;
          const ctx = this.expandContext(s2);
          return this.guardExpansion(s2, "status", () =>
            evalCond(cmd.expr, {
              text: (w) => expandNoSplit(w, ctx),
              pattern: (w) => expandPattern(w, ctx),
              arith: (t) => evalArith(t, (n) => this.getVar(n), (n, v) => this.setVar(n, v)),
              isSet: (n) => this.getVar(n) !== undefined,
              setMatch: (groups) => {
                this.session.vars.delete("BASH_REMATCH");
                this.session.arrays.set("BASH_REMATCH", indexedFrom(groups));
              },
              fs: this.session.fs,
              cwd: this.session.cwd,
              error: (m) => s2.err(`bash: ${m}\n`),
            }),
          );
        });
      case "case":
        return this.withRedirects(cmd.redirects, st, async (s2) => {
          const ctx = this.expandContext(s2);
          return this.guardExpansion(s2, "status", async () => {
            const word = await expandNoSplit(cmd.word, ctx);
            let code = 0;
            let fallInto = false;
            for (const clause of cmd.clauses) {
              let hit = fallInto;
              for (const pw of hit ? [] : clause.patterns) {
                const p = await expandPattern(pw, ctx);
                if (matchPattern(word, p.s, p.active, this.shopt("extglob"))) {
                  hit = true;
                  break;
                }
              }
              if (!hit) continue;
              code = clause.body.length ? await this.execList(clause.body, s2) : 0;
              fallInto = clause.terminator === ";&";
              if (clause.terminator === ";;") return code;
            }
            return code;
          });
        });
      case "function":
        this.session.functions.set(cmd.name, cmd.body);
        return 0;
    }
  }

  /** Count a command that is not a simple command (`(( ))`, `[[ ]]`) against the per-run limit. */
  private tick(st: Streams): boolean {
    this.commandCount++;
    if (this.commandCount > MAX_COMMANDS_PER_RUN) {
      this.limited = true;
      if (this.commandCount === MAX_COMMANDS_PER_RUN + 1) st.err(`bash: stopped after ${MAX_COMMANDS_PER_RUN} commands in one line (simulation limit)\n`);
      return false;
    }
    return true;
  }

  /** Evaluate `(( ))` text; on an error print it as bash does ("bash: ((: ...") and return undefined. */
  private async arith(src: string, st: Streams, label: string): Promise<number | undefined> {
    const ctx = this.expandContext(st);
    try {
      const text = await expandArithText(src, ctx);
      return evalArith(text, (n) => this.getVar(n), ctx.setVar);
    } catch (e) {
      if (e instanceof ArithError) {
        st.err(`bash: ${label}: ${e.message}\n`);
        return undefined;
      }
      if (e instanceof ExpansionError || e instanceof VariableError) {
        st.err(`bash: ${e.message}\n`);
        return undefined;
      }
      throw e;
    }
  }

  /** Run a shell function: its arguments become $1..., `local`s and `return` are scoped to the call. */
  private async callFunction(name: string, body: Command, args: string[], st: Streams): Promise<number> {
    if (this.localFrames.length >= MAX_FUNCTION_DEPTH) {
      // bash's own message when FUNCNEST is set; runaway recursion must end, so the simulation always sets it.
      st.err(`bash: ${name}: maximum function nesting level exceeded (${MAX_FUNCTION_DEPTH})\n`);
      throw new AbortLine();
    }
    const session = this.session;
    const savedPositional = session.positional;
    const savedFuncname = session.arrays.get("FUNCNAME");
    session.positional = args;
    session.arrays.set("FUNCNAME", indexedFrom([name, ...(savedFuncname?.values() ?? [])]));
    const frame: (typeof this.localFrames)[number] = new Map();
    this.localFrames.push(frame);
    this.returnScopes++;
    try {
      return await this.execCommand(body, st);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.code;
      throw e;
    } finally {
      this.returnScopes--;
      this.localFrames.pop();
      const cur = this.session;
      for (const [name, saved] of frame) {
        if (saved.v) cur.vars.set(name, saved.v);
        else cur.vars.delete(name);
        if (saved.a) cur.arrays.set(name, saved.a);
        else cur.arrays.delete(name);
      }
      session.positional = savedPositional;
      if (savedFuncname) session.arrays.set("FUNCNAME", savedFuncname);
      else session.arrays.delete("FUNCNAME");
    }
  }

  private declareLocal(name: string, value: string | undefined): boolean {
    const frame = this.localFrames[this.localFrames.length - 1];
    if (!frame) return false;
    const { vars, arrays } = this.session;
    if (!frame.has(name)) {
      const v = vars.get(name);
      const a = arrays.get(name);
      frame.set(name, { ...(v ? { v: { ...v } } : {}), ...(a ? { a } : {}) });
      // The local starts out unset; the caller's array stays untouched behind it.
      arrays.delete(name);
      if (value === undefined) declareOnly(this.session, name);
    }
    if (value !== undefined) setScalar(this.session, name, value);
    return true;
  }

  private async loopBody(body: List, st: Streams): Promise<{ code: number; brk: boolean }> {
    try {
      return { code: await this.execList(body, st), brk: false };
    } catch (e) {
      if (e instanceof LoopSignal) {
        if (e.levels > 1) throw new LoopSignal(e.kind, e.levels - 1);
        return { code: 0, brk: e.kind === "break" };
      }
      throw e;
    }
  }

  private expandContext(st: Streams): ExpandContext {
    return {
      getVar: (n) => this.getVar(n),
      setVar: (n, v) => {
        try {
          this.setVar(n, v);
        } catch (e) {
          // `(( a[-5]=1 ))`: bash reports the bad subscript and the expression still counts.
          if (!(e instanceof VariableError)) throw e;
          st.err(`bash: ${e.message}\n`);
        }
      },
      positional: this.session.positional,
      lastExit: this.lastExit,
      fs: this.session.fs,
      cwd: this.session.cwd,
      getArray: (n) => this.session.arrays.get(n),
      varNames: () => [...new Set([...this.session.vars.keys(), ...this.session.arrays.keys()])].sort(),
      extglob: this.shopt("extglob"),
      attributes: (n) => (this.session.vars.get(n)?.integer ? "i" : ""),
      warn: (m) => st.err(`bash: ${m}\n`),
      processSubst: async (src) => {
        if (this.nextProcFd < 10) this.nextProcFd = 63;
        const fd = this.nextProcFd--;
        const cap = new Capture();
        await this.subshell(() => this.runSource(src, { stdin: new Input(""), out: cap.sink, err: st.err }, false));
        // The commands inside started their own numbering: carry on below this one.
        this.nextProcFd = fd - 1;
        const path = `/dev/fd/${fd}`;
        this.procSubs.set(path, cap.text);
        return path;
      },
      commandSubst: async (src) => {
        const cap = new Capture();
        const code = await this.subshell(() => this.runSource(src, { stdin: new Input(""), out: cap.sink, err: st.err }, false));
        this.lastExit = code;
        return cap.text;
      },
    };
  }

  /** Expand words; an expansion error is printed and abandons the rest of the line, as in interactive bash. */
  private async expand(words: SimpleCommand["words"], st: Streams): Promise<string[] | undefined> {
    // "abort" never returns: the error ends the line.
    return (await this.guardExpansion(st, "abort", () => expandWords(words, this.expandContext(st)))) as string[];
  }

  /**
   * Run an expansion; when it fails ("bad substitution", "bad array subscript", ...) print the error as bash
   * does and either give status 1 (`[[ ]]`, `case`, redirections) or abandon the rest of the line.
   */
  private async guardExpansion<T>(st: Streams, onError: "status" | "abort", fn: () => Promise<T>): Promise<T | 1> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ExpansionError || e instanceof VariableError) {
        st.err(`bash: ${e.message}\n`);
        if (onError === "abort") throw new AbortLine();
        return 1;
      }
      throw e;
    }
  }

  private shopt(name: string): boolean {
    return this.session.shopt?.[name] ?? false;
  }

  private expandAliases(words: SimpleCommand["words"]): SimpleCommand["words"] {
    const seen = new Set<string>();
    let out = words;
    for (;;) {
      const first = out[0] && plainWord(out[0]);
      if (!first || seen.has(first)) return out;
      const value = this.session.aliases.get(first);
      if (value === undefined) return out;
      seen.add(first);
      const lexed = tokenize(value);
      if (!lexed.ok) return out;
      const aliasWords = lexed.tokens.flatMap((t) => (t.k === "word" ? [t.w] : []));
      out = [...aliasWords, ...out.slice(1)];
    }
  }

  /** The session's filesystem, plus the /dev/fd files of process substitutions. */
  private fsView(): HostFs {
    const fs = this.session.fs;
    if (this.procSubs.size === 0) return fs;
    const subs = this.procSubs;
    return new Proxy(fs, {
      get(target, prop) {
        if (prop === "readFile") return (p: string) => subs.get(p) ?? target.readFile(p);
        if (prop === "stat") {
          return (p: string) => {
            const text = subs.get(p);
            return text === undefined ? target.stat(p) : { type: "file", size: text.length, mode: 0o500, mtime: 0 };
          };
        }
        const v: unknown = Reflect.get(target, prop, target);
        return typeof v === "function" ? v.bind(target) : v;
      },
    });
  }

  private async execSimple(cmd: SimpleCommand, st: Streams): Promise<number> {
    this.nextProcFd = 63;
    this.commandCount++;
    if (this.commandCount > MAX_COMMANDS_PER_RUN) {
      this.limited = true;
      if (this.commandCount === MAX_COMMANDS_PER_RUN + 1) st.err(`bash: stopped after ${MAX_COMMANDS_PER_RUN} commands in one line (simulation limit)\n`);
      return 1;
    }
    if (this.opts.yieldToHost && this.commandCount % 200 === 0) await this.opts.yieldToHost();
    if (this.signal.aborted) return 130;
    const exitBefore = this.lastExit;
    this.lastExit = exitBefore;
    const words = this.expandAliases(cmd.words);
    // `declare -A m=([k]=v)`: the builtin declares `m`, then the compound value is assigned to it.
    const compound = DECLARERS.has((words[0] && plainWord(words[0])) ?? "") ? words.filter((w) => w.array) : [];
    const argWords = compound.length ? words.map((w) => (w.array ? nameWord(w) : w)) : words;
    const argv = await this.expand(argWords, st);
    if (!argv) return 1;
    if (compound.length && argv[0] !== "local" && this.localFrames.length === 0) this.checkCompoundKinds(argv, compound, st);
    if (argv.length === 0) {
      // Assignments alone are made left to right, each seeing the ones before it.
      await this.guardExpansion(st, "abort", async () => {
        for (const a of cmd.assigns) await this.assign(a, st);
      });
      const substExit = words.some((w) => w.parts.some((p) => p.t === "cmd")) || cmd.assigns.some((a) => a.value.parts.some((p) => p.t === "cmd")) ? this.lastExit : 0;
      return this.withRedirects(cmd.redirects, st, async () => substExit);
    }
    // Assignments before a command only set its environment.
    const assigns: Record<string, string> = {};
    await this.guardExpansion(st, "abort", async () => {
      const ctx = this.expandContext(st);
      for (const a of cmd.assigns) {
        if (!a.array && a.index === undefined) assigns[a.name] = (a.append ? (this.getVar(a.name) ?? "") : "") + (await expandNoSplit(a.value, ctx));
      }
    });
    return this.withRedirects(cmd.redirects, st, async (s2) => {
      const code = await this.invoke(argv, assigns, s2);
      if (code !== 0 || compound.length === 0) return code;
      return this.guardExpansion(s2, "status", async () => {
        for (const w of compound) await this.assign({ name: nameWord(w).raw, value: { parts: [], raw: "" }, array: w.array, append: /\+=$/.test(w.raw.slice(0, w.raw.indexOf("("))) }, s2);
        return 0;
      });
    });
  }

  /** `declare -a m=(x)` on an associative m (or -A on an indexed one) fails before anything runs, ending the line. */
  private checkCompoundKinds(argv: string[], compound: Word[], st: Streams): void {
    const flags = argv.slice(1).filter((a) => /^-[a-zA-Z]+$/.test(a)).join("");
    const kind = flags.includes("A") ? "assoc" : flags.includes("a") ? "indexed" : undefined;
    for (const w of compound) {
      const cur = this.session.arrays.get(nameWord(w).raw);
      if (kind && cur && cur.kind !== kind) {
        st.err(`bash: ${nameWord(w).raw}: cannot convert ${cur.kind === "assoc" ? "associative to indexed" : "indexed to associative"} array\n`);
        throw new AbortLine();
      }
    }
  }

  /** One assignment: `x=v`, `x+=v`, `a[i]=v`, `a[i]+=v`, `a=(...)`, `a+=(...)`. */
  private async assign(a: Assignment, st: Streams): Promise<void> {
    const ctx = this.expandContext(st);
    if (a.array) return this.assignCompound(a.name, a.array, a.append ?? false, st);
    const value = await expandNoSplit(a.value, ctx);
    if (a.index !== undefined) {
      const key = await this.subscriptKey(a.name, a.index, st);
      const old = a.append ? (getElement(this.session, a.name, key) ?? "") : "";
      setElement(this.session, a.name, key, old + value, `${a.name}[${a.index}]`);
      return;
    }
    const cur = this.session.vars.get(a.name);
    if (cur?.integer) {
      // `declare -i n`: the value is an arithmetic expression; `+=` adds.
      const n = this.arithValue(value);
      this.setVar(a.name, String(a.append ? this.arithValue(cur.value) + n : n));
      return;
    }
    this.setVar(a.name, (a.append ? (this.getVar(a.name) ?? "") : "") + value);
  }

  private arithValue(text: string): number {
    try {
      return evalArith(text, (n) => this.getVar(n), (n, v) => this.setVar(n, v));
    } catch (e) {
      if (e instanceof ArithError) throw new ExpansionError(e.message);
      throw e;
    }
  }

  /** `a[sub]`: for an associative array the key (expanded as a word), otherwise the arithmetic index. */
  private async subscriptKey(name: string, sub: string, st: Streams): Promise<string | number> {
    if (sub.trim() === "") throw new VariableError(`${name}[${sub}]: bad array subscript`);
    const ctx = this.expandContext(st);
    if (this.session.arrays.get(name)?.kind === "assoc") return expandNoSplit({ parts: lexText(sub, false), raw: sub }, ctx);
    return this.arithValue(await expandArithText(sub, ctx));
  }

  /** `name=(...)` / `name+=(...)`: every element is expanded before the array changes (`a=(${a[@]} x)`). */
  private async assignCompound(name: string, elements: Word[], append: boolean, st: Streams): Promise<void> {
    const ctx = this.expandContext(st);
    const cur = this.session.arrays.get(name);
    const keyed = elements.map(keyedElement);
    if (cur?.kind === "assoc") {
      const pairs: [string, string][] = [];
      if (keyed.every((k) => !k)) {
        // bash 5.1+: `m=(k1 v1 k2 v2)` assigns key/value pairs.
        const words = await expandWords(elements, ctx);
        for (let i = 0; i < words.length; i += 2) pairs.push([words[i], words[i + 1] ?? ""]);
      } else {
        for (let i = 0; i < elements.length; i++) {
          const k = keyed[i];
          if (!k) {
            for (const w of await expandWords([elements[i]], ctx)) st.err(`bash: ${name}: ${w}: must use subscript when assigning associative array\n`);
            continue;
          }
          const key = await this.subscriptKey(name, k.index!, st);
          const value = await expandNoSplit(k.value, ctx);
          pairs.push([String(key), k.append ? (cur.get(String(key)) ?? "") + value : value]);
        }
      }
      if (!append) cur.clear();
      for (const [k, v] of pairs) cur.set(k, v);
      return;
    }
    const items: { index?: number; label?: string; values: string[] }[] = [];
    for (let i = 0; i < elements.length; i++) {
      const k = keyed[i];
      if (k) items.push({ index: (await this.subscriptKey(name, k.index!, st)) as number, label: `${name}[${k.index}]`, values: [await expandNoSplit(k.value, ctx)] });
      else items.push({ values: await expandWords([elements[i]], ctx) });
    }
    const arr = append ? (ensureArray(this.session, name, "indexed") as IndexedArray) : new IndexedArray();
    if (!append) {
      arr.clear();
      this.session.vars.delete(name);
      this.session.arrays.set(name, arr);
    }
    arr.assigned = true;
    let next = arr.maxIndex + 1;
    for (const it of items) {
      if (it.index !== undefined) {
        const i = resolveIndex(arr, it.index);
        if (i === undefined) throw new VariableError(`${it.label}: bad array subscript`);
        next = i;
      }
      for (const v of it.values) arr.set(next++, v);
    }
  }

  /** Apply redirections in order (so `>f 2>&1` and `2>&1 >f` differ as in bash), run, then write files. */
  private async withRedirects(redirects: Redirect[], st: Streams, body: (st: Streams) => Promise<number>): Promise<number> {
    if (redirects.length === 0) return body(st);
    const fds: Record<number, (t: string) => void> = { 1: st.out, 2: st.err };
    let stdin = st.stdin;
    const files: FileSink[] = [];
    const ctx = this.expandContext(st);
    const fs = this.session.fs;
    for (const r of redirects) {
      if (r.op === "<<") {
        const text = r.quoted ? r.body : await this.guardExpansion(st, "status", () => expandHeredoc(r.body, ctx));
        if (typeof text !== "string") return 1;
        if (text.length > MAX_HEREDOC_BYTES) {
          st.err(`bash: here-document refused: over the 1 MiB limit of this terminal\n`);
          return 1;
        }
        if (r.fd === 0) stdin = new Input(text);
        continue;
      }
      const target = await this.guardExpansion(st, "status", () => expandNoSplit(r.target, ctx));
      if (typeof target !== "string") return 1;
      if (r.op === "<<<") {
        if (r.fd === 0) stdin = new Input(target + "\n");
        continue;
      }
      if (r.op === ">&" || r.op === "<&") {
        if (/^\d+$/.test(target)) {
          const n = Number(target);
          if (r.op === ">&") {
            if (!fds[n]) {
              st.err(`bash: ${n}: Bad file descriptor\n`);
              return 1;
            }
            fds[r.fd] = fds[n];
          }
          continue;
        }
        if (target === "-") {
          fds[r.fd] = () => {};
          continue;
        }
        if (r.op === "<&") continue;
        // `>&file` means `&>file`.
      }
      if (target === "") {
        st.err("bash: : No such file or directory\n");
        return 1;
      }
      if (r.op === "<") {
        if (target === "/dev/null") {
          if (r.fd === 0) stdin = new Input("");
          continue;
        }
        const content = this.fsView().readFile(resolvePath(this.session.cwd, target));
        if (isFsError(content)) {
          st.err(`bash: ${target}: ${errnoMessage(content.error)}\n`);
          return 1;
        }
        if (r.fd === 0) stdin = new Input(content);
        continue;
      }
      // Output redirections.
      let sink: (t: string) => void;
      if (target === "/dev/null") sink = () => {};
      else if (target === "/dev/stdout") sink = fds[1];
      else if (target === "/dev/stderr") sink = fds[2];
      else {
        const path = resolvePath(this.session.cwd, target);
        const append = r.op === ">>" || r.op === "&>>";
        const stat = fs.stat(path);
        let e: FsError | undefined = !isFsError(stat) && stat.type === "dir" ? { error: "EISDIR" } : undefined;
        if (!e) e = append ? fs.appendFile(path, "") : fs.writeFile(path, "");
        if (e) {
          st.err(`bash: ${target}: ${errnoMessage(e.error)}\n`);
          for (const f of files) f.flush(st.err);
          return 1;
        }
        const f = files.find((x) => x.path === path) ?? new FileSink(fs, path);
        if (!files.includes(f)) files.push(f);
        sink = f.sink;
      }
      if (r.op === "&>" || r.op === "&>>" || r.op === ">&") {
        fds[1] = sink;
        fds[2] = sink;
      } else fds[r.fd] = sink;
    }
    try {
      return await body({ stdin, out: fds[1], err: fds[2], tty: st.tty && fds[1] === st.out });
    } finally {
      for (const f of files) f.flush(st.err);
    }
  }

  // ---- command lookup ---------------------------------------------------------------------------
  kindOf(name: string): "builtin" | "alias" | "keyword" | "function" | "file" | undefined {
    if (this.session.aliases.has(name)) return "alias";
    if (KEYWORDS.has(name)) return "keyword";
    if (this.session.functions.has(name)) return "function";
    if (builtins[name] && !(this.opts.disabled ?? []).includes(name)) return "builtin";
    if (this.commands[name]) return "file";
    return undefined;
  }

  private async invoke(argv: string[], assigns: Record<string, string>, st: Streams): Promise<number> {
    const name = argv[0];
    const fnBody = this.session.functions.get(name);
    if (this.bypassFunction === name) this.bypassFunction = undefined;
    else if (fnBody) return this.callFunction(name, fnBody, argv.slice(1), st);
    const io = this.makeIO(argv.slice(1), st, assigns);
    const builtin = builtins[name] as BuiltinFn | undefined;
    if (builtin && !(this.opts.disabled ?? []).includes(name)) return builtin(io, this.internals(), st.stdin);
    let fn = this.commands[name];
    if (!fn && name.includes("/")) {
      const base = name.slice(name.lastIndexOf("/") + 1);
      const dir = name.slice(0, name.lastIndexOf("/")) || "/";
      const path = resolvePath(this.session.cwd, name);
      const stat = this.session.fs.stat(path);
      if (!isFsError(stat)) {
        if (stat.type === "dir") {
          st.err(`bash: ${name}: Is a directory\n`);
          return 126;
        }
        if ((stat.mode & 0o111) === 0) {
          st.err(`bash: ${name}: Permission denied\n`);
          return 126;
        }
        const content = this.session.fs.readFile(path);
        return this.runText(typeof content === "string" ? content : "", io, { positional: argv.slice(1), subshell: true });
      }
      const pathDirs = (this.getVar("PATH") ?? DEFAULT_PATH).split(":");
      if (this.commands[base] && pathDirs.includes(dir)) fn = this.commands[base];
      else {
        st.err(`bash: ${name}: No such file or directory\n`);
        return 127;
      }
    }
    if (!fn) {
      st.err(this.opts.notFound ? this.opts.notFound(name) : `bash: ${name}: command not found\n`);
      return 127;
    }
    try {
      return await fn(io);
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof LoopSignal) throw e;
      // A command must never throw; if one does, report it like a crash instead of killing the shell.
      st.err(`${name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  }

  private makeIO(args: string[], st: Streams, assigns: Record<string, string>): CommandIO {
    const session = this.session;
    const input = st.stdin;
    const io: CommandIO = {
      args,
      // Reading stdin consumes it, so `while read l; do echo $l; done` sees each line once.
      get stdin() {
        return input.takeAll();
      },
      stdout: st.out,
      stderr: st.err,
      tty: st.tty ?? false,
      ...(st.pipeline ? { pipeline: st.pipeline } : {}),
      env: this.exportedEnv(assigns),
      cwd: session.cwd,
      host: session.host,
      fs: this.fsView(),
      cluster: this.opts.cluster,
      signal: this.signal,
      edit: (path, editorCommand) =>
        editFile(resolvePath(session.cwd, path), editorCommand, {
          fs: session.fs,
          interactiveEditor: this.opts.interactiveEditor,
          stderr: st.err,
          runLine: (line) => this.runText(line, io, { subshell: true }),
        }),
      run: (line) => this.runText(line, io, { subshell: true }),
      sleep: (ms) => this.sleep(ms),
      attach: (session) => {
        this.attached = session;
      },
    };
    return io;
  }

  private async sleep(ms: number): Promise<void> {
    if (this.signal.aborted || ms <= 0) return;
    if (this.opts.sleep) return this.opts.sleep(ms, this.signal);
    this.opts.cluster.advance(ms);
  }

  async runText(text: string, io: CommandIO, opts: { positional?: string[]; subshell?: boolean } = {}): Promise<number> {
    const st: Streams = { stdin: new Input(io.stdin), out: io.stdout, err: io.stderr };
    const go = async () => {
      const saved = this.session.positional;
      if (opts.positional) this.session.positional = opts.positional;
      try {
        return await this.runSource(text, st, false);
      } finally {
        this.session.positional = saved;
      }
    };
    return opts.subshell ? this.subshell(go) : go();
  }

  /** Run argv as a command, never as a shell function (command, builtin, sudo, xargs and exec look past functions). */
  async runArgv(argv: string[], io: CommandIO): Promise<number> {
    const saved = this.bypassFunction;
    this.bypassFunction = argv[0];
    try {
      return await this.runText(argv.map(shellQuote).join(" "), io);
    } finally {
      this.bypassFunction = saved;
    }
  }

  private internals(): ShellInternals {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    return {
      get session() {
        return self.session;
      },
      cluster: this.opts.cluster,
      history: this.history,
      get lastExit() {
        return self.lastExit;
      },
      set lastExit(v: number) {
        self.lastExit = v;
      },
      getVar: (n) => this.getVar(n),
      setVar: (n, v, e) => this.setVar(n, v, e),
      unsetVar: (n) => this.unsetVar(n),
      kindOf: (n) => this.kindOf(n),
      declareLocal: (n, v) => this.declareLocal(n, v),
      localNames: () => {
        const frame = this.localFrames[this.localFrames.length - 1];
        return frame ? [...frame.keys()] : undefined;
      },
      get returnScopes() {
        return self.returnScopes;
      },
      set returnScopes(v: number) {
        self.returnScopes = v;
      },
      runText: (t, io, o) => this.runText(t, io, o),
      runArgv: (a, io) => this.runArgv(a, io),
      pushSession: (host) => {
        const fs = this.opts.cluster.fs(host);
        if (!fs) return false;
        this.sessions.push(initialSession(host, fs, this.opts.env));
        return true;
      },
      popSession: () => (this.sessions.length > 1 ? this.sessions.pop()!.host : undefined),
      sessionDepth: () => this.sessions.length,
      hasInteractiveEditor: () => this.opts.interactiveEditor !== undefined,
      minimal: this.opts.minimal ?? false,
      expandText: (text) => {
        const st: Streams = { stdin: new Input(""), out: this.opts.stdout ?? (() => {}), err: this.opts.stderr ?? (() => {}) };
        return expandNoSplit({ parts: lexText(text, false), raw: text }, this.expandContext(st)).catch((e: unknown) => {
          if (e instanceof ExpansionError || e instanceof VariableError) return text;
          throw e;
        });
      },
    };
  }
}
