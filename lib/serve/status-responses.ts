/** Status bodies for errors the HTTP layer itself answers (unknown paths, methods, media types). */
import type { ResourceInfo, Status } from "../cluster/index";

export function failure(code: number, reason: Status["reason"], message: string, details?: Status["details"]): Status {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, ...(details ? { details } : {}), code };
}

/** What a real API server answers for a path it does not serve. */
export function notFoundPath(): Status {
  return failure(404, "NotFound", "the server could not find the requested resource", {});
}

export function methodNotSupported(info: ResourceInfo, method: string): Status {
  const verb = { GET: "get", PUT: "update", PATCH: "patch", DELETE: "delete", POST: "create" }[method] ?? method.toLowerCase();
  const kind = info.group ? `${info.resource}.${info.group}` : info.resource;
  return failure(405, "MethodNotAllowed", `the server does not allow this method on the requested resource`, { kind, ...(verb ? {} : {}) });
}
