import { parseTime, rfc3339 } from "../runtime/clock";
import type { CancelTimer, Reconciler } from "../runtime/sim-loop";
import type { ComponentContext } from "../runtime/component-context";
import { WorkQueue } from "../runtime/work-queue";
import { clone } from "./util/clone";
import { keyOf, splitKey } from "./util/keys";
import type { Node, Pod, Taint } from "./util/objects";
import { tolerates } from "./util/taints";

const COMPONENT = "taint-eviction-controller";

/**
 * The taint-eviction controller (pkg/controller/tainteviction): a pod on a node with a NoExecute taint it does
 * not tolerate is deleted at once; one that tolerates it for tolerationSeconds (the default 300 s for
 * not-ready/unreachable) is deleted when that time has passed since the taint was added, unless the taint
 * goes away first.
 */
export function createTaintEvictionController(ctx: ComponentContext): Reconciler {
  const client = ctx.client;
  const queue = new WorkQueue(COMPONENT);
  const scheduled = new Map<string, { at: number; cancel: CancelTimer }>();
  const nodeTaints = new Map<string, string>();

  client.watch("nodes", undefined, { sendInitialEvents: true }, (e) => {
    const name = e.object.metadata.name ?? "";
    const sig = JSON.stringify(noExecute(e.object as Node));
    if (e.type !== "DELETED" && nodeTaints.get(name) === sig) return;
    nodeTaints.set(name, sig);
    const pods = client.list("pods", undefined, { fieldSelector: `spec.nodeName=${name}` });
    if (pods.ok) for (const p of pods.value.items) if ((p as Pod).spec.nodeName === name) queue.add(keyOf(p));
  });
  client.watch("pods", undefined, {}, (e) => {
    const pod = e.object as Pod;
    const key = keyOf(pod);
    if (e.type === "DELETED" || pod.metadata.deletionTimestamp) {
      cancel(key);
      return;
    }
    if (pod.spec.nodeName && nodeTaints.get(pod.spec.nodeName) !== "[]") queue.add(key);
  });

  function cancel(key: string, withEvent?: Pod): void {
    const s = scheduled.get(key);
    if (!s) return;
    s.cancel();
    scheduled.delete(key);
    if (withEvent) ctx.recorder.event(withEvent, "Normal", "TaintManagerEviction", `Cancelling deletion of Pod ${key}`, { component: COMPONENT });
  }

  function reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const got = client.get("pods", namespace, name);
    if (!got.ok || got.value.metadata.deletionTimestamp) return cancel(key);
    const pod = got.value as Pod;
    if (!pod.spec.nodeName) return cancel(key);
    const node = client.get("nodes", undefined, pod.spec.nodeName);
    const taints = node.ok ? noExecute(node.value as Node) : [];
    if (taints.length === 0) return cancel(key, pod);

    const now = ctx.clock.now();
    let deadline = Number.POSITIVE_INFINITY;
    for (const taint of taints) {
      const used = (pod.spec.tolerations ?? []).filter((t) => tolerates(t, taint));
      if (used.length === 0) {
        deadline = now;
        break;
      }
      // getMinTolerationTime: the shortest tolerationSeconds among the tolerations used; none means forever.
      const seconds = used.filter((t) => t.tolerationSeconds !== undefined && t.tolerationSeconds !== null).map((t) => Math.max(0, t.tolerationSeconds!));
      if (seconds.length === 0) continue;
      const added = parseTime(taint.timeAdded);
      deadline = Math.min(deadline, (Number.isNaN(added) ? now : added) + Math.min(...seconds) * 1000);
    }
    if (!Number.isFinite(deadline)) return cancel(key, pod);
    const prev = scheduled.get(key);
    if (prev && prev.at === deadline) return;
    if (prev) prev.cancel();
    const uid = pod.metadata.uid;
    const timer = ctx.loop.after(Math.max(0, deadline - now), `${COMPONENT} evict ${key}`, () => {
      scheduled.delete(key);
      evict(key, uid);
    });
    scheduled.set(key, { at: deadline, cancel: timer });
  }

  function evict(key: string, uid: string | undefined): void {
    const { namespace, name } = splitKey(key);
    const got = client.get("pods", namespace, name);
    if (!got.ok || got.value.metadata.uid !== uid || got.value.metadata.deletionTimestamp) return;
    const pod = got.value as Pod;
    ctx.recorder.event(pod, "Normal", "TaintManagerEviction", `Marking for deletion Pod ${key}`, { component: COMPONENT });
    // PodDisruptionConditions (GA in 1.31): say why the pod is going before deleting it.
    const conditions = clone(pod.status?.conditions ?? []).filter((c) => c.type !== "DisruptionTarget");
    conditions.push({ type: "DisruptionTarget", status: "True", lastProbeTime: null, lastTransitionTime: rfc3339(ctx.clock.now()), reason: "DeletionByTaintManager", message: "Taint manager: deleting due to NoExecute taint" });
    client.updateStatus("pods", namespace, name, { ...pod, status: { ...(pod.status ?? {}), conditions } });
    const res = client.delete("pods", namespace, name, { preconditionsUid: uid });
    if (res.ok) ctx.trace({ component: COMPONENT, action: "evicted", message: `evicted pod ${key}: NoExecute taint on node ${pod.spec.nodeName}`, object: { kind: "Pod", namespace, name } });
  }

  return { queue, reconcile };
}

function noExecute(node: Node): Taint[] {
  return (node.spec?.taints ?? []).filter((t) => t.effect === "NoExecute");
}
