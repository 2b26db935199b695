/** The object form of a metav1.LabelSelector (matchLabels ANDed with matchExpressions). */
export interface LabelSelectorObject {
  matchLabels?: Record<string, string>;
  matchExpressions?: readonly { key: string; operator: string; values?: readonly string[] }[];
}

/**
 * Does a metav1.LabelSelector select these labels? undefined selects nothing, {} selects everything
 * (LabelSelectorAsSelector); an unknown operator selects nothing.
 */
export function labelSelectorMatches(selector: LabelSelectorObject | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  const has = (k: string) => Object.prototype.hasOwnProperty.call(l, k);
  const matchLabels = selector.matchLabels ?? {};
  for (const k in matchLabels) if (!has(k) || l[k] !== matchLabels[k]) return false;
  for (const e of selector.matchExpressions ?? []) {
    const values = e.values ?? [];
    switch (e.operator) {
      case "In":
        if (!has(e.key) || !values.includes(l[e.key])) return false;
        break;
      case "NotIn":
        if (has(e.key) && values.includes(l[e.key])) return false;
        break;
      case "Exists":
        if (!has(e.key)) return false;
        break;
      case "DoesNotExist":
        if (has(e.key)) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
