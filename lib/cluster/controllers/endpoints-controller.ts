import type { KubeObject, WatchEvent } from "../api/types";
import { rfc3339 } from "../runtime/clock";
import type { ComponentContext } from "../runtime/component-context";
import type { Reconciler } from "../runtime/sim-loop";
import { WorkQueue } from "../runtime/work-queue";
import { deepEqual } from "./util/clone";
import { findPort } from "./util/find-port";
import { keyOf, splitKey } from "./util/keys";
import { selectorMatches } from "./util/label-selector";
import type { Pod, Service } from "./util/objects";
import { isPodReady } from "./util/pod-state";

const COMPONENT = "endpoint-controller";
const TRIGGER = "endpoints.kubernetes.io/last-change-trigger-time";

interface EndpointAddress {
  ip: string;
  nodeName?: string;
  targetRef: { kind: "Pod"; namespace: string; name: string; uid: string };
}
interface EndpointPort {
  name?: string;
  port: number;
  protocol: string;
}
interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

/**
 * The endpoints controller (pkg/controller/endpoint): for each Service with a selector, an Endpoints object of
 * the same name listing the selected pods' IPs (ready in `addresses`, others in `notReadyAddresses`) with the
 * service ports resolved against each pod.
 */
export function createEndpointsController(ctx: ComponentContext): Reconciler {
  const client = ctx.client;
  const queue = new WorkQueue(COMPONENT);
  client.watch("services", undefined, { sendInitialEvents: true }, (e) => queue.add(keyOf(e.object)));
  client.watch("pods", undefined, {}, servicesForPodChanges(client, queue));
  client.watch("endpoints", undefined, {}, (e) => {
    if (e.type === "DELETED") queue.add(keyOf(e.object));
  });

  function reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    // Re-read the service: the queued key may belong to one deleted since.
    const svcRes = client.get("services", namespace, name);
    if (!svcRes.ok) {
      if (svcRes.status.reason === "NotFound") {
        const ep = client.get("endpoints", namespace, name);
        if (ep.ok && ep.value.metadata.labels?.["endpoints.kubernetes.io/managed-by"] !== "kube-apiserver") client.delete("endpoints", namespace, name);
      }
      return;
    }
    const svc = svcRes.value as Service;
    if (!svc.spec.selector) return; // endpoints of selector-less services are the user's own
    const pods = selectedPods(client, svc);
    const subsets = buildSubsets(svc, pods);
    const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
    if (svc.spec.clusterIP === "None") labels["service.kubernetes.io/headless"] = "";

    const cur = client.get("endpoints", namespace, name);
    const trigger = triggerTime(svc, pods);
    if (cur.ok) {
      const existing = cur.value as KubeObject & { subsets?: EndpointSubset[] };
      const sameLabels = deepEqual(existing.metadata.labels ?? {}, labels);
      if (deepEqual(existing.subsets ?? [], subsets) && sameLabels) return;
      const annotations = { ...(existing.metadata.annotations ?? {}), [TRIGGER]: trigger };
      const body: KubeObject = { ...existing, metadata: { ...existing.metadata, labels: Object.keys(labels).length ? labels : undefined, annotations } };
      if (subsets.length) body.subsets = subsets;
      else delete body.subsets;
      client.update("endpoints", namespace, name, body);
      return;
    }
    const body: KubeObject = {
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: { name, namespace, ...(Object.keys(labels).length ? { labels } : {}), annotations: { [TRIGGER]: trigger } },
    };
    if (subsets.length) body.subsets = subsets;
    const res = client.create("endpoints", namespace, body);
    if (!res.ok && res.status.reason === "AlreadyExists") queue.add(key);
  }

  return { queue, reconcile };
}

/**
 * A pods-watch listener that queues the Services a pod change can matter to: those whose selector matches the
 * pod's labels now or matched them before (the pod left the service). Other services are left alone, so a big
 * scale-up beside an unrelated Service does not rebuild its endpoints once per pod. Services with a selector are
 * read from its own services watch (an informer's lister), not listed again for every pod change.
 */
export function servicesForPodChanges(client: ComponentContext["client"], queue: WorkQueue): (e: WatchEvent) => void {
  const lastLabels = new Map<string, Record<string, string> | undefined>();
  const selecting = new Map<string, Map<string, Service>>();
  /** Per namespace, the selecting services in name order (the order a list gives, so keys queue as they did). */
  const ordered = new Map<string, Service[]>();
  client.watch("services", undefined, { sendInitialEvents: true }, (e) => {
    const svc = e.object as Service;
    const ns = svc.metadata.namespace ?? "";
    const name = svc.metadata.name ?? "";
    let here = selecting.get(ns);
    ordered.delete(ns);
    if (e.type === "DELETED" || !svc.spec?.selector) {
      here?.delete(name);
      return;
    }
    if (!here) selecting.set(ns, (here = new Map()));
    here.set(name, svc);
  });
  const servicesIn = (ns: string): Service[] => {
    let list = ordered.get(ns);
    if (!list) {
      const here = selecting.get(ns);
      list = here ? [...here.keys()].sort().map((n) => here.get(n)!) : [];
      ordered.set(ns, list);
    }
    return list;
  };
  return (e) => {
    const pod = e.object as Pod;
    const key = keyOf(pod);
    // A pod changed before this controller first saw it: its old labels are unknown, so every service is a suspect.
    const unknown = e.type !== "ADDED" && !lastLabels.has(key);
    const before = lastLabels.get(key);
    if (e.type === "DELETED") lastLabels.delete(key);
    else if (before !== pod.metadata.labels || unknown) lastLabels.set(key, pod.metadata.labels);
    for (const s of servicesIn(pod.metadata.namespace ?? "")) {
      const sel = s.spec.selector!;
      if (unknown || selectorMatches(sel, pod.metadata.labels) || (before !== undefined && selectorMatches(sel, before))) queue.add(keyOf(s));
    }
  };
}

export function selectedPods(client: ComponentContext["client"], svc: Service): Pod[] {
  const pods = client.list("pods", svc.metadata.namespace);
  if (!pods.ok) return [];
  return (pods.value.items as Pod[])
    .filter((p) => selectorMatches(svc.spec.selector ?? {}, p.metadata.labels))
    .sort((a, b) => (a.metadata.name ?? "").localeCompare(b.metadata.name ?? ""));
}

/** endpointutil.ShouldPodBeInEndpoints: an IP, not finished, and (for Endpoints) not terminating. */
export function shouldBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (!pod.status?.podIP) return false;
  if (pod.status.phase === "Succeeded" || pod.status.phase === "Failed") return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

function buildSubsets(svc: Service, pods: Pod[]): EndpointSubset[] {
  const groups = new Map<string, EndpointSubset>();
  for (const pod of pods) {
    if (!shouldBeInEndpoints(pod, svc.spec.publishNotReadyAddresses === true)) continue;
    const ports: EndpointPort[] = [];
    for (const sp of svc.spec.ports ?? []) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? "TCP" });
    }
    if ((svc.spec.ports ?? []).length > 0 && ports.length === 0) continue;
    const address: EndpointAddress = {
      ip: pod.status!.podIP!,
      ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
      targetRef: { kind: "Pod", namespace: pod.metadata.namespace ?? "", name: pod.metadata.name ?? "", uid: pod.metadata.uid ?? "" },
    };
    // RepackSubsets: pods with the same resolved ports share one subset.
    const key = JSON.stringify(ports);
    let subset = groups.get(key);
    if (!subset) groups.set(key, (subset = { ports }));
    const ready = isPodReady(pod) || svc.spec.publishNotReadyAddresses === true;
    if (ready) (subset.addresses ??= []).push(address);
    else (subset.notReadyAddresses ??= []).push(address);
  }
  const out: EndpointSubset[] = [];
  for (const s of groups.values()) {
    const subset: EndpointSubset = {};
    if (s.addresses) subset.addresses = s.addresses.sort(byIp);
    if (s.notReadyAddresses) subset.notReadyAddresses = s.notReadyAddresses.sort(byIp);
    if (s.ports?.length) subset.ports = s.ports;
    out.push(subset);
  }
  return out;
}

function byIp(a: EndpointAddress, b: EndpointAddress): number {
  const pa = a.ip.split(".").map(Number);
  const pb = b.ip.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** The latest change among the selected pods (ready transitions, creations) or the service's creation. */
export function triggerTime(svc: Service, pods: Pod[]): string {
  let t = Date.parse(svc.metadata.creationTimestamp ?? "") || 0;
  for (const p of pods) {
    t = Math.max(t, Date.parse(p.metadata.creationTimestamp ?? "") || 0);
    for (const c of p.status?.conditions ?? []) t = Math.max(t, Date.parse(c.lastTransitionTime ?? "") || 0);
  }
  return rfc3339(t);
}
