/**
 * The default cluster's snapshot as JSON. The build replaces this module with the generated snapshot
 * (scripts/build-sim-worker.mjs); without it (dev server, tests) the worker boots the cluster live.
 */
export const DEFAULT_CLUSTER_SNAPSHOT: string | undefined = undefined;
