import { parseTime, rfc3339 } from "../runtime/clock";
import type { ComponentContext } from "../runtime/component-context";
import type { Reconciler } from "../runtime/sim-loop";
import { WorkQueue } from "../runtime/work-queue";
import { clone, deepEqual } from "./util/clone";
import type { Condition, Node, Pod, Taint } from "./util/objects";

const COMPONENT = "node-controller";
/** --node-monitor-period. */
export const NODE_MONITOR_PERIOD_MS = 5000;
/** --node-startup-grace-period. */
const STARTUP_GRACE_MS = 60_000;
const LEASE_NAMESPACE = "kube-node-lease";
const CONDITIONS = ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"];

export const TAINT_UNREACHABLE = "node.kubernetes.io/unreachable";
export const TAINT_NOT_READY = "node.kubernetes.io/not-ready";
/** Taints this controller owns; any other taint on the node is the user's and left alone. */
const MANAGED = new Set([
  TAINT_UNREACHABLE,
  TAINT_NOT_READY,
  "node.kubernetes.io/unschedulable",
  "node.kubernetes.io/memory-pressure",
  "node.kubernetes.io/disk-pressure",
  "node.kubernetes.io/pid-pressure",
]);

/**
 * The node lifecycle controller (pkg/controller/nodelifecycle): every node-monitor-period it compares each
 * node's last heartbeat (its Lease renewTime or Ready lastHeartbeatTime) with the grace period; a silent node
 * gets Unknown conditions, the unreachable taints (NoSchedule and NoExecute: the taint-eviction controller then
 * evicts pods), its pods marked not ready, and NodeNotReady events. Taints follow the conditions back.
 */
export function createNodeLifecycleController(ctx: ComponentContext, gracePeriodSeconds: number): Reconciler {
  const client = ctx.client;
  const queue = new WorkQueue(COMPONENT);
  /** Last Ready status this controller saw per node, to report transitions once. */
  const observed = new Map<string, string>();
  /**
   * nodeHealthMap: the last heartbeat value seen per node and when this controller saw it change. Health is
   * judged on the controller's own clock (probeTimestamp), never on the kubelet's timestamps, as upstream.
   */
  const probes = new Map<string, { heartbeat: number; seenAt: number }>();

  client.watch("nodes", undefined, { sendInitialEvents: true }, (e) => {
    if (e.type === "DELETED") {
      observed.delete(e.object.metadata.name ?? "");
      probes.delete(e.object.metadata.name ?? "");
    }
    else queue.add(e.object.metadata.name ?? "");
  });
  const monitor = () => {
    const nodes = client.list("nodes", undefined);
    if (nodes.ok) for (const n of nodes.value.items) queue.add(n.metadata.name ?? "");
    ctx.loop.after(NODE_MONITOR_PERIOD_MS, "node-controller monitorNodeHealth", monitor);
  };
  ctx.loop.after(NODE_MONITOR_PERIOD_MS, "node-controller monitorNodeHealth", monitor);

  function reconcile(name: string): void {
    const got = client.get("nodes", undefined, name);
    if (!got.ok) return;
    let node = got.value as Node;
    const now = ctx.clock.now();

    node = tryUpdateNodeHealth(node, now) ?? node;
    const ready = node.status?.conditions?.find((c) => c.type === "Ready");
    const status = ready?.status ?? "Unknown";
    syncTaints(node, now);

    const before = observed.get(name);
    observed.set(name, status);
    if (before === undefined) return;
    if (before === "True" && status !== "True") {
      nodeEvent(node, "NodeNotReady");
      markPodsNotReady(name, now);
    } else if (before !== "True" && status === "True") {
      nodeEvent(node, "NodeReady");
    }
  }

  /** Conditions go Unknown when the kubelet has been silent longer than the grace period. */
  function tryUpdateNodeHealth(node: Node, now: number): Node | undefined {
    const name = node.metadata.name ?? "";
    const conditions = node.status?.conditions ?? [];
    const ready = conditions.find((c) => c.type === "Ready");
    let probe: number;
    let grace: number;
    if (!ready) {
      probe = parseTime(node.metadata.creationTimestamp);
      grace = STARTUP_GRACE_MS;
    } else {
      const lease = client.get("leases", LEASE_NAMESPACE, name);
      const renew = lease.ok ? parseTime((lease.value.spec as { renewTime?: string } | undefined)?.renewTime) : Number.NaN;
      const heartbeat = parseTime(ready.lastHeartbeatTime);
      const latest = Math.max(Number.isNaN(renew) ? -Infinity : renew, Number.isNaN(heartbeat) ? -Infinity : heartbeat);
      const seen = probes.get(name);
      if (!seen || seen.heartbeat !== latest) probes.set(name, { heartbeat: latest, seenAt: now });
      probe = probes.get(name)!.seenAt;
      grace = gracePeriodSeconds * 1000;
    }
    if (!(probe + grace < now)) return undefined;
    if (ready?.status === "Unknown" && CONDITIONS.every((t) => conditions.some((c) => c.type === t && c.status === "Unknown"))) return undefined;

    const t = rfc3339(now);
    const next: Condition[] = clone(conditions);
    for (const type of CONDITIONS) {
      const cur = next.find((c) => c.type === type);
      if (!cur) {
        next.push({ type, status: "Unknown", lastHeartbeatTime: t, lastTransitionTime: t, reason: "NodeStatusNeverUpdated", message: "Kubelet never posted node status." });
      } else if (cur.status !== "Unknown") {
        cur.status = "Unknown";
        cur.reason = "NodeStatusUnknown";
        cur.message = "Kubelet stopped posting node status.";
        cur.lastTransitionTime = t;
      }
    }
    const res = client.updateStatus("nodes", undefined, name, { ...node, status: { ...(node.status ?? {}), conditions: next } });
    if (!res.ok) return undefined;
    ctx.trace({ component: COMPONENT, action: "marked", message: `node ${name}: no heartbeat for ${gracePeriodSeconds}s, conditions set to Unknown`, object: { kind: "Node", name } });
    return res.value as Node;
  }

  /** TaintNodesByCondition and the NoExecute taints of taint-based eviction, derived from the conditions. */
  function syncTaints(node: Node, now: number): void {
    const conds = node.status?.conditions ?? [];
    const status = (type: string) => conds.find((c) => c.type === type)?.status;
    const want: Taint[] = [];
    const ready = status("Ready");
    if (ready === "Unknown") want.push({ key: TAINT_UNREACHABLE, effect: "NoExecute" }, { key: TAINT_UNREACHABLE, effect: "NoSchedule" });
    else if (ready === "False") want.push({ key: TAINT_NOT_READY, effect: "NoExecute" }, { key: TAINT_NOT_READY, effect: "NoSchedule" });
    if (status("MemoryPressure") === "True") want.push({ key: "node.kubernetes.io/memory-pressure", effect: "NoSchedule" });
    if (status("DiskPressure") === "True") want.push({ key: "node.kubernetes.io/disk-pressure", effect: "NoSchedule" });
    if (status("PIDPressure") === "True") want.push({ key: "node.kubernetes.io/pid-pressure", effect: "NoSchedule" });
    if (node.spec?.unschedulable) want.push({ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" });

    const current = node.spec?.taints ?? [];
    const same = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;
    const kept = current.filter((t) => !MANAGED.has(t.key) || want.some((w) => same(w, t)));
    const added = want.filter((w) => !current.some((t) => same(w, t))).map((w) => (w.effect === "NoExecute" ? { ...w, timeAdded: rfc3339(now) } : w));
    const next = [...kept, ...added];
    if (deepEqual(next, current)) return;
    const spec = { ...(node.spec ?? {}) };
    if (next.length) spec.taints = next;
    else delete spec.taints;
    const res = client.update("nodes", undefined, node.metadata.name ?? "", { ...node, spec });
    if (res.ok) {
      const verb = added.length ? "tainted" : "untainted";
      const list = (added.length ? added : current.filter((t) => !kept.includes(t))).map((t) => `${t.key}:${t.effect}`).join(", ");
      ctx.trace({ component: COMPONENT, action: verb, message: `node ${node.metadata.name} ${verb} ${list}`, object: { kind: "Node", name: node.metadata.name ?? "" } });
    } else if (res.status.reason === "Conflict") queue.add(node.metadata.name ?? "");
  }

  function nodeEvent(node: Node, status: "NodeNotReady" | "NodeReady"): void {
    // The node controller's events reference the node with its name as uid (nodeutil.RecordNodeStatusChange).
    const ref = { ...node, metadata: { ...node.metadata, uid: node.metadata.name } };
    ctx.recorder.event(ref, "Normal", status, `Node ${node.metadata.name} status is now: ${status}`, { component: COMPONENT });
  }

  /** MarkPodsNotReady: the pods of a node that went silent stop being Ready (and leave Service endpoints). */
  function markPodsNotReady(nodeName: string, now: number): void {
    const pods = client.list("pods", undefined, { fieldSelector: `spec.nodeName=${nodeName}` });
    if (!pods.ok) return;
    for (const pod of pods.value.items as Pod[]) {
      if (pod.spec.nodeName !== nodeName) continue;
      const conditions = clone(pod.status?.conditions ?? []);
      const ready = conditions.find((c) => c.type === "Ready");
      if (!ready || ready.status === "False") continue;
      ready.status = "False";
      ready.lastTransitionTime = rfc3339(now);
      const res = client.updateStatus("pods", pod.metadata.namespace, pod.metadata.name ?? "", { ...pod, status: { ...(pod.status ?? {}), conditions } });
      if (res.ok) ctx.recorder.event(pod, "Warning", "NodeNotReady", "Node is not ready", { component: COMPONENT });
    }
  }

  return { queue, reconcile };
}
