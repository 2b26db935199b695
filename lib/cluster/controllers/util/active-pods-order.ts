import { parseTime } from "../../runtime/clock";
import type { Pod } from "./objects";
import { isPodReady, maxContainerRestarts, podCondition } from "./pod-state";

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

/**
 * The order in which a ReplicaSet picks pods to delete on scale-down (controller.ActivePodsWithRanks with
 * LogarithmicScaleDown, GA in v1.31): a negative result means `a` goes first.
 * `rank` is how many related active pods share the pod's node (doubled-up pods go first).
 */
export function compareForDeletion(a: Pod, b: Pod, rank: (p: Pod) => number, now: number): number {
  // 1. Unassigned < assigned.
  const aAssigned = !!a.spec.nodeName;
  const bAssigned = !!b.spec.nodeName;
  if (aAssigned !== bAssigned) return aAssigned ? 1 : -1;
  // 2. Pending < Unknown < Running.
  const ap = PHASE_ORDINAL[a.status?.phase ?? ""] ?? 0;
  const bp = PHASE_ORDINAL[b.status?.phase ?? ""] ?? 0;
  if (ap !== bp) return ap - bp;
  // 3. Not ready < ready.
  const ar = isPodReady(a);
  const br = isPodReady(b);
  if (ar !== br) return ar ? 1 : -1;
  // 4. Lower pod-deletion-cost < higher.
  const ac = deletionCost(a);
  const bc = deletionCost(b);
  if (ac !== bc) return ac - bc;
  // 5. Doubled up (more related pods on the same node) < not doubled up.
  const ark = rank(a);
  const brk = rank(b);
  if (ark !== brk) return brk - ark;
  // 6. Ready for less time < more time, bucketed by log2 of the age; equal buckets fall back to the uid.
  if (ar && br) {
    const at = parseTime(podCondition(a, "Ready")?.lastTransitionTime);
    const bt = parseTime(podCondition(b, "Ready")?.lastTransitionTime);
    if (at !== bt && !(Number.isNaN(at) && Number.isNaN(bt))) {
      const diff = logarithmicRankDiff(at, bt, now);
      return diff === 0 ? compareUid(a, b) : diff;
    }
  }
  // 7. More container restarts < fewer.
  const arc = maxContainerRestarts(a);
  const brc = maxContainerRestarts(b);
  if (arc !== brc) return brc - arc;
  // 8. Newer < older.
  const act = parseTime(a.metadata.creationTimestamp);
  const bct = parseTime(b.metadata.creationTimestamp);
  if (act !== bct && !(Number.isNaN(act) && Number.isNaN(bct))) {
    const diff = logarithmicRankDiff(act, bct, now);
    return diff === 0 ? compareUid(a, b) : diff;
  }
  return 0;
}

function deletionCost(pod: Pod): number {
  const v = pod.metadata.annotations?.[DELETION_COST];
  if (v === undefined || !/^-?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

/** Buckets ages by floor(log2(nanoseconds)); a missing time sorts first (rank -1). */
function logarithmicRankDiff(t1: number, t2: number, now: number): number {
  const rank = (t: number): number => {
    if (Number.isNaN(t)) return -2;
    const d = (now - t) * 1e6;
    return d > 0 ? Math.floor(Math.log2(d)) : -1;
  };
  return rank(t1) - rank(t2);
}

function compareUid(a: Pod, b: Pod): number {
  const x = a.metadata.uid ?? "";
  const y = b.metadata.uid ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
}
