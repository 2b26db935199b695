import type { ApiClient } from "../apiserver/api-client";
import type { Cluster, ClusterOptions } from "../cluster-types";
import type { TraceEntry } from "../runtime/component-context";
import { createCluster } from "../cluster";
import { ApiServer } from "../apiserver/api-server";
import { Store } from "../apiserver/store";
import { VirtualClock } from "../runtime/clock";
import { SeededRandom } from "../runtime/random";

/** A whole cluster (all components) with the default seed and start time, plus a kubectl client. */
export function newTestCluster(opts: ClusterOptions = {}): { cluster: Cluster; kubectl: ApiClient } {
  const cluster = createCluster({ seed: 1, ...opts });
  return { cluster, kubectl: cluster.client("kubectl") };
}

/**
 * Only the API server and its store (no controllers, scheduler or kubelets), with the four kubeadm
 * namespaces: for unit tests of API semantics that must not be disturbed by reconcilers.
 */
export function newTestApiServer(seed = 1): { api: ApiServer; client: ApiClient; clock: VirtualClock; store: Store; trace: TraceEntry[] } {
  const clock = new VirtualClock(Date.UTC(2026, 10, 25, 10, 0, 0));
  const store = new Store();
  const trace: TraceEntry[] = [];
  const api = new ApiServer({ store, clock, random: new SeededRandom(seed), trace: (e) => trace.push({ time: clock.now(), ...e }) });
  const admin = api.client("kubeadm");
  for (const ns of ["default", "kube-node-lease", "kube-public", "kube-system"]) {
    admin.create("namespaces", undefined, { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } });
  }
  return { api, client: api.client("kubectl"), clock, store, trace };
}
