import type { KubeObject, Status } from "../types";
import type { FieldValidation } from "../../apiserver/api-client";
import { apiVersionOf, type ResourceDef } from "../registry";
import { badRequest } from "../status";
import { isPlainObject, type Json } from "../object-util";
import { schemaFor } from "../schemas/schema-for";
import { walkSchema } from "./walk-schema";

export type DecodeResult =
  | { ok: true; obj: KubeObject; warnings: string[] }
  | { ok: false; status: Status; unknownFields?: string[] };

/**
 * What the API server's JSON decoder does with a body (k8s.io/apimachinery serializer + sigs.k8s.io/json):
 * check apiVersion/kind, reject wrong types with Go's json error text, and report unknown fields according
 * to fieldValidation (Strict -> error, Warn -> warnings, Ignore -> dropped). Returns a fresh object.
 */
export function decodeBody(r: ResourceDef, body: Json, mode: FieldValidation): DecodeResult {
  const prefix = `${r.kind} in version "${r.version}" cannot be handled as a ${r.kind}`;
  if (!isPlainObject(body)) return { ok: false, status: badRequest(`${prefix}: json: cannot unmarshal ${jsonKind(body)} into Go value of type struct`) };
  const obj = body as { [k: string]: Json };
  const expectedVersion = apiVersionOf(r);
  if (obj.apiVersion !== undefined && obj.apiVersion !== expectedVersion) {
    if (typeof obj.apiVersion !== "string") {
      return { ok: false, status: badRequest(`${prefix}: json: cannot unmarshal ${jsonKind(obj.apiVersion)} into Go struct field ${r.kind}.apiVersion of type string`) };
    }
    return {
      ok: false,
      status: badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${expectedVersion})`),
    };
  }
  if (obj.kind !== undefined && obj.kind !== r.kind) {
    const shown = typeof obj.kind === "string" ? obj.kind : String(obj.kind);
    return {
      ok: false,
      status: badRequest(
        `${shown} in version "${r.version}" cannot be handled as a ${r.kind}: no kind "${shown}" is registered for version "${expectedVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`,
      ),
    };
  }
  const walked = walkSchema(schemaFor(r.kind), obj, r.kind);
  if (walked.typeError) return { ok: false, status: badRequest(`${prefix}: ${walked.typeError}`) };
  const unknown = walked.unknown.map((p) => `unknown field "${p}"`);
  if (unknown.length > 0 && mode === "Strict") {
    return { ok: false, status: badRequest(`${prefix}: strict decoding error: ${unknown.join(", ")}`), unknownFields: unknown };
  }
  const out = walked.value as unknown as KubeObject;
  out.apiVersion = expectedVersion;
  out.kind = r.kind;
  if (!isPlainObject(out.metadata)) out.metadata = {};
  return { ok: true, obj: out, warnings: mode === "Warn" ? unknown : [] };
}

function jsonKind(v: Json): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "object") return "object";
  return typeof v === "boolean" ? "bool" : typeof v;
}
