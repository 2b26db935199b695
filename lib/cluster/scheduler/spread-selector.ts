import type { ApiClient } from "../apiserver/api-client";
import type { LabelSelector, Pod } from "./api-shapes";
import { labelSelectorMatches } from "./selectors";

/**
 * helper.DefaultSelector: the labels of every Service selecting the pod, plus the selector of its controlling
 * ReplicationController, ReplicaSet or StatefulSet. Undefined when that is empty (the pod is not spread by default).
 */
export function defaultSpreadSelector(client: ApiClient, pod: Pod): ((labels: Record<string, string>) => boolean) | undefined {
  const ns = pod.metadata.namespace;
  const podLabels = pod.metadata.labels ?? {};
  const labelSet: Record<string, string> = {};
  const services = client.list("services", ns);
  if (services.ok) {
    for (const svc of services.value.items) {
      const sel = (svc.spec as { selector?: Record<string, string> } | undefined)?.selector ?? {};
      if (Object.entries(sel).every(([k, v]) => podLabels[k] === v)) Object.assign(labelSet, sel);
    }
  }
  let extra: LabelSelector | undefined;
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller);
  if (owner) {
    const resource =
      owner.kind === "ReplicationController" && owner.apiVersion === "v1"
        ? "replicationcontrollers"
        : owner.kind === "ReplicaSet" && owner.apiVersion === "apps/v1"
          ? "replicasets"
          : owner.kind === "StatefulSet" && owner.apiVersion === "apps/v1"
            ? "statefulsets"
            : undefined;
    const got = resource ? client.get(resource, ns, owner.name) : undefined;
    if (got?.ok) {
      const sel = (got.value.spec as { selector?: unknown } | undefined)?.selector;
      if (resource === "replicationcontrollers") Object.assign(labelSet, (sel ?? {}) as Record<string, string>);
      else if (sel && typeof sel === "object") extra = sel as LabelSelector;
    }
  }
  const hasExtra = !!extra && (Object.keys(extra.matchLabels ?? {}).length > 0 || (extra.matchExpressions ?? []).length > 0);
  if (Object.keys(labelSet).length === 0 && !hasExtra) return undefined;
  const base: LabelSelector = { matchLabels: labelSet };
  const matches = (labels: Record<string, string>) => labelSelectorMatches(base, labels) && (!hasExtra || labelSelectorMatches(extra, labels));
  // Names the selector, so the scorer can reuse its per-node match counts.
  return Object.assign(matches, { cacheKey: JSON.stringify([base, hasExtra ? extra : null]) });
}
