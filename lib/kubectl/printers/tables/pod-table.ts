import { parseTimestamp, translateTimestampSince } from "../human-duration";
import { ageColumn, nameColumn, type Loose, type TableHandler } from "./table-types";

function isRestartableInitContainer(container: Loose): boolean {
  return container?.restartPolicy === "Always";
}

function hasCondition(pod: Loose, type: string): boolean {
  return ((pod.status?.conditions ?? []) as Loose[]).some((c) => c?.type === type && c?.status === "True");
}

interface PodSummary {
  ready: number;
  total: number;
  reason: string;
  restarts: string;
}

function terminatedReason(prefix: string, t: Loose): string {
  if (t.reason) return prefix + t.reason;
  return t.signal ? `${prefix}Signal:${t.signal}` : `${prefix}ExitCode:${t.exitCode ?? 0}`;
}

/** printPod's READY, STATUS and RESTARTS cells (kubernetes v1.32, sidecar-aware). */
export function summarizePod(pod: Loose, now: number): PodSummary {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const initSpecs: Loose[] = spec.initContainers ?? [];
  let total = (spec.containers ?? []).length;
  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart = 0;
  let lastSidecarRestart = 0;
  const phase = status.phase ?? "";
  let reason: string = status.reason || phase;

  for (const c of (status.conditions ?? []) as Loose[]) {
    if (c?.type === "PodScheduled" && c?.reason === "SchedulingGated") reason = "SchedulingGated";
  }
  const initByName = new Map<string, Loose>();
  for (const c of initSpecs) {
    initByName.set(c?.name, c);
    if (isRestartableInitContainer(c)) total++;
  }

  const finishedAt = (cs: Loose): number => parseTimestamp(cs?.lastState?.terminated?.finishedAt) ?? 0;
  let initializing = false;
  const initStatuses: Loose[] = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    const sidecar = isRestartableInitContainer(initByName.get(cs?.name));
    restarts += cs?.restartCount ?? 0;
    lastRestart = Math.max(lastRestart, finishedAt(cs));
    if (sidecar) {
      sidecarRestarts += cs?.restartCount ?? 0;
      lastSidecarRestart = Math.max(lastSidecarRestart, finishedAt(cs));
    }
    const state = cs?.state ?? {};
    if (state.terminated && (state.terminated.exitCode ?? 0) === 0) continue;
    if (sidecar && cs?.started === true) {
      if (cs?.ready) ready++;
      continue;
    }
    if (state.terminated) reason = terminatedReason("Init:", state.terminated);
    else if (state.waiting?.reason && state.waiting.reason !== "PodInitializing") reason = `Init:${state.waiting.reason}`;
    else reason = `Init:${i}/${initSpecs.length}`;
    initializing = true;
    break;
  }

  if (!initializing || hasCondition(pod, "Initialized")) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses: Loose[] = status.containerStatuses ?? [];
    // Walk backwards so the first container with a reason wins, as printPod does.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs?.restartCount ?? 0;
      lastRestart = Math.max(lastRestart, finishedAt(cs));
      const state = cs?.state ?? {};
      if (state.waiting?.reason) reason = state.waiting.reason;
      else if (state.terminated) reason = terminatedReason("", state.terminated);
      else if (cs?.ready && state.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === "Completed" && hasRunning) reason = hasCondition(pod, "Ready") ? "Running" : "NotReady";
  }

  if (pod.metadata?.deletionTimestamp && status.reason === "NodeLost") reason = "Unknown";
  else if (pod.metadata?.deletionTimestamp && phase !== "Succeeded" && phase !== "Failed") reason = "Terminating";

  let restartsCell = String(restarts);
  if (restarts !== 0 && lastRestart !== 0) restartsCell = `${restarts} (${translateTimestampSince(new Date(lastRestart).toISOString(), now)} ago)`;
  return { ready, total, reason, restarts: restartsCell };
}

export const podTable: TableHandler = {
  columns: [
    nameColumn,
    { name: "Ready", priority: 0 },
    { name: "Status", priority: 0 },
    { name: "Restarts", priority: 0 },
    ageColumn,
    { name: "IP", priority: 1 },
    { name: "Node", priority: 1 },
    { name: "Nominated Node", priority: 1 },
    { name: "Readiness Gates", priority: 1 },
  ],
  row(pod: Loose, now) {
    const s = summarizePod(pod, now);
    const gates: Loose[] = pod.spec?.readinessGates ?? [];
    let readinessGates = "<none>";
    if (gates.length > 0) {
      const conditions: Loose[] = pod.status?.conditions ?? [];
      const trueCount = gates.filter((g) => conditions.find((c) => c?.type === g?.conditionType)?.status === "True").length;
      readinessGates = `${trueCount}/${gates.length}`;
    }
    return [
      pod.metadata?.name ?? "",
      `${s.ready}/${s.total}`,
      s.reason,
      s.restarts,
      translateTimestampSince(pod.metadata?.creationTimestamp, now),
      // A real API server always fills podIPs with podIP; accept podIP alone too.
      pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || "<none>",
      pod.spec?.nodeName || "<none>",
      pod.status?.nominatedNodeName || "<none>",
      readinessGates,
    ];
  },
};
