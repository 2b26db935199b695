import { labelSelectorMatches } from "../../api/selectors/label-selector";
import type { LabelSelector } from "./objects";

/**
 * Does a metav1.LabelSelector select these labels? An empty selector selects everything and a missing one
 * selects nothing (LabelSelectorAsSelector); an RC's plain map selects by equality (an empty map: nothing,
 * as labels.SelectorFromValidatedSet would only be reached after defaulting from the template).
 */
export function selectorMatches(selector: LabelSelector | Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  if (!isLabelSelector(selector)) {
    const entries = Object.entries(selector);
    return entries.length > 0 && entries.every(([k, v]) => l[k] === v);
  }
  return labelSelectorMatches(selector, l);
}

/** selectorMatches with the selector taken apart once: for checking one selector against thousands of pods. */
export function selectorMatcher(selector: LabelSelector | Record<string, string> | undefined): (labels: Record<string, string> | undefined) => boolean {
  if (!selector) return () => false;
  const expressions = isLabelSelector(selector) ? (selector.matchExpressions ?? []) : [];
  if (expressions.length > 0) return (labels) => selectorMatches(selector, labels);
  const entries = Object.entries(isLabelSelector(selector) ? (selector.matchLabels ?? {}) : selector);
  // An RC-style map with no entries selects nothing; an empty LabelSelector selects everything.
  if (entries.length === 0) return isLabelSelector(selector) ? () => true : () => false;
  return (labels) => {
    if (!labels) return false;
    for (const [k, v] of entries) if (labels[k] !== v) return false;
    return true;
  };
}

/** True when the selector is a metav1.LabelSelector rather than an RC-style map. */
export function isLabelSelector(selector: LabelSelector | Record<string, string>): selector is LabelSelector {
  return typeof (selector as LabelSelector).matchLabels === "object" || Array.isArray((selector as LabelSelector).matchExpressions) || Object.keys(selector).length === 0;
}

/** True for a metav1.LabelSelector with no requirements (it would select every pod). */
export function selectorIsEmpty(selector: LabelSelector | undefined): boolean {
  return !!selector && Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

/** kubectl/labels.Selector String() form, as the Scale subresource and `describe` show it ("app=web,tier in (a,b)"). */
export function selectorToString(selector: LabelSelector | Record<string, string> | undefined): string {
  if (!selector) return "";
  if (!isLabelSelector(selector)) return Object.keys(selector).sort().map((k) => `${k}=${selector[k]}`).join(",");
  const parts: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) parts.push({ key: k, text: `${k}=${v}` });
  for (const r of selector.matchExpressions ?? []) {
    const vals = [...(r.values ?? [])].sort().join(",");
    const text =
      r.operator === "In" ? `${r.key} in (${vals})` : r.operator === "NotIn" ? `${r.key} notin (${vals})` : r.operator === "Exists" ? r.key : `!${r.key}`;
    parts.push({ key: r.key, text });
  }
  return parts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((p) => p.text).join(",");
}
