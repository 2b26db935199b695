/**
 * OpenAPI v3 as a v1.32 API server serves it (/openapi/v3 and /openapi/v3/api/v1, /openapi/v3/apis/<g>/<v>),
 * reduced to what kubectl reads:
 *  - per-resource PATCH operations tagged with x-kubernetes-group-version-kind and the `fieldValidation` query
 *    parameter: kubectl then leaves validation to the server (`--validate=strict` as server-side validation);
 *  - the PATCH request bodies do NOT list strategic-merge-patch, so `kubectl apply` computes its patches from its
 *    compiled-in Go types (exactly what it does for built-in kinds when no OpenAPI schema is usable);
 *  - component schemas for `kubectl explain`, the same our kubectl renders (lib/kubectl/explain/openapi-components.ts).
 */
import type { ResourceInfo } from "../cluster/index";
import { componentSchemas, schemaNameFor } from "../kubectl/explain/openapi-components";

/** Stable per-document hash: kubectl caches documents by it. */
function hashOf(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ text.charCodeAt(i), 0x5bd1e995) >>> 0;
  }
  return (h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0")).toUpperCase().repeat(8);
}

function docPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

export function openApiV3Root(resources: ResourceInfo[]): object {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  const seen = new Set<string>();
  for (const r of resources) {
    const key = docPath(r.group, r.version);
    if (seen.has(key)) continue;
    seen.add(key);
    const body = JSON.stringify(openApiV3Document(resources, r.group, r.version));
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hashOf(body)}` };
  }
  return { paths };
}

const PATCH_SCHEMA = { description: "Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.", type: "object" };

const PATCH_BODY = {
  content: {
    "application/json-patch+json": { schema: { $ref: "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Patch" } },
    "application/merge-patch+json": { schema: { $ref: "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Patch" } },
    "application/apply-patch+yaml": { schema: { $ref: "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Patch" } },
  },
  required: true,
};

const QUERY = (name: string, description: string) => ({ name, in: "query", description, schema: { type: "string", uniqueItems: true } });

const WRITE_PARAMS = [
  QUERY("dryRun", "When present, indicates that modifications should not be persisted."),
  QUERY("fieldManager", "fieldManager is a name associated with the actor or entity that is making these changes."),
  QUERY(
    "fieldValidation",
    "fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields.",
  ),
];

export function openApiV3Document(resources: ResourceInfo[], group: string, version: string): object {
  const paths: Record<string, object> = {};
  const kinds: ResourceInfo[] = [];
  for (const r of resources) {
    if (r.group !== group || r.version !== version) continue;
    kinds.push(r);
    const base = `/${docPath(group, version)}/${r.namespaced ? "namespaces/{namespace}/" : ""}${r.resource}`;
    const gvk = { group, version, kind: r.kind };
    const ref = { $ref: `#/components/schemas/${schemaNameFor(r)}` };
    const json = { content: { "application/json": { schema: ref } } };
    paths[base] = {
      get: { operationId: `list${r.kind}`, responses: { "200": { description: "OK" } }, "x-kubernetes-action": "list", "x-kubernetes-group-version-kind": gvk },
      post: {
        operationId: `create${r.kind}`,
        requestBody: { ...json, required: true },
        parameters: WRITE_PARAMS,
        responses: { "201": { description: "Created", ...json } },
        "x-kubernetes-action": "post",
        "x-kubernetes-group-version-kind": gvk,
      },
    };
    paths[`${base}/{name}`] = {
      get: { operationId: `read${r.kind}`, responses: { "200": { description: "OK", ...json } }, "x-kubernetes-action": "get", "x-kubernetes-group-version-kind": gvk },
      put: {
        operationId: `replace${r.kind}`,
        requestBody: { ...json, required: true },
        parameters: WRITE_PARAMS,
        responses: { "200": { description: "OK", ...json } },
        "x-kubernetes-action": "put",
        "x-kubernetes-group-version-kind": gvk,
      },
      patch: {
        operationId: `patch${r.kind}`,
        requestBody: PATCH_BODY,
        parameters: [...WRITE_PARAMS, QUERY("force", "Force is going to force Apply requests.")],
        responses: { "200": { description: "OK", ...json } },
        "x-kubernetes-action": "patch",
        "x-kubernetes-group-version-kind": gvk,
      },
      delete: { operationId: `delete${r.kind}`, responses: { "200": { description: "OK" } }, "x-kubernetes-action": "delete", "x-kubernetes-group-version-kind": gvk },
    };
  }
  return {
    openapi: "3.0.0",
    info: { title: "Kubernetes", version: "v1.32.4" },
    paths,
    components: { schemas: { ...componentSchemas(kinds), "io.k8s.apimachinery.pkg.apis.meta.v1.Patch": PATCH_SCHEMA } },
  };
}
