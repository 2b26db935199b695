import type { Taint, Toleration } from "./api-shapes";

/** v1.Toleration.ToleratesTaint: an empty key with Exists tolerates every taint; an empty effect matches all effects. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.key && t.operator !== "Exists") return false;
  switch (t.operator ?? "Equal") {
    case "":
    case "Equal":
      return (t.value ?? "") === (taint.value ?? "");
    case "Exists":
      return true;
    default:
      return false;
  }
}

export function tolerated(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/** The first taint, in the node's order, with one of `effects` that no toleration tolerates. */
export function findUntoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
  effects: readonly string[],
): Taint | undefined {
  if (!taints) return undefined;
  for (const taint of taints) if (effects.includes(taint.effect) && !tolerated(tolerations, taint)) return taint;
  return undefined;
}
