/**
 * Objects as a v1.32 API server serves them, shaped after the real cluster of the reference transcripts
 * (shared/reference/transcripts/readonly.txt). Ages are expressed relative to NOW.
 */
import type { KubeObject } from "../../../cluster/index";

/** Virtual "now" of the fixtures. */
export const NOW = Date.parse("2026-11-25T10:00:00Z");

/** RFC 3339 timestamp `ms` milliseconds before NOW (second precision, as the API serves it). */
export function ago(ms: number): string {
  return new Date(Math.floor((NOW - ms) / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

export const s = (n: number) => n * 1000;
export const m = (n: number) => n * 60_000;
export const h = (n: number) => n * 3_600_000;
export const d = (n: number) => n * 86_400_000;

export interface PodSpecLite {
  name: string;
  namespace?: string;
  age: number;
  labels?: Record<string, string>;
  node?: string;
  ip?: string;
  phase?: string;
  /** One regular container's status; omitted = not yet reported. */
  container?: {
    ready?: boolean;
    waiting?: string;
    running?: boolean;
    terminated?: { reason?: string; exitCode: number; signal?: number };
    restarts?: number;
    lastTerminatedAgo?: number;
  };
  conditions?: { type: string; status: string; reason?: string }[];
  deletionTimestamp?: string;
  reason?: string;
}

export function pod(p: PodSpecLite): KubeObject {
  const c = p.container;
  const state = c?.waiting
    ? { waiting: { reason: c.waiting } }
    : c?.terminated
      ? { terminated: { ...c.terminated, finishedAt: ago(0) } }
      : c?.running
        ? { running: { startedAt: ago(p.age) } }
        : {};
  const lastState = c?.lastTerminatedAgo !== undefined ? { terminated: { exitCode: 0, reason: "Completed", finishedAt: ago(c.lastTerminatedAgo) } } : {};
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: p.name,
      namespace: p.namespace ?? "default",
      creationTimestamp: ago(p.age),
      labels: p.labels ?? { run: p.name },
      ...(p.deletionTimestamp ? { deletionTimestamp: p.deletionTimestamp } : {}),
    },
    spec: { containers: [{ name: p.name, image: "nginx" }], ...(p.node ? { nodeName: p.node } : {}) },
    status: {
      phase: p.phase ?? "Pending",
      ...(p.reason ? { reason: p.reason } : {}),
      ...(p.conditions ? { conditions: p.conditions } : {}),
      ...(p.ip ? { podIP: p.ip, podIPs: [{ ip: p.ip }] } : {}),
      ...(c ? { containerStatuses: [{ name: p.name, image: "nginx", ready: c.ready ?? false, restartCount: c.restarts ?? 0, state, lastState }] } : {}),
    },
  };
}

const running = (age: number) => ({ ready: true, running: true, restarts: 0, lastTerminatedAgo: undefined as number | undefined, age });

/** The default-namespace pods of readonly.txt, in server (name) order. */
export function transcriptPods(): KubeObject[] {
  const r = (name: string, age: number, ip: string, labels?: Record<string, string>, restarts = 0, lastAgo?: number) =>
    pod({ name, age, ip, node: "node01", phase: "Running", labels, container: { ...running(age), restarts, lastTerminatedAgo: lastAgo } });
  return [
    pod({ name: "badimage", age: s(96), ip: "10.244.1.7", node: "node01", container: { waiting: "ImagePullBackOff" } }),
    pod({ name: "bigpod", age: s(46), conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable" }] }),
    pod({ name: "crashy", age: m(11), ip: "10.244.1.8", node: "node01", phase: "Running", container: { waiting: "CrashLoopBackOff", restarts: 5, lastTerminatedAgo: s(125) } }),
    pod({ name: "creating", age: s(4), node: "node01", container: { waiting: "ContainerCreating" } }),
    r("frontend-8xkqz", m(20), "10.244.1.10", { tier: "frontend" }),
    r("frontend-b7p2w", m(20), "10.244.1.11", { tier: "frontend" }),
    r("frontend-zq5lm", m(20), "10.244.1.12", { tier: "frontend" }),
    r("nginx", s(301), "10.244.1.4"),
    r("web-5d8f7b9c6d-2xv9k", m(121), "10.244.1.20", { app: "web", "pod-template-hash": "5d8f7b9c6d" }),
    r("web-5d8f7b9c6d-kq8rt", m(121), "10.244.1.21", { app: "web", "pod-template-hash": "5d8f7b9c6d" }),
    r("webapp", m(66), "10.244.1.6", { run: "webapp", tier: "frontend" }, 2, m(21)),
  ];
}

export function node(name: string, age: number, ip: string, controlPlane: boolean, extra: { ready?: string; unschedulable?: boolean } = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      creationTimestamp: ago(age),
      labels: { "kubernetes.io/hostname": name, ...(controlPlane ? { "node-role.kubernetes.io/control-plane": "" } : {}) },
    },
    spec: extra.unschedulable ? { unschedulable: true } : {},
    status: {
      addresses: [{ type: "InternalIP", address: ip }, { type: "Hostname", address: name }],
      conditions: [{ type: "MemoryPressure", status: "False" }, { type: "Ready", status: extra.ready ?? "True" }],
      nodeInfo: { kubeletVersion: "v1.32.4", osImage: "Ubuntu 22.04.5 LTS", kernelVersion: "5.15.0-1071-gcp", containerRuntimeVersion: "containerd://1.7.24" },
    },
  };
}

export function namespace(name: string, age: number, phase = "Active"): KubeObject {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name, creationTimestamp: ago(age) }, spec: { finalizers: ["kubernetes"] }, status: { phase } };
}

export function replicaSet(name: string, age: number, replicas: number, image: string, selector: Record<string, string>): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name, namespace: "default", creationTimestamp: ago(age) },
    spec: { replicas, selector: { matchLabels: selector }, template: { metadata: { labels: selector }, spec: { containers: [{ name: "nginx", image }] } } },
    status: { replicas, readyReplicas: replicas, availableReplicas: replicas, fullyLabeledReplicas: replicas },
  };
}

export function replicationController(name: string, age: number, replicas: number): KubeObject {
  return {
    apiVersion: "v1",
    kind: "ReplicationController",
    metadata: { name, namespace: "default", creationTimestamp: ago(age) },
    spec: { replicas, selector: { app: "myapp" }, template: { spec: { containers: [{ name: "nginx-container", image: "nginx" }] } } },
    status: { replicas, readyReplicas: replicas },
  };
}

export function deployment(name: string, age: number, replicas: number, image: string): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "default", creationTimestamp: ago(age) },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { spec: { containers: [{ name: "nginx", image }] } } },
    status: { replicas, readyReplicas: replicas, updatedReplicas: replicas, availableReplicas: replicas },
  };
}

export function service(name: string, namespace: string, age: number, spec: Record<string, unknown>, status: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace, creationTimestamp: ago(age) }, spec, status: { loadBalancer: {}, ...status } };
}

export function event(
  name: string,
  lastAgo: number,
  type: string,
  reason: string,
  object: string,
  message: string,
  extra: Record<string, unknown> = {},
): KubeObject {
  const [kind, objName] = object.split("/");
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name, namespace: "default", creationTimestamp: ago(lastAgo) },
    involvedObject: { kind, name: objName, namespace: "default" },
    type,
    reason,
    message,
    firstTimestamp: ago(lastAgo),
    lastTimestamp: ago(lastAgo),
    count: 1,
    source: { component: kind === "Pod" ? "kubelet" : "replicaset-controller", host: kind === "Pod" ? "node01" : undefined },
    ...extra,
  };
}
