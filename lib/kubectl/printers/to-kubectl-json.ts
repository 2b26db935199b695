import { OUTPUT_CHUNK_CHARS } from "./output-chunks";
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

/** "\n" and the indent of nesting depth d (4 spaces a level); made by join so each is one flat string. */
const NEWLINE_INDENT: string[] = [];
function newlineIndent(depth: number): string {
  let s = NEWLINE_INDENT[depth];
  if (s === undefined) {
    s = ["\n", " ".repeat(4 * depth)].join("");
    NEWLINE_INDENT[depth] = s;
  }
  return s;
}

/** What opens an array's first item ("[" + newline + indent) and every later one ("," + ...), per depth. */
const ITEM_OPEN: [string, string][] = [];
function itemOpen(depth: number, first: boolean): string {
  let pair = ITEM_OPEN[depth];
  if (pair === undefined) ITEM_OPEN[depth] = pair = [["[", newlineIndent(depth + 1)].join(""), [",", newlineIndent(depth + 1)].join("")];
  return pair[first ? 0 : 1];
}

/** Newline, indent and the closing bracket of a container at depth d, as one piece. */
const CLOSE: [string, string][] = [];
function close(depth: number, bracket: "}" | "]"): string {
  let pair = CLOSE[depth];
  if (pair === undefined) CLOSE[depth] = pair = [[newlineIndent(depth), "}"].join(""), [newlineIndent(depth), "]"].join("")];
  return pair[bracket === "}" ? 0 : 1];
}

// Object keys repeat across every item of a list: the text before each value ("{" or "," + newline + indent +
// quoted key + ": ") is made once per depth and key (bounded, in case keys are data).
const KEY_OPEN: Map<string, [string, string]>[] = [];
const KEY_OPEN_MAX = 4096;
function keyOpen(depth: number, key: string, first: boolean): string {
  let byKey = KEY_OPEN[depth];
  if (byKey === undefined) KEY_OPEN[depth] = byKey = new Map();
  let pair = byKey.get(key);
  if (pair === undefined) {
    const rest = [newlineIndent(depth + 1), quote(key), ": "].join("");
    pair = [["{", rest].join(""), [",", rest].join("")];
    if (byKey.size >= KEY_OPEN_MAX) byKey.clear();
    byKey.set(key, pair);
  }
  return pair[first ? 0 : 1];
}

/**
 * Collects the text as a list of small flat strings, joined once per chunk: cheaper than growing one string
 * with += (a cons cell per append, all walked again when the string is first read) or joining per nesting
 * level. Pieces are pushed separately rather than concatenated first, which would make them cons strings too.
 */
class JsonWriter {
  private parts: string[] = [];
  private size = 0;
  /** Text already complete, handed over in pieces (see toKubectlJsonChunks). */
  readonly chunks: string[] = [];
  constructor(private readonly sortKeys: boolean) {}

  private put(text: string): void {
    this.parts.push(text);
    this.size += text.length;
  }

  /** The final newline kubectl prints, and the last chunk. */
  end(): void {
    this.put("\n");
    this.cut();
  }

  /** Close the current chunk (at the end, or between array items once it is big enough). */
  private cut(): void {
    this.chunks.push(this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }

  private string(s: string): void {
    this.put(PLAIN.test(s) ? `"${s}"` : quote(s));
  }

  value(value: unknown, depth: number): void {
    if (value === null || value === undefined) this.put("null");
    else if (typeof value === "string") this.string(value);
    else if (typeof value === "number") this.put(Number.isFinite(value) ? String(value) : "null");
    else if (typeof value === "boolean") this.put(value ? "true" : "false");
    else if (Array.isArray(value)) {
      if (value.length === 0) {
        this.put("[]");
        return;
      }
      for (let i = 0; i < value.length; i++) {
        this.put(itemOpen(depth, i === 0));
        this.value(value[i], depth + 1);
        if (this.size >= OUTPUT_CHUNK_CHARS) this.cut();
      }
      this.put(close(depth, "]"));
    } else if (typeof value === "object") {
      const o = value as Record<string, unknown>;
      const keys = Object.keys(o);
      if (this.sortKeys) sortKeys(keys);
      let written = 0;
      for (let i = 0; i < keys.length; i++) {
        const v = o[keys[i]];
        if (v === undefined) continue;
        this.put(keyOpen(depth, keys[i], written++ === 0));
        this.value(v, depth + 1);
      }
      this.put(written === 0 ? "{}" : close(depth, "}"));
    } else this.put("null");
  }
}

/** `-o json` exactly as kubectl prints it: json.MarshalIndent with 4 spaces, plus a final newline. */
export function toKubectlJson(value: unknown, options: JsonOptions = {}): string {
  const chunks = toKubectlJsonChunks(value, options);
  return chunks.length === 1 ? chunks[0] : chunks.join("");
}

/**
 * The same text as `toKubectlJson`, in pieces of about OUTPUT_CHUNK_CHARS to write one after another: one
 * string for a big list (700 KB for 100 pods) costs more to allocate whole than to print.
 */
export function toKubectlJsonChunks(value: unknown, options: JsonOptions = {}): string[] {
  const w = new JsonWriter(options.sortKeys ?? true);
  w.value(value, 0);
  w.end();
  return w.chunks;
}
