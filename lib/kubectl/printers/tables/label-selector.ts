import type { Loose } from "./table-types";

/** labels.FormatLabels: `k=v` pairs sorted by key, joined by ",", or `<none>`. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return "<none>";
  return keys.map((k) => `${k}=${labels![k]}`).join(",");
}

/**
 * labels.Selector.String() of metav1.LabelSelectorAsSelector: matchLabels and matchExpressions as requirements,
 * sorted by key; values of in/notin sorted. `undefined` when the selector is invalid.
 */
export function labelSelectorString(selector: Loose): string | undefined {
  if (selector === null || selector === undefined) return "";
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries((selector.matchLabels ?? {}) as Record<string, string>)) {
    reqs.push({ key: k, text: `${k}=${v}` });
  }
  for (const e of (selector.matchExpressions ?? []) as Loose[]) {
    const key = String(e?.key ?? "");
    const values = ((e?.values ?? []) as string[]).slice().sort();
    switch (e?.operator) {
      case "In":
        reqs.push({ key, text: `${key} in (${values.join(",")})` });
        break;
      case "NotIn":
        reqs.push({ key, text: `${key} notin (${values.join(",")})` });
        break;
      case "Exists":
        reqs.push({ key, text: key });
        break;
      case "DoesNotExist":
        reqs.push({ key, text: `!${key}` });
        break;
      default:
        return undefined;
    }
  }
  // Go sorts requirements by key only (sort.Sort, not stable); ties keep insertion order here.
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map((r) => r.text).join(",");
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(selector: Loose): string {
  const s = labelSelectorString(selector);
  if (s === undefined) return "<error>";
  return s === "" ? "<none>" : s;
}
