import type { Node, NodeSelectorRequirement, NodeSelectorTerm } from "./api-shapes";

function int64(s: string | undefined): number | undefined {
  return s !== undefined && /^[+-]?\d+$/.test(s) ? Number(s) : undefined;
}

function requirementMatches(req: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = req.values ?? [];
  switch (req.operator) {
    case "In":
      return value !== undefined && values.includes(value);
    case "NotIn":
      return value === undefined || !values.includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    case "Gt":
    case "Lt": {
      const have = int64(value);
      const want = int64(values[0]);
      if (have === undefined || want === undefined || values.length !== 1) return false;
      return req.operator === "Gt" ? have > want : have < want;
    }
    default:
      return false;
  }
}

/** One nodeSelectorTerm: all its expressions (labels) and fields (only metadata.name) must match; an empty term matches nothing. */
export function nodeMatchesTerm(node: Node, term: NodeSelectorTerm): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  for (const e of exprs) {
    const v = Object.prototype.hasOwnProperty.call(labels, e.key) ? labels[e.key] : undefined;
    if (!requirementMatches(e, v)) return false;
  }
  for (const f of fields) {
    if (f.key !== "metadata.name") return false;
    if (!requirementMatches(f, node.metadata.name)) return false;
  }
  return true;
}

/** nodeSelectorTerms are ORed. */
export function nodeMatchesTerms(node: Node, terms: readonly NodeSelectorTerm[]): boolean {
  return terms.some((t) => nodeMatchesTerm(node, t));
}

/** metav1.LabelSelector matching, shared with the controllers. */
export { labelSelectorMatches } from "../api/selectors/label-selector";
