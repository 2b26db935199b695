import type { Taint, Toleration } from "./objects";

/** v1.Toleration.ToleratesTaint: empty effect matches all effects; empty key with Exists matches every key. */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  const op = t.operator ?? "Equal";
  if (op === "Exists") return true;
  if (!t.key) return false;
  return (t.value ?? "") === (taint.value ?? "");
}

export function toleratesAll(tolerations: Toleration[] | undefined, taints: Taint[], effects: Taint["effect"][]): boolean {
  return taints.filter((t) => effects.includes(t.effect)).every((taint) => (tolerations ?? []).some((t) => tolerates(t, taint)));
}
