import type { Cluster, KubeObject } from "../../cluster/index";
import { listenerFor, type Listener } from "./web-servers";

interface ContainerSpec {
  name: string;
  image: string;
  args?: string[];
  env?: { name: string; value?: string }[];
  ports?: { containerPort: number; name?: string }[];
}
export interface PodObj extends KubeObject {
  spec?: { containers?: ContainerSpec[]; nodeName?: string; hostNetwork?: boolean };
  status?: { podIP?: string; phase?: string; containerStatuses?: { name: string; state?: { running?: unknown } }[] };
}
interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  nodePort?: number;
  protocol?: string;
}
export interface ServiceObj extends KubeObject {
  spec?: { clusterIP?: string; type?: string; ports?: ServicePort[] };
}
interface EndpointsObj extends KubeObject {
  subsets?: { addresses?: { ip: string; targetRef?: { kind: string; name: string; namespace?: string } }[]; ports?: { name?: string; port: number }[] }[];
}
interface NodeObj extends KubeObject {
  status?: { addresses?: { type: string; address: string }[] };
}

/** Where a client runs: on a kubeadm host, or inside a pod (cluster DNS, its own localhost). */
export type NetOrigin = { kind: "node"; node: string } | { kind: "pod"; namespace: string; pod: PodObj };

/** What a TCP connect to ip:port finds. */
export type Connection =
  | { kind: "refused" }
  /** Nothing answers at all (no route, or a ClusterIP port no Service defines): SYNs go unanswered. */
  | { kind: "timeout" }
  | { kind: "server"; listener: Listener; pod: PodObj; container: ContainerSpec }
  /** The kube-apiserver's TLS port (a hostNetwork static pod on the control plane). */
  | { kind: "apiserver" };

const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** kube-proxy spreads connections over endpoints; a per-cluster counter keeps that deterministic. */
const rotation = new WeakMap<Cluster, number>();
function pick<T>(cluster: Cluster, items: T[]): T {
  const n = rotation.get(cluster) ?? 0;
  rotation.set(cluster, n + 1);
  return items[n % items.length];
}

function nodeIP(cluster: Cluster, name: string): string | undefined {
  const r = cluster.client("kube-proxy").get("nodes", undefined, name);
  if (!r.ok) return undefined;
  return (r.value as NodeObj).status?.addresses?.find((a) => a.type === "InternalIP")?.address;
}

function nodeByIP(cluster: Cluster, ip: string): string | undefined {
  return cluster.hosts().find((h) => nodeIP(cluster, h) === ip);
}

function services(cluster: Cluster): ServiceObj[] {
  const r = cluster.client("kube-proxy").list("services", undefined);
  return r.ok ? (r.value.items as ServiceObj[]) : [];
}

/**
 * Name resolution as the origin sees it. Nodes use the host resolver (/etc/hosts: node names, localhost),
 * which knows nothing of cluster DNS; pods ask CoreDNS with the search path of their namespace.
 */
export function resolveName(cluster: Cluster, origin: NetOrigin, name: string): { ip: string; fqdn?: string } | undefined {
  if (IPV4.test(name)) return { ip: name };
  const h = name.replace(/\.$/, "").toLowerCase();
  if (h === "localhost") return { ip: "127.0.0.1" };
  if (origin.kind === "node") {
    const node = cluster.hosts().find((x) => x === h);
    const ip = node ? nodeIP(cluster, node) : undefined;
    return ip ? { ip } : undefined;
  }
  const parts = h.split(".");
  let key: [string, string] | undefined;
  if (parts.length === 1) key = [parts[0], origin.namespace];
  else if (parts.length === 2) key = [parts[0], parts[1]];
  else if (parts.length === 3 && parts[2] === "svc") key = [parts[0], parts[1]];
  else if (parts.length === 5 && parts.slice(2).join(".") === "svc.cluster.local") key = [parts[0], parts[1]];
  if (!key) return undefined;
  const r = cluster.client("coredns").get("services", key[1], key[0]);
  if (!r.ok) return undefined;
  const svc = r.value as ServiceObj;
  const fqdn = `${key[0]}.${key[1]}.svc.cluster.local`;
  if (svc.spec?.clusterIP && svc.spec.clusterIP !== "None") return { ip: svc.spec.clusterIP, fqdn };
  // Headless: the name resolves to the ready pod IPs.
  const addrs = endpointAddresses(cluster, svc);
  return addrs.length ? { ip: addrs[0].ip, fqdn } : undefined;
}

function endpointAddresses(cluster: Cluster, svc: ServiceObj): { ip: string; ports: { name?: string; port: number }[] }[] {
  const r = cluster.client("kube-proxy").get("endpoints", svc.metadata.namespace, svc.metadata.name ?? "");
  if (!r.ok) return [];
  return ((r.value as EndpointsObj).subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => ({ ip: a.ip, ports: s.ports ?? [] })));
}

/** kube-proxy's DNAT: a Service port to one ready endpoint, or REJECT when there is none. */
function viaService(cluster: Cluster, svc: ServiceObj, sp: ServicePort): Connection {
  const addrs = endpointAddresses(cluster, svc);
  if (addrs.length === 0) return { kind: "refused" };
  const a = pick(cluster, addrs);
  const epPort = a.ports.find((p) => p.name === sp.name) ?? (a.ports.length === 1 ? a.ports[0] : undefined);
  let port = epPort?.port ?? (typeof sp.targetPort === "number" ? sp.targetPort : sp.port);
  if (!epPort && typeof sp.targetPort === "string") {
    const pod = podByIP(cluster, a.ip);
    const named = pod?.spec?.containers?.flatMap((c) => c.ports ?? []).find((p) => p.name === sp.targetPort);
    if (!named) return { kind: "refused" };
    port = named.containerPort;
  }
  return direct(cluster, a.ip, port);
}

function podByIP(cluster: Cluster, ip: string): PodObj | undefined {
  const r = cluster.client("kube-proxy").list("pods", undefined);
  const pods = r.ok ? (r.value.items as PodObj[]) : [];
  return pods.find((p) => p.status?.podIP === ip && !p.spec?.hostNetwork && p.status?.phase === "Running");
}

/** A pod's network namespace: whichever running container's program listens on the port. */
function podListener(pod: PodObj, port: number): Connection {
  for (const c of pod.spec?.containers ?? []) {
    const st = pod.status?.containerStatuses?.find((s) => s.name === c.name);
    if (st && !st.state?.running) continue;
    const l = listenerFor(c.image, port);
    if (l) return { kind: "server", listener: l, pod, container: c };
  }
  return { kind: "refused" };
}

/** A node's own sockets: NodePorts (kube-proxy, every node) and the API server on the control plane. */
function nodeListener(cluster: Cluster, node: string, port: number): Connection {
  for (const svc of services(cluster)) {
    if (svc.spec?.type !== "NodePort" && svc.spec?.type !== "LoadBalancer") continue;
    const sp = svc.spec.ports?.find((p) => p.nodePort === port);
    if (sp) return viaService(cluster, svc, sp);
  }
  if (port === 6443 && node === cluster.hosts()[0]) return { kind: "apiserver" };
  return { kind: "refused" };
}

/** Connect to ip:port after kube-proxy's rules, as a TCP client would. */
function direct(cluster: Cluster, ip: string, port: number): Connection {
  const node = nodeByIP(cluster, ip);
  if (node) return nodeListener(cluster, node, port);
  const pod = podByIP(cluster, ip);
  if (pod) return podListener(pod, port);
  return { kind: "timeout" };
}

/** Open a TCP connection from the origin to ip:port. */
export function connect(cluster: Cluster, origin: NetOrigin, ip: string, port: number): Connection {
  if (ip === "127.0.0.1" || ip === "0.0.0.0") return origin.kind === "pod" ? podListener(origin.pod, port) : nodeListener(cluster, origin.node, port);
  const svc = services(cluster).find((s) => s.spec?.clusterIP === ip);
  if (svc) {
    const sp = svc.spec?.ports?.find((p) => p.port === port && (p.protocol ?? "TCP") === "TCP");
    return sp ? viaService(cluster, svc, sp) : { kind: "timeout" };
  }
  return direct(cluster, ip, port);
}

/** The environment and args a container's program sees (for servers whose page depends on them). */
export function containerEnv(container: ContainerSpec): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of container.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  return env;
}
