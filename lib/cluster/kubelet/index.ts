import type { KubeletControl, NodeConfig, ProcessInfo } from "../cluster-types";
import type { HostFs } from "../hosts/host-fs";
import type { ComponentContext } from "../runtime/component-context";
import type { Reconciler } from "../runtime/sim-loop";

export interface KubeletOptions {
  node: NodeConfig;
  controlPlane: boolean;
  fs: HostFs;
  /** e.g. "10.244.1.0/24" */
  podCIDR: string;
  /** The node's InternalIP, e.g. "192.168.121.3". */
  internalIP: string;
}

export interface Kubelet extends KubeletControl {
  readonly reconciler: Reconciler;
  processes(): ProcessInfo[];
  logs(namespace: string, pod: string, container: string, previous: boolean): string | undefined;
}

/** STUB: the kubelet helper replaces this body. */
export function startKubelet(ctx: ComponentContext, opts: KubeletOptions): Kubelet | undefined {
  void ctx;
  void opts;
  return undefined;
}
