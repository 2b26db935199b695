/**
 * The OpenAPI v3 schemas `kubectl explain` reads for one resource: the same component schemas our API server
 * serves (built from the engine's zod schemas), with field-docs.ts layered on where they say nothing.
 */
import type { ResourceInfo } from "../../cluster/index";
import { componentSchemas, schemaNameFor } from "../../serve/openapi-schemas";
import { FIELD_DOCS, TYPE_DOCS } from "./field-docs";

export type OpenApiSchema = Record<string, unknown>;

export interface ExplainDocument {
  /** Component schemas by full name ("io.k8s.api.core.v1.PodSpec"). */
  schemas: Record<string, OpenApiSchema>;
  /** Name of the resource's own schema. */
  root: string;
}

const UNTYPED = new Set(["io.k8s.apimachinery.pkg.util.intstr.IntOrString", "io.k8s.apimachinery.pkg.api.resource.Quantity"]);
const REF_PREFIX = "#/components/schemas/";

function shortName(full: string): string {
  return full.slice(full.lastIndexOf(".") + 1);
}

function withDocs(full: string, schema: OpenApiSchema): OpenApiSchema {
  const type = shortName(full);
  const out: OpenApiSchema = { ...schema };
  if (!out.description && TYPE_DOCS[type]) out.description = TYPE_DOCS[type];
  const props = schema.properties as Record<string, OpenApiSchema> | undefined;
  if (!props) return out;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const next: Record<string, OpenApiSchema> = {};
  for (const [name, prop] of Object.entries(props)) {
    const doc = FIELD_DOCS[`${type}.${name}`];
    let p = prop;
    if (doc?.description && !p.description) {
      // A bare $ref cannot carry siblings in OpenAPI v3; the API server wraps it in allOf to add a description.
      p = "$ref" in p ? { allOf: [{ $ref: p.$ref }], description: doc.description } : { ...p, description: doc.description };
    }
    if (doc?.enum) p = { ...p, enum: doc.enum };
    if (doc?.required) required.add(name);
    next[name] = p;
  }
  out.properties = next;
  if (required.size > 0) out.required = [...required].sort();
  return out;
}

export function explainDocument(info: ResourceInfo): ExplainDocument {
  const gv = info.group ? `${info.group}/${info.version}` : info.version;
  const raw = componentSchemas([info], gv);
  const schemas: Record<string, OpenApiSchema> = {};
  for (const [name, s] of Object.entries(raw)) {
    const schema = withDocs(name, s);
    // v1.32 serves these two without a `type` in OpenAPI v3, so kubectl prints their names
    // (`maxSurge\t<IntOrString>`, `limits\t<map[string]Quantity>`).
    if (UNTYPED.has(name)) delete schema.type;
    schemas[name] = schema;
  }
  return { schemas, root: schemaNameFor(info) };
}

/** resolveRef: the component a `$ref` names, or undefined. */
export function resolveRef(doc: ExplainDocument, ref: unknown): OpenApiSchema | undefined {
  if (typeof ref !== "string" || !ref.startsWith(REF_PREFIX)) return undefined;
  return doc.schemas[ref.slice(REF_PREFIX.length)];
}
