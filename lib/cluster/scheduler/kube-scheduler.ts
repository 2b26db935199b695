import type { KubeObject, WatchEvent } from "../api/types";
import type { SchedulingDecision } from "../cluster-types";
import type { ComponentContext } from "../runtime/component-context";
import { rfc3339 } from "../runtime/clock";
import type { CancelTimer, Reconciler } from "../runtime/sim-loop";
import { WorkQueue } from "../runtime/work-queue";
import { podKey, type Node, type Pod, type PodCondition } from "./api-shapes";
import { addPod, newNodeInfo, removePod, replacePod, withNode, type NodeInfo } from "./node-info";
import { backoffMs, isSchedulableAfter, nextFlushAt, rejectorsFromMessage, type ClusterEvent } from "./queueing-hints";
import { parseTime } from "../runtime/clock";
import { scheduleOne } from "./schedule-one";
import { defaultSpreadSelector } from "./spread-selector";

export const SCHEDULER_NAME = "default-scheduler";
const COMPONENT = "kube-scheduler";
/** Events longer than this are cut, as the scheduler's truncateMessage does. */
const MAX_MESSAGE_LEN = 1024;
const MAX_SCORES_TRACED = 12;

/**
 * The 30 s flush ticks are aligned to the epoch rather than to the scheduler's start, so a cluster restored
 * from a snapshot retries its pending pods at the same instants as the original.
 */
const FLUSH_ORIGIN = 0;

function failedSchedulingHistory(ctx: ComponentContext): Map<string, { last: number; count: number }> {
  const out = new Map<string, { last: number; count: number }>();
  const events = ctx.client.list("events", undefined);
  if (!events.ok) return out;
  for (const e of events.value.items as Record<string, any>[]) {
    if (e.reason !== "FailedScheduling" || e.source?.component !== SCHEDULER_NAME) continue;
    const uid = e.involvedObject?.uid;
    const last = parseTime(e.lastTimestamp);
    if (typeof uid !== "string" || Number.isNaN(last)) continue;
    const prev = out.get(uid);
    const count = Number(e.count ?? 1);
    out.set(uid, { last: Math.max(prev?.last ?? last, last), count: (prev?.count ?? 0) + count });
  }
  return out;
}

/** What the queue remembers about a pod that failed to schedule. */
interface PodQueueInfo {
  attempts: number;
  lastAttempt: number;
  rejectedBy: Set<string>;
  /** The pending retry (backoff expiry or the 5-minute flush). */
  timer?: CancelTimer;
}

function truncate(msg: string): string {
  const suffix = " ...(truncated)";
  return msg.length <= MAX_MESSAGE_LEN ? msg : msg.slice(0, MAX_MESSAGE_LEN - suffix.length) + suffix;
}

/** Spec and metadata without the fields every write changes: what makes a pod update worth a retry. */
function schedulingRelevant(pod: Pod): string {
  const { resourceVersion: _rv, generation: _g, ...meta } = pod.metadata as Record<string, unknown>;
  void _rv;
  void _g;
  return JSON.stringify([meta, pod.spec ?? null]);
}

/** Same requests, ports, labels and liveness: the scheduler's view of the pod on its node is unchanged. */
function sameForScheduling(a: Pod, b: Pod): boolean {
  if (a.spec !== b.spec && JSON.stringify(a.spec) !== JSON.stringify(b.spec)) return false;
  if (a.metadata.deletionTimestamp !== b.metadata.deletionTimestamp || a.metadata.uid !== b.metadata.uid) return false;
  const la = a.metadata.labels ?? {};
  const lb = b.metadata.labels ?? {};
  if (la === lb) return true;
  const ka = Object.keys(la);
  if (ka.length !== Object.keys(lb).length) return false;
  return ka.every((k) => la[k] === lb[k]);
}

function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}

/**
 * kube-scheduler's control loop: watches pods and nodes, keeps a queue of pods to place, runs one pure
 * scheduling cycle per pod (scheduleOne), then binds, or records FailedScheduling and parks the pod until a
 * cluster change could help (queueing hints, with 1-10 s back-off) or five minutes pass.
 */
export class KubeScheduler implements Reconciler {
  readonly queue = new WorkQueue("kube-scheduler");
  private readonly pods = new Map<string, Pod>();
  private readonly nodes = new Map<string, Node>();
  private readonly unschedulable = new Map<string, PodQueueInfo>();
  /** The scheduler cache: bound, non-terminal pods per node, and NodeInfos rebuilt only for nodes that changed. */
  private readonly podsByNode = new Map<string, Map<string, Pod>>();
  private readonly nodeInfoCache = new Map<string, NodeInfo>();
  /** Unbound pods that carry a nominatedNodeName (preemptors waiting for their victims to go). */
  private readonly nominated = new Map<string, Pod>();
  /** FailedScheduling history by pod uid, read once at start (see restoreParked). */
  private history: Map<string, { last: number; count: number }> | undefined;

  constructor(
    private readonly ctx: ComponentContext,
    private readonly record: (decision: SchedulingDecision) => void,
  ) {
    this.history = failedSchedulingHistory(ctx);
    ctx.client.watch("nodes", undefined, { sendInitialEvents: true }, (e) => this.onNode(e));
    ctx.client.watch("pods", undefined, { sendInitialEvents: true }, (e) => this.onPod(e));
    this.history = undefined;
  }

  /**
   * On start from a snapshot, a pod that already failed is parked as it was (attempts and time of the last
   * failure from its events, rejecting plugins from its message) instead of being retried at once, so a restored
   * cluster replays exactly like the original.
   */
  private restoreParked(key: string, pod: Pod): boolean {
    const cond = pod.status?.conditions?.find((c) => c.type === "PodScheduled");
    const seen = this.history?.get(pod.metadata.uid ?? "");
    if (!seen || cond?.status !== "False" || cond.reason !== "Unschedulable") return false;
    const info: PodQueueInfo = { attempts: seen.count, lastAttempt: seen.last, rejectedBy: rejectorsFromMessage(cond.message ?? "") };
    this.unschedulable.set(key, info);
    const at = info.rejectedBy.size ? nextFlushAt(FLUSH_ORIGIN, seen.last) : seen.last + backoffMs(seen.count);
    info.timer = this.ctx.loop.after(at - this.ctx.clock.now(), `kube-scheduler flush ${key}`, () => {
      info.timer = undefined;
      this.queue.add(key);
    });
    return true;
  }

  /** Pods this scheduler is responsible for: unbound, ours, alive. */
  private wants(pod: Pod): boolean {
    return (
      !pod.spec?.nodeName &&
      (pod.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME &&
      !pod.metadata.deletionTimestamp &&
      !isTerminal(pod) &&
      (pod.spec?.schedulingGates ?? []).length === 0
    );
  }

  /**
   * Keep the per-node pod sets and the cached NodeInfos in step with one pod change. A status write leaves the
   * NodeInfo as it is (the pod object is swapped); anything that could change a plugin's answer moves the pod.
   */
  private track(key: string, old: Pod | undefined, pod: Pod | undefined): void {
    const from = old?.spec?.nodeName && !isTerminal(old) ? old.spec.nodeName : undefined;
    const to = pod?.spec?.nodeName && !isTerminal(pod) ? pod.spec.nodeName : undefined;
    if (from && from === to && old && pod && sameForScheduling(old, pod)) {
      this.podsByNode.get(to)?.set(key, pod);
      const info = this.nodeInfoCache.get(to);
      if (info && !replacePod(info, pod)) this.nodeInfoCache.delete(to);
    } else {
      if (from && old) {
        this.podsByNode.get(from)?.delete(key);
        const info = this.nodeInfoCache.get(from);
        if (info && !removePod(info, old)) this.nodeInfoCache.delete(from);
      }
      if (to && pod) {
        let m = this.podsByNode.get(to);
        if (!m) this.podsByNode.set(to, (m = new Map()));
        m.set(key, pod);
        const info = this.nodeInfoCache.get(to);
        if (info) addPod(info, pod);
      }
    }
    if (pod && !pod.spec?.nodeName && pod.status?.nominatedNodeName) this.nominated.set(key, pod);
    else this.nominated.delete(key);
  }

  /** NodeInfos of every node in node order, as buildNodeInfos would make them from the whole cache. */
  private nodeInfos(): NodeInfo[] {
    const out: NodeInfo[] = [];
    for (const [name, node] of this.nodes) {
      let info = this.nodeInfoCache.get(name);
      if (!info) {
        info = newNodeInfo(node, [...(this.podsByNode.get(name)?.values() ?? [])]);
        this.nodeInfoCache.set(name, info);
      }
      out.push(info);
    }
    return out;
  }

  private onNode(e: WatchEvent): void {
    const node = e.object as Node;
    const name = node.metadata.name ?? "";
    const old = this.nodes.get(name);
    if (e.type === "DELETED") {
      this.nodeInfoCache.delete(name);
      this.nodes.delete(name);
      return;
    }
    const cached = this.nodeInfoCache.get(name);
    if (cached) this.nodeInfoCache.set(name, withNode(cached, node));
    this.nodes.set(name, node);
    if (this.unschedulable.size === 0) return;
    const podsHere = [...(this.podsByNode.get(name)?.values() ?? [])];
    const info = newNodeInfo(node, podsHere);
    const event: ClusterEvent = old ? { kind: "NodeUpdate", old: newNodeInfo(old, podsHere), node: info } : { kind: "NodeAdd", node: info };
    this.moveUnschedulable(event);
  }

  private onPod(e: WatchEvent): void {
    const pod = e.object as Pod;
    const key = podKey(pod);
    const old = this.pods.get(key);
    this.track(key, old, e.type === "DELETED" ? undefined : pod);
    if (e.type === "DELETED") {
      this.pods.delete(key);
      this.forget(key);
      if (pod.spec?.nodeName && !isTerminal(pod)) this.moveUnschedulable({ kind: "AssignedPodDelete" });
      return;
    }
    this.pods.set(key, pod);
    if (pod.spec?.nodeName) {
      this.forget(key);
      if (!old?.spec?.nodeName) this.moveUnschedulable({ kind: "AssignedPodAdd" });
      // A bound pod that finished leaves the scheduler's cache just as a deleted one does.
      if (old?.spec?.nodeName && isTerminal(pod) && !isTerminal(old)) this.moveUnschedulable({ kind: "AssignedPodDelete" });
      return;
    }
    if (!this.wants(pod)) {
      this.forget(key);
      return;
    }
    const parked = this.unschedulable.get(key);
    if (!parked) {
      if (!old && this.history && this.restoreParked(key, pod)) return;
      this.queue.add(key);
      return;
    }
    // Status-only writes (our own PodScheduled condition) do not make a pod worth another try.
    if (old && schedulingRelevant(old) !== schedulingRelevant(pod)) this.activate(key, parked);
  }

  private forget(key: string): void {
    const info = this.unschedulable.get(key);
    if (!info) return;
    info.timer?.();
    this.unschedulable.delete(key);
  }

  private moveUnschedulable(event: ClusterEvent): void {
    for (const [key, info] of this.unschedulable) {
      const pod = this.pods.get(key);
      if (pod && isSchedulableAfter(pod, info.rejectedBy, event)) this.activate(key, info);
    }
  }

  /** Retry now, or when the pod's back-off ends. */
  private activate(key: string, info: PodQueueInfo): void {
    info.timer?.();
    const readyAt = info.lastAttempt + backoffMs(info.attempts);
    const now = this.ctx.clock.now();
    if (readyAt <= now) {
      info.timer = undefined;
      this.queue.add(key);
    } else {
      info.timer = this.ctx.loop.after(readyAt - now, `kube-scheduler backoff ${key}`, () => {
        info.timer = undefined;
        this.queue.add(key);
      });
    }
  }

  reconcile(key: string): void {
    // Re-read from the cache: the queued key may be stale (bound, deleted, or changed since).
    const pod = this.pods.get(key);
    if (!pod || !this.wants(pod)) {
      this.forget(key);
      return;
    }
    const info = this.unschedulable.get(key);
    info?.timer?.();
    if (info) info.timer = undefined;

    const { ctx } = this;
    const object = { kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name ?? "" };
    const nodeInfos = this.nodeInfos();
    const result = scheduleOne({
      pod,
      nodes: nodeInfos,
      random: ctx.random,
      defaultSpreadSelector: defaultSpreadSelector(ctx.client, pod),
      nominatedPods: [...this.nominated.values()],
    });
    let fit = 0;
    let scored = 0;
    // The activity feed is read by people: a big cluster's scores are cut after the first dozen nodes.
    const shown: string[] = [];
    for (const n of result.nodes) {
      if (!n.filteredOutBy) fit++;
      if (n.total === undefined) continue;
      if (++scored <= MAX_SCORES_TRACED) shown.push(`${n.name}=${n.total}`);
    }
    ctx.trace({ component: COMPONENT, action: "filtered", message: `kube-scheduler filtered ${nodeInfos.length} nodes: ${fit} fit`, object });
    if (scored) {
      if (scored > MAX_SCORES_TRACED) shown.push(`... (${scored - MAX_SCORES_TRACED} more)`);
      ctx.trace({ component: COMPONENT, action: "scored", message: `scored ${shown.join(", ")}`, object });
    }
    const decision: SchedulingDecision = {
      time: ctx.clock.now(),
      pod: { namespace: pod.metadata.namespace ?? "", name: pod.metadata.name ?? "", uid: pod.metadata.uid ?? "" },
      ...(result.node ? { node: result.node } : {}),
      ...(result.message ? { message: result.message } : {}),
      nodes: result.nodes,
    };

    if (result.node) {
      const bound = ctx.client.bind(pod.metadata.namespace ?? "default", pod.metadata.name ?? "", result.node);
      if (bound.ok) {
        this.forget(key);
        ctx.recorder.event(pod, "Normal", "Scheduled", `Successfully assigned ${key} to ${result.node}`, { component: SCHEDULER_NAME });
        ctx.trace({ component: COMPONENT, action: "bound", message: `bound ${key} to ${result.node}`, object });
        this.record(decision);
        return;
      }
      // The pod changed under us (deleted, or bound by someone else): report it and retry after a back-off.
      const msg = `Binding rejected: ${bound.status.message}`;
      this.park(key, new Set());
      this.record({ ...decision, node: undefined, message: msg });
      ctx.recorder.event(pod, "Warning", "FailedScheduling", truncate(msg), { component: SCHEDULER_NAME });
      return;
    }

    const message = result.message ?? "";
    // Park first: the writes below echo back as watch events, which must find the pod already parked.
    this.park(key, new Set([...result.statuses.values()].map((s) => s.plugin)));
    let nominated: string | undefined;
    if (result.preemption) {
      nominated = result.preemption.node;
      for (const victim of result.preemption.victims) this.evict(victim, pod, nominated);
    }
    ctx.recorder.event(pod, "Warning", "FailedScheduling", truncate(message), { component: SCHEDULER_NAME });
    ctx.trace({ component: COMPONENT, action: "unschedulable", message: `could not schedule ${key}: ${message}`, object });
    this.setUnschedulableCondition(pod, message, nominated);
    this.record(decision);
  }

  /** Put the pod aside until a hint fires or the 5-minute flush. */
  private park(key: string, rejectedBy: Set<string>): void {
    const now = this.ctx.clock.now();
    const prev = this.unschedulable.get(key);
    prev?.timer?.();
    const info: PodQueueInfo = { attempts: (prev?.attempts ?? 0) + 1, lastAttempt: now, rejectedBy };
    this.unschedulable.set(key, info);
    if (rejectedBy.size === 0) {
      // Not a fit failure (a binding error): plain back-off.
      this.activate(key, info);
      return;
    }
    info.timer = this.ctx.loop.after(nextFlushAt(FLUSH_ORIGIN, now) - now, `kube-scheduler flush ${key}`, () => {
      info.timer = undefined;
      this.queue.add(key);
    });
  }

  /** PodScheduled=False/Unschedulable with the message, written only when something changed (like updatePod). */
  private setUnschedulableCondition(pod: Pod, message: string, nominatedNodeName: string | undefined): void {
    const { client, clock } = this.ctx;
    const fresh = client.get("pods", pod.metadata.namespace, pod.metadata.name ?? "");
    if (!fresh.ok) return;
    const current = fresh.value as Pod;
    const status = { ...(current.status ?? {}) };
    const conditions: PodCondition[] = [...(status.conditions ?? [])];
    const i = conditions.findIndex((c) => c.type === "PodScheduled");
    const old = i >= 0 ? conditions[i] : undefined;
    const next: PodCondition = {
      type: "PodScheduled",
      status: "False",
      lastProbeTime: null,
      lastTransitionTime: old && old.status === "False" && old.lastTransitionTime ? old.lastTransitionTime : rfc3339(clock.now()),
      reason: "Unschedulable",
      message,
    };
    const conditionChanged = !old || old.status !== next.status || old.reason !== next.reason || old.message !== next.message || old.lastTransitionTime !== next.lastTransitionTime;
    const nominationChanged = nominatedNodeName !== undefined && status.nominatedNodeName !== nominatedNodeName;
    if (!conditionChanged && !nominationChanged) return;
    if (i >= 0) conditions[i] = next;
    else conditions.push(next);
    status.conditions = conditions;
    if (nominatedNodeName !== undefined) status.nominatedNodeName = nominatedNodeName;
    client.updateStatus("pods", current.metadata.namespace, current.metadata.name ?? "", { ...current, status } as KubeObject);
  }

  /** Preemption: mark the victim with DisruptionTarget, delete it, and say why on the victim. */
  private evict(victim: Pod, preemptor: Pod, node: string): void {
    const { client, clock, recorder } = this.ctx;
    const ns = victim.metadata.namespace;
    const name = victim.metadata.name ?? "";
    const fresh = client.get("pods", ns, name);
    if (fresh.ok) {
      const current = fresh.value as Pod;
      const conditions = (current.status?.conditions ?? []).filter((c) => c.type !== "DisruptionTarget");
      conditions.push({
        type: "DisruptionTarget",
        status: "True",
        lastProbeTime: null,
        lastTransitionTime: rfc3339(clock.now()),
        reason: "PreemptionByScheduler",
        message: `${SCHEDULER_NAME}: preempting to accommodate a higher priority pod`,
      });
      client.updateStatus("pods", ns, name, { ...current, status: { ...(current.status ?? {}), conditions } } as KubeObject);
    }
    client.delete("pods", ns, name);
    recorder.event(victim, "Normal", "Preempted", `Preempted by pod ${preemptor.metadata.uid ?? ""} on node ${node}`, { component: SCHEDULER_NAME });
    this.ctx.trace({ component: COMPONENT, action: "preempted", message: `preempted ${podKey(victim)} on ${node} for ${podKey(preemptor)}`, object: { kind: "Pod", namespace: ns, name } });
  }
}
