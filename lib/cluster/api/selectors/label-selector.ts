/** Label selectors: kubectl's string syntax (apimachinery labels.Parse) and the API's LabelSelector object. */

export type Operator = "=" | "==" | "!=" | "in" | "notin" | "exists" | "!";

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

export interface LabelSelectorObject {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

type Token =
  | { t: "id"; v: string }
  | { t: "op"; v: "=" | "==" | "!=" }
  | { t: "!" }
  | { t: "," }
  | { t: "(" }
  | { t: ")" }
  | { t: "in" }
  | { t: "notin" }
  | { t: "end" };

const SPECIAL = "=!(),";

function lex(input: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (c === " " || c === "\t" || c === "\n") {
      i++;
      continue;
    }
    if (c === "=" && input[i + 1] === "=") {
      out.push({ t: "op", v: "==" });
      i += 2;
    } else if (c === "!" && input[i + 1] === "=") {
      out.push({ t: "op", v: "!=" });
      i += 2;
    } else if (c === "=") {
      out.push({ t: "op", v: "=" });
      i++;
    } else if (c === "!") {
      out.push({ t: "!" });
      i++;
    } else if (c === ",") {
      out.push({ t: "," });
      i++;
    } else if (c === "(") {
      out.push({ t: "(" });
      i++;
    } else if (c === ")") {
      out.push({ t: ")" });
      i++;
    } else {
      let j = i;
      while (j < input.length && !SPECIAL.includes(input[j]) && !" \t\n".includes(input[j])) j++;
      const word = input.slice(i, j);
      out.push(word === "in" ? { t: "in" } : word === "notin" ? { t: "notin" } : { t: "id", v: word });
      i = j;
    }
  }
  out.push({ t: "end" });
  return out;
}

function show(tok: Token): string {
  switch (tok.t) {
    case "id":
    case "op":
      return tok.v;
    case "!":
      return "!";
    case ",":
      return ",";
    case "(":
      return "(";
    case ")":
      return ")";
    case "in":
      return "in";
    case "notin":
      return "notin";
    case "end":
      return "";
  }
}

/** Parse "app=web,tier!=db,env in (a,b),!legacy". An empty string selects everything. */
export function parseLabelSelector(input: string): { ok: true; requirements: Requirement[] } | { ok: false; error: string } {
  const toks = lex(input);
  let p = 0;
  const reqs: Requirement[] = [];
  const fail = (expected: string) => ({ ok: false as const, error: `unable to parse requirement: found '${show(toks[p])}', expected: ${expected}` });
  if (toks[0].t === "end") return { ok: true, requirements: [] };
  for (;;) {
    let negate = false;
    if (toks[p].t === "!") {
      negate = true;
      p++;
    }
    const keyTok = toks[p];
    if (keyTok.t !== "id") return fail("identifier");
    const key = keyTok.v;
    const keyErr = validateLabelKey(key);
    if (keyErr) return { ok: false, error: keyErr };
    p++;
    const next = toks[p];
    if (negate) {
      reqs.push({ key, operator: "!", values: [] });
    } else if (next.t === "," || next.t === "end") {
      reqs.push({ key, operator: "exists", values: [] });
    } else if (next.t === "op") {
      p++;
      const val = toks[p];
      let value = "";
      if (val.t === "id") {
        value = val.v;
        p++;
      } else if (val.t !== "," && val.t !== "end") return fail("identifier");
      const valErr = validateLabelValue(value);
      if (valErr) return { ok: false, error: valErr };
      reqs.push({ key, operator: next.v, values: [value] });
    } else if (next.t === "in" || next.t === "notin") {
      p++;
      if (toks[p].t !== "(") return fail("'('");
      p++;
      const values: string[] = [];
      for (;;) {
        const v = toks[p];
        if (v.t === "id") {
          const valErr = validateLabelValue(v.v);
          if (valErr) return { ok: false, error: valErr };
          values.push(v.v);
          p++;
        } else if (v.t === "," || v.t === ")") {
          values.push("");
        } else return fail("',', ')' or identifier");
        if (toks[p].t === ",") {
          p++;
          continue;
        }
        if (toks[p].t === ")") {
          p++;
          break;
        }
        return fail("',' or ')'");
      }
      reqs.push({ key, operator: next.t, values });
    } else {
      return fail("'=', '!=', '==', 'in', notin'");
    }
    if (toks[p].t === "end") break;
    if (toks[p].t !== ",") return fail("',' or 'end of string'");
    p++;
  }
  return { ok: true, requirements: reqs };
}

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function validateLabelKey(key: string): string | undefined {
  const name = key.includes("/") ? key.slice(key.indexOf("/") + 1) : key;
  if (!QUALIFIED_NAME.test(name) || name.length > 63) {
    return `unable to parse requirement: key: Invalid value: "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`;
  }
  return undefined;
}

function validateLabelValue(value: string): string | undefined {
  if (!LABEL_VALUE.test(value) || value.length > 63) {
    return `unable to parse requirement: values[0][key]: Invalid value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`;
  }
  return undefined;
}

export function matchesRequirements(reqs: readonly Requirement[], labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  for (const r of reqs) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.operator) {
      case "=":
      case "==":
      case "in":
        if (!has || !r.values.includes(l[r.key])) return false;
        break;
      case "!=":
      case "notin":
        if (has && r.values.includes(l[r.key])) return false;
        break;
      case "exists":
        if (!has) return false;
        break;
      case "!":
        if (has) return false;
        break;
    }
  }
  return true;
}

/** Requirements of a LabelSelector object; undefined selector -> undefined (matches nothing). */
export function requirementsOf(sel: LabelSelectorObject | undefined | null): Requirement[] | undefined {
  if (!sel) return undefined;
  const reqs: Requirement[] = [];
  for (const key of Object.keys(sel.matchLabels ?? {}).sort()) reqs.push({ key, operator: "=", values: [sel.matchLabels![key]] });
  for (const e of sel.matchExpressions ?? []) {
    const op = e.operator;
    if (op === "In") reqs.push({ key: e.key, operator: "in", values: [...(e.values ?? [])] });
    else if (op === "NotIn") reqs.push({ key: e.key, operator: "notin", values: [...(e.values ?? [])] });
    else if (op === "Exists") reqs.push({ key: e.key, operator: "exists", values: [] });
    else if (op === "DoesNotExist") reqs.push({ key: e.key, operator: "!", values: [] });
  }
  return reqs;
}

/**
 * Does an apps/v1 LabelSelector (matchLabels + matchExpressions) select these labels? An empty selector
 * selects everything, a missing one nothing (metav1.LabelSelectorAsSelector), and one with an unknown operator
 * nothing (it would not convert). Checked in place: controllers and the scheduler call it per pod.
 */
export function labelSelectorMatches(sel: LabelSelectorObject | undefined | null, labels: Record<string, string> | undefined): boolean {
  if (!sel) return false;
  const l = labels ?? {};
  const has = (k: string) => Object.prototype.hasOwnProperty.call(l, k);
  const matchLabels = sel.matchLabels ?? {};
  for (const k in matchLabels) if (!has(k) || l[k] !== matchLabels[k]) return false;
  for (const e of sel.matchExpressions ?? []) {
    const values = e.values ?? [];
    switch (e.operator) {
      case "In":
        if (!has(e.key) || !values.includes(l[e.key])) return false;
        break;
      case "NotIn":
        if (has(e.key) && values.includes(l[e.key])) return false;
        break;
      case "Exists":
        if (!has(e.key)) return false;
        break;
      case "DoesNotExist":
        if (has(e.key)) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** An RC's equality map selector; empty/missing selects nothing (as the RC controller treats it). */
export function mapSelectorMatches(sel: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!sel || Object.keys(sel).length === 0) return false;
  const l = labels ?? {};
  return Object.keys(sel).every((k) => l[k] === sel[k]);
}

/** String form, as Scale.status.selector and `kubectl describe` print it: "app=web,env in (a,b)". */
export function formatRequirements(reqs: readonly Requirement[]): string {
  return reqs
    .map((r) => {
      switch (r.operator) {
        case "=":
        case "==":
          return `${r.key}=${r.values[0]}`;
        case "!=":
          return `${r.key}!=${r.values[0]}`;
        case "in":
          return `${r.key} in (${[...r.values].sort().join(",")})`;
        case "notin":
          return `${r.key} notin (${[...r.values].sort().join(",")})`;
        case "exists":
          return r.key;
        case "!":
          return `!${r.key}`;
      }
    })
    .join(",");
}
