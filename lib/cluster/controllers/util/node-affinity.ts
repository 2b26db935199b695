import type { Node, NodeSelectorRequirement, PodSpec } from "./objects";

/** Does the pod's nodeSelector and required node affinity admit this node (the scheduler's NodeAffinity filter)? */
export function podFitsNode(spec: PodSpec, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms || terms.length === 0) return true;
  const fields: Record<string, string> = { "metadata.name": node.metadata.name ?? "" };
  return terms.some(
    (term) =>
      (term.matchExpressions?.length || term.matchFields?.length) &&
      (term.matchExpressions ?? []).every((r) => requirementMatches(r, labels)) &&
      (term.matchFields ?? []).every((r) => requirementMatches(r, fields)),
  );
}

function requirementMatches(r: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = labels[r.key];
  const values = r.values ?? [];
  switch (r.operator) {
    case "In":
      return has && values.includes(v);
    case "NotIn":
      return !has || !values.includes(v);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
    case "Gt":
      return has && /^-?\d+$/.test(v) && Number(v) > Number(values[0]);
    case "Lt":
      return has && /^-?\d+$/.test(v) && Number(v) < Number(values[0]);
    default:
      return false;
  }
}
