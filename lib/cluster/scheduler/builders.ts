import type { Container, Node, Pod, PodSpec, Taint } from "./api-shapes";

/** Test fixtures: minimal Nodes and Pods shaped as the API server stores them. */
export function makeNode(
  name: string,
  opts: { cpu?: string; memory?: string; pods?: string; labels?: Record<string, string>; taints?: Taint[]; unschedulable?: boolean; images?: { names: string[]; sizeBytes: number }[] } = {},
): Node {
  const allocatable = { cpu: opts.cpu ?? "2", memory: opts.memory ?? "8Gi", pods: opts.pods ?? "110" };
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, uid: `uid-${name}`, labels: { "kubernetes.io/hostname": name, "kubernetes.io/os": "linux", ...(opts.labels ?? {}) } },
    spec: { ...(opts.taints ? { taints: opts.taints } : {}), ...(opts.unschedulable ? { unschedulable: true } : {}) },
    status: { allocatable, capacity: allocatable, ...(opts.images ? { images: opts.images } : {}) },
  };
}

export const CONTROL_PLANE_TAINT: Taint = { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" };

export function makePod(
  name: string,
  opts: { namespace?: string; cpu?: string; memory?: string; nodeName?: string; labels?: Record<string, string>; spec?: Partial<PodSpec>; containers?: Container[]; owner?: { kind: string; name: string } } = {},
): Pod {
  const requests: Record<string, string> = {};
  if (opts.cpu) requests.cpu = opts.cpu;
  if (opts.memory) requests.memory = opts.memory;
  const container: Container = { name: "app", image: "nginx", resources: Object.keys(requests).length ? { requests } : {} };
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: opts.namespace ?? "default",
      uid: `uid-${name}`,
      creationTimestamp: "2026-11-25T10:00:00Z",
      ...(opts.labels ? { labels: opts.labels } : {}),
      ...(opts.owner ? { ownerReferences: [{ apiVersion: "apps/v1", kind: opts.owner.kind, name: opts.owner.name, uid: `uid-${opts.owner.name}`, controller: true }] } : {}),
    },
    spec: {
      containers: opts.containers ?? [container],
      schedulerName: "default-scheduler",
      tolerations: [
        { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
        { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
      ],
      ...(opts.nodeName ? { nodeName: opts.nodeName } : {}),
      ...(opts.spec ?? {}),
    },
    status: { phase: opts.nodeName ? "Running" : "Pending" },
  };
}
