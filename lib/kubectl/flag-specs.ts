/**
 * Flag definitions read from the real kubectl help texts (lib/kubectl/help): the "Options:" section lists every
 * flag with its shorthand and default as pflag prints it, so the parser accepts exactly the real flags.
 */
import { FlagSet, type FlagSpec, type FlagValue, parseGoDuration, splitCsv } from "./flags";
import { HELP_TEXTS } from "./help/help-texts";

/** Flags that are pflag stringArray (no comma splitting, repeatable); every other `[]` default is a stringSlice. */
const STRING_ARRAY = new Set([
  "from-literal", "env", "annotations", "annotation", "as-group", "exec-arg", "exec-env",
  "auth-provider-arg", "rule", "non-resource-url", "resource-name", "verb", "verbs", "resource", "helm-api-versions",
]);

/** pflag NoOptDefVal of string flags that may be given without a value. */
const NO_OPT_DEFAULTS: Record<string, string> = { "dry-run": "unchanged", validate: "strict", cascade: "background" };

const OPTION_LINE = /^ {4}(?:-(\S), )?--([a-z0-9][a-z0-9-]*)=(.*):$/;

/** Parses the "Options:" block (or the whole `kubectl options` text) into flag specs. */
export function parseOptionsSection(help: string, whole = false): FlagSpec[] {
  let text = help;
  if (!whole) {
    const start = help.indexOf("\nOptions:\n");
    if (start < 0) return [];
    const end = help.indexOf("\nUsage:\n", start);
    text = help.slice(start, end < 0 ? undefined : end);
  }
  const specs: FlagSpec[] = [];
  for (const line of text.split("\n")) {
    const m = OPTION_LINE.exec(line);
    if (!m) continue;
    const [, shorthand, name, def] = m;
    specs.push(specFor(name, shorthand, def));
  }
  return specs;
}

function specFor(name: string, shorthand: string | undefined, def: string): FlagSpec {
  const base = { name, ...(shorthand ? { shorthand } : {}) };
  if (def === "true" || def === "false") return { ...base, type: "bool", defaultValue: def === "true", noOptDefault: "true" };
  if (def.startsWith("[") && def.endsWith("]")) {
    const inner = def.slice(1, -1);
    const value: FlagValue = inner === "" ? [] : splitCsv(inner);
    return { ...base, type: STRING_ARRAY.has(name) ? "stringArray" : "stringSlice", defaultValue: value };
  }
  if (def.startsWith("'") && def.endsWith("'") && def.length >= 2) {
    return { ...base, type: "string", defaultValue: def.slice(1, -1), ...(NO_OPT_DEFAULTS[name] ? { noOptDefault: NO_OPT_DEFAULTS[name] } : {}) };
  }
  if (/^-?\d+$/.test(def)) return { ...base, type: "int", defaultValue: Number(def) };
  if (/^-?[0-9.]+(ns|us|µs|ms|s|m|h)/.test(def)) {
    const d = parseGoDuration(def);
    if (typeof d === "number") return { ...base, type: "duration", defaultValue: d };
  }
  return { ...base, type: "string", defaultValue: def };
}

let globalSpecs: FlagSpec[] | undefined;

/** kubectl's persistent (global) flags, from `kubectl options`. */
export function globalFlagSpecs(): FlagSpec[] {
  globalSpecs ??= parseOptionsSection(HELP_TEXTS["options"] ?? "", true);
  return globalSpecs;
}

const flagSetCache = new Map<string, FlagSet>();

/** The full flag set of a command path (its own flags, then the global ones). */
export function flagSetFor(path: readonly string[]): FlagSet {
  const key = helpKey(path);
  let fs = flagSetCache.get(key);
  if (!fs) {
    const own = path.length === 0 ? [] : parseOptionsSection(HELP_TEXTS[key] ?? "");
    fs = new FlagSet([...own, ...globalFlagSpecs()]);
    flagSetCache.set(key, fs);
  }
  return fs;
}

/** Key of a command path in HELP_TEXTS: "kubectl" for the root, else the words joined by "-". */
export function helpKey(path: readonly string[]): string {
  return path.length === 0 ? "kubectl" : path.join("-");
}
