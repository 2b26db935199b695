/**
 * OpenAPI v3 component schemas as a v1.32 API server serves them (reduced to what `kubectl explain` reads),
 * built from api-types.ts and field-docs.ts. Our explain renders them directly; lib/serve serves the same
 * schemas, so the real kubectl explaining our server prints what ours prints.
 */
import type { ResourceInfo } from "../../cluster/index";
import { API_TYPES, schemaNameFor } from "./api-types";
import { fieldDoc, TYPE_DOCS } from "./field-docs";

export type OpenApiSchema = Record<string, unknown>;

const REF_PREFIX = "#/components/schemas/";
const QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
const INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";

/**
 * v1.32 serves these two without a `type` in OpenAPI v3 (a oneOf of their JSON forms), so kubectl prints their
 * names (`maxSurge <IntOrString>`, `limits <map[string]Quantity>`).
 */
const LEAF_TYPES: Record<string, OpenApiSchema> = {
  [QUANTITY]: { oneOf: [{ type: "string" }, { type: "number" }] },
  [INT_OR_STRING]: { format: "int-or-string", oneOf: [{ type: "integer" }, { type: "string" }] },
};

const PRIMITIVES: Record<string, OpenApiSchema> = {
  string: { type: "string" },
  boolean: { type: "boolean" },
  number: { type: "number" },
  int32: { type: "integer", format: "int32" },
  int64: { type: "integer", format: "int64" },
  object: { type: "object" },
  any: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
};

function shortName(full: string): string {
  return full.slice(full.lastIndexOf(".") + 1);
}

function withDescription(full: string, schema: OpenApiSchema): OpenApiSchema {
  const description = TYPE_DOCS[shortName(full)];
  return description ? { description, ...schema } : schema;
}

class Builder {
  readonly out: Record<string, OpenApiSchema> = {};

  /** The schema of a field type; adds every component it names to `out`. */
  type(expr: string): OpenApiSchema {
    if (expr.startsWith("[]")) return { type: "array", items: this.type(expr.slice(2)) };
    if (expr.startsWith("map[string]")) return { type: "object", additionalProperties: this.type(expr.slice("map[string]".length)) };
    const primitive = PRIMITIVES[expr];
    if (primitive) return { ...primitive };
    this.component(expr);
    return { $ref: `${REF_PREFIX}${expr}` };
  }

  component(full: string): void {
    if (this.out[full]) return;
    const leaf = LEAF_TYPES[full];
    if (leaf) {
      this.out[full] = withDescription(full, leaf);
      return;
    }
    this.out[full] = { type: "object" }; // placeholder against cycles
    const owner = shortName(full);
    const properties: Record<string, OpenApiSchema> = {};
    const required: string[] = [];
    for (const [field, expr] of Object.entries(API_TYPES[full] ?? {})) {
      const doc = fieldDoc(owner, field);
      let p = this.type(expr);
      if (doc?.description) {
        // A bare $ref cannot carry siblings in OpenAPI v3; the API server wraps it in allOf to add a description.
        p = "$ref" in p ? { allOf: [p], description: doc.description } : { ...p, description: doc.description };
      }
      if (doc?.enum) p = { ...p, enum: doc.enum };
      if (doc?.required) required.push(field);
      properties[field] = p;
    }
    const schema: OpenApiSchema = { type: "object" };
    if (Object.keys(properties).length > 0) schema.properties = properties;
    if (required.length > 0) schema.required = required.sort();
    this.out[full] = withDescription(full, schema);
  }
}

/** The component schemas of one group-version document: its kinds and every type they reach. */
export function componentSchemas(kinds: readonly ResourceInfo[]): Record<string, OpenApiSchema> {
  const b = new Builder();
  for (const r of kinds) {
    const name = schemaNameFor(r);
    b.component(name);
    b.out[name] = { ...b.out[name], "x-kubernetes-group-version-kind": [{ group: r.group, kind: r.kind, version: r.version }] };
  }
  return b.out;
}

export { schemaNameFor };
