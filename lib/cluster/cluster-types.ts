import type { ApiClient } from "./apiserver/api-client";
import type { HostFs } from "./hosts/host-fs";
import type { TraceEntry } from "./runtime/component-context";

/** A node of the simulated cluster. Quantities as in the API ("4", "500m", "8Gi"). */
export interface NodeConfig {
  name: string;
  cpu?: string;
  memory?: string;
  pods?: string;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: "NoSchedule" | "PreferNoSchedule" | "NoExecute" }[];
}

export interface ClusterOptions {
  /** Seed of every random choice (names, uids, IPs, tie-breaks). Default 1. */
  seed?: number;
  /** Virtual "now" at start, epoch ms. Default 2026-11-25T10:00:00Z. */
  startTime?: number;
  /** How long before startTime the kubeadm cluster was created (ages of system objects). Default 3 days... */
  clusterAgeMs?: number;
  /** The control-plane node (always present, tainted NoSchedule). Default name "controlplane". */
  controlPlane?: Partial<NodeConfig>;
  /** Worker nodes. Default [{ name: "node01" }]. */
  workers?: NodeConfig[];
  /** node-monitor-grace-period: 50 s in v1.32 (a lesson can set 40 to show older releases). */
  nodeMonitorGracePeriodSeconds?: number;
}

/** Why the scheduler placed (or failed to place) one pod: per-node filter results and scores, for the UI. */
export interface SchedulingDecision {
  time: number;
  pod: { namespace: string; name: string; uid: string };
  /** Chosen node, or undefined when FailedScheduling. */
  node?: string;
  /** The exact FailedScheduling message when no node fits. */
  message?: string;
  nodes: {
    name: string;
    /** undefined when every filter passed; otherwise the failing plugin and its reason. */
    filteredOutBy?: { plugin: string; reason: string };
    /** Per-plugin weighted scores and the total, for nodes that passed the filters. */
    scores?: Record<string, number>;
    total?: number;
  }[];
}

/** A process line for `ps aux` on a host. */
export interface ProcessInfo {
  user: string;
  pid: number;
  command: string;
}

export interface KubeletControl {
  /** systemctl-style state of the kubelet service on this host. */
  readonly active: boolean;
  stop(): void;
  start(): void;
  restart(): void;
  /**
   * `journalctl -u kubelet` lines, oldest first. Always present on the engine's kubelets; optional only so
   * test doubles of Cluster may leave it out.
   */
  journal?(): string[];
}

/** The simulated cluster: what kubectl, the shell, labs and the UI may use. Nothing else is public. */
export interface Cluster {
  readonly options: Required<Pick<ClusterOptions, "seed" | "nodeMonitorGracePeriodSeconds">>;
  /** An API client; `actor` names the caller in the activity trace (default "kubectl"). */
  client(actor?: string): ApiClient;
  /** Virtual time, epoch ms. */
  now(): number;
  /** Let controllers, scheduler and kubelets react to everything that happened, without moving time. */
  runUntilIdle(): void;
  /** Move virtual time forward, firing everything due on the way in order. */
  advance(ms: number): void;
  /** Virtual time of the next scheduled happening (a pull finishing, a back-off ending), if any. */
  nextEventAt(): number | undefined;
  /** Host names: control plane first, then workers, in creation order. */
  hosts(): string[];
  fs(host: string): HostFs | undefined;
  kubelet(host: string): KubeletControl | undefined;
  processes(host: string): ProcessInfo[];
  /** Container log text (`kubectl logs`), or a Status-shaped error message. */
  logs(namespace: string, pod: string, opts?: { container?: string; previous?: boolean }): { ok: true; text: string; container: string } | { ok: false; message: string };
  /** Recent scheduling decisions, newest last. */
  schedulingDecisions(): readonly SchedulingDecision[];
  /** The activity trace since entry `from` (an index into the whole trace). */
  trace(from?: number): readonly TraceEntry[];
  onTrace(listener: (entry: TraceEntry) => void): () => void;
  /** Called after any stored change (coalesce it yourself: it can fire many times per command). */
  onChange(listener: () => void): () => void;
  /** JSON-able state that restoreCluster() turns back into an identical cluster. */
  snapshot(): ClusterSnapshot;
  /** Read-only view of the API server's storage, for `etcdctl get --prefix --keys-only`. */
  etcd(): { keys(prefix: string): string[]; get(key: string): string | undefined };
}

export interface ClusterSnapshot {
  version: 1;
  [key: string]: unknown;
}
