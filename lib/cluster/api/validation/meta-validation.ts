import type { ObjectMeta } from "../types";
import type { ResourceDef } from "../registry";
import type { FieldError } from "../status";
import { invalidValue, required } from "./field-errors";
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from "./names";

/** Which name rule a kind uses (each registry strategy picks one). */
export function nameRule(r: ResourceDef): (v: string) => string[] {
  if (r.resource === "namespaces") return isDNS1123Label;
  if (r.resource === "services") return isDNS1035Label;
  return isDNS1123Subdomain;
}

export function validateLabels(labels: Record<string, string> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of Object.keys(labels ?? {})) {
    for (const m of isQualifiedName(k)) errs.push(invalidValue(field, k, m));
    for (const m of isValidLabelValue(labels![k])) errs.push(invalidValue(field, labels![k], m));
  }
  return errs;
}

export function validateObjectMeta(r: ResourceDef, meta: ObjectMeta, path = "metadata"): FieldError[] {
  const errs: FieldError[] = [];
  if (!meta.name) {
    if (!meta.generateName) errs.push(required(`${path}.name`, "name or generateName is required"));
  } else {
    for (const m of nameRule(r)(meta.name)) errs.push(invalidValue(`${path}.name`, meta.name, m));
  }
  if (r.namespaced && meta.namespace) {
    for (const m of isDNS1123Label(meta.namespace)) errs.push(invalidValue(`${path}.namespace`, meta.namespace, m));
  }
  errs.push(...validateLabels(meta.labels, `${path}.labels`));
  for (const k of Object.keys(meta.annotations ?? {})) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalidValue(`${path}.annotations`, k, m));
  }
  const annotationBytes = Object.entries(meta.annotations ?? {}).reduce((n, [k, v]) => n + k.length + v.length, 0);
  if (annotationBytes > 262144) {
    errs.push({ reason: "FieldValueTooLong", field: `${path}.annotations`, message: "Too long: must have at most 262144 bytes" });
  }
  return errs;
}

export function validateObjectMetaUpdate(r: ResourceDef, meta: ObjectMeta, old: ObjectMeta): FieldError[] {
  const errs = validateObjectMeta(r, meta);
  if (meta.name !== old.name) errs.push(invalidValue("metadata.name", meta.name, "field is immutable"));
  if (meta.namespace !== old.namespace) errs.push(invalidValue("metadata.namespace", meta.namespace, "field is immutable"));
  return errs;
}
