/**
 * Command-line flag parsing with the semantics and error texts of spf13/pflag as cobra drives it for kubectl:
 * interspersed flags, `--f=v` / `--f v`, `-n v` / `-nv` / `-n=v`, combined bool shorthands (`-it`),
 * `--` ends flags (position remembered as ArgsLenAtDash), NoOptDefVal flags (`--dry-run` alone).
 */

export type FlagType = "bool" | "string" | "int" | "duration" | "stringSlice" | "stringArray";

export interface FlagSpec {
  name: string;
  shorthand?: string;
  type: FlagType;
  /** Default as pflag would print it, already parsed into a value. */
  defaultValue: FlagValue;
  /** Value used when the flag is given without one (`--dry-run` means `--dry-run=unchanged`). */
  noOptDefault?: string;
}

export type FlagValue = boolean | string | number | string[];

export interface ParsedArgs {
  /** Flag values by long name; flags not given keep their default. */
  values: Map<string, FlagValue>;
  /** Long names of the flags that were given (pflag `Changed`). */
  changed: Set<string>;
  /** Positional arguments, including those after `--`. */
  args: string[];
  /** Number of positional args before `--`, or -1 when there was no `--` (cobra ArgsLenAtDash). */
  argsLenAtDash: number;
  /** `-h` / `--help` was given. */
  help: boolean;
}

export type ParseResult = { ok: true; parsed: ParsedArgs } | { ok: false; error: string };

export class FlagSet {
  private readonly byName = new Map<string, FlagSpec>();
  private readonly byShort = new Map<string, FlagSpec>();

  constructor(specs: readonly FlagSpec[]) {
    for (const s of specs) {
      // The command's own flag wins over a global one of the same name (cobra: local shadows persistent).
      if (this.byName.has(s.name)) continue;
      this.byName.set(s.name, s);
      if (s.shorthand && !this.byShort.has(s.shorthand)) this.byShort.set(s.shorthand, s);
    }
  }

  lookup(name: string): FlagSpec | undefined {
    return this.byName.get(name);
  }

  lookupShort(c: string): FlagSpec | undefined {
    return this.byShort.get(c);
  }

  specs(): FlagSpec[] {
    return [...this.byName.values()];
  }

  /** Whether `token` (an arg starting with "-") consumes the next arg as its value (cobra stripFlags logic). */
  takesNextArg(token: string): boolean {
    // Unknown flags are assumed to take a value, as cobra's stripFlags does.
    if (token.includes("=")) return false;
    if (token.startsWith("--")) return this.byName.get(token.slice(2))?.noOptDefault === undefined;
    if (token.length !== 2) return false;
    return this.byShort.get(token[1])?.noOptDefault === undefined;
  }

  parse(argv: readonly string[]): ParseResult {
    const values = new Map<string, FlagValue>();
    for (const s of this.byName.values()) values.set(s.name, cloneValue(s.defaultValue));
    const changed = new Set<string>();
    const positional: string[] = [];
    let argsLenAtDash = -1;
    let help = false;
    const args = [...argv];

    const set = (spec: FlagSpec, raw: string): string | undefined => {
      const res = convert(spec, raw, changed.has(spec.name) ? values.get(spec.name) : undefined);
      if (!res.ok) {
        const flagName = spec.shorthand ? `-${spec.shorthand}, --${spec.name}` : `--${spec.name}`;
        return `invalid argument ${goQuote(raw)} for ${goQuote(flagName)} flag: ${res.error}`;
      }
      values.set(spec.name, res.value);
      changed.add(spec.name);
      return undefined;
    };

    while (args.length > 0) {
      const s = args.shift() as string;
      if (s.length === 0 || s[0] !== "-" || s.length === 1) {
        positional.push(s);
        continue;
      }
      if (s[1] === "-") {
        if (s.length === 2) {
          argsLenAtDash = positional.length;
          positional.push(...args);
          break;
        }
        const body = s.slice(2);
        if (body[0] === "-" || body[0] === "=") return { ok: false, error: `bad flag syntax: ${s}` };
        const eq = body.indexOf("=");
        const name = eq >= 0 ? body.slice(0, eq) : body;
        const spec = this.byName.get(name);
        if (!spec) {
          if (name === "help") {
            help = true;
            continue;
          }
          return { ok: false, error: `unknown flag: --${name}` };
        }
        let value: string;
        if (eq >= 0) value = body.slice(eq + 1);
        else if (spec.noOptDefault !== undefined) value = spec.noOptDefault;
        else if (args.length > 0) value = args.shift() as string;
        else return { ok: false, error: `flag needs an argument: ${s}` };
        const err = set(spec, value);
        if (err) return { ok: false, error: err };
        continue;
      }
      let shorthands = s.slice(1);
      while (shorthands.length > 0) {
        const c = shorthands[0];
        const spec = this.byShort.get(c);
        if (!spec) {
          if (c === "h") {
            help = true;
            shorthands = shorthands.slice(1);
            continue;
          }
          return { ok: false, error: `unknown shorthand flag: ${goQuoteChar(c)} in -${shorthands}` };
        }
        let value: string;
        let rest = shorthands.slice(1);
        if (shorthands.length > 2 && shorthands[1] === "=") {
          value = shorthands.slice(2);
          rest = "";
        } else if (spec.noOptDefault !== undefined) {
          value = spec.noOptDefault;
        } else if (shorthands.length > 1) {
          value = shorthands.slice(1);
          rest = "";
        } else if (args.length > 0) {
          value = args.shift() as string;
        } else {
          return { ok: false, error: `flag needs an argument: ${goQuoteChar(c)} in -${shorthands}` };
        }
        const err = set(spec, value);
        if (err) return { ok: false, error: err };
        shorthands = rest;
      }
    }
    return { ok: true, parsed: { values, changed, args: positional, argsLenAtDash, help } };
  }
}

function cloneValue(v: FlagValue): FlagValue {
  return Array.isArray(v) ? [...v] : v;
}

type Converted = { ok: true; value: FlagValue } | { ok: false; error: string };

function convert(spec: FlagSpec, raw: string, previous: FlagValue | undefined): Converted {
  switch (spec.type) {
    case "bool": {
      const b = parseGoBool(raw);
      return b === undefined ? { ok: false, error: `strconv.ParseBool: parsing ${goQuote(raw)}: invalid syntax` } : { ok: true, value: b };
    }
    case "int":
      return parseGoInt(raw);
    case "duration": {
      const d = parseGoDuration(raw);
      return typeof d === "number" ? { ok: true, value: d } : { ok: false, error: d.error };
    }
    case "stringSlice": {
      // pflag stringSlice: the first Set replaces the default, later ones append; values are CSV.
      const items = raw === "" ? [] : splitCsv(raw);
      return { ok: true, value: previous ? [...(previous as string[]), ...items] : items };
    }
    case "stringArray":
      return { ok: true, value: previous ? [...(previous as string[]), raw] : [raw] };
    default:
      return { ok: true, value: raw };
  }
}

/** strconv.ParseBool. */
export function parseGoBool(s: string): boolean | undefined {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(s)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(s)) return false;
  return undefined;
}

/** strconv.ParseInt(s, 0, 64) as pflag's int flags use it. */
export function parseGoInt(s: string): Converted {
  const bad = { ok: false as const, error: `strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax` };
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(s);
  if (!m) return bad;
  const digits = m[2].replace(/_/g, "");
  let n: number;
  if (/^0[xX]/.test(digits)) n = parseInt(digits.slice(2), 16);
  else if (/^0[oO]/.test(digits)) n = parseInt(digits.slice(2), 8);
  else if (/^0[bB]/.test(digits)) n = parseInt(digits.slice(2), 2);
  else if (digits.length > 1 && digits[0] === "0") n = parseInt(digits.slice(1), 8);
  else n = parseInt(digits, 10);
  if (Number.isNaN(n)) return bad;
  if (m[1] === "-") n = -n;
  if (Math.abs(n) > 2 ** 63) return { ok: false, error: `strconv.ParseInt: parsing ${goQuote(s)}: value out of range` };
  return { ok: true, value: n };
}

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, "μs": 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };

/** time.ParseDuration, in milliseconds. */
export function parseGoDuration(s: string): number | { error: string } {
  const invalid = { error: `time: invalid duration ${goQuote(s)}` };
  let rest = s;
  let sign = 1;
  if (rest[0] === "-" || rest[0] === "+") {
    if (rest[0] === "-") sign = -1;
    rest = rest.slice(1);
  }
  if (rest === "0") return 0;
  if (rest === "") return invalid;
  let total = 0;
  while (rest.length > 0) {
    const num = /^([0-9]*(?:\.[0-9]*)?)/.exec(rest)?.[1] ?? "";
    if (num === "" || num === ".") return invalid;
    rest = rest.slice(num.length);
    const unit = /^([^0-9.]*)/.exec(rest)?.[1] ?? "";
    if (unit === "") return { error: `time: missing unit in duration ${goQuote(s)}` };
    const mult = UNIT_MS[unit];
    if (mult === undefined) return { error: `time: unknown unit ${goQuote(unit)} in duration ${goQuote(s)}` };
    total += parseFloat(num) * mult;
    rest = rest.slice(unit.length);
  }
  return sign * total;
}

/** Go's duration String(): 1m30s, 5s, 0s, 1h0m0s. */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return "0s";
  const neg = ms < 0;
  let rest = Math.abs(ms);
  const h = Math.floor(rest / 3600000);
  rest -= h * 3600000;
  const m = Math.floor(rest / 60000);
  rest -= m * 60000;
  const sec = rest / 1000;
  let out = "";
  if (h > 0) out = `${h}h${m}m`;
  else if (m > 0) out = `${m}m`;
  out += `${Number.isInteger(sec) ? sec : sec.toFixed(3).replace(/0+$/, "")}s`;
  return (neg ? "-" : "") + out;
}

/** encoding/csv split as pflag's stringSlice does it (quotes group commas). */
export function splitCsv(s: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === "") quoted = true;
    else if (ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Go's %q for a string (enough for what users type). */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** Go's %q for a byte: 'x'. */
function goQuoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === "\\") return "'\\\\'";
  return `'${c}'`;
}
