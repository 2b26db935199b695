/**
 * kubectl v1.32's `plaintext` explain template (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl)
 * over our OpenAPI v3 schemas: walks the field path through properties, array items, map values and allOf, then
 * prints DESCRIPTION and FIELDS (one-line entries, nested, with --recursive). Header lines are the caller's.
 */
import { type ExplainDocument, type OpenApiSchema, resolveRef } from "./explain-document";
import { indent, wordWrap } from "./word-wrap";

type History = Record<string, true>;
export type RenderResult = { ok: true; text: string } | { ok: false; missingField: string };

function props(s: OpenApiSchema): Record<string, OpenApiSchema> | undefined {
  const p = s.properties as Record<string, OpenApiSchema> | undefined;
  return p && Object.keys(p).length > 0 ? p : undefined;
}
function allOf(s: OpenApiSchema): OpenApiSchema[] {
  return (s.allOf as OpenApiSchema[] | undefined) ?? [];
}
function items(s: OpenApiSchema): OpenApiSchema | undefined {
  return s.items as OpenApiSchema | undefined;
}
/** additionalProperties when it is a schema (a bare `true`/`false` does not count). */
function mapValues(s: OpenApiSchema): OpenApiSchema | undefined {
  const ap = s.additionalProperties;
  return ap && typeof ap === "object" ? (ap as OpenApiSchema) : undefined;
}
function refOf(s: OpenApiSchema): string {
  return typeof s.$ref === "string" ? s.$ref : "";
}

class Renderer {
  constructor(
    private readonly doc: ExplainDocument,
    private readonly recursive: boolean,
  ) {}

  private resolve(s: OpenApiSchema): OpenApiSchema {
    return resolveRef(this.doc, s.$ref) ?? s;
  }

  typeGuess(s: OpenApiSchema): string {
    const it = items(s);
    if (it) return `[]${this.typeGuess(it)}`;
    const mv = mapValues(s);
    if (mv) return `map[string]${this.typeGuess(mv)}`;
    const all = allOf(s);
    if (all.length === 1 && !props(s)) return this.typeGuess(all[0]);
    const ref = refOf(s);
    if (ref) {
      const target = resolveRef(this.doc, ref);
      if (!target || !target.type || target.type === "object") {
        const name = ref.slice(ref.lastIndexOf("/") + 1);
        return name.slice(name.lastIndexOf(".") + 1) || "Object";
      }
      return String(target.type);
    }
    if (s.type === "object") return "Object";
    return typeof s.type === "string" && s.type ? s.type : "Object";
  }

  private enumValues(s: OpenApiSchema): string[] {
    const e = s.enum as unknown[] | undefined;
    return (e ?? []).map((v) => (v === "" ? '""' : String(v)));
  }

  private enumLong(s: OpenApiSchema): string {
    const values = this.enumValues(s);
    return values.length === 0 ? "" : `ENUM:${values.map((v) => `\n    ${v}`).join("")}`;
  }

  private enumShort(s: OpenApiSchema, indentAmount: number): string {
    const values = this.enumValues(s);
    if (values.length === 0) return "";
    const shown = values.slice(0, 4).join(", ");
    return `\n${" ".repeat(indentAmount)}enum: ${shown}${values.length > 4 ? ", ...." : ""}`;
  }

  private description(s: OpenApiSchema): string {
    const r = this.resolve(s);
    let out = typeof r.description === "string" && r.description ? `${r.description}\n` : "";
    for (const a of allOf(r)) out += this.description(a);
    const it = items(r);
    if (it) out += this.description(it);
    const mv = mapValues(r);
    if (mv) out += this.description(mv);
    return out;
  }

  output(s: OpenApiSchema, history: History, path: string[]): string {
    const ref = refOf(s);
    const seen: History = { ...history, [ref]: true };
    const r = this.resolve(s);
    if (path.length === 0) {
      let out = `DESCRIPTION:\n${indent(4, wordWrap(this.description(r) || "<empty>", 76))}\n`;
      const fields = this.fieldList(r, 1, {});
      if (fields) out += `FIELDS:\n${fields}`;
      return out;
    }
    if (ref && history[ref]) return ""; // a cycle
    const sub = props(r)?.[path[0]];
    if (sub) {
      let out = "";
      if (path.length === 1) out += `FIELD: ${path[0]} <${this.typeGuess(sub)}>\n${this.enumLong(sub)}\n\n`;
      return out + this.output(sub, {}, path.slice(1));
    }
    const it = items(r);
    if (it) return this.output(it, seen, path);
    const mv = mapValues(r);
    if (mv) return this.output(mv, seen, path);
    for (const a of allOf(r)) {
      const out = this.output(a, seen, path);
      if (out) return out;
    }
    return "";
  }

  private fieldList(s: OpenApiSchema, level: number, history: History): string {
    const ref = refOf(s);
    if (ref && history[ref]) return "";
    const seen: History = { ...history, [ref]: true };
    const r = this.resolve(s);
    let out = "";
    const p = props(r) ?? {};
    for (const name of Object.keys(p).sort()) {
      out += this.fieldDetail(name, r, level);
      if (this.recursive) out += this.fieldList(p[name], level + 1, seen);
    }
    for (const a of allOf(r)) out += this.fieldList(a, level, seen);
    const it = items(r);
    if (it) out += this.fieldList(it, level, seen);
    const mv = mapValues(r);
    if (mv) out += this.fieldList(mv, level, seen);
    return out;
  }

  private fieldDetail(name: string, owner: OpenApiSchema, level: number): string {
    const ind = level * 2;
    const f = (owner.properties as Record<string, OpenApiSchema>)[name];
    const required = ((owner.required as string[] | undefined) ?? []).includes(name);
    let out = `${indent(ind, name)}\t<${this.typeGuess(f)}>${required ? " -required-" : ""}${this.enumShort(f, ind)}\n`;
    if (!this.recursive) {
      const text = typeof f.description === "string" && f.description ? f.description : "<no description>";
      out += `${indent(ind + 2, wordWrap(text, 78 - ind))}\n\n`;
    }
    return out;
  }
}

/** Everything after the GROUP/KIND/VERSION header, ending with the template's final newline. */
export function renderPlaintext(doc: ExplainDocument, fieldPath: string[], recursive: boolean): RenderResult {
  const root = doc.schemas[doc.root] ?? { type: "object" };
  const text = new Renderer(doc, recursive).output(root, {}, fieldPath);
  if (!text) return { ok: false, missingField: fieldPath[fieldPath.length - 1] };
  return { ok: true, text: `${text}\n` };
}
