import type { KubeObject } from "../types";

/** A parsed field selector term: "status.phase=Running" or "spec.nodeName!=node01". */
export interface FieldTerm {
  field: string;
  negate: boolean;
  value: string;
}

/** The extra field labels each resource supports besides metadata.name / metadata.namespace (per registry strategy). */
const FIELDS: Record<string, string[]> = {
  pods: [
    "spec.nodeName",
    "spec.restartPolicy",
    "spec.schedulerName",
    "spec.serviceAccountName",
    "spec.hostNetwork",
    "status.phase",
    "status.podIP",
    "status.nominatedNodeName",
  ],
  events: [
    "involvedObject.kind",
    "involvedObject.namespace",
    "involvedObject.name",
    "involvedObject.uid",
    "involvedObject.apiVersion",
    "involvedObject.resourceVersion",
    "involvedObject.fieldPath",
    "reason",
    "reportingComponent",
    "source",
    "type",
  ],
  nodes: ["spec.unschedulable"],
  namespaces: ["status.phase"],
  secrets: ["type"],
  replicasets: ["status.replicas"],
  replicationcontrollers: ["status.replicas"],
};

export function parseFieldSelector(resource: string, input: string): { ok: true; terms: FieldTerm[] } | { ok: false; error: string } {
  const terms: FieldTerm[] = [];
  if (input.trim() === "") return { ok: true, terms };
  for (const part of input.split(",")) {
    const m = /^([^=!]+?)\s*(==|!=|=)\s*(.*)$/.exec(part.trim());
    if (!m) return { ok: false, error: `invalid selector: '${input}'; can't understand '${part}'` };
    const field = m[1].trim();
    const allowed = field === "metadata.name" || field === "metadata.namespace" || (FIELDS[resource] ?? []).includes(field);
    if (!allowed) return { ok: false, error: `field label not supported: ${field}` };
    terms.push({ field, negate: m[2] === "!=", value: m[3].trim() });
  }
  return { ok: true, terms };
}

function fieldValue(obj: KubeObject, field: string): string {
  if (field === "source") {
    const src = (obj as { source?: { component?: string } }).source;
    return src?.component ?? "";
  }
  let cur: unknown = obj;
  for (const seg of field.split(".")) {
    if (cur === null || typeof cur !== "object") return "";
    cur = (cur as Record<string, unknown>)[seg];
  }
  if (cur === undefined || cur === null) {
    // Boolean fields select as "false" when unset (spec.unschedulable, spec.hostNetwork).
    return field === "spec.unschedulable" || field === "spec.hostNetwork" ? "false" : "";
  }
  return String(cur);
}

export function matchesFields(terms: readonly FieldTerm[], obj: KubeObject): boolean {
  for (const t of terms) {
    const v = fieldValue(obj, t.field);
    if (t.negate ? v === t.value : v !== t.value) return false;
  }
  return true;
}
