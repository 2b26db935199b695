import type { ImageEntry } from "./image-catalogue";
import { controlPlaneFailure } from "./control-plane-programs";
import type { LogContext } from "./image-logs";

/**
 * What a container's main process does, worked out from the image and the pod's command/args:
 * when it exits on its own and with which code, what it prints, and how it reacts to SIGTERM.
 * This is the simulator's stand-in for actually running the process.
 */
export interface ContainerProgram {
  /** The command line as `ps` shows it. */
  commandLine: string;
  /** ms after start when the process ends by itself; undefined while it runs forever. */
  exitAfterMs?: number;
  exitCode: number;
  /** ms to exit after the stop signal; undefined when PID 1 ignores SIGTERM (sleep, sh): killed at the end of the grace period. */
  stopMs?: number;
  /** Set when the runtime cannot start the process at all (StartError, exit code 128). */
  startError?: string;
  /** Output up to `elapsedMs` after start. */
  logs(ctx: LogContext, elapsedMs: number): string[];
  /** Lines printed on a graceful stop. */
  stopLogs(ctx: LogContext): string[];
}

interface ContainerSpecLike {
  command?: string[];
  args?: string[];
  env?: { name: string; value?: string }[];
}

/** Programs a shell knows without an image that provides them (busybox applets and coreutils). */
const QUICK_COMMANDS = new Set(["true", "ls", "cat", "env", "printenv", "hostname", "whoami", "id", "ps", "pwd", "uname", "nslookup", "wget", "df", "mount", "touch", "mkdir", "cp", "mv", "rm"]);
const FOREVER_COMMANDS = new Set(["top", "ping", "nc", "watch"]);

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** busybox `date` output: "Wed Nov 25 10:00:03 UTC 2026". */
export function dateString(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${WEEKDAYS[d.getUTCDay()]} ${MONTH_NAMES[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** Split a shell line into words, keeping quoted parts together (quotes removed); unquoted `>`/`>>` (with
 * an optional fd such as `2>` or `&>`) become words of their own. */
function words(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quote: string | undefined;
  /** The current word exists (possibly empty, as in ''). */
  let has = false;
  let quoted = false;
  const flush = () => {
    if (has) out.push(cur);
    cur = "";
    has = false;
    quoted = false;
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else cur += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      has = true;
      quoted = true;
    } else if (ch === " " || ch === "\t") {
      flush();
    } else if (ch === ">") {
      const fd = !quoted && /^(\d|&)$/.test(cur) ? cur : "";
      if (fd) cur = "";
      else flush();
      const op = line[i + 1] === ">" ? ">>" : ">";
      i += op.length - 1;
      out.push(fd + op);
      cur = "";
      has = false;
      quoted = false;
    } else {
      cur += ch;
      has = true;
    }
  }
  flush();
  return out;
}

/** Split on ; && || and newlines outside quotes. */
function statements(script: string): { text: string; op: ";" | "&&" | "||" }[] {
  const out: { text: string; op: ";" | "&&" | "||" }[] = [];
  let cur = "";
  let quote: string | undefined;
  let op: ";" | "&&" | "||" = ";";
  for (let i = 0; i < script.length; i++) {
    const ch = script[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      cur += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      cur += ch;
    } else if (ch === ";" || ch === "\n") {
      out.push({ text: cur.trim(), op });
      op = ";";
      cur = "";
    } else if ((ch === "&" || ch === "|") && script[i + 1] === ch) {
      out.push({ text: cur.trim(), op });
      op = ch === "&" ? "&&" : "||";
      cur = "";
      i++;
    } else cur += ch;
  }
  out.push({ text: cur.trim(), op });
  return out.filter((s) => s.text !== "");
}

function parseSeconds(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (v === "infinity" || v === "inf") return Number.POSITIVE_INFINITY;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(v);
  if (!m) return undefined;
  const mult = { "": 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as "" | "s" | "m" | "h" | "d"];
  return Number(m[1]) * mult;
}

type Line = (ms: number) => string;

/** One line of output; `err` for what the shell prints on stderr. */
interface OutLine {
  atMs: number;
  text: Line;
  err?: boolean;
}

/** Where a statement's stdout and stderr go after its redirections (`>> /var/log/app.log`, `2>&1`). */
interface Redirects {
  argv: string[];
  stdoutToFile: boolean;
  stderrToFile: boolean;
}

/** Targets that are the container's own output, which the runtime captures as the log. */
const LOG_TARGETS = new Set(["/dev/stdout", "/dev/stderr", "/proc/1/fd/1", "/proc/1/fd/2", "/proc/self/fd/1", "/proc/self/fd/2"]);

function splitRedirects(words: string[]): Redirects {
  const argv: string[] = [];
  let stdoutToFile = false;
  let stderrToFile = false;
  for (let i = 0; i < words.length; i++) {
    const m = /^(\d|&)?(>>?)(.*)$/.exec(words[i]);
    if (!m) {
      argv.push(words[i]);
      continue;
    }
    const [, fd, , inline] = m;
    const target = inline !== "" ? inline : (words[++i] ?? "");
    const toFile = !LOG_TARGETS.has(target) && target !== "&1" && target !== "&2";
    if (target === "&1" && fd === "2") stderrToFile = stdoutToFile;
    else if (fd === "&") stdoutToFile = stderrToFile = toFile;
    else if (fd === "2") stderrToFile = toFile;
    else stdoutToFile = toFile;
  }
  return { argv, stdoutToFile, stderrToFile };
}

/** A straight-line run of a script: timed output then either an exit or an endless loop. */
interface Run {
  lines: OutLine[];
  durationMs: number;
  exitCode: number;
  /** Ended by `exit` (stop interpreting). */
  exited: boolean;
  forever: boolean;
  loop?: { startMs: number; periodMs: number; lines: OutLine[] };
}

class ScriptInterpreter {
  constructor(
    private readonly env: Record<string, string>,
    private readonly shellName: string,
  ) {}

  private expand(word: string): Line {
    return (ms) =>
      word
        .replace(/\$\(date\)|`date`/g, dateString(ms))
        .replace(/\$\{(\w+)\}|\$(\w+)/g, (_m, a: string | undefined, b: string | undefined) => this.env[(a ?? b)!] ?? "");
  }

  run(script: string): Run {
    const run: Run = { lines: [], durationMs: 0, exitCode: 0, exited: false, forever: false };
    const stmts = statements(script);
    for (let i = 0; i < stmts.length; i++) {
      const st = stmts[i];
      if (st.op === "&&" && run.exitCode !== 0) continue;
      if (st.op === "||" && run.exitCode === 0) continue;
      const loop = /^(while (true|:)|until false)\s*$/.exec(st.text);
      if (loop && stmts[i + 1]?.text.startsWith("do")) {
        // while true; do BODY; done: collect the body up to "done".
        const body: string[] = [stmts[i + 1].text.replace(/^do\s*/, "")];
        let j = i + 2;
        while (j < stmts.length && stmts[j].text !== "done") body.push(stmts[j++].text);
        const inner = this.run(body.filter(Boolean).join("; ").replace(/^; /, ""));
        if (inner.forever || inner.exited) return this.append(run, inner);
        run.forever = true;
        if (inner.durationMs > 0) run.loop = { startMs: run.durationMs, periodMs: inner.durationMs, lines: inner.lines };
        return run;
      }
      const redirected = splitRedirects(words(st.text));
      const before = run.lines.length;
      this.step(run, redirected.argv);
      // Output sent to a file (date >> /var/log/app.log) is not the container's log.
      const kept = run.lines.slice(before).filter((l) => !(l.err ? redirected.stderrToFile : redirected.stdoutToFile));
      run.lines.splice(before, run.lines.length - before, ...kept);
      if (run.exited || run.forever) return run;
    }
    return run;
  }

  private append(run: Run, inner: Run): Run {
    for (const l of inner.lines) run.lines.push({ ...l, atMs: run.durationMs + l.atMs });
    run.durationMs += inner.durationMs;
    run.exitCode = inner.exitCode;
    run.exited = inner.exited;
    run.forever = inner.forever;
    return run;
  }

  private step(run: Run, argv: string[]): void {
    const [cmd, ...rest] = argv;
    const at = run.durationMs;
    switch (cmd) {
      case "echo": {
        const noNewline = rest[0] === "-n";
        const text = (noNewline ? rest.slice(1) : rest).map((w) => this.expand(w));
        run.lines.push({ atMs: at, text: (ms) => text.map((t) => t(ms)).join(" ") });
        run.exitCode = 0;
        return;
      }
      case "date":
        run.lines.push({ atMs: at, text: (ms) => dateString(ms) });
        run.exitCode = 0;
        return;
      case "sleep": {
        const s = parseSeconds(rest[0]);
        if (s === undefined) {
          run.lines.push({ atMs: at, text: () => `sleep: invalid number '${rest[0] ?? ""}'`, err: true });
          run.exitCode = 1;
          return;
        }
        if (!Number.isFinite(s)) run.forever = true;
        else run.durationMs += Math.round(s * 1000);
        run.exitCode = 0;
        return;
      }
      case "exit":
        run.exitCode = Number(rest[0] ?? run.exitCode) & 255;
        run.exited = true;
        return;
      case "false":
        run.exitCode = 1;
        return;
      case "tail":
        // -f, -F, --follow (also inside a group such as -nf) follow the file: tail never ends.
        if (rest.some((a) => a === "--follow" || a.startsWith("--follow=") || /^-[a-zA-Z0-9+]*[fF]/.test(a))) run.forever = true;
        run.exitCode = 0;
        return;
      default:
        if (cmd === undefined) return;
        if (QUICK_COMMANDS.has(cmd)) {
          run.exitCode = 0;
          return;
        }
        if (FOREVER_COMMANDS.has(cmd)) {
          run.forever = true;
          return;
        }
        run.lines.push({ atMs: at, text: () => `${this.shellName}: ${cmd}: not found`, err: true });
        run.exitCode = 127;
    }
  }
}

function renderRun(r: Run, ctx: LogContext, elapsedMs: number): string[] {
  const out: string[] = [];
  for (const l of r.lines) if (l.atMs <= elapsedMs) out.push(l.text(ctx.startedAt + l.atMs));
  if (r.loop) {
    // Cap the replay so a long-running loop cannot flood the terminal.
    const first = Math.max(0, Math.floor((elapsedMs - r.loop.startMs) / r.loop.periodMs) - 500);
    for (let k = first; ; k++) {
      const base = r.loop.startMs + k * r.loop.periodMs;
      if (base > elapsedMs) break;
      for (const l of r.loop.lines) if (base + l.atMs <= elapsedMs) out.push(l.text(ctx.startedAt + base + l.atMs));
    }
  }
  return out;
}

const SHELLS = new Set(["sh", "/bin/sh", "bash", "/bin/bash", "ash", "/bin/ash"]);

/** Work out the program of a container from its image and command/args. */
export function containerProgram(image: ImageEntry, spec: ContainerSpecLike, host?: { fileExists(path: string): boolean }): ContainerProgram {
  const env: Record<string, string> = {};
  for (const e of spec.env ?? []) env[e.name] = e.value ?? "";
  const hasCommand = (spec.command?.length ?? 0) > 0;
  const hasArgs = (spec.args?.length ?? 0) > 0;
  if (!hasCommand && !hasArgs) {
    const commandLine = image.defaultCommand.join(" ");
    if (image.requires) {
      // The entrypoint script validates its environment first (mysql, postgres want a password).
      const failing = image.requires(env, 0);
      if (failing) return { commandLine, exitAfterMs: 600, exitCode: 1, stopMs: 0, logs: (ctx) => image.requires!(env, ctx.startedAt) ?? [], stopLogs: () => [] };
    }
    if (image.behaviour === "exits") {
      return { commandLine, exitAfterMs: 40, exitCode: 0, stopMs: 0, logs: () => [], stopLogs: () => [] };
    }
    return {
      commandLine,
      exitCode: 0,
      stopMs: image.stopMs,
      logs: (ctx) => image.logs?.start(ctx) ?? [],
      stopLogs: (ctx) => image.logs?.stop?.(ctx) ?? [],
    };
  }
  if (!hasCommand && (image.argsMode === "server" || (image.argsMode === "flags" && spec.args![0].startsWith("-")))) {
    // Arguments for the image's own server (coredns -conf ..., redis --port ...).
    const server = image.argsMode === "server" ? image.defaultCommand : image.defaultCommand.slice(1);
    return { ...containerProgram(image, {}), commandLine: [...server, ...spec.args!].join(" ") };
  }
  const argv = hasCommand ? [...spec.command!, ...(spec.args ?? [])] : [...spec.args!];
  const commandLine = argv.join(" ");
  const exe = argv[0];
  const base = exe.split("/").pop()!;
  let run: Run;
  if (SHELLS.has(exe) && argv[1] === "-c") {
    if (!image.shell) return startError(commandLine, exe);
    run = new ScriptInterpreter(env, exe.includes("bash") ? "/bin/bash: line 1" : "sh").run(argv[2] ?? "");
  } else if (SHELLS.has(exe) && argv.length === 1) {
    if (!image.shell) return startError(commandLine, exe);
    run = { lines: [], durationMs: 40, exitCode: 0, exited: true, forever: false };
  } else if (image.defaultCommand.some((c) => c.split("/").pop() === base) || ["nginx", "redis-server", "httpd", "httpd-foreground"].includes(base)) {
    // The image's own server started explicitly (command: ["nginx", "-g", "daemon off;"]).
    const failure = controlPlaneFailure(argv, host?.fileExists, 0);
    if (failure) {
      return { commandLine, exitAfterMs: failure.exitAfterMs, exitCode: 1, stopMs: 0, logs: (ctx) => controlPlaneFailure(argv, host?.fileExists, ctx.startedAt)?.lines ?? [], stopLogs: () => [] };
    }
    return { ...containerProgram(image, {}), commandLine };
  } else if (QUICK_COMMANDS.has(base) || FOREVER_COMMANDS.has(base) || ["sleep", "echo", "date", "tail", "false", "exit"].includes(base)) {
    if (!image.shell) return startError(commandLine, exe);
    const interp = new ScriptInterpreter(env, "sh");
    // exec form: no shell, so quote each argument to keep it one word.
    run = interp.run([base, ...argv.slice(1).map((a) => `'${a.replace(/'/g, "")}'`)].join(" "));
  } else {
    return startError(commandLine, exe);
  }
  const r = run;
  return {
    commandLine,
    exitAfterMs: r.forever ? undefined : Math.max(r.durationMs, 40),
    exitCode: r.exitCode,
    // PID 1 without a SIGTERM handler (sh, sleep) ignores the signal: it is killed when the grace period ends.
    stopMs: undefined,
    logs: (ctx, elapsed) => renderRun(r, ctx, elapsed),
    stopLogs: () => [],
  };
}

function startError(commandLine: string, exe: string): ContainerProgram {
  return {
    commandLine,
    exitCode: 128,
    startError: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${exe}": executable file not found in $PATH: unknown`,
    logs: () => [],
    stopLogs: () => [],
  };
}
