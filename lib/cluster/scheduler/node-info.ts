import type { Node, Pod } from "./api-shapes";
import { nodeAllocatable, podRequests, type Resources } from "./pod-resources";

/** One used host port: pods conflict on the same protocol and port unless their host IPs differ. */
export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

/**
 * What the scheduler knows about one node in a cycle (framework.NodeInfo): the node, the pods bound to it,
 * their summed requests (exact, and with the scoring defaults), and the host ports in use.
 */
export interface NodeInfo {
  name: string;
  node: Node;
  pods: Pod[];
  allocatable: Resources;
  requested: Resources;
  nonZeroRequested: Resources;
  usedPorts: HostPort[];
  /**
   * PodTopologySpread's matching-pod counts per (namespace, selector), kept in step by addPod/removePod so a
   * NodeInfo reused across cycles never recounts its pods.
   */
  spreadCounts?: Map<string, SpreadCount>;
}

export interface SpreadCount {
  namespace: string | undefined;
  matches: (labels: Record<string, string>) => boolean;
  n: number;
}

/** Whether a pod counts towards a spreading selector (terminating pods and other namespaces do not). */
export function countsFor(pod: Pod, c: SpreadCount): boolean {
  return !pod.metadata.deletionTimestamp && pod.metadata.namespace === c.namespace && c.matches(pod.metadata.labels ?? {});
}

/** Host ports per stored (frozen, never mutated) pod spec: asked for every node of every scheduling cycle. */
const hostPortCache = new WeakMap<object, readonly HostPort[]>();

export function hostPortsOf(pod: Pod): readonly HostPort[] {
  const spec = pod.spec;
  if (!spec || !Object.isFrozen(spec)) return computeHostPorts(pod);
  let ports = hostPortCache.get(spec);
  if (!ports) hostPortCache.set(spec, (ports = computeHostPorts(pod)));
  return ports;
}

function computeHostPorts(pod: Pod): HostPort[] {
  const out: HostPort[] = [];
  for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort || p.hostPort <= 0) continue;
      out.push({ ip: p.hostIP || "0.0.0.0", protocol: p.protocol || "TCP", port: p.hostPort });
    }
  }
  return out;
}

function addTo(into: Resources, r: Readonly<Resources>, sign = 1): void {
  for (const k in r) into[k] = (into[k] ?? 0) + sign * r[k];
}

export function newNodeInfo(node: Node, pods: readonly Pod[]): NodeInfo {
  const info: NodeInfo = {
    name: node.metadata.name ?? "",
    node,
    pods: [],
    allocatable: nodeAllocatable(node.status?.allocatable, node.status?.capacity),
    requested: {},
    nonZeroRequested: {},
    usedPorts: [],
  };
  for (const p of pods) addPod(info, p);
  return info;
}

/** Account a pod on the node (also used to "assume" a pod just bound within the same cycle). */
export function addPod(info: NodeInfo, pod: Pod): void {
  info.pods.push(pod);
  addTo(info.requested, podRequests(pod));
  addTo(info.nonZeroRequested, podRequests(pod, true));
  for (const port of hostPortsOf(pod)) info.usedPorts.push(port);
  if (info.spreadCounts) for (const c of info.spreadCounts.values()) if (countsFor(pod, c)) c.n++;
}

/** Take a pod (matched by uid) off the node: the reverse of addPod. False when it was not there. */
export function removePod(info: NodeInfo, pod: Pod): boolean {
  const i = indexOfUid(info.pods, pod.metadata.uid);
  if (i < 0) return false;
  const stored = info.pods[i];
  info.pods.splice(i, 1);
  addTo(info.requested, podRequests(stored), -1);
  addTo(info.nonZeroRequested, podRequests(stored, true), -1);
  for (const port of hostPortsOf(stored)) {
    const j = info.usedPorts.findIndex((u) => u.ip === port.ip && u.protocol === port.protocol && u.port === port.port);
    if (j >= 0) info.usedPorts.splice(j, 1);
  }
  if (info.spreadCounts) for (const c of info.spreadCounts.values()) if (countsFor(stored, c)) c.n--;
  return true;
}

/** Where the pod with this uid sits; searched from the newest, which status writes mostly concern (uids are unique). */
function indexOfUid(pods: readonly Pod[], uid: string | undefined): number {
  for (let i = pods.length - 1; i >= 0; i--) if (pods[i].metadata.uid === uid) return i;
  return -1;
}

/** Swap in a newer copy of a pod whose requests, ports and labels did not change (a status write). */
export function replacePod(info: NodeInfo, pod: Pod): boolean {
  const i = indexOfUid(info.pods, pod.metadata.uid);
  if (i < 0) return false;
  info.pods[i] = pod;
  return true;
}

/** The same NodeInfo for an updated Node object: pods and sums carry over. */
export function withNode(info: NodeInfo, node: Node): NodeInfo {
  return { ...info, node, allocatable: nodeAllocatable(node.status?.allocatable, node.status?.capacity) };
}

/**
 * Group the pods the scheduler's cache holds (bound, not Succeeded/Failed) by node, in node order.
 * Pods on nodes that do not exist are ignored, as the real cache keeps them out of every NodeInfo.
 */
export function buildNodeInfos(nodes: readonly Node[], pods: readonly Pod[]): NodeInfo[] {
  const byNode = new Map<string, Pod[]>();
  for (const p of pods) {
    const n = p.spec?.nodeName;
    const phase = p.status?.phase;
    if (!n || phase === "Succeeded" || phase === "Failed") continue;
    let list = byNode.get(n);
    if (!list) byNode.set(n, (list = []));
    list.push(p);
  }
  return nodes.map((n) => newNodeInfo(n, byNode.get(n.metadata.name ?? "") ?? []));
}
