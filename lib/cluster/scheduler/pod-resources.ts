import type { Container, Pod, ResourceList } from "./api-shapes";
import { quantityMilliValue, quantityValue } from "./quantity";

/** Requested amounts: cpu in millicores, everything else in base units (bytes, counts). */
export type Resources = Record<string, number>;

/**
 * The requests the scheduler assumes for a container that sets none, when *scoring* (never when filtering):
 * schedutil.DefaultMilliCPURequest and DefaultMemoryRequest. They keep best-effort pods from piling up on one node.
 */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

function amount(resource: string, q: unknown): number {
  const v = resource === "cpu" ? quantityMilliValue(q) : quantityValue(q);
  return v ?? 0;
}

function containerRequests(c: Container, nonMissing: boolean): Resources {
  // The API server defaults requests from limits; read limits too in case a fixture skipped defaulting.
  const requests: ResourceList = { ...(c.resources?.limits ?? {}), ...(c.resources?.requests ?? {}) };
  const out: Resources = {};
  for (const [name, q] of Object.entries(requests)) out[name] = amount(name, q);
  if (nonMissing) {
    if (!("cpu" in out)) out.cpu = DEFAULT_MILLI_CPU_REQUEST;
    if (!("memory" in out)) out.memory = DEFAULT_MEMORY_REQUEST;
  }
  return out;
}

function add(into: Resources, r: Resources): void {
  for (const [k, v] of Object.entries(r)) into[k] = (into[k] ?? 0) + v;
}

function max(into: Resources, r: Resources): void {
  for (const [k, v] of Object.entries(r)) into[k] = Math.max(into[k] ?? 0, v);
}

/**
 * The pod's effective request (resourcehelper.PodRequests): the sum of its containers, at least any single
 * init container (sidecars, restartPolicy Always, add up and stay running), plus spec.overhead.
 * `nonMissing` fills unset cpu/memory with the scoring defaults, per container.
 */
/** Requests per stored pod spec (stored objects are never mutated, so the spec object is a safe key). */
const requestCache = [new WeakMap<object, Readonly<Resources>>(), new WeakMap<object, Readonly<Resources>>()];

/** The pod's effective requests (read-only: the result may be shared). */
export function podRequests(pod: Pod, nonMissing = false): Readonly<Resources> {
  const spec = pod.spec;
  if (!spec || !Object.isFrozen(spec)) return computePodRequests(pod, nonMissing);
  const cache = requestCache[nonMissing ? 1 : 0];
  let r = cache.get(spec);
  if (!r) cache.set(spec, (r = computePodRequests(pod, nonMissing)));
  return r;
}

function computePodRequests(pod: Pod, nonMissing: boolean): Resources {
  const reqs: Resources = {};
  for (const c of pod.spec?.containers ?? []) add(reqs, containerRequests(c, nonMissing));
  const sidecars: Resources = {};
  const initMax: Resources = {};
  for (const c of pod.spec?.initContainers ?? []) {
    const r = containerRequests(c, nonMissing);
    if (c.restartPolicy === "Always") {
      add(reqs, r);
      add(sidecars, r);
      max(initMax, sidecars);
    } else {
      const withSidecars = { ...r };
      add(withSidecars, sidecars);
      max(initMax, withSidecars);
    }
  }
  max(reqs, initMax);
  if (pod.spec?.overhead) {
    const overhead: Resources = {};
    for (const [name, q] of Object.entries(pod.spec.overhead)) overhead[name] = amount(name, q);
    add(reqs, overhead);
  }
  return reqs;
}

/** A node's allocatable resources (status.allocatable, falling back to capacity). */
export function nodeAllocatable(allocatable: ResourceList | undefined, capacity: ResourceList | undefined): Resources {
  const src = allocatable ?? capacity ?? {};
  const out: Resources = {};
  for (const [name, q] of Object.entries(src)) out[name] = amount(name, q);
  return out;
}
