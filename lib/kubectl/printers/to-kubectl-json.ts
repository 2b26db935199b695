export interface JsonOptions {
  /**
   * Sort object keys (default true). `kubectl get` decodes into unstructured maps, which Go's encoder writes
   * sorted; typed objects built on the client (`create … --dry-run=client -o json`) keep Go struct field order,
   * so callers that build such objects in struct order pass `false`.
   */
  sortKeys?: boolean;
}

/** Go encoding/json string quoting, HTML-safe as json.Marshal is (<, >, & escaped). */
function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (c < 0x20 || ch === "<" || ch === ">" || ch === "&" || c === 0x2028 || c === 0x2029) {
      out += "\\u" + c.toString(16).padStart(4, "0");
    } else if (c >= 0xd800 && c <= 0xdfff) out += "\ufffd"; // lone surrogate: Go writes the replacement char
    else out += ch;
  }
  return out + '"';
}

function encode(value: unknown, indent: string, sortKeys: boolean): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return quote(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  const inner = indent + "    ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return "[\n" + value.map((v) => inner + encode(v, inner, sortKeys)).join(",\n") + "\n" + indent + "]";
  }
  if (typeof value === "object") {
    let keys = Object.keys(value as object).filter((k) => (value as Record<string, unknown>)[k] !== undefined);
    if (sortKeys) keys = keys.sort();
    if (keys.length === 0) return "{}";
    const parts = keys.map((k) => `${inner}${quote(k)}: ${encode((value as Record<string, unknown>)[k], inner, sortKeys)}`);
    return "{\n" + parts.join(",\n") + "\n" + indent + "}";
  }
  return "null";
}

/** `-o json` exactly as kubectl prints it: json.MarshalIndent with 4 spaces, plus a final newline. */
export function toKubectlJson(value: unknown, options: JsonOptions = {}): string {
  return encode(value, "", options.sortKeys ?? true) + "\n";
}
