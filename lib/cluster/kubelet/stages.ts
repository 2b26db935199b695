/**
 * The kubelet's pod lifecycle as a table of stages, in the spirit of kwok's stage files: each stage names
 * the container state it applies to, how long the real kubelet + containerd take for it, and the state
 * (waiting reason / running / terminated) and Events it leads to. The pod worker (pod-worker.ts) picks the
 * stage that matches a container and applies it after the delay; tests render the walk as a golden with
 * symbolic time.
 */

/** Internal container states (the runtime's view), each mapped to what status shows. */
export type ContainerStage =
  /** Nothing done yet: waiting ContainerCreating (PodInitializing behind init containers). */
  | "new"
  /** Image pull in flight: still waiting ContainerCreating. */
  | "pulling"
  /** Pull failed, first sync after: waiting ErrImagePull. */
  | "pull-failed"
  /** Pull failed and the back-off window is open: waiting ImagePullBackOff. */
  | "image-backoff"
  /** Image string cannot be parsed: waiting InvalidImageName. */
  | "invalid-image"
  /** imagePullPolicy Never and the image is absent: waiting ErrImageNeverPull. */
  | "never-pull"
  /** A ConfigMap or Secret the env needs is missing: waiting CreateContainerConfigError. */
  | "config-error"
  /** Image present; create and start are next (still ContainerCreating). */
  | "image-ready"
  | "running"
  /** Stop signal sent (deletion, definition change); still running until it exits. */
  | "killing"
  /** Process ended: terminated Completed / Error / StartError. */
  | "exited"
  /** Waiting out the restart back-off: waiting CrashLoopBackOff. */
  | "crash-backoff";

export interface StageTiming {
  /** Why this delay: what the real components are doing. */
  why: string;
  delayMs: number;
}

/** Delays of the steps that are not image- or program-specific (image pulls come from the catalogue). */
export const STAGE_TIMINGS = {
  /** Scheduled -> sandbox: pause container and CNI ADD; the Pulling event comes ~1 s after Scheduled. */
  sandbox: { why: "RunPodSandbox (pause image) and CNI ADD", delayMs: 1000 },
  /** A pull of a missing repository or tag fails after the registry round-trips. */
  pullFailure: { why: "registry answers 401/404 while resolving the reference", delayMs: 900 },
  /** Pull with policy Always of an image already on the node: only the manifest is fetched. */
  pullCached: { why: "manifest HEAD, all layers present", delayMs: 450 },
  /** CreateContainer + StartContainer: Created and Started land in the same second. */
  createStart: { why: "CreateContainer and StartContainer in containerd", delayMs: 300 },
  /** PLEG relist notices state changes and the pod worker syncs again (ErrImagePull -> ImagePullBackOff, Completed -> CrashLoopBackOff). */
  resync: { why: "PLEG relist (1 s) then a pod sync", delayMs: 1000 },
  /** After CreateContainerConfigError (missing ConfigMap/Secret) the pod worker retries with its error back-off. */
  configRetry: { why: "pod worker requeue after a sync error", delayMs: 10_000 },
  /** A static pod manifest change is noticed by the file source. */
  manifestChange: { why: "file source notices the changed directory", delayMs: 1000 },
} as const satisfies Record<string, StageTiming>;

/** Image pull and container restart back-off: 10 s doubling, capped at 300 s (kubelet constants). */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;
/** A container that ran this long has its restart back-off reset (2 x MaxContainerBackOff). */
export const BACKOFF_RESET_MS = 600_000;

export function nextBackoff(previousMs: number): number {
  return previousMs <= 0 ? BACKOFF_INITIAL_MS : Math.min(previousMs * 2, BACKOFF_MAX_MS);
}

/** Node heartbeats (kubelet defaults in v1.32). */
export const NODE_TIMINGS = {
  /** Lease renew interval (nodeLeaseDurationSeconds 40 * 0.25). */
  leaseRenewMs: 10_000,
  leaseDurationSeconds: 40,
  /** nodeStatusUpdateFrequency: status computed every 10 s ... */
  statusUpdateMs: 10_000,
  /** ... but posted only on change or every nodeStatusReportFrequency (5 min). */
  statusReportMs: 300_000,
} as const;

/** One row of the stage table: which stage follows which, with its event(s) and resulting status. */
export interface StageRow {
  stage: ContainerStage;
  /** What the pod status shows for a container in this stage. */
  shows: string;
  /** Events emitted on entering the stage (reason: message template). */
  events: string[];
  /** Possible next stages. */
  next: ContainerStage[];
}

/** The table itself: documentation the tests check against the worker's behaviour (see stages.test.ts). */
export const STAGE_TABLE: readonly StageRow[] = [
  { stage: "new", shows: "waiting ContainerCreating", events: [], next: ["pulling", "image-ready", "invalid-image", "never-pull"] },
  { stage: "pulling", shows: "waiting ContainerCreating", events: ['Pulling: Pulling image "<image>"'], next: ["image-ready", "pull-failed"] },
  { stage: "pull-failed", shows: "waiting ErrImagePull", events: ['Failed: Failed to pull image "<image>": <error>', "Failed: Error: ErrImagePull"], next: ["image-backoff"] },
  { stage: "image-backoff", shows: "waiting ImagePullBackOff", events: ['BackOff: Back-off pulling image "<image>"', "Failed: Error: ImagePullBackOff"], next: ["pulling"] },
  { stage: "invalid-image", shows: "waiting InvalidImageName", events: ["InspectFailed: <error>", "Failed: Error: InvalidImageName"], next: [] },
  { stage: "never-pull", shows: "waiting ErrImageNeverPull", events: ['ErrImageNeverPull: Container image "<image>" is not present with pull policy of Never', "Failed: Error: ErrImageNeverPull"], next: [] },
  { stage: "config-error", shows: "waiting CreateContainerConfigError", events: ['Failed: Error: <kind> "<name>" not found', "Failed: Error: couldn't find key <key> in <kind> <ns>/<name>"], next: ["pulling", "image-ready"] },
  { stage: "image-ready", shows: "waiting ContainerCreating", events: ['Pulled: Successfully pulled image "<image>" in <d> (<d> including waiting). Image size: <n> bytes.', 'Pulled: Container image "<image>" already present on machine'], next: ["running", "exited", "config-error"] },
  { stage: "running", shows: "running", events: ["Created: Created container <name>", "Started: Started container <name>"], next: ["exited", "killing"] },
  { stage: "killing", shows: "running", events: ["Killing: Stopping container <name>"], next: ["exited"] },
  { stage: "exited", shows: "terminated Completed | Error | StartError", events: [], next: ["crash-backoff", "pulling", "image-ready"] },
  { stage: "crash-backoff", shows: "waiting CrashLoopBackOff", events: ["BackOff: Back-off restarting failed container <name> in pod <pod>_<ns>(<uid>)"], next: ["pulling", "image-ready"] },
];
