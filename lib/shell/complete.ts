import type { Cluster, HostFs } from "../cluster/index";
import { isFsError } from "../cluster/index";
import { resolvePath } from "./paths";
import type { CompletionResult } from "./shell-types";

export interface CompleterContext {
  /** Words of the current command before the cursor (the command name first, aliases resolved). */
  words: string[];
  /** The partial word being completed ("" after a space). */
  current: string;
  cluster: Cluster;
  fs: HostFs;
  cwd: string;
  getVar(name: string): string | undefined;
}

/** A command's completer: candidates for `current` (full words), or undefined to fall back to file names. */
export type Completer = (ctx: CompleterContext) => string[] | undefined;

const completers = new Map<string, Completer>();

/** Register completion for a command (kubectl registers its verbs, resource types, names and flags). */
export function registerCompleter(command: string, fn: Completer): () => void {
  completers.set(command, fn);
  return () => {
    if (completers.get(command) === fn) completers.delete(command);
  };
}

export interface CompleteDeps {
  fs: HostFs;
  cwd: string;
  cluster: Cluster;
  commandNames(): string[];
  alias(name: string): string | undefined;
  getVar(name: string): string | undefined;
  varNames(): string[];
}

/** Words of the last command segment before the cursor, with quotes removed; `start` of the last word. */
function segmentWords(text: string): { words: string[]; start: number } {
  const words: string[] = [];
  let cur = "";
  let start = text.length;
  let inWord = false;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else cur += c;
      continue;
    }
    if (c === "'" || c === '"') {
      if (!inWord) start = i;
      inWord = true;
      quote = c;
      continue;
    }
    if (c === "\\" && i + 1 < text.length) {
      if (!inWord) start = i;
      inWord = true;
      cur += text[++i];
      continue;
    }
    if (c === " " || c === "\t") {
      if (inWord) words.push(cur);
      cur = "";
      inWord = false;
      continue;
    }
    if (";|&()".includes(c) || (c === "`")) {
      if (inWord) words.push(cur);
      words.length = 0;
      cur = "";
      inWord = false;
      continue;
    }
    if (c === "$" && text[i + 1] === "(") {
      words.length = 0;
      cur = "";
      inWord = false;
      i++;
      continue;
    }
    if (!inWord) start = i;
    inWord = true;
    cur += c;
  }
  words.push(inWord ? cur : "");
  if (!inWord) start = text.length;
  return { words, start };
}

export function completeFiles(prefix: string, fs: HostFs, cwd: string, home: string, dirsOnly = false): string[] {
  const expanded = prefix.startsWith("~/") ? home + prefix.slice(1) : prefix;
  const slash = expanded.lastIndexOf("/");
  const dirPart = slash >= 0 ? expanded.slice(0, slash + 1) : "";
  const namePart = slash >= 0 ? expanded.slice(slash + 1) : expanded;
  const shownDir = slash >= 0 ? prefix.slice(0, prefix.lastIndexOf("/") + 1) : "";
  const dir = resolvePath(cwd, dirPart || ".");
  const names = fs.readdir(dir);
  if (isFsError(names)) return [];
  const out: string[] = [];
  for (const n of names) {
    if (!n.startsWith(namePart)) continue;
    if (n.startsWith(".") && !namePart.startsWith(".")) continue;
    const st = fs.stat(resolvePath(dir, n));
    const isDir = !isFsError(st) && st.type === "dir";
    if (dirsOnly && !isDir) continue;
    out.push(shownDir + n + (isDir ? "/" : ""));
  }
  return out.sort();
}

/** Tab completion: command names, $VARS, file names, and registered command completers. */
export function completeLine(line: string, cursor: number, deps: CompleteDeps): CompletionResult {
  const before = line.slice(0, cursor);
  const { words, start } = segmentWords(before);
  const current = words[words.length - 1];
  const result = (candidates: string[]): CompletionResult => ({ start, end: cursor, candidates: [...new Set(candidates)].sort() });
  const home = deps.getVar("HOME") ?? "/root";
  if (current.startsWith("$")) {
    const p = current.slice(1).replace(/^\{/, "");
    return result(deps.varNames().filter((n) => n.startsWith(p)).map((n) => "$" + n));
  }
  if (words.length === 1) {
    if (current.includes("/")) return result(completeFiles(current, deps.fs, deps.cwd, home));
    return result(deps.commandNames().filter((n) => n.startsWith(current)));
  }
  let cmdWords = words.slice(0, -1);
  const aliased = deps.alias(cmdWords[0]);
  if (aliased) cmdWords = [...aliased.split(/\s+/).filter(Boolean), ...cmdWords.slice(1)];
  const name = cmdWords[0].slice(cmdWords[0].lastIndexOf("/") + 1);
  if (name === "cd") return result(completeFiles(current, deps.fs, deps.cwd, home, true));
  const completer = completers.get(name);
  if (completer) {
    const got = completer({ words: cmdWords, current, cluster: deps.cluster, fs: deps.fs, cwd: deps.cwd, getVar: deps.getVar });
    if (got) return result(got.filter((c) => c.startsWith(current)));
  }
  if (name === "ssh") return result(deps.cluster.hosts().filter((h) => h.startsWith(current)));
  if (name === "systemctl" || name === "journalctl") {
    const verbs = name === "systemctl" ? ["status", "start", "stop", "restart", "is-active", "enable", "disable", "daemon-reload"] : ["-u"];
    const units = ["kubelet", "containerd"];
    const pool = cmdWords.length === 1 ? verbs : units;
    return result(pool.filter((v) => v.startsWith(current)));
  }
  return result(completeFiles(current, deps.fs, deps.cwd, home));
}

/** Apply a completion to a line like bash: the unique candidate (plus a space), or the longest common prefix. */
export function applyCompletion(line: string, cursor: number, r: CompletionResult): { line: string; cursor: number } {
  if (r.candidates.length === 0) return { line, cursor };
  let insert: string;
  if (r.candidates.length === 1) insert = r.candidates[0] + (r.candidates[0].endsWith("/") ? "" : " ");
  else {
    insert = r.candidates[0];
    for (const c of r.candidates) while (!c.startsWith(insert)) insert = insert.slice(0, -1);
  }
  const current = line.slice(r.start, r.end);
  if (insert.length < current.length && r.candidates.length > 1) return { line, cursor };
  return { line: line.slice(0, r.start) + insert + line.slice(r.end), cursor: r.start + insert.length };
}
