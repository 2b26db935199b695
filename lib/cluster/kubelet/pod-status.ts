import { rfc3339 } from "../runtime/clock";
import type { ContainerRecord, PodRecord } from "./pod-record";

type Json = Record<string, unknown>;

/** Init containers are done when each exited 0 (sidecars: when started). */
export function initDone(rec: PodRecord): boolean {
  return rec.containers.filter((c) => c.init).every((c) => initContainerDone(c));
}

export function initContainerDone(c: ContainerRecord): boolean {
  if (c.sidecar) return c.current !== undefined;
  return c.stage === "exited" && c.current?.exitCode === 0;
}

/** Ready: running, past its probe delays, and not being stopped (probes themselves are taken to succeed). */
export function containerReady(c: ContainerRecord, now: number): boolean {
  return c.stage === "running" && c.readyAt !== undefined && now >= c.readyAt;
}

function terminatedJson(i: NonNullable<ContainerRecord["current"]>): Json {
  return {
    terminated: {
      containerID: `containerd://${i.containerID}`,
      exitCode: i.exitCode ?? 0,
      finishedAt: rfc3339(i.finishedAt ?? i.startedAt),
      reason: i.reason ?? (i.exitCode === 0 ? "Completed" : "Error"),
      startedAt: rfc3339(i.startedAt),
    },
  };
}

function waitingReason(c: ContainerRecord, podInitializing: boolean): string {
  switch (c.stage) {
    case "pull-failed":
      return "ErrImagePull";
    case "image-backoff":
      return "ImagePullBackOff";
    case "invalid-image":
      return "InvalidImageName";
    case "never-pull":
      return "ErrImageNeverPull";
    case "crash-backoff":
      return "CrashLoopBackOff";
    case "config-error":
      return "CreateContainerConfigError";
    default:
      return podInitializing || c.init ? "PodInitializing" : "ContainerCreating";
  }
}

function containerStatus(c: ContainerRecord, now: number, hasInit: boolean): Json {
  let state: Json;
  // Between an exit and the restart the runtime still reports the exited container.
  const starting = c.stage === "new" || c.stage === "pulling" || c.stage === "image-ready";
  const restarting = starting && c.current?.finishedAt !== undefined;
  if ((c.stage === "running" || c.stage === "killing") && c.current) state = { running: { startedAt: rfc3339(c.current.startedAt) } };
  else if (starting && c.carryWaiting) state = { waiting: { ...c.carryWaiting } };
  else if ((c.stage === "exited" || restarting) && c.current) state = terminatedJson(c.current);
  else {
    const waiting: Json = { reason: waitingReason(c, hasInit && !c.init) };
    if (c.waitingMessage) waiting.message = c.waitingMessage;
    state = { waiting };
  }
  // The previous run shows as lastState once the container was restarted or is waiting to be.
  const last = c.stage === "exited" || (restarting && !c.carryWaiting) ? c.previous : (c.current && c.stage !== "running" && c.stage !== "killing" ? c.current : c.previous);
  const id = c.current?.containerID ?? c.previous?.containerID;
  // Until the runtime has created the container there is no runtime status: the kubelet reports the spec's image
  // and no image ID, even when the pull already finished (no status write for a pull alone).
  const status: Json = {
    name: c.name,
    state,
    lastState: last && last.finishedAt !== undefined ? terminatedJson(last) : {},
    ready: containerReady(c, now),
    restartCount: c.restartCount,
    image: id ? (c.imageName ?? c.spec.image) : c.spec.image,
    imageID: id ? (c.imageID ?? "") : "",
    started: c.stage === "running" || c.stage === "killing",
  };
  if (id) {
    status.containerID = `containerd://${id}`;
    // Reported once the runtime created the container (1.31+ with RecursiveReadOnlyMounts).
    const mounts = (c.spec as { volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[] }).volumeMounts ?? [];
    if (mounts.length > 0) {
      status.volumeMounts = mounts.map((m) => (m.readOnly ? { mountPath: m.mountPath, name: m.name, readOnly: true, recursiveReadOnly: "Disabled" } : { mountPath: m.mountPath, name: m.name }));
    }
  }
  return status;
}

/** The pod phase as the kubelet's getPhase computes it. */
export function podPhase(rec: PodRecord): "Pending" | "Running" | "Succeeded" | "Failed" {
  const policy = rec.pod.spec.restartPolicy ?? "Always";
  const inits = rec.containers.filter((c) => c.init);
  const mains = rec.containers.filter((c) => !c.init);
  if (!initDone(rec)) {
    const failedInit = inits.find((c) => c.stage === "exited" && (c.current?.exitCode ?? 0) !== 0);
    if (failedInit && policy === "Never") return "Failed";
    return "Pending";
  }
  let waiting = 0;
  let running = 0;
  let succeeded = 0;
  let failed = 0;
  for (const c of mains) {
    if (c.stage === "running" || c.stage === "killing") {
      running++;
      continue;
    }
    // A waiting container that ran before counts by its last exit, as getPhase does with lastTerminationState.
    const last = c.stage === "exited" ? c.current : c.current?.finishedAt !== undefined ? c.current : c.previous;
    if (!last) waiting++;
    else if (last.exitCode === 0) succeeded++;
    else failed++;
  }
  if (waiting > 0) return "Pending";
  if (running > 0) return "Running";
  const stopped = succeeded + failed;
  if (stopped === 0) return "Pending";
  if (rec.killing) return failed > 0 ? "Failed" : "Succeeded";
  if (policy === "Always") return "Running";
  if (policy === "OnFailure") return failed > 0 ? "Running" : "Succeeded";
  return failed > 0 ? "Failed" : "Succeeded";
}

function setCondition(rec: PodRecord, type: string, status: "True" | "False", now: number): number {
  const cur = rec.conditions[type];
  if (!cur || cur.status !== status) rec.conditions[type] = { status, time: now };
  return rec.conditions[type].time;
}

function qosClass(rec: PodRecord): string {
  const all = rec.containers.map((c) => c.spec.resources ?? {});
  const any = all.some((r) => Object.keys(r.requests ?? {}).length > 0 || Object.keys(r.limits ?? {}).length > 0);
  if (!any) return "BestEffort";
  const guaranteed = all.every((r) => ["cpu", "memory"].every((k) => r.limits?.[k] !== undefined && (r.requests?.[k] === undefined || r.requests[k] === r.limits[k])));
  return guaranteed ? "Guaranteed" : "Burstable";
}

/** The full pod status this kubelet reports, from its records (PodScheduled is kept from the scheduler). */
export function buildPodStatus(rec: PodRecord, now: number, hostIP: string): Json {
  const phase = podPhase(rec);
  const initializing = !initDone(rec);
  const mains = rec.containers.filter((c) => !c.init);
  const inits = rec.containers.filter((c) => c.init);
  const terminal = phase === "Succeeded" || phase === "Failed";
  const conditions: Json[] = [];
  const cond = (type: string, status: "True" | "False", reason?: string, message?: string) => {
    const time = setCondition(rec, type, status, now);
    const c: Json = { lastProbeTime: null, lastTransitionTime: rfc3339(time), status, type };
    if (reason) c.reason = reason;
    if (message) c.message = message;
    conditions.push(c);
  };
  cond("PodReadyToStartContainers", rec.sandboxReady && !(terminal && rec.finished) ? "True" : "False");
  const pendingInit = inits.filter((c) => !initContainerDone(c)).map((c) => c.name);
  if (initializing) cond("Initialized", "False", "ContainersNotInitialized", `containers with incomplete status: [${pendingInit.join(" ")}]`);
  else cond("Initialized", "True", terminal && inits.length > 0 ? "PodCompleted" : undefined);
  const unready = mains.filter((c) => !containerReady(c, now)).map((c) => c.name);
  if (terminal) {
    cond("Ready", "False", "PodCompleted");
    cond("ContainersReady", "False", "PodCompleted");
  } else if (unready.length > 0) {
    cond("Ready", "False", "ContainersNotReady", `containers with unready status: [${unready.join(" ")}]`);
    cond("ContainersReady", "False", "ContainersNotReady", `containers with unready status: [${unready.join(" ")}]`);
  } else {
    cond("Ready", "True");
    cond("ContainersReady", "True");
  }
  const old = (rec.pod.status ?? {}) as Json;
  for (const c of (old.conditions as Json[] | undefined) ?? []) {
    if (!["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady"].includes(c.type as string)) conditions.push(c);
  }
  const status: Json = {
    conditions,
    // Like the kubelet's default waiting state: PodInitializing whenever the pod has init containers.
    containerStatuses: mains.map((c) => containerStatus(c, now, inits.length > 0)),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    phase,
    qosClass: (old.qosClass as string | undefined) ?? qosClass(rec),
    startTime: rfc3339(rec.startTime),
  };
  if (inits.length > 0) status.initContainerStatuses = inits.map((c) => containerStatus(c, now, false));
  if (rec.ip) {
    status.podIP = rec.ip;
    status.podIPs = [{ ip: rec.ip }];
  }
  return status;
}
