import { OUTPUT_CHUNK_CHARS } from "./output-chunks";
import { sortKeys } from "./sort-keys";
import { analyzeScalar, isBase60Float, isBreak, isPrintable, resolvesToNonString } from "./yaml-scalar-analysis";

/**
 * `-o yaml` exactly as kubectl writes it: sigs.k8s.io/yaml (JSON -> go-yaml v2), so keys sorted at every level,
 * 2-space indent, sequences in a mapping not indented ("- name: x" under the key), `{}` / `[]` for empties,
 * strings quoted only when go-yaml must (`"80"`, `"true"`, `""`, `'*'`), `|` blocks for multi-line strings and
 * long lines folded after column 80 as go-yaml does.
 */
export function toKubectlYaml(value: unknown): string {
  const chunks = toKubectlYamlChunks(value);
  return chunks.length === 1 ? chunks[0] : chunks.join("");
}

/**
 * The same text as `toKubectlYaml`, in pieces of about OUTPUT_CHUNK_CHARS to write one after another: one
 * string for a big list (300 KB for 100 pods) costs more to allocate whole than to print.
 */
export function toKubectlYamlChunks(value: unknown): string[] {
  const e = new Emitter();
  e.node(value, -1, "root");
  e.writeIndent(0); // document end
  e.chunks.push(e.out);
  return e.chunks;
}

/**
 * Several objects as kubectl's YAML printer writes them one after another (`create -f` with `-o yaml`):
 * documents separated by "---".
 */
export function toKubectlYamlDocuments(values: readonly unknown[]): string {
  return values.map((v, i) => (i > 0 ? "---\n" : "") + toKubectlYaml(v)).join("");
}

/** JSON round trip semantics: an object's undefined and function fields are dropped (arrays hold null instead). */
function isDropped(x: unknown): boolean {
  return x === undefined || typeof x === "function";
}

/** strconv.FormatFloat(f, 'g', -1, 64), what go-yaml writes for non-integer numbers (%e from exponent 6 on). */
function goFloat(f: number): string {
  const [mant, e] = f.toExponential().split("e");
  const exp = Number(e);
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  return String(f);
}

type Context = "root" | "key" | "value" | "item";
type Style = "plain" | "single" | "double" | "literal";

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

const ASCII = /^[\x20-\x7e]*$/;
/** Spaces for indents, so writing one is a lookup. */
const SPACES = Array.from({ length: 64 }, (_, i) => " ".repeat(i));
const NEWLINE_SPACES = SPACES.map((sp) => `\n${sp}`);

/** What the emitter needs to know about a string, computed once per distinct string. */
interface ScalarInfo {
  style: Style;
  /** Printable ASCII only: one column per UTF-16 unit. */
  ascii: boolean;
  hasSpace: boolean;
  /** Holds `"` or `\\`, which double quoting escapes. */
  escapes: boolean;
  /** `${s}:` for keys and ` ${s}` for values, made on first use. */
  withColon?: string;
  spaced?: string;
}
const keyInfos = new Map<string, ScalarInfo>();
const valueInfos = new Map<string, ScalarInfo>();

function scalarInfo(s: string, simpleKey: boolean): ScalarInfo {
  const cache = simpleKey ? keyInfos : valueInfos;
  let info = cache.get(s);
  if (info === undefined) {
    info = { style: chooseStyle(s, simpleKey), ascii: ASCII.test(s), hasSpace: s.includes(" "), escapes: s.includes('"') || s.includes("\\") };
    // Keys and common values repeat across a list of objects: remember them (bounded).
    if (s.length < 200) {
      if (cache.size > 20000) cache.clear();
      cache.set(s, info);
    }
  }
  return info;
}

/** go-yaml's choice of scalar style for a string (plain when it may, else single, double or literal). */
function chooseStyle(s: string, simpleKey: boolean): Style {
  const canUsePlain = !resolvesToNonString(s) && !isBase60Float(s);
  let style: Style = s.includes("\n") ? "literal" : canUsePlain ? "plain" : "double";
  const a = analyzeScalar(s);
  if (simpleKey && a.multiline) style = "double";
  if (style === "plain") {
    if (!a.blockPlainAllowed) style = "single";
    if (s.length === 0 && simpleKey) style = "single";
  }
  if (style === "single" && !a.singleQuotedAllowed) style = "double";
  if (style === "literal" && (!a.blockAllowed || simpleKey)) style = "double";
  return style;
}

class Emitter {
  out = "";
  /** Text already complete, handed over in pieces (see toKubectlYamlChunks). */
  readonly chunks: string[] = [];
  column = 0;
  whitespace = true;
  indention = true;

  private put(ch: string): void {
    this.out += ch;
    this.column++;
  }

  private putBreak(): void {
    this.out += "\n";
    this.column = 0;
  }

  /** Append printable ASCII text (one column per character). */
  private putAscii(text: string): void {
    this.out += text;
    this.column += text.length;
  }

  writeIndent(indent: number): void {
    const ind = indent < 0 ? 0 : indent;
    if (!this.indention || this.column > ind || (this.column === ind && !this.whitespace)) {
      if (ind < NEWLINE_SPACES.length) {
        this.out += NEWLINE_SPACES[ind];
        this.column = ind;
        this.whitespace = true;
        this.indention = true;
        return;
      }
      this.out += "\n";
      this.column = 0;
    }
    if (this.column < ind) {
      this.out += ind - this.column < SPACES.length ? SPACES[ind - this.column] : " ".repeat(ind - this.column);
      this.column = ind;
    }
    this.whitespace = true;
    this.indention = true;
  }

  /** `text` is always ASCII here (indicators). */
  private indicator(text: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    this.putAscii(text);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** Emit one node; `indent` is the indent of the enclosing collection (-1 at the root). */
  node(v: unknown, indent: number, ctx: Context): void {
    if (Array.isArray(v)) {
      if (v.length === 0) return this.indicator("[]", true, false, false);
      // A sequence that is a mapping value keeps the key's indent ("indentless"), as go-yaml does.
      const seqIndent = indent < 0 ? 0 : ctx === "value" && !this.indention ? indent : indent + BEST_INDENT;
      for (let i = 0; i < v.length; i++) {
        this.writeIndent(seqIndent);
        this.indicator("-", true, false, true);
        this.node(isDropped(v[i]) ? null : v[i], seqIndent, "item");
        if (this.out.length >= OUTPUT_CHUNK_CHARS) {
          this.chunks.push(this.out);
          this.out = "";
        }
      }
      return;
    }
    if (v !== null && typeof v === "object") {
      const o = v as Record<string, unknown>;
      const keys = sortKeys(Object.keys(o)); // dropped fields are skipped below
      const mapIndent = indent < 0 ? 0 : indent + BEST_INDENT;
      let written = false;
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        const value = o[k];
        if (isDropped(value)) continue;
        written = true;
        this.writeIndent(mapIndent);
        const info = scalarInfo(k, true);
        if (info.style === "plain" && info.ascii) {
          // The common key: written as is, then ":" (what scalar() and indicator() do, in one append).
          this.out += info.withColon ??= `${k}:`;
          this.column += k.length + 1;
        } else {
          this.scalar(k, mapIndent, "key");
          this.out += ":";
          this.column++;
        }
        this.whitespace = false;
        this.indention = false;
        this.node(value, mapIndent, "value");
      }
      // Nothing written yet for this mapping, so "{}" goes where the first key would have.
      if (!written) this.indicator("{}", true, false, false);
      return;
    }
    if (v === null || v === undefined) return this.plainWord("null");
    if (typeof v === "boolean") return this.plainWord(v ? "true" : "false");
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return this.plainWord("null");
      return this.plainWord(Number.isInteger(v) && Math.abs(v) < 1e21 ? String(v) : goFloat(v));
    }
    this.scalar(String(v), indent, ctx);
  }

  private plainWord(s: string): void {
    if (!this.whitespace) this.put(" ");
    this.putAscii(s);
    this.whitespace = false;
    this.indention = false;
  }

  private scalar(s: string, indent: number, ctx: Context): void {
    const simpleKey = ctx === "key";
    // go-yaml raises the indent by one step while writing a scalar: folded lines continue there.
    const scalarIndent = indent < 0 ? BEST_INDENT : indent + BEST_INDENT;
    const info = scalarInfo(s, simpleKey);
    const allowBreaks = !simpleKey;
    switch (info.style) {
      case "plain":
        return this.writePlain(s, info, scalarIndent, allowBreaks);
      case "single":
        return this.writeSingle(s, scalarIndent, allowBreaks);
      case "double":
        return this.writeDouble(s, info, scalarIndent, allowBreaks);
      case "literal":
        return this.writeLiteral(s, scalarIndent);
    }
  }

  private writePlain(s: string, info: ScalarInfo, indent: number, allowBreaks: boolean): void {
    if (!this.whitespace && info.ascii && (!allowBreaks || !info.hasSpace || this.column + 1 + s.length <= BEST_WIDTH)) {
      // The common value after "key:": the separating space and the text in one append.
      this.out += info.spaced ??= ` ${s}`;
      this.column += s.length + 1;
      this.indention = false;
      return;
    }
    if (!this.whitespace) {
      this.out += " ";
      this.column++;
    }
    // Fast path: nothing can fold (no space, or the whole text ends before the fold column).
    if (info.ascii && (!allowBreaks || !info.hasSpace || this.column + s.length <= BEST_WIDTH)) {
      this.putAscii(s);
      this.whitespace = false;
      this.indention = false;
      return;
    }
    const chars = [...s];
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      if (ch === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== " ") this.writeIndent(indent);
        else this.put(ch);
        spaces = true;
      } else {
        this.put(ch);
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingle(s: string, indent: number, allowBreaks: boolean): void {
    this.indicator("'", true, false, false);
    const chars = [...s];
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      if (ch === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1 && chars[i + 1] !== " ") this.writeIndent(indent);
        else this.put(ch);
        spaces = true;
      } else {
        if (ch === "'") this.put("'");
        this.put(ch);
        this.indention = false;
        spaces = false;
      }
    }
    this.indicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDouble(s: string, info: ScalarInfo, indent: number, allowBreaks: boolean): void {
    // Fast path: printable ASCII with nothing to escape, and nothing can fold.
    if (info.ascii && !info.escapes && (!allowBreaks || !info.hasSpace || this.column + s.length + 3 <= BEST_WIDTH)) {
      if (!this.whitespace) {
        this.out += " ";
        this.column++;
      }
      this.putAscii(`"${s}"`);
      this.whitespace = false;
      this.indention = false;
      return;
    }
    this.indicator('"', true, false, false);
    const chars = [...s];
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      const cp = ch.codePointAt(0)!;
      if (!isPrintable(cp) || cp === 0xfeff || isBreak(ch) || ch === '"' || ch === "\\") {
        this.put("\\");
        const named: Record<number, string> = {
          0x00: "0", 0x07: "a", 0x08: "b", 0x09: "t", 0x0a: "n", 0x0b: "v", 0x0c: "f", 0x0d: "r", 0x1b: "e",
          0x22: '"', 0x5c: "\\", 0x85: "N", 0xa0: "_", 0x2028: "L", 0x2029: "P",
        };
        if (named[cp] !== undefined) this.put(named[cp]);
        else {
          const [letter, width] = cp <= 0xff ? ["x", 2] : cp <= 0xffff ? ["u", 4] : ["U", 8];
          this.put(letter as string);
          for (const d of cp.toString(16).toUpperCase().padStart(width as number, "0")) this.put(d);
        }
        spaces = false;
      } else if (ch === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
          this.writeIndent(indent);
          if (chars[i + 1] === " ") this.put("\\");
        } else this.put(ch);
        spaces = true;
      } else {
        this.put(ch);
        spaces = false;
      }
    }
    this.indicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(s: string, indent: number): void {
    this.indicator("|", true, false, false);
    const chars = [...s];
    if (chars[0] === " " || isBreak(chars[0])) this.indicator(String(BEST_INDENT), false, false, false);
    const last = chars[chars.length - 1];
    let chomp = "";
    if (!isBreak(last)) chomp = "-";
    else if (chars.length === 1 || isBreak(chars[chars.length - 2])) chomp = "+";
    if (chomp) this.indicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of chars) {
      if (isBreak(ch)) {
        this.putBreak();
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) {
          this.writeIndent(indent);
          breaks = false;
        }
        this.put(ch);
        this.indention = false;
      }
    }
  }
}
