import type { KubeObject } from "../../api/types";
import type { ComponentContext } from "../../runtime/component-context";
import type { Reconciler } from "../../runtime/sim-loop";
import { WorkQueue } from "../../runtime/work-queue";
import { clone, deepEqual } from "../util/clone";
import { keyOf, splitKey } from "../util/keys";
import { selectorIsEmpty, selectorMatches } from "../util/label-selector";
import type { Deployment, DeploymentStatus, Pod, ReplicaSet } from "../util/objects";
import { controllerRefOf, newControllerRef } from "../util/owner";
import {
  activeReplicaSets,
  byCreation,
  byRevision,
  bySizeNewer,
  bySizeOlder,
  DESIRED_REPLICAS,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  findNewReplicaSet,
  getCondition,
  hasProgressDeadline,
  intAnnotation,
  isRollingUpdate,
  MAX_REPLICAS,
  maxRevision,
  maxSurge,
  maxUnavailable,
  newCondition,
  POD_TEMPLATE_HASH,
  REASONS,
  removeCondition,
  replicasAnnotationsNeedUpdate,
  replicasOf,
  REVISION,
  rsReplicas,
  setCondition,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  sumAvailable,
  sumReady,
  sumSpecReplicas,
  sumStatusReplicas,
} from "./deployment-util";
import { computeHash } from "./pod-template-hash";

const COMPONENT = "deployment-controller";

/**
 * The Deployment controller (pkg/controller/deployment): one ReplicaSet per pod template, named
 * "<deployment>-<pod-template-hash>", rolled by RollingUpdate or Recreate, with the revision annotations,
 * conditions and ScalingReplicaSet events of v1.32.
 */
export function createDeploymentController(ctx: ComponentContext): Reconciler {
  const client = ctx.client;
  const queue = new WorkQueue(COMPONENT);
  const event = (obj: KubeObject, type: "Normal" | "Warning", reason: string, message: string) =>
    ctx.recorder.event(obj, type, reason, message, { component: COMPONENT });

  client.watch("deployments", undefined, { sendInitialEvents: true }, (e) => queue.add(keyOf(e.object)));
  client.watch("replicasets", undefined, { sendInitialEvents: true }, (e) => {
    const rs = e.object as ReplicaSet;
    const ref = controllerRefOf(rs);
    if (ref) {
      if (ref.kind === "Deployment") queue.add(`${rs.metadata.namespace}/${ref.name}`);
      return;
    }
    if (e.type === "DELETED") return;
    // An orphan RS: deployments whose selector matches may adopt it.
    const ds = client.list("deployments", rs.metadata.namespace);
    if (!ds.ok) return;
    for (const d of ds.value.items as Deployment[]) if (selectorMatches(d.spec.selector, rs.metadata.labels)) queue.add(keyOf(d));
  });
  // Recreate waits for the old pods to be gone: a pod deletion may unblock it.
  client.watch("pods", undefined, {}, (e) => {
    if (e.type !== "DELETED") return;
    const ref = controllerRefOf(e.object);
    if (!ref || ref.kind !== "ReplicaSet") return;
    const rs = client.get("replicasets", e.object.metadata.namespace, ref.name);
    if (!rs.ok) return;
    const dref = controllerRefOf(rs.value);
    if (dref?.kind === "Deployment") queue.add(`${rs.value.metadata.namespace}/${dref.name}`);
  });

  function reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    // Re-read: the key may be stale, and every decision below must see the current spec.
    const got = client.get("deployments", namespace, name);
    if (!got.ok) return;
    // A private copy: the API hands out frozen objects and this sync updates its view as it writes.
    const d = clone(got.value) as Deployment;

    if (selectorIsEmpty(d.spec.selector)) {
      event(d, "Warning", "SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.");
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
        writeStatus(d, { ...(d.status ?? {}), observedGeneration: d.metadata.generation });
      }
      return;
    }

    const rsList = claimReplicaSets(d);
    if (d.metadata.deletionTimestamp) {
      const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(d, rsList, false);
      syncDeploymentStatus(d, [...oldRSs, newRS], newRS);
      return;
    }

    checkPausedConditions(d);
    if (d.spec.paused) {
      sync(d, rsList);
      return;
    }
    if (isScalingEvent(d, rsList)) {
      sync(d, rsList);
      return;
    }
    if (isRollingUpdate(d)) rolloutRolling(d, rsList);
    else rolloutRecreate(d, rsList);
  }

  /** ClaimReplicaSets: ours that match, release ours that stopped matching, adopt matching orphans. */
  function claimReplicaSets(d: Deployment): ReplicaSet[] {
    const all = client.list("replicasets", d.metadata.namespace);
    if (!all.ok) return [];
    const out: ReplicaSet[] = [];
    for (const rs of all.value.items as ReplicaSet[]) {
      const matches = selectorMatches(d.spec.selector, rs.metadata.labels);
      const ref = controllerRefOf(rs);
      if (ref) {
        if (ref.uid !== d.metadata.uid) continue;
        if (matches) out.push(clone(rs));
        else if (!d.metadata.deletionTimestamp) {
          const refs = (rs.metadata.ownerReferences ?? []).filter((r) => r.uid !== d.metadata.uid);
          client.patch("replicasets", rs.metadata.namespace, rs.metadata.name ?? "", "merge", { metadata: { ownerReferences: refs.length ? refs : null, uid: rs.metadata.uid } });
        }
        continue;
      }
      if (!matches || rs.metadata.deletionTimestamp || d.metadata.deletionTimestamp) continue;
      const res = client.patch("replicasets", rs.metadata.namespace, rs.metadata.name ?? "", "merge", {
        metadata: { ownerReferences: [...(rs.metadata.ownerReferences ?? []), newControllerRef(d)], uid: rs.metadata.uid },
      });
      if (res.ok) out.push(clone(res.value) as ReplicaSet);
    }
    return out;
  }

  function getAllReplicaSetsAndSyncRevision(d: Deployment, rsList: ReplicaSet[], create: boolean): { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } {
    const existing = findNewReplicaSet(d, rsList);
    const oldRSs = rsList.filter((rs) => rs !== existing);
    const newRS = getNewReplicaSet(d, rsList, oldRSs, create);
    return { newRS, oldRSs };
  }

  function getNewReplicaSet(d: Deployment, rsList: ReplicaSet[], oldRSs: ReplicaSet[], create: boolean): ReplicaSet | undefined {
    const existing = findNewReplicaSet(d, rsList);
    const newRevision = maxRevision(oldRSs) + 1;
    const now = ctx.clock.now();

    if (existing) {
      const rsCopy = clone(existing);
      const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true);
      const minReadyChanged = (rsCopy.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0);
      if (annotationsUpdated || minReadyChanged) {
        rsCopy.spec.minReadySeconds = d.spec.minReadySeconds ?? 0;
        const res = client.update("replicasets", rsCopy.metadata.namespace, rsCopy.metadata.name ?? "", rsCopy);
        // The RS update comes back through the watch and the next sync continues from there.
        return res.ok ? (clone(res.value) as ReplicaSet) : existing;
      }
      const status = clone(d.status ?? {});
      let needsUpdate = setDeploymentRevision(d, rsCopy.metadata.annotations?.[REVISION] ?? "");
      if (hasProgressDeadline(d) && !getCondition(status, "Progressing")) {
        setCondition(status, newCondition("Progressing", "True", REASONS.foundNewRS, `Found new replica set "${rsCopy.metadata.name}"`, now));
        needsUpdate = true;
      }
      if (needsUpdate) persist(d, status);
      return rsCopy;
    }
    if (!create) return undefined;

    const template = clone(d.spec.template);
    const hash = computeHash(d.spec.template, d.status?.collisionCount);
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash } };
    const selector = clone(d.spec.selector);
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash };
    const newRS: ReplicaSet = {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: template.metadata.labels,
        ownerReferences: [newControllerRef(d)],
      },
      spec: { replicas: 0, minReadySeconds: d.spec.minReadySeconds ?? 0, selector, template },
    };
    const replicas = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
    newRS.spec.replicas = replicas;
    setNewReplicaSetAnnotations(d, newRS, newRevision, false);
    // Annotations first in the stored object, as the Go struct's field order puts them.
    newRS.metadata = { annotations: newRS.metadata.annotations, ...newRS.metadata };

    const res = client.create("replicasets", d.metadata.namespace, newRS);
    let created: ReplicaSet;
    let alreadyExists = false;
    if (!res.ok) {
      if (res.status.reason === "AlreadyExists") {
        const cur = client.get("replicasets", d.metadata.namespace, newRS.metadata.name ?? "");
        const rs = cur.ok ? (clone(cur.value) as ReplicaSet) : undefined;
        if (rs && controllerRefOf(rs)?.uid === d.metadata.uid && deepEqual(stripHash(rs.spec.template), stripHash(d.spec.template))) {
          created = rs;
          alreadyExists = true;
        } else {
          // A hash collision: bump collisionCount so the next sync computes another name.
          const status = clone(d.status ?? {});
          status.collisionCount = (status.collisionCount ?? 0) + 1;
          persist(d, status);
          return undefined;
        }
      } else {
        const msg = `Failed to create new replica set "${newRS.metadata.name}": ${res.status.message}`;
        if (hasProgressDeadline(d)) {
          const status = clone(d.status ?? {});
          setCondition(status, newCondition("Progressing", "False", REASONS.failedRSCreate, msg, now));
          persist(d, status);
        }
        event(d, "Warning", "FailedCreate", msg);
        return undefined;
      }
    } else {
      created = clone(res.value) as ReplicaSet;
      ctx.trace({ component: COMPONENT, action: "created", message: `Deployment ${d.metadata.name} created ReplicaSet ${created.metadata.name}`, object: { kind: "ReplicaSet", namespace: created.metadata.namespace, name: created.metadata.name ?? "" } });
    }
    if (!alreadyExists && replicas > 0) {
      event(d, "Normal", "ScalingReplicaSet", `Scaled up replica set ${created.metadata.name} to ${replicas} from 0`);
    }
    const status = clone(d.status ?? {});
    let needsUpdate = setDeploymentRevision(d, String(newRevision));
    if (!alreadyExists && hasProgressDeadline(d)) {
      setCondition(status, newCondition("Progressing", "True", REASONS.newRSCreated, `Created new replica set "${created.metadata.name}"`, now));
      needsUpdate = true;
    }
    if (needsUpdate) persist(d, status);
    return created;
  }

  /**
   * The deployment's revision annotation lives in metadata (an update), its conditions in status (an update of
   * the status subresource): `pendingRevision` carries the first into `persist`.
   */
  let pendingRevision: string | undefined;
  function setDeploymentRevision(d: Deployment, revision: string): boolean {
    if (d.metadata.annotations?.[REVISION] === revision) return false;
    pendingRevision = revision;
    return true;
  }

  function persist(d: Deployment, status: DeploymentStatus): void {
    if (pendingRevision !== undefined) {
      const revision = pendingRevision;
      pendingRevision = undefined;
      const annotations = { ...(d.metadata.annotations ?? {}), [REVISION]: revision };
      const res = client.update("deployments", d.metadata.namespace, d.metadata.name ?? "", { ...d, metadata: { ...d.metadata, annotations } });
      if (res.ok) d.metadata = clone(res.value.metadata);
    }
    writeStatus(d, status);
  }

  function writeStatus(d: Deployment, status: DeploymentStatus): void {
    if (deepEqual(d.status ?? {}, status)) return;
    const res = client.updateStatus("deployments", d.metadata.namespace, d.metadata.name ?? "", { ...d, status });
    if (res.ok) {
      d.status = clone((res.value as Deployment).status);
      d.metadata = clone(res.value.metadata);
    } else if (res.status.reason === "Conflict") queue.add(keyOf(d));
  }

  function newRSNewReplicas(d: Deployment, allRSs: ReplicaSet[], newRS: ReplicaSet): number {
    if (!isRollingUpdate(d)) return replicasOf(d);
    const maxTotal = replicasOf(d) + maxSurge(d);
    const current = sumSpecReplicas(allRSs);
    if (current >= maxTotal) return rsReplicas(newRS);
    const scaleUp = Math.min(maxTotal - current, replicasOf(d) - rsReplicas(newRS));
    return rsReplicas(newRS) + scaleUp;
  }

  function scaleReplicaSet(rs: ReplicaSet, newScale: number, d: Deployment, operation: string): { scaled: boolean; rs: ReplicaSet } {
    const oldScale = rsReplicas(rs);
    const sizeNeedsUpdate = oldScale !== newScale;
    const annotationsNeedUpdate = replicasAnnotationsNeedUpdate(rs, replicasOf(d), replicasOf(d) + maxSurge(d));
    if (!sizeNeedsUpdate && !annotationsNeedUpdate) return { scaled: false, rs };
    const copy = clone(rs);
    copy.spec.replicas = newScale;
    setReplicasAnnotations(copy, replicasOf(d), replicasOf(d) + maxSurge(d));
    const res = client.update("replicasets", copy.metadata.namespace, copy.metadata.name ?? "", copy);
    if (!res.ok) return { scaled: false, rs };
    Object.assign(rs, clone(res.value));
    if (sizeNeedsUpdate) {
      event(d, "Normal", "ScalingReplicaSet", `Scaled ${operation} replica set ${rs.metadata.name} to ${newScale} from ${oldScale}`);
      ctx.trace({ component: COMPONENT, action: "scaled", message: `Scaled ${operation} replica set ${rs.metadata.name} to ${newScale} from ${oldScale}`, object: { kind: "ReplicaSet", namespace: rs.metadata.namespace, name: rs.metadata.name ?? "" } });
    }
    return { scaled: sizeNeedsUpdate, rs };
  }

  function scaleAndRecord(rs: ReplicaSet, newScale: number, d: Deployment): boolean {
    if (rsReplicas(rs) === newScale) return false;
    return scaleReplicaSet(rs, newScale, d, rsReplicas(rs) < newScale ? "up" : "down").scaled;
  }

  function rolloutRolling(d: Deployment, rsList: ReplicaSet[]): void {
    const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(d, rsList, true);
    const allRSs = newRS ? [...oldRSs, newRS] : oldRSs;
    if (newRS && reconcileNewReplicaSet(allRSs, newRS, d)) return syncRolloutStatus(d, allRSs, newRS);
    if (reconcileOldReplicaSets(allRSs, activeReplicaSets(oldRSs), newRS, d)) return syncRolloutStatus(d, allRSs, newRS);
    if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(oldRSs, d);
    syncRolloutStatus(d, allRSs, newRS);
  }

  function reconcileNewReplicaSet(allRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): boolean {
    if (rsReplicas(newRS) === replicasOf(d)) return false;
    if (rsReplicas(newRS) > replicasOf(d)) return scaleAndRecord(newRS, replicasOf(d), d);
    return scaleAndRecord(newRS, newRSNewReplicas(d, allRSs, newRS), d);
  }

  function reconcileOldReplicaSets(allRSs: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet | undefined, d: Deployment): boolean {
    if (sumSpecReplicas(oldRSs) === 0) return false;
    const allPods = sumSpecReplicas(allRSs);
    const minAvailable = replicasOf(d) - maxUnavailable(d);
    const newUnavailable = rsReplicas(newRS) - (newRS?.status?.availableReplicas ?? 0);
    const maxScaledDown = allPods - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return false;
    // First drop old replicas that are not available anyway: that costs no availability.
    const cleanup = cleanupUnhealthyReplicas(oldRSs, d, maxScaledDown);
    const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(newRS ? [...oldRSs, newRS] : oldRSs, oldRSs, d);
    return cleanup + scaledDown > 0;
  }

  function cleanupUnhealthyReplicas(oldRSs: ReplicaSet[], d: Deployment, maxCleanup: number): number {
    let total = 0;
    for (const rs of [...oldRSs].sort(byCreation)) {
      if (total >= maxCleanup) break;
      const spec = rsReplicas(rs);
      const available = rs.status?.availableReplicas ?? 0;
      if (spec === 0 || available === spec) continue;
      const count = Math.min(maxCleanup - total, spec - available);
      scaleAndRecord(rs, spec - count, d);
      total += count;
    }
    return total;
  }

  function scaleDownOldReplicaSetsForRollingUpdate(allRSs: ReplicaSet[], oldRSs: ReplicaSet[], d: Deployment): number {
    const minAvailable = replicasOf(d) - maxUnavailable(d);
    const available = sumAvailable(allRSs);
    if (available <= minAvailable) return 0;
    const target = available - minAvailable;
    let total = 0;
    for (const rs of [...oldRSs].sort(byCreation)) {
      if (total >= target) break;
      if (rsReplicas(rs) === 0) continue;
      const count = Math.min(rsReplicas(rs), target - total);
      scaleAndRecord(rs, rsReplicas(rs) - count, d);
      total += count;
    }
    return total;
  }

  function rolloutRecreate(d: Deployment, rsList: ReplicaSet[]): void {
    let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(d, rsList, false);
    let allRSs = newRS ? [...oldRSs, newRS] : oldRSs;
    let scaledDown = false;
    for (const rs of activeReplicaSets(oldRSs)) if (scaleAndRecord(rs, 0, d)) scaledDown = true;
    if (scaledDown) return syncRolloutStatus(d, allRSs, newRS);
    if (oldPodsRunning(d, newRS, oldRSs)) return syncRolloutStatus(d, allRSs, newRS);
    if (!newRS) {
      ({ newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(d, rsList, true));
      allRSs = newRS ? [...oldRSs, newRS] : oldRSs;
    }
    if (newRS) scaleAndRecord(newRS, replicasOf(d), d);
    if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(oldRSs, d);
    syncRolloutStatus(d, allRSs, newRS);
  }

  /** Recreate starts the new pods only when no old pod is left that could still be running (terminating counts). */
  function oldPodsRunning(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): boolean {
    if (sumStatusReplicas(oldRSs) > 0) return true;
    const pods = client.list("pods", d.metadata.namespace);
    if (!pods.ok) return false;
    const oldUids = new Set(oldRSs.map((rs) => rs.metadata.uid));
    return (pods.value.items as Pod[]).some((p) => {
      const ref = controllerRefOf(p);
      if (!ref || !oldUids.has(ref.uid) || ref.uid === newRS?.metadata.uid) return false;
      const phase = p.status?.phase;
      return phase !== "Failed" && phase !== "Succeeded";
    });
  }

  function isScalingEvent(d: Deployment, rsList: ReplicaSet[]): boolean {
    const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(d, rsList, false);
    for (const rs of activeReplicaSets([...oldRSs, newRS])) {
      const desired = intAnnotation(rs, DESIRED_REPLICAS);
      if (desired === undefined) continue;
      if (desired !== replicasOf(d)) return true;
    }
    return false;
  }

  /** sync: scaling (or a paused deployment) – resize the replica sets proportionally, no rollout. */
  function sync(d: Deployment, rsList: ReplicaSet[]): void {
    const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(d, rsList, false);
    scale(d, newRS, oldRSs);
    if (d.spec.paused) cleanupDeployment(oldRSs, d);
    syncDeploymentStatus(d, newRS ? [...oldRSs, newRS] : oldRSs, newRS);
  }

  function scale(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
    const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
    if (activeOrLatest) {
      if (rsReplicas(activeOrLatest) !== replicasOf(d)) scaleAndRecord(activeOrLatest, replicasOf(d), d);
      return;
    }
    if (newRS && intAnnotation(newRS, DESIRED_REPLICAS) === replicasOf(d) && (newRS.status?.availableReplicas ?? 0) === replicasOf(d)) {
      for (const old of activeReplicaSets(oldRSs)) scaleAndRecord(old, 0, d);
      return;
    }
    if (!isRollingUpdate(d)) return;
    const all = activeReplicaSets([...oldRSs, newRS]);
    const allowed = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
    const toAdd = allowed - sumSpecReplicas(all);
    let operation = "";
    if (toAdd > 0) {
      all.sort(bySizeNewer);
      operation = "up";
    } else if (toAdd < 0) {
      all.sort(bySizeOlder);
      operation = "down";
    }
    let added = 0;
    const sizes = new Map<ReplicaSet, number>();
    for (const rs of all) {
      if (toAdd !== 0) {
        const p = proportion(rs, d, toAdd, added);
        sizes.set(rs, rsReplicas(rs) + p);
        added += p;
      } else sizes.set(rs, rsReplicas(rs));
    }
    all.forEach((rs, i) => {
      if (i === 0 && toAdd !== 0) sizes.set(rs, Math.max(0, sizes.get(rs)! + toAdd - added));
      scaleReplicaSet(rs, sizes.get(rs)!, d, operation);
    });
  }

  function proportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
    if (rsReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
    let fraction: number;
    if (replicasOf(d) === 0) fraction = -rsReplicas(rs);
    else {
      const deploymentReplicas = replicasOf(d) + maxSurge(d);
      const annotated = intAnnotation(rs, MAX_REPLICAS) ?? d.status?.replicas ?? 0;
      fraction = annotated === 0 ? 0 : roundHalfAway((rsReplicas(rs) * deploymentReplicas) / annotated) - rsReplicas(rs);
    }
    const allowed = toAdd - added;
    return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
  }

  function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): ReplicaSet | undefined {
    if (!newRS && oldRSs.length === 0) return undefined;
    const sortedOld = [...oldRSs].sort((a, b) => -byCreation(a, b));
    const all = activeReplicaSets([...sortedOld, newRS]);
    if (all.length === 0) return newRS ?? sortedOld[0];
    if (all.length === 1) return all[0];
    return undefined;
  }

  /** Keep only revisionHistoryLimit old replica sets that are fully scaled down. */
  function cleanupDeployment(oldRSs: ReplicaSet[], d: Deployment): void {
    const limit = d.spec.revisionHistoryLimit;
    if (limit === undefined) return;
    const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
    const diff = cleanable.length - limit;
    if (diff <= 0) return;
    const sorted = [...cleanable].sort(byRevision);
    for (let i = 0; i < diff; i++) {
      const rs = sorted[i];
      if ((rs.status?.replicas ?? 0) !== 0 || rsReplicas(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0) || rs.metadata.deletionTimestamp) continue;
      client.delete("replicasets", rs.metadata.namespace, rs.metadata.name ?? "", { preconditionsUid: rs.metadata.uid });
      ctx.trace({ component: COMPONENT, action: "deleted", message: `Deployment ${d.metadata.name} cleaned up old ReplicaSet ${rs.metadata.name}`, object: { kind: "ReplicaSet", namespace: rs.metadata.namespace, name: rs.metadata.name ?? "" } });
    }
  }

  function checkPausedConditions(d: Deployment): void {
    if (!hasProgressDeadline(d)) return;
    const cond = getCondition(d.status, "Progressing");
    if (cond?.reason === REASONS.timedOut) return;
    const pausedExists = cond?.reason === REASONS.paused;
    const status = clone(d.status ?? {});
    const now = ctx.clock.now();
    if (d.spec.paused && !pausedExists) setCondition(status, newCondition("Progressing", "Unknown", REASONS.paused, "Deployment is paused", now));
    else if (!d.spec.paused && pausedExists) setCondition(status, newCondition("Progressing", "Unknown", REASONS.resumed, "Deployment is resumed", now));
    else return;
    writeStatus(d, status);
  }

  function calculateStatus(allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): DeploymentStatus {
    const available = sumAvailable(allRSs);
    const total = sumSpecReplicas(allRSs);
    const unavailable = Math.max(0, total - available);
    const s: DeploymentStatus = {};
    if (d.metadata.generation) s.observedGeneration = d.metadata.generation;
    const replicas = sumStatusReplicas(allRSs);
    if (replicas) s.replicas = replicas;
    const updated = sumStatusReplicas([newRS]);
    if (updated) s.updatedReplicas = updated;
    const ready = sumReady(allRSs);
    if (ready) s.readyReplicas = ready;
    if (available) s.availableReplicas = available;
    if (unavailable) s.unavailableReplicas = unavailable;
    if (d.status?.conditions) s.conditions = clone(d.status.conditions);
    if (d.status?.collisionCount !== undefined) s.collisionCount = d.status.collisionCount;
    const now = ctx.clock.now();
    if (available >= replicasOf(d) - maxUnavailable(d)) {
      setCondition(s, newCondition("Available", "True", REASONS.minimumAvailable, "Deployment has minimum availability.", now));
    } else {
      setCondition(s, newCondition("Available", "False", REASONS.minimumUnavailable, "Deployment does not have minimum availability.", now));
    }
    return s;
  }

  function syncDeploymentStatus(d: Deployment, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): void {
    writeStatus(d, calculateStatus(allRSs, newRS, d));
  }

  function syncRolloutStatus(d: Deployment, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): void {
    const s = calculateStatus(allRSs, newRS, d);
    const now = ctx.clock.now();
    if (!hasProgressDeadline(d)) removeCondition(s, "Progressing");
    const current = getCondition(d.status, "Progressing");
    const isComplete = (s.replicas ?? 0) === (s.updatedReplicas ?? 0) && current?.reason === REASONS.newRSAvailable;
    if (hasProgressDeadline(d) && !isComplete) {
      if (deploymentComplete(d, s)) {
        const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.`;
        setCondition(s, newCondition("Progressing", "True", REASONS.newRSAvailable, msg, now));
      } else if (deploymentProgressing(d, s)) {
        const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
        const cond = newCondition("Progressing", "True", REASONS.rsUpdated, msg, now);
        if (current?.status === "True") cond.lastTransitionTime = current.lastTransitionTime;
        removeCondition(s, "Progressing");
        setCondition(s, cond);
      } else if (deploymentTimedOut(d, s, now)) {
        const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
        setCondition(s, newCondition("Progressing", "False", REASONS.timedOut, msg, now));
      }
    }
    const failures = allRSs.flatMap((rs) => rs?.status?.conditions?.filter((c) => c.type === "ReplicaFailure" && c.status === "True") ?? []);
    if (failures.length) setCondition(s, { ...failures[0], lastUpdateTime: failures[0].lastTransitionTime });
    else removeCondition(s, "ReplicaFailure");
    if (s.conditions?.length === 0) delete s.conditions;

    if (deepEqual(d.status ?? {}, s)) {
      requeueStuckDeployment(d, s);
      return;
    }
    writeStatus(d, s);
  }

  /** A rollout that stops making progress is looked at again when its progress deadline passes. */
  function requeueStuckDeployment(d: Deployment, s: DeploymentStatus): void {
    const cond = getCondition(s, "Progressing");
    if (!hasProgressDeadline(d) || !cond || cond.reason === REASONS.newRSAvailable || cond.reason === REASONS.timedOut) return;
    if (deploymentComplete(d, s)) return;
    const after = Date.parse(cond.lastUpdateTime ?? "") + (d.spec.progressDeadlineSeconds ?? 600) * 1000 + 1000 - ctx.clock.now();
    if (!Number.isFinite(after)) return;
    const key = keyOf(d);
    if (scheduled.has(key)) return;
    scheduled.add(key);
    ctx.loop.after(Math.max(0, after), `${COMPONENT} progress deadline ${key}`, () => {
      scheduled.delete(key);
      queue.add(key);
    });
  }
  const scheduled = new Set<string>();

  return { queue, reconcile };
}

function stripHash(t: ReplicaSet["spec"]["template"]): unknown {
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH];
  return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
}

/** integer.RoundToInt32: round half away from zero. */
function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
