import type { Pod } from "./api-shapes";
import { FILTER_PLUGINS } from "./filter-plugins";
import type { NodeInfo } from "./node-info";

/** A change in the cluster that may let an unschedulable pod fit (framework.ClusterEvent, simplified). */
export type ClusterEvent =
  | { kind: "NodeAdd"; node: NodeInfo }
  | { kind: "NodeUpdate"; old: NodeInfo; node: NodeInfo }
  /** A bound pod went away (deleted, or finished): its cpu, memory, pod slot and host ports are free again. */
  | { kind: "AssignedPodDelete" }
  /** A pod was bound: only spreading can get better (the fewest-pods domain may have grown). */
  | { kind: "AssignedPodAdd" };

/** Plugins whose rejection a freed pod slot can lift. */
const HELPED_BY_POD_DELETE = new Set(["NodeResourcesFit", "NodePorts", "PodTopologySpread"]);

/**
 * The queueing hints of v1.32: a pod rejected by plugins P is retried only when an event could make one of P
 * pass: a node added or changed so that the plugin now accepts the pod there, or a bound pod removed.
 * Node heartbeats (status-only changes) never pass this test, so they do not cause retries.
 */
export function isSchedulableAfter(pod: Pod, rejectedBy: ReadonlySet<string>, event: ClusterEvent): boolean {
  if (event.kind === "AssignedPodDelete") return [...rejectedBy].some((p) => HELPED_BY_POD_DELETE.has(p));
  if (event.kind === "AssignedPodAdd") return rejectedBy.has("PodTopologySpread");
  // Spreading depends on every node; any node added, or relabelled, may change the domains.
  if (rejectedBy.has("PodTopologySpread")) {
    if (event.kind === "NodeAdd") return true;
    if (JSON.stringify(event.old.node.metadata.labels ?? {}) !== JSON.stringify(event.node.node.metadata.labels ?? {})) return true;
  }
  for (const plugin of FILTER_PLUGINS) {
    if (!rejectedBy.has(plugin.name) || plugin.name === "PodTopologySpread") continue;
    if (plugin.filter(pod, event.node)) continue;
    if (event.kind === "NodeAdd" || plugin.filter(pod, event.old)) return true;
  }
  return false;
}

/** Backoff after `attempts` failed cycles: 1 s doubling to at most 10 s (podInitialBackoff / podMaxBackoff). */
export function backoffMs(attempts: number): number {
  let d = 1000;
  for (let i = 1; i < attempts; i++) {
    if (d > 10_000 - d) return 10_000;
    d += d;
  }
  return d;
}

/** Unschedulable pods are retried anyway after 5 minutes, checked every 30 s (podMaxInUnschedulablePodsDuration). */
export const MAX_IN_UNSCHEDULABLE_MS = 5 * 60_000;
export const FLUSH_PERIOD_MS = 30_000;

/** The first flush tick (every 30 s from `origin`) strictly more than 5 minutes after `since`. */
export function nextFlushAt(origin: number, since: number): number {
  const k = Math.floor((since + MAX_IN_UNSCHEDULABLE_MS - origin) / FLUSH_PERIOD_MS) + 1;
  return origin + k * FLUSH_PERIOD_MS;
}

const PLUGIN_BY_REASON: [RegExp, string][] = [
  [/Insufficient |Too many pods/, "NodeResourcesFit"],
  [/untolerated taint/, "TaintToleration"],
  [/node affinity\/selector/, "NodeAffinity"],
  [/were unschedulable/, "NodeUnschedulable"],
  [/requested node name/, "NodeName"],
  [/free ports/, "NodePorts"],
  [/topology spread constraints/, "PodTopologySpread"],
];

/**
 * Which plugins rejected a pod, read back from its FailedScheduling message: lets a restored cluster park
 * its pending pods exactly as before, since a snapshot keeps objects but not the scheduler's memory.
 */
export function rejectorsFromMessage(message: string): Set<string> {
  const filterPart = message.split(" preemption: ")[0];
  return new Set(PLUGIN_BY_REASON.filter(([re]) => re.test(filterPart)).map(([, p]) => p));
}
