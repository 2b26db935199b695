import type { ParsedFiles } from "./parsed-files";
import type { HeartbeatState } from "./node-agent";
import type { KubeletControl, NodeConfig, ProcessInfo } from "../cluster-types";
import type { HostFs } from "../hosts/host-fs";
import type { ComponentContext } from "../runtime/component-context";
import type { Reconciler } from "../runtime/sim-loop";
import type { ImageEntry } from "./image-catalogue";
import { createKubelet } from "./kubelet";

export interface KubeletOptions {
  node: NodeConfig;
  controlPlane: boolean;
  fs: HostFs;
  /** e.g. "10.244.1.0/24" */
  podCIDR: string;
  /** The node's InternalIP, e.g. "192.168.121.3". */
  internalIP: string;
  /** Images already in containerd's store (default: the kubeadm images this node needs). */
  preloadedImages?: ImageEntry[];
  /**
   * While the engine lays out a cluster "created some time ago", how far in the past the kubelet's
   * timestamps (pod status, Lease, node heartbeats) should read; 0 afterwards. Default 0.
   */
  backdateMs?: () => number;
  /** The cluster was restored from a snapshot: the kubelet's heartbeat carries on from here instead of starting up. */
  resumed?: HeartbeatState;
  /** The cluster's parsed YAML files, shared by its kubelets and saved in snapshots (default: parse every time). */
  files?: ParsedFiles;
}

export interface Kubelet extends KubeletControl {
  readonly reconciler: Reconciler;
  /** The heartbeat loop's position, for snapshots (undefined while stopped). */
  heartbeat(): HeartbeatState | undefined;
  processes(): ProcessInfo[];
  logs(namespace: string, pod: string, container: string, previous: boolean): string | undefined;
  /** `journalctl -u kubelet` lines, oldest first. */
  journal(): string[];
  /**
   * The static pod of one component (manifest metadata.name, e.g. "kube-scheduler"): true while all its containers
   * run, false when it is broken or its manifest is gone, undefined for a component this kubelet never ran.
   * Containers keep running while the kubelet is stopped, as in reality.
   */
  staticPodHealthy(component: string): boolean | undefined;
}

/**
 * Start the kubelet of one node: it watches pods bound to the node, runs them through the stage table,
 * runs static pods from /etc/kubernetes/manifests, posts node status and renews its Lease.
 * The caller registers `reconciler` with the SimLoop.
 */
export function startKubelet(ctx: ComponentContext, opts: KubeletOptions): Kubelet | undefined {
  return createKubelet(ctx, opts);
}

export { controlPlaneHealthy } from "./control-plane-health";
export { IMAGE_CATALOGUE, lookupImage } from "./image-catalogue";
export type { ImageEntry } from "./image-catalogue";
