import { sortKeys } from "./sort-keys";

export interface JsonOptions {
  /**
   * Sort object keys (default true). `kubectl get` decodes into unstructured maps, which Go's encoder writes
   * sorted; typed objects built on the client (`create … --dry-run=client -o json`) keep Go struct field order,
   * so callers that build such objects in struct order pass `false`.
   */
  sortKeys?: boolean;
}

/** Strings needing no escape at all (most of them): quoted as they are. */
const PLAIN = /^[^"\\\x00-\x1f<>&\u2028\u2029\ud800-\udfff]*$/;

/** Go encoding/json string quoting, HTML-safe as json.Marshal is (<, >, & escaped). */
function quote(s: string): string {
  if (PLAIN.test(s)) return `"${s}"`;
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

/** Appends to one string as it goes: joining each level's parts would copy the text once per nesting level. */
class JsonWriter {
  out = "";
  constructor(private readonly sortKeys: boolean) {}

  value(value: unknown, indent: string): void {
    if (value === null || value === undefined) this.out += "null";
    else if (typeof value === "string") this.out += quote(value);
    else if (typeof value === "number") this.out += Number.isFinite(value) ? String(value) : "null";
    else if (typeof value === "boolean") this.out += value ? "true" : "false";
    else if (Array.isArray(value)) {
      if (value.length === 0) {
        this.out += "[]";
        return;
      }
      const inner = indent + "    ";
      for (let i = 0; i < value.length; i++) {
        this.out += i === 0 ? `[\n${inner}` : `,\n${inner}`;
        this.value(value[i], inner);
      }
      this.out += `\n${indent}]`;
    } else if (typeof value === "object") {
      const o = value as Record<string, unknown>;
      const keys = Object.keys(o);
      if (this.sortKeys) sortKeys(keys);
      const inner = indent + "    ";
      let written = 0;
      for (let i = 0; i < keys.length; i++) {
        const v = o[keys[i]];
        if (v === undefined) continue;
        this.out += `${written++ === 0 ? "{\n" : ",\n"}${inner}${quote(keys[i])}: `;
        this.value(v, inner);
      }
      this.out += written === 0 ? "{}" : `\n${indent}}`;
    } else this.out += "null";
  }
}

/** `-o json` exactly as kubectl prints it: json.MarshalIndent with 4 spaces, plus a final newline. */
export function toKubectlJson(value: unknown, options: JsonOptions = {}): string {
  const w = new JsonWriter(options.sortKeys ?? true);
  w.value(value, "");
  return w.out + "\n";
}
