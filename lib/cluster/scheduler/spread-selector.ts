import type { KubeObject } from "../api/types";
import type { ApiClient } from "../apiserver/api-client";
import type { LabelSelector, Pod } from "./api-shapes";
import { labelSelectorMatches } from "./selectors";

/**
 * helper.DefaultSelector: the labels of every Service selecting the pod, plus the selector of its controlling
 * ReplicationController, ReplicaSet or StatefulSet. Undefined when that is empty (the pod is not spread by default).
 */
type SpreadSelector = (labels: Record<string, string>) => boolean;

/**
 * The last answer per owner object: replicas of one ReplicaSet share their labels, so while the owner and the
 * namespace's Services are the same stored objects, the selector (and its per-node match counts) is reused.
 */
const memo = new WeakMap<object, { services: readonly object[]; labels: Record<string, string> | undefined; selector: SpreadSelector | undefined }>();

export function defaultSpreadSelector(client: ApiClient, pod: Pod): SpreadSelector | undefined {
  const ns = pod.metadata.namespace;
  const podLabels = pod.metadata.labels ?? {};
  const services = client.list("services", ns);
  const svcItems = services.ok ? services.value.items : [];
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller);
  const resource = !owner
    ? undefined
    : owner.kind === "ReplicationController" && owner.apiVersion === "v1"
      ? "replicationcontrollers"
      : owner.kind === "ReplicaSet" && owner.apiVersion === "apps/v1"
        ? "replicasets"
        : owner.kind === "StatefulSet" && owner.apiVersion === "apps/v1"
          ? "statefulsets"
          : undefined;
  const got = resource && owner ? client.get(resource, ns, owner.name) : undefined;
  const ownerObj = got?.ok ? got.value : undefined;
  const cached = ownerObj && Object.isFrozen(ownerObj) ? memo.get(ownerObj) : undefined;
  if (cached && sameItems(cached.services, svcItems) && sameLabels(cached.labels, pod.metadata.labels)) return cached.selector;
  const selector = computeSelector(svcItems, podLabels, resource, ownerObj);
  if (ownerObj && Object.isFrozen(ownerObj) && svcItems.every((s) => Object.isFrozen(s))) {
    memo.set(ownerObj, { services: svcItems, labels: pod.metadata.labels, selector });
  }
  return selector;
}

function sameItems(a: readonly object[], b: readonly object[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true;
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  return ka.every((k) => a![k] === b?.[k]);
}

function computeSelector(services: readonly KubeObject[], podLabels: Record<string, string>, resource: string | undefined, ownerObj: KubeObject | undefined): SpreadSelector | undefined {
  const labelSet: Record<string, string> = {};
  for (const svc of services) {
    const sel = (svc.spec as { selector?: Record<string, string> } | undefined)?.selector ?? {};
    if (Object.entries(sel).every(([k, v]) => podLabels[k] === v)) Object.assign(labelSet, sel);
  }
  let extra: LabelSelector | undefined;
  if (ownerObj) {
    const sel = (ownerObj.spec as { selector?: unknown } | undefined)?.selector;
    if (resource === "replicationcontrollers") Object.assign(labelSet, (sel ?? {}) as Record<string, string>);
    else if (sel && typeof sel === "object") extra = sel as LabelSelector;
  }
  const hasExtra = !!extra && (Object.keys(extra.matchLabels ?? {}).length > 0 || (extra.matchExpressions ?? []).length > 0);
  if (Object.keys(labelSet).length === 0 && !hasExtra) return undefined;
  const base: LabelSelector = { matchLabels: labelSet };
  const matches = (labels: Record<string, string>) => labelSelectorMatches(base, labels) && (!hasExtra || labelSelectorMatches(extra, labels));
  // Names the selector, so the scorer can reuse its per-node match counts.
  return Object.assign(matches, { cacheKey: JSON.stringify([base, hasExtra ? extra : null]) });
}
