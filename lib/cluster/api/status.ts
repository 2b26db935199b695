import type { ResourceInfo, Status, StatusCause, StatusReason } from "./types";
import { qualifiedResource } from "./registry";

/** Builders for the Status errors the real API server returns (apimachinery pkg/api/errors). */

function status(reason: StatusReason, code: number, message: string, details?: Status["details"]): Status {
  return {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

function gk(r: ResourceInfo): { group?: string; kind: string } {
  return r.group ? { group: r.group, kind: r.resource } : { kind: r.resource };
}

export function notFound(r: ResourceInfo, name: string): Status {
  return status("NotFound", 404, `${qualifiedResource(r)} "${name}" not found`, { name, ...gk(r) });
}

/** NotFound for a resource outside the registry (namespaces "x" not found is built with notFound). */
export function notFoundResource(): Status {
  return status("NotFound", 404, "the server could not find the requested resource", {});
}

export function alreadyExists(r: ResourceInfo, name: string): Status {
  return status("AlreadyExists", 409, `${qualifiedResource(r)} "${name}" already exists`, { name, ...gk(r) });
}

export function conflict(r: ResourceInfo, name: string, why: string): Status {
  return status("Conflict", 409, `Operation cannot be fulfilled on ${qualifiedResource(r)} "${name}": ${why}`, {
    name,
    ...gk(r),
  });
}

export const MODIFIED_CONFLICT = "the object has been modified; please apply your changes to the latest version and try again";

export function forbidden(r: ResourceInfo, name: string, why: string): Status {
  return status("Forbidden", 403, `${qualifiedResource(r)} "${name}" is forbidden: ${why}`, { name, ...gk(r) });
}

export function badRequest(message: string): Status {
  return status("BadRequest", 400, message);
}

export function methodNotAllowed(r: ResourceInfo, verb: string): Status {
  return status("MethodNotAllowed", 405, `${verb} is not supported on resources of kind "${qualifiedResource(r)}"`, gk(r));
}

export function internalError(message: string): Status {
  return status("InternalError", 500, `Internal error occurred: ${message}`, { causes: [{ message }] });
}

export function tooLarge(limit: number): Status {
  return status("RequestEntityTooLarge", 413, `Request entity too large: limit is ${limit}`);
}

export function etcdTooLarge(): Status {
  return status("InternalError", 500, "etcdserver: request is too large");
}

export function gone(message: string): Status {
  return status("Expired", 410, message);
}

/** One field error, as field.Error renders it: "<field>: <type>: <detail>". */
export interface FieldError {
  /** e.g. "FieldValueRequired". */
  reason: "FieldValueRequired" | "FieldValueNotFound" | "FieldValueInvalid" | "FieldValueForbidden" | "FieldValueDuplicate" | "FieldValueNotSupported" | "FieldValueTooLong" | "FieldValueTooMany";
  field: string;
  /** The text after the field path, e.g. "Required value" or `Invalid value: "x": must be ...`. */
  message: string;
}

/**
 * Invalid (422): `<Kind> "<name>" is invalid: <field>: <detail>`; several causes are joined as
 * utilerrors.NewAggregate does: `[a, b]`.
 */
export function invalid(kind: string, group: string, name: string, errors: FieldError[]): Status {
  const parts = errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message));
  const joined = parts.length === 1 ? parts[0] : `[${parts.join(", ")}]`;
  const causes: StatusCause[] = errors.map((e) => ({ reason: e.reason, message: e.message, field: e.field }));
  // GroupKind.String(): "Deployment.apps", "Pod"; kubectl prints details.kind ("The Deployment ...").
  const qualified = kind ? (group ? `${kind}.${group}` : kind) : "";
  return status("Invalid", 422, `${qualified} "${name}" is invalid: ${joined}`, {
    name,
    ...(group ? { group } : {}),
    kind,
    causes,
  });
}

export function isStatus(v: unknown): v is Status {
  return typeof v === "object" && v !== null && (v as Status).kind === "Status" && typeof (v as Status).code === "number";
}
