/**
 * Parses a Kubernetes API URL path (/api/v1/namespaces/default/pods/x/log, /apis/apps/v1/watch/deployments, ...)
 * into what the request addresses. Knows nothing about which resources exist.
 */
export interface ResourcePath {
  type: "resource";
  group: string;
  version: string;
  /** Namespace from the path, undefined for cluster-wide requests and cluster-scoped kinds. */
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
  /** Legacy `/watch/` path prefix. */
  watchPrefix: boolean;
}

export type ApiPath =
  | { type: "root" }
  | { type: "version" }
  | { type: "api" }
  | { type: "apis" }
  | { type: "group"; group: string }
  | { type: "groupVersion"; group: string; version: string }
  | { type: "openapiV3Root" }
  | { type: "openapiV3"; group: string; version: string }
  | { type: "openapiV2" }
  | ResourcePath
  | { type: "unknown" };

export function parseApiPath(pathname: string): ApiPath {
  const parts = pathname.split("/").filter((p) => p !== "").map(decodeURIComponent);
  if (parts.length === 0) return { type: "root" };
  if (parts[0] === "version" && parts.length === 1) return { type: "version" };
  if (parts[0] === "openapi") {
    if (parts[1] === "v2" && parts.length === 2) return { type: "openapiV2" };
    if (parts[1] === "v3") {
      if (parts.length === 2) return { type: "openapiV3Root" };
      if (parts[2] === "api" && parts.length === 4) return { type: "openapiV3", group: "", version: parts[3] };
      if (parts[2] === "apis" && parts.length === 5) return { type: "openapiV3", group: parts[3], version: parts[4] };
    }
    return { type: "unknown" };
  }
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === "api") {
    if (parts.length === 1) return { type: "api" };
    group = "";
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === "apis") {
    if (parts.length === 1) return { type: "apis" };
    if (parts.length === 2) return { type: "group", group: parts[1] };
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else {
    return { type: "unknown" };
  }
  if (rest.length === 0) return { type: "groupVersion", group, version };
  let watchPrefix = false;
  if (rest[0] === "watch") {
    watchPrefix = true;
    rest = rest.slice(1);
  }
  let namespace: string | undefined;
  // /namespaces/{ns}/{resource}/...: a namespaced request; /namespaces[/{name}[/status]] addresses namespaces.
  if (rest[0] === "namespaces" && rest.length >= 3 && !(rest.length === 3 && (rest[2] === "status" || rest[2] === "finalize"))) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  if (rest.length === 0 || rest.length > 3) return { type: "unknown" };
  return { type: "resource", group, version, namespace, resource: rest[0], name: rest[1], subresource: rest[2], watchPrefix };
}
