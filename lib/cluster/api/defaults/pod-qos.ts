type Obj = Record<string, unknown>;

/** QoS class as computed when a pod is created (pkg/apis/core/helper/qos). */
export function podQosClass(spec: Obj): "Guaranteed" | "Burstable" | "BestEffort" {
  const containers = [...((spec.initContainers as Obj[] | undefined) ?? []), ...((spec.containers as Obj[] | undefined) ?? [])];
  let any = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const res = (c.resources ?? {}) as { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
    const req = { ...(res.limits ?? {}), ...(res.requests ?? {}) } as Record<string, unknown>;
    const lim = res.limits ?? {};
    for (const k of ["cpu", "memory"]) {
      if (req[k] !== undefined && String(req[k]) !== "0") any = true;
      if (lim[k] !== undefined && String(lim[k]) !== "0") any = true;
    }
    for (const k of ["cpu", "memory"]) {
      if (lim[k] === undefined || String(req[k]) !== String(lim[k])) guaranteed = false;
    }
  }
  if (!any) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}
