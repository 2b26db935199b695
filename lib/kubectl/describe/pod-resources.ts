import { addQuantity, compareQuantity, parseQuantity, type Quantity } from "./quantity";

type Obj = Record<string, any>;

function addInto(target: Map<string, Quantity>, list: Obj | undefined): void {
  for (const [name, raw] of Object.entries(list ?? {})) {
    const q = parseQuantity(raw as string);
    if (!q) continue;
    const prev = target.get(name);
    target.set(name, prev ? addQuantity(prev, q) : q);
  }
}

function maxInto(target: Map<string, Quantity>, list: Map<string, Quantity>): void {
  for (const [name, q] of list) {
    const prev = target.get(name);
    if (!prev || compareQuantity(q, prev) > 0) target.set(name, q);
  }
}

/**
 * resourcehelper.PodRequestsAndLimits: the sum over app containers (and restartable sidecar init containers),
 * raised to any larger regular init container, plus the pod overhead.
 */
export function podRequestsAndLimits(pod: Obj): { requests: Map<string, Quantity>; limits: Map<string, Quantity> } {
  const spec: Obj = pod.spec ?? {};
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  for (const c of (spec.containers ?? []) as Obj[]) {
    addInto(requests, c.resources?.requests);
    addInto(limits, c.resources?.limits);
  }
  const sidecarReqs = new Map<string, Quantity>();
  const sidecarLimits = new Map<string, Quantity>();
  for (const c of (spec.initContainers ?? []) as Obj[]) {
    if (c.restartPolicy === "Always") {
      addInto(requests, c.resources?.requests);
      addInto(limits, c.resources?.limits);
      addInto(sidecarReqs, c.resources?.requests);
      addInto(sidecarLimits, c.resources?.limits);
      continue;
    }
    // a regular init container runs next to the sidecars started before it
    const r = new Map(sidecarReqs);
    addInto(r, c.resources?.requests);
    const l = new Map(sidecarLimits);
    addInto(l, c.resources?.limits);
    maxInto(requests, r);
    maxInto(limits, l);
  }
  addInto(requests, spec.overhead);
  addInto(limits, spec.overhead);
  return { requests, limits };
}
