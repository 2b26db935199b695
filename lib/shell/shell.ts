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
import { parse, type Command, type List, type Pipeline, type AndOr, type Redirect, type SimpleCommand } from "./parser";
import { errnoMessage, resolvePath, shellQuote } from "./paths";
import type { CompletionResult, RunResult, Session, Shell, ShellInternals, ShellOptions } from "./shell-types";
import { plainWord, tokenize } from "./tokenizer";

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
  const cwdOk = fs.stat("/root");
  const cwd = !isFsError(cwdOk) && cwdOk.type === "dir" ? "/root" : "/";
  if (cwd === "/") vars.set("PWD", { value: "/", exported: true });
  return { host, fs, cwd, vars, aliases: new Map([["k", "kubectl"]]), positional: [], functions: new Map(), arrays: new Map() };
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
  private localFrames: Map<string, { value: string; exported: boolean } | undefined>[] = [];
  /** The next command of this name skips shell functions (set by runArgv for `command f`). */
  private bypassFunction: string | undefined;
  /** Function calls and sourced files in progress (where `return` is allowed). */
  private returnScopes = 0;
  /** A shell that took over the terminal (`kubectl exec -it ... sh`); lines go there until it exits. */
  private attached: AttachedSession | undefined;

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
      varNames: () => [...this.session.vars.keys()],
    });
  }

  // ---- variables -------------------------------------------------------------------------------
  getVar(name: string): string | undefined {
    if (name === "PWD") return this.session.cwd;
    return this.session.vars.get(name)?.value ?? this.session.arrays.get(name)?.[0];
  }
  setVar(name: string, value: string, exported?: boolean): void {
    this.session.arrays.delete(name);
    const cur = this.session.vars.get(name);
    this.session.vars.set(name, { value, exported: exported ?? cur?.exported ?? false });
    if (name === "PWD") this.session.cwd = value.startsWith("/") ? value : this.session.cwd;
  }
  unsetVar(name: string): void {
    this.session.vars.delete(name);
    this.session.arrays.delete(name);
  }
  private exportedEnv(extra?: Record<string, string>): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of this.session.vars) if (v.exported) env[k] = v.value;
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
      arrays: new Map(saved.arrays),
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
          try {
            return await evalCond(cmd.expr, {
              text: (w) => expandNoSplit(w, ctx),
              pattern: (w) => expandPattern(w, ctx),
              arith: (t) => evalArith(t, (n) => this.getVar(n), (n, v) => this.setVar(n, v)),
              isSet: (n) => this.getVar(n) !== undefined,
              setMatch: (groups) => {
                this.session.vars.delete("BASH_REMATCH");
                this.session.arrays.set("BASH_REMATCH", groups);
              },
              fs: this.session.fs,
              cwd: this.session.cwd,
              error: (m) => s2.err(`bash: ${m}\n`),
            });
          } catch (e) {
            if (e instanceof ExpansionError) {
              s2.err(`bash: ${e.message}\n`);
              return 1;
            }
            throw e;
          }
        });
      case "case":
        return this.withRedirects(cmd.redirects, st, async (s2) => {
          const ctx = this.expandContext(s2);
          try {
            const word = await expandNoSplit(cmd.word, ctx);
            let code = 0;
            let fallInto = false;
            for (const clause of cmd.clauses) {
              let hit = fallInto;
              for (const pw of hit ? [] : clause.patterns) {
                const p = await expandPattern(pw, ctx);
                if (matchPattern(word, p.s, p.active)) {
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
          } catch (e) {
            if (e instanceof ExpansionError) {
              s2.err(`bash: ${e.message}\n`);
              return 1;
            }
            throw e;
          }
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
      return evalArith(text, (n) => this.getVar(n), (n, v) => this.setVar(n, v));
    } catch (e) {
      if (e instanceof ArithError) {
        st.err(`bash: ${label}: ${e.message}\n`);
        return undefined;
      }
      if (e instanceof ExpansionError) {
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
    session.arrays.set("FUNCNAME", [name, ...(savedFuncname ?? [])]);
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
        if (saved) cur.vars.set(name, saved);
        else cur.vars.delete(name);
      }
      session.positional = savedPositional;
      if (savedFuncname) session.arrays.set("FUNCNAME", savedFuncname);
      else session.arrays.delete("FUNCNAME");
    }
  }

  private declareLocal(name: string, value: string | undefined): boolean {
    const frame = this.localFrames[this.localFrames.length - 1];
    if (!frame) return false;
    if (!frame.has(name)) {
      const cur = this.session.vars.get(name);
      frame.set(name, cur ? { ...cur } : undefined);
      if (value === undefined) this.session.vars.delete(name);
    }
    if (value !== undefined) this.session.vars.set(name, { value, exported: this.session.vars.get(name)?.exported ?? false });
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
      setVar: (n, v) => this.setVar(n, v),
      positional: this.session.positional,
      lastExit: this.lastExit,
      fs: this.session.fs,
      cwd: this.session.cwd,
      getArray: (n) => this.session.arrays.get(n),
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
    try {
      return await expandWords(words, this.expandContext(st));
    } catch (e) {
      if (e instanceof ExpansionError) {
        st.err(`bash: ${e.message}\n`);
        throw new AbortLine();
      }
      throw e;
    }
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

  private async execSimple(cmd: SimpleCommand, st: Streams): Promise<number> {
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
    const argv = await this.expand(words, st);
    if (!argv) return 1;
    const assigns: Record<string, string> = {};
    const arrays: { name: string; values: string[]; append: boolean }[] = [];
    try {
      const ctx = this.expandContext(st);
      for (const a of cmd.assigns) {
        if (a.array) arrays.push({ name: a.name, values: await expandWords(a.array, ctx), append: a.append ?? false });
        else assigns[a.name] = (a.append ? (this.getVar(a.name) ?? "") : "") + (await expandNoSplit(a.value, ctx));
      }
    } catch (e) {
      if (e instanceof ExpansionError) {
        st.err(`bash: ${e.message}\n`);
        throw new AbortLine();
      }
      throw e;
    }
    if (argv.length === 0) {
      for (const [k, v] of Object.entries(assigns)) this.setVar(k, v);
      for (const a of arrays) {
        const cur = this.session.arrays.get(a.name) ?? (this.getVar(a.name) !== undefined ? [this.getVar(a.name)!] : []);
        this.session.vars.delete(a.name);
        this.session.arrays.set(a.name, a.append ? [...cur, ...a.values] : a.values);
      }
      const substExit = words.some((w) => w.parts.some((p) => p.t === "cmd")) || cmd.assigns.some((a) => a.value.parts.some((p) => p.t === "cmd")) ? this.lastExit : 0;
      return this.withRedirects(cmd.redirects, st, async () => substExit);
    }
    return this.withRedirects(cmd.redirects, st, (s2) => this.invoke(argv, assigns, s2));
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
        const text = r.quoted ? r.body : await expandHeredoc(r.body, ctx).catch((e) => (e instanceof ExpansionError ? (st.err(`bash: ${e.message}\n`), undefined) : Promise.reject(e)));
        if (text === undefined) return 1;
        if (text.length > MAX_HEREDOC_BYTES) {
          st.err(`bash: here-document refused: over the 1 MiB limit of this terminal\n`);
          return 1;
        }
        if (r.fd === 0) stdin = new Input(text);
        continue;
      }
      let target: string;
      try {
        target = await expandNoSplit(r.target, ctx);
      } catch (e) {
        if (e instanceof ExpansionError) {
          st.err(`bash: ${e.message}\n`);
          return 1;
        }
        throw e;
      }
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
        const content = fs.readFile(resolvePath(this.session.cwd, target));
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
      fs: session.fs,
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
    };
  }
}
