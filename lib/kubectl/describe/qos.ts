import { addQuantity, compareQuantity, parseQuantity, type Quantity } from "./quantity";

type Obj = Record<string, any>;

const QOS_RESOURCES = new Set(["cpu", "memory"]);

/** kubectl's qos.GetPodQOS: status.qosClass when the kubelet set it, else computed from the containers. */
export function podQOS(pod: Obj): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const zero = parseQuantity("0")!;
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])] as Obj[]) {
    for (const [name, raw] of Object.entries<unknown>(c.resources?.requests ?? {})) {
      const q = parseQuantity(raw as string);
      if (!QOS_RESOURCES.has(name) || !q || compareQuantity(q, zero) <= 0) continue;
      const prev = requests.get(name);
      requests.set(name, prev ? addQuantity(q, prev) : q);
    }
    const found = new Set<string>();
    for (const [name, raw] of Object.entries<unknown>(c.resources?.limits ?? {})) {
      const q = parseQuantity(raw as string);
      if (!QOS_RESOURCES.has(name) || !q || compareQuantity(q, zero) <= 0) continue;
      found.add(name);
      const prev = limits.get(name);
      limits.set(name, prev ? addQuantity(q, prev) : q);
    }
    if (!found.has("cpu") || !found.has("memory")) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort";
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || compareQuantity(lim, req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? "Guaranteed" : "Burstable";
}
