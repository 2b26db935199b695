import type { ClusterSnapshot } from "../cluster/index";
import { createSim } from "./create-sim";

/**
 * The cluster a lesson terminal starts with (createSim() without a seed), as a snapshot for the build to bake
 * into the browser's worker (scripts/build-sim-worker.mjs), which restores it instead of replaying the bootstrap.
 * Undefined when restoring it would not give exactly the state the live boot reaches: the worker then boots
 * live, so a learner never sees the difference (fidelity before speed).
 */
export function defaultClusterSnapshot(): ClusterSnapshot | undefined {
  const snapshot = createSim().cluster.snapshot();
  const restored = createSim({ snapshot: JSON.parse(JSON.stringify(snapshot)) }).cluster.snapshot();
  return JSON.stringify(restored) === JSON.stringify(snapshot) ? snapshot : undefined;
}
