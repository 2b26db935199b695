/**
 * The OpenAPI v3 schemas `kubectl explain` reads for one resource: the component schemas our API server serves
 * for its group-version (openapi-components.ts).
 */
import type { ResourceInfo } from "../../cluster/index";
import { componentSchemas, type OpenApiSchema, schemaNameFor } from "./openapi-components";

export type { OpenApiSchema };

export interface ExplainDocument {
  /** Component schemas by full name ("io.k8s.api.core.v1.PodSpec"). */
  schemas: Record<string, OpenApiSchema>;
  /** Name of the resource's own schema. */
  root: string;
}

const REF_PREFIX = "#/components/schemas/";

export function explainDocument(info: ResourceInfo): ExplainDocument {
  return { schemas: componentSchemas([info]), root: schemaNameFor(info) };
}

/** resolveRef: the component a `$ref` names, or undefined. */
export function resolveRef(doc: ExplainDocument, ref: unknown): OpenApiSchema | undefined {
  if (typeof ref !== "string" || !ref.startsWith(REF_PREFIX)) return undefined;
  return doc.schemas[ref.slice(REF_PREFIX.length)];
}
