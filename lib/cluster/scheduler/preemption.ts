import type { Pod } from "./api-shapes";
import { formatFitError } from "./fit-error";
import type { FilterFailure } from "./filter-plugins";
import { newNodeInfo, type NodeInfo } from "./node-info";

/** The built-in PriorityClasses, for pods whose spec.priority was not filled in by admission. */
const SYSTEM_PRIORITIES: Record<string, number> = {
  "system-node-critical": 2000001000,
  "system-cluster-critical": 2000000000,
};

export function podPriority(pod: Pod): number {
  if (typeof pod.spec?.priority === "number") return pod.spec.priority;
  const cls = (pod.spec as { priorityClassName?: string } | undefined)?.priorityClassName;
  return (cls && SYSTEM_PRIORITIES[cls]) || 0;
}

function startTime(pod: Pod): string {
  const s = (pod.status as { startTime?: string } | undefined)?.startTime;
  return s ?? pod.metadata.creationTimestamp ?? "";
}

/** util.MoreImportantPod: higher priority first, then the one that started earlier. */
function moreImportantFirst(a: Pod, b: Pod): number {
  const pa = podPriority(a);
  const pb = podPriority(b);
  if (pa !== pb) return pb - pa;
  const sa = startTime(a);
  const sb = startTime(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export const NOT_HELPFUL = "Preemption is not helpful for scheduling";
export const NO_VICTIMS = "No preemption victims found for incoming pod";

export type PreemptionResult =
  /** Preemption cannot help: `message` is the PostFilter text ("preemption: 0/2 nodes are available: ..."). */
  | { ok: false; message: string }
  /** Evict `victims` from `node` and nominate it for the pod. */
  | { ok: true; node: string; victims: Pod[] };

type Fits = (pod: Pod, node: NodeInfo) => FilterFailure | undefined;

/**
 * DefaultPreemption's PostFilter: only nodes that failed with a resolvable status (Unschedulable) are tried;
 * on each, every lower-priority pod is removed, and if the pod then fits, as many victims as possible are
 * reprieved (most important first). The node with the least important victims wins.
 */
export function preempt(pod: Pod, nodes: readonly NodeInfo[], statuses: ReadonlyMap<string, FilterFailure>, fits: Fits): PreemptionResult {
  const wrap = (msg: string) => ({ ok: false as const, message: `preemption: ${msg}` });
  if (pod.spec?.preemptionPolicy === "Never") return wrap("not eligible due to preemptionPolicy=Never.");
  const priority = podPriority(pod);
  const nominated = pod.status?.nominatedNodeName;
  if (nominated && statuses.get(nominated)?.code !== "UnschedulableAndUnresolvable") {
    // A victim chosen earlier is still terminating: wait for it rather than preempt again.
    const info = nodes.find((n) => n.name === nominated);
    if (info?.pods.some((p) => p.metadata.deletionTimestamp && podPriority(p) < priority)) {
      return wrap("not eligible due to a terminating pod on the nominated node.");
    }
  }

  const failed = new Map<string, string[]>();
  const candidates: { node: string; victims: Pod[] }[] = [];
  for (const n of nodes) {
    if (statuses.get(n.name)?.code !== "Unschedulable") continue;
    const lower = n.pods.filter((p) => podPriority(p) < priority);
    if (lower.length === 0) {
      failed.set(n.name, [NO_VICTIMS]);
      continue;
    }
    const remaining = n.pods.filter((p) => !lower.includes(p));
    const status = fits(pod, newNodeInfo(n.node, remaining));
    if (status) {
      failed.set(n.name, status.reasons);
      continue;
    }
    const victims: Pod[] = [];
    for (const v of [...lower].sort(moreImportantFirst)) {
      remaining.push(v);
      if (fits(pod, newNodeInfo(n.node, remaining))) {
        remaining.pop();
        victims.push(v);
      }
    }
    candidates.push({ node: n.name, victims });
  }

  if (candidates.length === 0) {
    return wrap(formatFitError(nodes.length, failed.values(), { absentReasons: [NOT_HELPFUL] }));
  }
  const key = (c: { victims: Pod[] }) => [
    Math.max(...c.victims.map(podPriority), Number.MIN_SAFE_INTEGER),
    c.victims.reduce((s, v) => s + podPriority(v), 0),
    c.victims.length,
  ];
  let best = candidates[0];
  for (const c of candidates.slice(1)) {
    const a = key(c);
    const b = key(best);
    const i = a.findIndex((x, j) => x !== b[j]);
    if (i >= 0 && a[i] < b[i]) best = c;
  }
  return { ok: true, node: best.node, victims: best.victims };
}
