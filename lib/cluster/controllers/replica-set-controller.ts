import type { KubeObject, Status } from "../api/types";
import { parseTime, rfc3339 } from "../runtime/clock";
import type { ComponentContext } from "../runtime/component-context";
import type { Reconciler } from "../runtime/sim-loop";
import { WorkQueue } from "../runtime/work-queue";
import { compareForDeletion } from "./util/active-pods-order";
import { deepEqual } from "./util/clone";
import { keyOf, splitKey } from "./util/keys";
import { selectorMatcher, selectorMatches } from "./util/label-selector";
import type { Condition, Pod, ReplicaSetLike } from "./util/objects";
import { controllerRefOf, newControllerRef } from "./util/owner";
import { podFromTemplate } from "./util/pod-from-template";
import { PodEntry, PodOwnerIndex } from "./util/pod-owner-index";
import { fullyLabeled, selectedBy } from "./util/pod-facts";
import { isPodActive, isPodAvailable, isPodReady, podCondition } from "./util/pod-state";
import { slowStartBatch } from "./util/slow-start";

/** --concurrent-*-syncs aside, the one tunable the user can notice: at most this many creates/deletes per sync. */
const BURST_REPLICAS = 500;

export type ReplicaKind = "ReplicaSet" | "ReplicationController";

const FLAVOURS = {
  ReplicaSet: { resource: "replicasets", component: "replicaset-controller" },
  ReplicationController: { resource: "replicationcontrollers", component: "replication-controller" },
} as const;

/**
 * The ReplicaSet controller (pkg/controller/replicaset); with kind "ReplicationController" it is the
 * replication manager, which upstream is the same code behind an adapter.
 */
export function createReplicaSetController(ctx: ComponentContext, kind: ReplicaKind): Reconciler {
  const { resource, component } = FLAVOURS[kind];
  const client = ctx.client;
  const queue = new WorkQueue(component);

  const event = (obj: KubeObject, type: "Normal" | "Warning", reason: string, message: string) =>
    ctx.recorder.event(obj, type, reason, message, { component });

  client.watch(resource, undefined, { sendInitialEvents: true }, (e) => queue.add(keyOf(e.object)));
  const podIndex = new PodOwnerIndex();
  client.watch("pods", undefined, { sendInitialEvents: true }, (e) => {
    podIndex.apply(e);
    const pod = e.object as Pod;
    const ref = controllerRefOf(pod);
    if (ref) {
      if (ref.kind === kind && pod.metadata.namespace) queue.add(`${pod.metadata.namespace}/${ref.name}`);
      return;
    }
    if (e.type === "DELETED") return;
    // An orphan: every owner whose selector matches may adopt it (getPodReplicaSets).
    const owners = client.list(resource, pod.metadata.namespace);
    if (!owners.ok) return;
    for (const rs of owners.value.items as ReplicaSetLike[]) {
      if (selectorMatches(rs.spec.selector, pod.metadata.labels)) queue.add(keyOf(rs));
    }
  });

  function reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    // Re-read from the API: the queued key may be stale, the object changed or gone since it was queued.
    const got = client.get(resource, namespace, name);
    if (!got.ok) return;
    const rs = got.value as ReplicaSetLike;
    // Only our pods and the namespace's orphans can be claimed: the watch-kept index hands us just those,
    // in the order a list would (pods another controller owns are skipped by ClaimPods anyway).
    const active = claimActivePods(rs, podIndex.candidateEntries(namespace ?? "", rs.metadata.uid ?? ""));

    let manageError: ManageError | undefined;
    if (!rs.metadata.deletionTimestamp) manageError = manageReplicas(active, rs);

    updateStatus(rs, active, manageError);
  }

  /**
   * ClaimPods (keep ours that still match, release ours that no longer match, adopt matching orphans), then
   * FilterActivePods on what was claimed.
   */
  function claimActivePods(rs: ReplicaSetLike, entries: readonly PodEntry[]): PodEntry[] {
    const active: PodEntry[] = [];
    const selects = selectorMatcher(rs.spec.selector);
    for (const entry of entries) {
      const pod = entry.pod;
      const f = entry.facts;
      const matches = selectedBy(pod, f, rs.spec.selector, selects);
      const ref = f.ref;
      if (ref) {
        if (ref.uid !== rs.metadata.uid) continue;
        if (matches) {
          if (f.active) active.push(entry);
          continue;
        }
        if (pod.metadata.deletionTimestamp || rs.metadata.deletionTimestamp) continue;
        release(rs, pod);
        continue;
      }
      if (!matches || pod.metadata.deletionTimestamp || rs.metadata.deletionTimestamp) continue;
      const adopted = adopt(rs, pod);
      if (adopted && isPodActive(adopted)) active.push(new PodEntry(adopted));
    }
    return active;
  }

  function adopt(rs: ReplicaSetLike, pod: Pod): Pod | undefined {
    const refs = [...(pod.metadata.ownerReferences ?? []), newControllerRef(rs)];
    const res = client.patch("pods", pod.metadata.namespace, pod.metadata.name ?? "", "merge", {
      metadata: { ownerReferences: refs, uid: pod.metadata.uid },
    });
    if (!res.ok) return undefined;
    ctx.trace({ component, action: "adopted", message: `${kind} ${rs.metadata.name} adopted pod ${pod.metadata.name}`, object: objRef(pod) });
    return res.value as Pod;
  }

  function release(rs: ReplicaSetLike, pod: Pod): void {
    const refs = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== rs.metadata.uid);
    const res = client.patch("pods", pod.metadata.namespace, pod.metadata.name ?? "", "merge", {
      metadata: { ownerReferences: refs.length ? refs : null, uid: pod.metadata.uid },
    });
    if (res.ok) ctx.trace({ component, action: "released", message: `${kind} ${rs.metadata.name} released pod ${pod.metadata.name}`, object: objRef(pod) });
  }

  function manageReplicas(active: readonly PodEntry[], rs: ReplicaSetLike): ManageError | undefined {
    const want = rs.spec.replicas ?? 1;
    const diff = active.length - want;
    if (diff < 0) {
      const count = Math.min(-diff, BURST_REPLICAS);
      let error: ManageError | undefined;
      slowStartBatch(count, 1, () => {
        const template = rs.spec.template;
        if (!template) return false;
        const res = client.create("pods", rs.metadata.namespace, podFromTemplate(template, rs));
        if (!res.ok) {
          error = { reason: "FailedCreate", status: res.status };
          // No event when the namespace is terminating: the real controller stays quiet then too.
          if (!res.status.details?.causes?.some((c) => c.reason === "NamespaceTerminating")) {
            event(rs, "Warning", "FailedCreate", `Error creating: ${res.status.message}`);
          }
          return false;
        }
        const podName = res.value.metadata.name ?? "";
        event(rs, "Normal", "SuccessfulCreate", `Created pod: ${podName}`);
        ctx.trace({ component, action: "created", message: `${kind} ${rs.metadata.name} created pod ${podName}`, object: objRef(res.value) });
        return true;
      });
      return error;
    }
    if (diff > 0) {
      const count = Math.min(diff, BURST_REPLICAS);
      const victims = podsToDelete(active.map((e) => e.pod), count);
      let error: ManageError | undefined;
      for (const pod of victims) {
        const podName = pod.metadata.name ?? "";
        const res = client.delete("pods", pod.metadata.namespace, podName, { preconditionsUid: pod.metadata.uid });
        if (!res.ok) {
          if (res.status.reason === "NotFound") continue;
          error = { reason: "FailedDelete", status: res.status };
          event(rs, "Warning", "FailedDelete", `Error deleting: ${res.status.message}`);
          continue;
        }
        event(rs, "Normal", "SuccessfulDelete", `Deleted pod: ${podName}`);
        ctx.trace({ component, action: "deleted", message: `${kind} ${rs.metadata.name} deleted pod ${podName}`, object: objRef(pod) });
      }
      return error;
    }
    return undefined;
  }

  /** getPodsToDelete: rank by related pods on the same node, then ActivePodsWithRanks order. */
  function podsToDelete(active: Pod[], count: number): Pod[] {
    if (count >= active.length) return active;
    const perNode = new Map<string, number>();
    for (const p of active) {
      const node = p.spec.nodeName ?? "";
      if (node) perNode.set(node, (perNode.get(node) ?? 0) + 1);
    }
    const rank = (p: Pod) => (p.spec.nodeName ? (perNode.get(p.spec.nodeName) ?? 0) : 0);
    const now = ctx.clock.now();
    return [...active].sort((a, b) => compareForDeletion(a, b, rank, now)).slice(0, count);
  }

  function updateStatus(rs: ReplicaSetLike, active: readonly PodEntry[], manageError: ManageError | undefined): void {
    const now = ctx.clock.now();
    const minReady = rs.spec.minReadySeconds ?? 0;
    const templateLabels = rs.spec.template?.metadata?.labels;
    let fullyLabeledCount = 0;
    let ready = 0;
    let available = 0;
    for (const { pod, facts: f } of active) {
      if (fullyLabeled(pod, f, templateLabels)) fullyLabeledCount++;
      if (f.ready) {
        ready++;
        if (minReady <= 0) available++;
        else if (!Number.isNaN(f.readySince) && f.readySince + minReady * 1000 <= now) available++;
      }
    }
    const status: NonNullable<ReplicaSetLike["status"]> = { replicas: active.length };
    if (fullyLabeledCount) status.fullyLabeledReplicas = fullyLabeledCount;
    if (ready) status.readyReplicas = ready;
    if (available) status.availableReplicas = available;
    if (rs.metadata.generation) status.observedGeneration = rs.metadata.generation;
    const conditions = replicaFailureConditions(rs, manageError, now);
    if (conditions.length) status.conditions = conditions;

    if (!deepEqual(rs.status ?? {}, status)) {
      const res = client.updateStatus(resource, rs.metadata.namespace, rs.metadata.name ?? "", { ...rs, status });
      if (!res.ok && res.status.reason === "Conflict") queue.add(keyOf(rs));
    }
    // Pods become available minReadySeconds after they turn ready: look again then.
    if (minReady > 0 && ready !== available) {
      let next = Number.POSITIVE_INFINITY;
      for (const { pod: p } of active) {
        if (!isPodReady(p) || isPodAvailable(p, minReady, now)) continue;
        next = Math.min(next, parseTime(podCondition(p, "Ready")?.lastTransitionTime) + minReady * 1000);
      }
      if (Number.isFinite(next)) ctx.loop.after(Math.max(0, next - now), `${component} minReadySeconds ${keyOf(rs)}`, () => queue.add(keyOf(rs)));
    }
  }

  return { queue, reconcile };
}

/** The ReplicaFailure condition: set while creating or deleting fails, removed once a sync goes through. */
function replicaFailureConditions(rs: ReplicaSetLike, err: ManageError | undefined, now: number): Condition[] {
  const others = (rs.status?.conditions ?? []).filter((c) => c.type !== "ReplicaFailure");
  if (!err) return others;
  const prev = rs.status?.conditions?.find((c) => c.type === "ReplicaFailure");
  const cond: Condition = {
    type: "ReplicaFailure",
    status: "True",
    lastTransitionTime: prev?.lastTransitionTime ?? rfc3339(now),
    reason: err.reason,
    message: err.status.message,
  };
  return [...others, cond];
}

interface ManageError {
  reason: "FailedCreate" | "FailedDelete";
  status: Status;
}

function objRef(obj: KubeObject): { kind: string; namespace?: string; name: string } {
  return { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name ?? "" };
}
