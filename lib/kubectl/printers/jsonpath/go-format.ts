/**
 * The few Go fmt verbs kubectl's jsonpath output and errors use, over values decoded from JSON
 * (maps, []interface{}, string, int64/float64, bool, nil).
 */

/** strconv.Quote (%q): Go escapes, printable Unicode kept. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const named: Record<string, string> = { "\x07": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v", '"': '\\"', "\\": "\\\\" };
    if (named[ch]) out += named[ch];
    else if (cp < 0x20 || cp === 0x7f) out += "\\x" + cp.toString(16).padStart(2, "0");
    else if (cp >= 0x80 && cp < 0xa0) out += "\\u" + cp.toString(16).padStart(4, "0");
    else out += ch;
  }
  return out + '"';
}

/** Go's %v / 'g' shortest formatting of a float64 (integers print plainly). */
export function goNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const [mant, e] = n.toExponential().split("e");
  const exp = Number(e);
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  return String(n);
}

const sortedKeys = (m: object) => Object.keys(m).sort();

/** %v: `map[a:1 b:x]`, `[a b]`, `<nil>`. */
export function goV(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return `[${v.map(goV).join(" ")}]`;
  if (typeof v === "object") return `map[${sortedKeys(v).map((k) => `${k}:${goV((v as Record<string, unknown>)[k])}`).join(" ")}]`;
  if (typeof v === "number") return goNumber(v);
  return String(v);
}

/** %#v of an interface{} value: `map[string]interface {}{"a":"x"}`, `[]interface {}{...}`, `interface {}(nil)`. */
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return "interface {}(nil)";
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(", ")}}`;
  if (typeof v === "object") {
    return `map[string]interface {}{${sortedKeys(v).map((k) => `${goQuote(k)}:${goSharpV((v as Record<string, unknown>)[k])}`).join(", ")}}`;
  }
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number") return goNumber(v);
  return String(v);
}

/** json.Marshal (compact, sorted keys, HTML-safe escapes), as jsonpath prints maps and lists. */
export function goJsonCompact(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return `[${v.map(goJsonCompact).join(",")}]`;
  if (typeof v === "object") return `{${sortedKeys(v).map((k) => `${jsonString(k)}:${goJsonCompact((v as Record<string, unknown>)[k])}`).join(",")}}`;
  if (typeof v === "string") return jsonString(v);
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "null";
  return String(v);
}

function jsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}
