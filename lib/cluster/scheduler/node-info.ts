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
}

export function hostPortsOf(pod: Pod): HostPort[] {
  const out: HostPort[] = [];
  for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort || p.hostPort <= 0) continue;
      out.push({ ip: p.hostIP || "0.0.0.0", protocol: p.protocol || "TCP", port: p.hostPort });
    }
  }
  return out;
}

function addTo(into: Resources, r: Resources): void {
  for (const [k, v] of Object.entries(r)) into[k] = (into[k] ?? 0) + v;
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
  info.usedPorts.push(...hostPortsOf(pod));
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
