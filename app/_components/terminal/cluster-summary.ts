import type { Cluster, KubeObject, SchedulingDecision, TraceEntry } from "@/lib/cluster/index";

/** How a pod is drawn: the colour family of its kubectl STATUS. */
export type PodTone = "running" | "pending" | "error" | "completed" | "terminating";

export interface PodSummary {
  namespace: string;
  name: string;
  node?: string;
  /** The STATUS column of `kubectl get pods`. */
  status: string;
  tone: PodTone;
  /** READY column ("1/2"). */
  ready: string;
  restarts: number;
}

export interface NodeSummary {
  name: string;
  /** The Ready condition's status ("True", "False", "Unknown"). */
  ready: string;
  /** STATUS column of `kubectl get nodes` ("Ready", "NotReady,SchedulingDisabled"). */
  status: string;
  unschedulable: boolean;
  controlPlane: boolean;
  taints: string[];
  /** Sum of container requests of the node's non-terminal pods vs allocatable: millicores and bytes. */
  cpu: { requested: number; allocatable: number };
  memory: { requested: number; allocatable: number };
  pods: number;
}

export interface ComponentSummary {
  /** etcd, kube-apiserver, kube-scheduler, kube-controller-manager. */
  name: string;
  status: string;
  tone: PodTone;
}

export interface ActivityItem {
  time: number;
  component: string;
  action: string;
  message: string;
}

/** What the cluster map needs, small enough to post a few times a second (no whole objects). */
export interface ClusterSummary {
  now: number;
  controlPlane: { node: string; components: ComponentSummary[] };
  nodes: NodeSummary[];
  pods: PodSummary[];
  lastDecision?: SchedulingDecision;
  activity: ActivityItem[];
}

const CONTROL_PLANE_COMPONENTS = ["etcd", "kube-apiserver", "kube-scheduler", "kube-controller-manager"];

const SUFFIX: Record<string, number> = {
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
  n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
};

/** A resource.Quantity as a number of base units ("500m" -> 0.5, "1Gi" -> 1073741824). */
export function parseQuantity(q: unknown): number {
  if (typeof q === "number") return q;
  if (typeof q !== "string") return 0;
  const m = /^([+-]?[0-9.]+)(?:[eE]([+-]?[0-9]+))?([a-zA-Z]*)$/.exec(q.trim());
  if (!m) return 0;
  const base = Number(m[1]) * (m[2] ? 10 ** Number(m[2]) : 1);
  return m[3] ? base * (SUFFIX[m[3]] ?? 0) : base;
}

interface ContainerStatusLike {
  ready?: boolean;
  restartCount?: number;
  state?: { waiting?: { reason?: string }; terminated?: { reason?: string; signal?: number; exitCode?: number }; running?: unknown };
}
interface PodLike {
  metadata: KubeObject["metadata"];
  spec?: {
    nodeName?: string;
    containers?: { resources?: { requests?: Record<string, string> } }[];
    initContainers?: { resources?: { requests?: Record<string, string> } }[];
  };
  status?: {
    phase?: string;
    reason?: string;
    initContainerStatuses?: ContainerStatusLike[];
    containerStatuses?: ContainerStatusLike[];
    conditions?: { type: string; status: string }[];
  };
}

/** The STATUS column as kubectl's pod printer derives it (printers.go printPod, in short). */
export function podStatus(obj: KubeObject): string {
  const pod = obj as unknown as PodLike;
  let reason = pod.status?.reason || pod.status?.phase || "Pending";
  let initializing = false;
  const inits = pod.status?.initContainerStatuses ?? [];
  for (const [i, c] of inits.entries()) {
    const t = c.state?.terminated;
    if (t && t.exitCode === 0) continue;
    initializing = true;
    if (t) reason = t.reason ? `Init:${t.reason}` : t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`;
    else if (c.state?.waiting?.reason && c.state.waiting.reason !== "PodInitializing") reason = `Init:${c.state.waiting.reason}`;
    else reason = `Init:${i}/${pod.spec?.initContainers?.length ?? inits.length}`;
    break;
  }
  if (!initializing) {
    let hasRunning = false;
    const statuses = pod.status?.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      const t = c.state?.terminated;
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (t?.reason) reason = t.reason;
      else if (t) reason = t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode}`;
      else if (c.state?.running && c.ready) hasRunning = true;
    }
    if (reason === "Completed" && hasRunning) {
      const ready = pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True");
      reason = ready ? "Running" : "NotReady";
    }
  }
  if (pod.metadata.deletionTimestamp) reason = pod.status?.reason === "NodeLost" ? "Unknown" : "Terminating";
  return reason;
}

export function podTone(status: string): PodTone {
  if (status === "Terminating") return "terminating";
  if (status === "Running") return "running";
  if (status === "Completed" || status === "Succeeded") return "completed";
  if (status === "Pending" || status === "ContainerCreating" || status === "PodInitializing" || /^Init:\d+\/\d+$/.test(status)) return "pending";
  return "error";
}

function podRequests(pod: PodLike): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec?.containers ?? []) {
    cpu += parseQuantity(c.resources?.requests?.cpu);
    memory += parseQuantity(c.resources?.requests?.memory);
  }
  // An init container runs alone: the pod needs at least its request (the scheduler's max(sum, max init)).
  for (const c of pod.spec?.initContainers ?? []) {
    cpu = Math.max(cpu, parseQuantity(c.resources?.requests?.cpu));
    memory = Math.max(memory, parseQuantity(c.resources?.requests?.memory));
  }
  return { cpu, memory };
}

/** Builds the map's summary from the public Cluster API. `activity` is what happened since the last command. */
export function summarizeCluster(cluster: Cluster, activity: readonly TraceEntry[] = []): ClusterSummary {
  const client = cluster.client("shipyard-ui");
  const nodesList = client.list("nodes", undefined);
  const podsList = client.list("pods", undefined);
  const nodeObjs = nodesList.ok ? nodesList.value.items : [];
  const podObjs = podsList.ok ? (podsList.value.items as unknown as PodLike[]) : [];

  const perNode = new Map<string, { cpu: number; memory: number; pods: number }>();
  const pods: PodSummary[] = [];
  for (const p of podObjs) {
    const status = podStatus(p as unknown as KubeObject);
    const containers = p.status?.containerStatuses ?? [];
    const node = p.spec?.nodeName;
    pods.push({
      namespace: p.metadata.namespace ?? "default",
      name: p.metadata.name ?? "",
      node,
      status,
      tone: podTone(status),
      ready: `${containers.filter((c) => c.ready).length}/${p.spec?.containers?.length ?? containers.length}`,
      restarts: containers.reduce((n, c) => n + (c.restartCount ?? 0), 0),
    });
    if (node && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed") {
      const r = podRequests(p);
      const acc = perNode.get(node) ?? { cpu: 0, memory: 0, pods: 0 };
      acc.cpu += r.cpu;
      acc.memory += r.memory;
      acc.pods++;
      perNode.set(node, acc);
    }
  }

  const nodes: NodeSummary[] = nodeObjs.map((n) => {
    const spec = (n.spec ?? {}) as { unschedulable?: boolean; taints?: { key: string; value?: string; effect: string }[] };
    const status = (n.status ?? {}) as { allocatable?: Record<string, string>; conditions?: { type: string; status: string }[] };
    const ready = status.conditions?.find((c) => c.type === "Ready")?.status ?? "Unknown";
    const labels = n.metadata.labels ?? {};
    const used = perNode.get(n.metadata.name ?? "") ?? { cpu: 0, memory: 0, pods: 0 };
    return {
      name: n.metadata.name ?? "",
      ready,
      status: (ready === "True" ? "Ready" : "NotReady") + (spec.unschedulable ? ",SchedulingDisabled" : ""),
      unschedulable: Boolean(spec.unschedulable),
      controlPlane: "node-role.kubernetes.io/control-plane" in labels,
      taints: (spec.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ""}:${t.effect}`),
      cpu: { requested: Math.round(used.cpu * 1000), allocatable: Math.round(parseQuantity(status.allocatable?.cpu) * 1000) },
      memory: { requested: used.memory, allocatable: parseQuantity(status.allocatable?.memory) },
      pods: used.pods,
    };
  });

  const cpNode = nodes.find((n) => n.controlPlane)?.name ?? cluster.hosts()[0] ?? "controlplane";
  const components = CONTROL_PLANE_COMPONENTS.map((name) => {
    const pod = pods.find((p) => p.namespace === "kube-system" && p.name === `${name}-${cpNode}`);
    const status = pod?.status ?? "Missing";
    return { name, status, tone: pod ? pod.tone : ("error" as const) };
  });
  const decisions = cluster.schedulingDecisions();
  return {
    now: cluster.now(),
    controlPlane: { node: cpNode, components },
    nodes,
    pods,
    lastDecision: decisions[decisions.length - 1],
    activity: activity.slice(-100).map(({ time, component, action, message }) => ({ time, component, action, message })),
  };
}
