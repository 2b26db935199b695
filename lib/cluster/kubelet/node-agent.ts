import type { KubeObject } from "../api/types";
import type { NodeConfig } from "../cluster-types";
import { parseTime, rfc3339 } from "../runtime/clock";
import type { ComponentContext } from "../runtime/component-context";
import { syntheticHex } from "./image-catalogue";
import type { ImageStore } from "./node-runtime";
import { NODE_TIMINGS } from "./stages";

export const KUBELET_VERSION = "v1.32.4";
export const CONTAINERD_VERSION = "containerd://1.7.24";
export const OS_IMAGE = "Ubuntu 22.04.5 LTS";
export const KERNEL_VERSION = "5.15.0-1071-gcp";

type Json = Record<string, unknown>;

/** Quantity in Ki for a memory string like "4Gi", "4005020Ki", "8G". */
export function memoryKi(q: string): number {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(q);
  if (!m) return 4005020;
  const n = Number(m[1]);
  const f: Record<string, number> = { "": 1 / 1024, Ki: 1, Mi: 1024, Gi: 1024 * 1024, Ti: 1024 ** 3, k: 1000 / 1024, M: 1e6 / 1024, G: 1e9 / 1024, T: 1e12 / 1024 };
  return Math.floor(n * f[m[2] ?? ""]);
}

/** The Node object as kubeadm join / kubelet registration leaves it (status is posted by the kubelet). */
export function nodeObject(node: NodeConfig, controlPlane: boolean, podCIDR: string): KubeObject {
  const labels: Record<string, string> = {
    "beta.kubernetes.io/arch": "amd64",
    "beta.kubernetes.io/os": "linux",
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": node.name,
    "kubernetes.io/os": "linux",
  };
  if (controlPlane) {
    labels["node-role.kubernetes.io/control-plane"] = "";
    labels["node.kubernetes.io/exclude-from-external-load-balancers"] = "";
  }
  Object.assign(labels, node.labels ?? {});
  const taints = node.taints ?? (controlPlane ? [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" as const }] : []);
  const spec: Json = { podCIDR, podCIDRs: [podCIDR] };
  if (taints.length > 0) spec.taints = taints.map((t) => ({ ...t }));
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: node.name,
      labels,
      annotations: {
        "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock",
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
    },
    spec,
  };
}

const CONDITIONS = [
  { type: "MemoryPressure", status: "False", reason: "KubeletHasSufficientMemory", message: "kubelet has sufficient memory available" },
  { type: "DiskPressure", status: "False", reason: "KubeletHasNoDiskPressure", message: "kubelet has no disk pressure" },
  { type: "PIDPressure", status: "False", reason: "KubeletHasSufficientPID", message: "kubelet has sufficient PID available" },
  { type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status" },
];

/** Where a node's heartbeat loop stands, so a restored cluster keeps the same beat. */
export interface HeartbeatState {
  next: number;
  lastPost: number;
}

/** Node status heartbeats and the Lease in kube-node-lease, as the kubelet posts them. */
export class NodeAgent {
  private lastPost = Number.NEGATIVE_INFINITY;
  private lastPosted?: string;
  private readonly machineID: string;
  private readonly bootID: string;
  private timer?: () => void;
  private nextTickAt?: number;

  constructor(
    private readonly ctx: ComponentContext,
    private readonly node: NodeConfig,
    private readonly controlPlane: boolean,
    private readonly podCIDR: string,
    private readonly internalIP: string,
    private readonly images: ImageStore,
  ) {
    // Derived from the node name, not drawn: a restored snapshot must report the same machine.
    this.machineID = syntheticHex(`machine/${node.name}`, 32);
    this.bootID = syntheticHex(`boot/${node.name}`, 32);
  }

  private uuid(hex: string): string {
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  }

  /**
   * `resume`: the cluster was restored from a snapshot, so this is not a kubelet coming up but one that carries
   * on: the next heartbeat comes when it was due, and what it posted last counts as posted.
   */
  start(resume?: HeartbeatState): void {
    this.stop();
    this.lastPost = Number.NEGATIVE_INFINITY;
    if (resume && this.resumeFrom(resume)) return;
    this.tick(true);
  }

  /** When the next heartbeat is due and when status was last posted (kept in snapshots). */
  state(): HeartbeatState | undefined {
    return this.nextTickAt === undefined ? undefined : { next: this.nextTickAt, lastPost: this.lastPost };
  }

  private resumeFrom(resume: HeartbeatState): boolean {
    const node = this.ctx.client.get("nodes", undefined, this.node.name);
    if (!node.ok) return false;
    const status = (node.value.status ?? {}) as Json;
    this.lastPost = resume.lastPost;
    this.lastPosted = comparableStatus(status, (status.conditions as Json[] | undefined) ?? []);
    this.schedule(Math.max(0, resume.next - this.ctx.loop.clock.now()));
    return true;
  }

  private schedule(delayMs: number): void {
    // The loop's own time: while a new cluster is laid out, ctx.clock reads in the past (backdated stamps).
    this.nextTickAt = this.ctx.loop.clock.now() + delayMs;
    this.timer = this.ctx.loop.after(delayMs, `kubelet/${this.node.name}: heartbeat`, () => this.tick(false));
  }

  stop(): void {
    this.timer?.();
    this.timer = undefined;
    this.nextTickAt = undefined;
  }

  private tick(force: boolean): void {
    this.renewLease();
    this.postStatus(force);
    this.schedule(NODE_TIMINGS.leaseRenewMs);
  }

  /** Register the node when it does not exist yet (bootstrap normally created it). */
  private ensureNode(): KubeObject | undefined {
    const got = this.ctx.client.get("nodes", undefined, this.node.name);
    if (got.ok) return got.value;
    const created = this.ctx.client.create("nodes", undefined, nodeObject(this.node, this.controlPlane, this.podCIDR));
    if (created.ok) this.ctx.trace({ component: `kubelet/${this.node.name}`, action: "registered", message: `node ${this.node.name} registered`, object: { kind: "Node", name: this.node.name } });
    return created.ok ? created.value : undefined;
  }

  private renewLease(): void {
    const now = this.ctx.clock.now();
    const renewTime = new Date(now).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
    const got = this.ctx.client.get("leases", "kube-node-lease", this.node.name);
    if (got.ok) {
      const spec = { ...(got.value.spec as Json), renewTime, holderIdentity: this.node.name, leaseDurationSeconds: NODE_TIMINGS.leaseDurationSeconds };
      this.ctx.client.update("leases", "kube-node-lease", this.node.name, { ...got.value, spec });
      return;
    }
    const node = this.ensureNode();
    this.ctx.client.create("leases", "kube-node-lease", {
      apiVersion: "coordination.k8s.io/v1",
      kind: "Lease",
      metadata: {
        name: this.node.name,
        namespace: "kube-node-lease",
        ownerReferences: node ? [{ apiVersion: "v1", kind: "Node", name: this.node.name, uid: node.metadata.uid ?? "" }] : undefined,
      },
      spec: { holderIdentity: this.node.name, leaseDurationSeconds: NODE_TIMINGS.leaseDurationSeconds, renewTime },
    });
  }

  /** Post node status when something changed or every nodeStatusReportFrequency. */
  private postStatus(force: boolean): void {
    const node = this.ensureNode();
    if (!node) return;
    const now = this.ctx.clock.now();
    const old = (node.status ?? {}) as Json;
    const oldConds = (old.conditions as Json[] | undefined) ?? [];
    const cpu = this.node.cpu ?? "2";
    const memKi = memoryKi(this.node.memory ?? "4005020Ki");
    const pods = this.node.pods ?? "110";
    // A node's first conditions date from its registration (pressure checks at once, Ready once the CNI is up).
    const created = parseTime(node.metadata.creationTimestamp);
    const firstTime = (type: string) => (oldConds.length === 0 && Number.isFinite(created) ? Math.min(now, created + (type === "Ready" ? 35_000 : 5_000)) : now);
    const conditions = CONDITIONS.map((c) => {
      const prev = oldConds.find((o) => o.type === c.type);
      const transition = prev && prev.status === c.status ? (prev.lastTransitionTime as string) : rfc3339(firstTime(c.type));
      return { lastHeartbeatTime: rfc3339(now), lastTransitionTime: transition, message: c.message, reason: c.reason, status: c.status, type: c.type };
    });
    const hex = this.machineID;
    const status: Json = {
      addresses: [
        { address: this.internalIP, type: "InternalIP" },
        { address: this.node.name, type: "Hostname" },
      ],
      allocatable: { cpu, "ephemeral-storage": "18556039957", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: `${memKi - 102400}Ki`, pods },
      capacity: { cpu, "ephemeral-storage": "20134592Ki", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: `${memKi}Ki`, pods },
      conditions,
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images: this.images.nodeImages(),
      nodeInfo: {
        architecture: "amd64",
        bootID: this.uuid(this.bootID),
        containerRuntimeVersion: CONTAINERD_VERSION,
        kernelVersion: KERNEL_VERSION,
        kubeProxyVersion: "",
        kubeletVersion: KUBELET_VERSION,
        machineID: hex,
        operatingSystem: "linux",
        osImage: OS_IMAGE,
        systemUUID: this.uuid(hex),
      },
    };
    // Compare without heartbeat times: only a real change (or the 5-minute report) is posted.
    const comparable = comparableStatus(status, conditions);
    const oldReady = oldConds.find((c) => c.type === "Ready");
    const changed = comparable !== this.lastPosted || oldReady?.status !== "True";
    if (!force && !changed && now - this.lastPost < NODE_TIMINGS.statusReportMs) return;
    const res = this.ctx.client.updateStatus("nodes", undefined, this.node.name, { ...node, status });
    if (res.ok) {
      this.lastPost = now;
      this.lastPosted = comparable;
    }
  }
}

/** A node status without its heartbeat times: what decides whether a post is due before the 5-minute report. */
function comparableStatus(status: Json, conditions: readonly Json[]): string {
  return JSON.stringify({ ...status, conditions: conditions.map((c) => ({ ...c, lastHeartbeatTime: "" })) });
}
