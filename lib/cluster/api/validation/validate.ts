import type { KubeObject } from "../types";
import type { ResourceDef } from "../registry";
import type { FieldError } from "../status";
import { validateObjectMeta, validateObjectMetaUpdate } from "./meta-validation";
import { validatePodSpec, validatePodUpdate } from "./pod-validation";
import { validateWorkload, validateWorkloadUpdate } from "./workload-validation";
import { validateService, validateServiceUpdate } from "./service-validation";

type Obj = Record<string, unknown>;

/** Validation on create (pkg/apis/core/validation, pkg/apis/apps/validation), in the real order of causes. */
export function validateCreate(r: ResourceDef, obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(r, obj.metadata);
  errs.push(...validateKind(r, obj));
  return errs;
}

function validateKind(r: ResourceDef, obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as Obj;
  switch (r.resource) {
    case "pods":
      return validatePodSpec(spec, "spec", { isPod: true });
    case "replicasets":
    case "replicationcontrollers":
    case "deployments":
    case "daemonsets":
      return validateWorkload(r, obj);
    case "services":
      return validateService(obj);
    default:
      return [];
  }
}

export function validateUpdate(r: ResourceDef, obj: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(r, obj.metadata, old.metadata);
  switch (r.resource) {
    case "pods":
      errs.push(...validatePodUpdate(obj, old));
      break;
    case "replicasets":
    case "replicationcontrollers":
    case "deployments":
    case "daemonsets":
      errs.push(...validateWorkload(r, obj), ...validateWorkloadUpdate(r, obj, old));
      break;
    case "services":
      errs.push(...validateService(obj), ...validateServiceUpdate(obj, old));
      break;
  }
  return errs;
}
