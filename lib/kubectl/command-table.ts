/**
 * The one command table. The tree (names, aliases, one-line summaries, help, flags) comes from the real kubectl
 * help texts in lib/kubectl/help; implementations are registered here by help key. Parsing, help, completion and
 * the support matrix all derive from this table.
 */
import type { CommandImpl, SupportLevel } from "./command-types";
import { helpKey } from "./flag-specs";
import { HELP_TEXTS } from "./help/help-texts";
import { COMMAND_IMPLS } from "./commands/index";

export interface CommandEntry {
  path: readonly string[];
  /** Help key: "kubectl", "get", "create-deployment". */
  key: string;
  summary: string;
  aliases: readonly string[];
  /** Names of subcommands, in help order. */
  children: readonly string[];
  impl?: CommandImpl;
  support: SupportLevel;
}

function parseSubcommands(help: string, root: boolean): { name: string; summary: string }[] {
  const out: { name: string; summary: string }[] = [];
  let section: string;
  if (!root) {
    const m = /\nAvailable Commands:\n([\s\S]*?)\n\n/.exec(help);
    if (!m) return out;
    section = m[1];
  } else {
    section = help.slice(0, help.indexOf("\nUsage:\n"));
  }
  for (const line of section.split("\n")) {
    const m = /^ {2}([a-z][a-z0-9-]*)\s{2,}(\S.*)$/.exec(line);
    if (m) out.push({ name: m[1], summary: m[2] });
  }
  return out;
}

function parseAliases(help: string): string[] {
  const m = /(?:^|\n)Aliases:\n([^\n]*)\n/.exec(help);
  return m ? m[1].split(",").map((s) => s.trim()).slice(1) : [];
}

let table: Map<string, CommandEntry> | undefined;

function build(): Map<string, CommandEntry> {
  const map = new Map<string, CommandEntry>();
  const add = (path: string[], summary: string) => {
    const key = helpKey(path);
    const help = HELP_TEXTS[key] ?? "";
    const children = parseSubcommands(help, path.length === 0);
    const impl = COMMAND_IMPLS[key];
    map.set(key, {
      path,
      key,
      summary,
      aliases: parseAliases(help),
      children: children.map((c) => c.name),
      impl,
      support: impl ? impl.support : path.length === 0 || someChildImplemented(children, path) ? "partial" : "unsupported",
    });
    for (const c of children) add([...path, c.name], c.summary);
  };
  add([], "kubectl controls the Kubernetes cluster manager.");
  map.set("options", {
    path: ["options"],
    key: "options",
    summary: "Print the list of flags inherited by all commands",
    aliases: [],
    children: [],
    impl: COMMAND_IMPLS["options"],
    support: "full",
  });
  return map;
}

function someChildImplemented(children: { name: string }[], path: string[]): boolean {
  return children.some((c) => COMMAND_IMPLS[helpKey([...path, c.name])]);
}

/** Every command, keyed by help key. */
export function commandTable(): Map<string, CommandEntry> {
  table ??= build();
  return table;
}

export function commandEntry(path: readonly string[]): CommandEntry | undefined {
  return commandTable().get(helpKey(path));
}

/** The child of `parent` named `name` (or one of its aliases). */
export function findChild(parent: CommandEntry, name: string): CommandEntry | undefined {
  for (const c of parent.children) {
    const entry = commandTable().get(helpKey([...parent.path, c]));
    if (!entry) continue;
    if (c === name || entry.aliases.includes(name)) return entry;
  }
  if (parent.path.length === 0 && name === "options") return commandTable().get("options");
  return undefined;
}

/** The real help text of a command (what `kubectl <path> --help` prints). */
export function helpText(entry: CommandEntry): string {
  return HELP_TEXTS[entry.key] ?? "";
}

/** cobra's "Did you mean this?" candidates: Levenshtein distance <= 2 or a prefix match. */
export function suggestionsFor(typed: string, names: readonly string[]): string[] {
  const t = typed.toLowerCase();
  return names.filter((n) => levenshtein(t, n.toLowerCase()) <= 2 || n.toLowerCase().startsWith(t));
}

function levenshtein(a: string, b: string): number {
  const d: number[] = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}
