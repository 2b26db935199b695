import type { KubeObject } from "../types";
import type { ResourceDef } from "../registry";
import type { FieldError } from "../status";
import { jsonEqual } from "../object-util";
import { labelSelectorMatches, mapSelectorMatches } from "../selectors/label-selector";
import { invalidValue, notSupported, required } from "./field-errors";
import { validateLabels } from "./meta-validation";
import { validatePodSpec } from "./pod-validation";

type Obj = Record<string, unknown>;

function goMap(m: unknown): string {
  if (!m || typeof m !== "object") return "map[string]string(nil)";
  const o = m as Record<string, unknown>;
  return `map[string]string{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(String(o[k]))}`).join(", ")}}`;
}

/** %#v of a v1.LabelSelector, as "field is immutable" errors print it. */
export function goLabelSelector(sel: unknown): string {
  const s = (sel ?? {}) as { matchLabels?: unknown; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
  const exprs = s.matchExpressions?.length
    ? `[]v1.LabelSelectorRequirement{${s.matchExpressions
        .map((e) => `v1.LabelSelectorRequirement{Key:${JSON.stringify(e.key)}, Operator:${JSON.stringify(e.operator)}, Values:${e.values ? `[]string{${e.values.map((v) => JSON.stringify(v)).join(", ")}}` : "[]string(nil)"}}`)
        .join(", ")}}`
    : "[]v1.LabelSelectorRequirement(nil)";
  return `v1.LabelSelector{MatchLabels:${goMap(s.matchLabels)}, MatchExpressions:${exprs}}`;
}

function nonNegative(v: unknown, field: string): FieldError[] {
  return typeof v === "number" && v < 0 ? [invalidValue(field, v, "must be greater than or equal to 0")] : [];
}

/** apps/v1 RS, Deployment, DaemonSet and core/v1 RC specs. */
export function validateWorkload(r: ResourceDef, obj: KubeObject): FieldError[] {
  const spec = (obj.spec ?? {}) as Obj;
  const errs: FieldError[] = [];
  const isRC = r.resource === "replicationcontrollers";
  if (r.resource !== "daemonsets") errs.push(...nonNegative(spec.replicas, "spec.replicas"));
  errs.push(...nonNegative(spec.minReadySeconds, "spec.minReadySeconds"));
  const template = spec.template as Obj | undefined;
  const tLabels = ((template?.metadata as Obj | undefined)?.labels ?? undefined) as Record<string, string> | undefined;
  let matches: boolean;
  if (isRC) {
    const sel = spec.selector as Record<string, string> | undefined;
    if (!sel || Object.keys(sel).length === 0) errs.push(required("spec.selector"));
    else errs.push(...validateLabels(sel, "spec.selector"));
    matches = !sel || Object.keys(sel).length === 0 || mapSelectorMatches(sel, tLabels);
  } else {
    const sel = spec.selector as { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined;
    if (!sel) errs.push(required("spec.selector"));
    else {
      errs.push(...validateLabels(sel.matchLabels, "spec.selector.matchLabels"));
      if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions?.length ?? 0) === 0) {
        errs.push(invalidValue("spec.selector", sel, "empty selector is invalid for deployment", goLabelSelector(sel)));
      }
    }
    const empty = !!sel && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions?.length ?? 0) === 0;
    matches = empty || labelSelectorMatches(sel as never, tLabels);
  }
  if (!template) {
    errs.push(required("spec.template"));
    return errs;
  }
  if (!matches) {
    errs.push(invalidValue("spec.template.metadata.labels", tLabels, "`selector` does not match template `labels`", goMap(tLabels)));
  }
  errs.push(...validateLabels(tLabels, "spec.template.metadata.labels"));
  const tspec = (template.spec ?? {}) as Obj;
  errs.push(...validatePodSpec(tspec, "spec.template.spec", { isPod: false }));
  if (tspec.restartPolicy !== undefined && tspec.restartPolicy !== "Always" && ["Always", "OnFailure", "Never"].includes(String(tspec.restartPolicy))) {
    errs.push(notSupported("spec.template.spec.restartPolicy", tspec.restartPolicy, ["Always"]));
  }
  if (r.resource === "deployments") errs.push(...validateStrategy(spec));
  if (r.resource === "deployments" || r.resource === "daemonsets") errs.push(...nonNegative(spec.revisionHistoryLimit, "spec.revisionHistoryLimit"));
  if (r.resource === "deployments" && typeof spec.progressDeadlineSeconds === "number") {
    if (spec.progressDeadlineSeconds <= (typeof spec.minReadySeconds === "number" ? spec.minReadySeconds : 0)) {
      errs.push(invalidValue("spec.progressDeadlineSeconds", spec.progressDeadlineSeconds, "must be greater than minReadySeconds"));
    }
  }
  return errs;
}

function intOrPercent(v: unknown, field: string): { value: number; errs: FieldError[] } {
  if (typeof v === "number") return { value: v, errs: nonNegative(v, field) };
  if (typeof v === "string") {
    const m = /^(\d+)%$/.exec(v);
    if (!m) return { value: 0, errs: [invalidValue(field, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")] };
    const n = Number(m[1]);
    return { value: n, errs: n > 100 ? [invalidValue(field, v, "must not be greater than 100%")] : [] };
  }
  return { value: 0, errs: [] };
}

function validateStrategy(spec: Obj): FieldError[] {
  const s = (spec.strategy ?? {}) as Obj;
  const errs: FieldError[] = [];
  if (s.type !== "RollingUpdate" && s.type !== "Recreate") return [notSupported("spec.strategy.type", s.type, ["Recreate", "RollingUpdate"])];
  if (s.type === "Recreate" && s.rollingUpdate) {
    errs.push({ reason: "FieldValueForbidden", field: "spec.strategy.rollingUpdate", message: "Forbidden: may not be specified when strategy `type` is 'Recreate'" });
  }
  if (s.type === "RollingUpdate") {
    const ru = (s.rollingUpdate ?? {}) as Obj;
    const mu = intOrPercent(ru.maxUnavailable, "spec.strategy.rollingUpdate.maxUnavailable");
    const ms = intOrPercent(ru.maxSurge, "spec.strategy.rollingUpdate.maxSurge");
    errs.push(...ms.errs, ...mu.errs);
    if (mu.errs.length === 0 && ms.errs.length === 0 && mu.value === 0 && ms.value === 0) {
      errs.push(invalidValue("spec.strategy.rollingUpdate.maxUnavailable", ru.maxUnavailable, "may not be 0 when `maxSurge` is 0"));
    }
  }
  return errs;
}

export function validateWorkloadUpdate(r: ResourceDef, obj: KubeObject, old: KubeObject): FieldError[] {
  if (r.resource === "replicationcontrollers") return [];
  const sel = (obj.spec as Obj | undefined)?.selector;
  const oldSel = (old.spec as Obj | undefined)?.selector;
  if (!jsonEqual(sel, oldSel)) return [invalidValue("spec.selector", sel, "field is immutable", goLabelSelector(sel))];
  return [];
}
