import type { KubeObject } from "../types";

/** A parsed field selector term: "status.phase=Running" or "spec.nodeName!=node01". */
export interface FieldTerm {
  field: string;
  negate: boolean;
  value: string;
  /** A name or uid: rules out nearly every object at once, so it is tested first (the terms are ANDed). */
  selective?: boolean;
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

const SELECTIVE = /(^|\.)(name|uid)$/;

export function parseFieldSelector(resource: string, input: string): { ok: true; terms: FieldTerm[] } | { ok: false; error: string } {
  const terms: FieldTerm[] = [];
  if (input.trim() === "") return { ok: true, terms };
  for (const part of input.split(",")) {
    const m = /^([^=!]+?)\s*(==|!=|=)\s*(.*)$/.exec(part.trim());
    if (!m) return { ok: false, error: `invalid selector: '${input}'; can't understand '${part}'` };
    const field = m[1].trim();
    const allowed = field === "metadata.name" || field === "metadata.namespace" || (FIELDS[resource] ?? []).includes(field);
    if (!allowed) return { ok: false, error: `field label not supported: ${field}` };
    terms.push({ field, negate: m[2] === "!=", value: m[3].trim(), selective: SELECTIVE.test(field) });
  }
  return { ok: true, terms };
}

function fieldValue(obj: KubeObject, field: string): string {
  if (field === "source") {
    const src = (obj as { source?: { component?: string } }).source;
    return src?.component ?? "";
  }
  let cur: unknown = obj;
  let segs = SEGMENTS.get(field);
  if (!segs) {
    segs = field.split(".");
    if (SEGMENTS.size < 1000) SEGMENTS.set(field, segs);
  }
  for (const seg of segs) {
    if (cur === null || typeof cur !== "object") return "";
    cur = (cur as Record<string, unknown>)[seg];
  }
  if (cur === undefined || cur === null) {
    // Boolean fields select as "false" when unset (spec.unschedulable, spec.hostNetwork).
    return field === "spec.unschedulable" || field === "spec.hostNetwork" ? "false" : "";
  }
  return String(cur);
}

/** Field paths split once (the set of selectable fields is small and fixed). */
const SEGMENTS = new Map<string, string[]>();


export function matchesFields(terms: readonly FieldTerm[], obj: KubeObject): boolean {
  for (const t of terms) if (t.selective && !termHolds(t, obj)) return false;
  for (const t of terms) if (!t.selective && !termHolds(t, obj)) return false;
  return true;
}

function termHolds(t: FieldTerm, obj: KubeObject): boolean {
  const v = fieldValue(obj, t.field);
  return t.negate ? v !== t.value : v === t.value;
}
