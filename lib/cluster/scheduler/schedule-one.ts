import type { SchedulingDecision } from "../cluster-types";
import type { SeededRandom } from "../runtime/random";
import type { Pod } from "./api-shapes";
import { FILTER_PLUGINS, preFilterNodeNames, REASON_PREFILTER_NODE_AFFINITY, runFilters, type FilterFailure } from "./filter-plugins";
import { formatFitError, NO_NODES_AVAILABLE } from "./fit-error";
import { addPod, newNodeInfo, type NodeInfo } from "./node-info";
import { podPriority, preempt } from "./preemption";
import { SCORE_PLUGINS, type ScoreInput } from "./score-plugins";

export interface ScheduleOneInput {
  pod: Pod;
  /** Every node with the pods bound to it, in the cluster's node order. */
  nodes: readonly NodeInfo[];
  /** Tie-break among equally scored nodes. */
  random: SeededRandom;
  /** See ScoreInput.defaultSpreadSelector. */
  defaultSpreadSelector?: ScoreInput["defaultSpreadSelector"];
  /** Pending pods nominated to a node by an earlier preemption: their room is kept for them. */
  nominatedPods?: readonly Pod[];
}

export interface ScheduleOneResult {
  /** The chosen node; undefined when the pod is unschedulable. */
  node?: string;
  /** The FailedScheduling message when no node fits. */
  message?: string;
  nodes: SchedulingDecision["nodes"];
  /** Per-node filter failures (drives the re-queue hints). */
  statuses: Map<string, FilterFailure>;
  /** When preemption found room: the node to nominate and the pods to evict. */
  preemption?: { node: string; victims: Pod[] };
}

function withNominated(pod: Pod, node: NodeInfo, nominated: readonly Pod[]): NodeInfo | undefined {
  if (nominated.length === 0) return undefined;
  const priority = podPriority(pod);
  const extra = nominated.filter(
    (p) => p.status?.nominatedNodeName === node.name && p.metadata.uid !== pod.metadata.uid && podPriority(p) >= priority && !p.spec?.nodeName,
  );
  if (extra.length === 0) return undefined;
  const copy = newNodeInfo(node.node, node.pods);
  for (const p of extra) addPod(copy, p);
  return copy;
}

/**
 * One scheduling cycle for one pod, with no side effects: filter every node (first failing plugin wins), score the
 * feasible ones with the weighted plugins, pick the best (seeded tie-break), or explain why nothing fits and
 * what preemption could do.
 */
export function scheduleOne(input: ScheduleOneInput): ScheduleOneResult {
  const { pod, nodes, random } = input;
  const nominated = input.nominatedPods ?? [];
  const statuses = new Map<string, FilterFailure>();
  if (nodes.length === 0) return { message: NO_NODES_AVAILABLE, nodes: [], statuses };

  // Nominated pods' room is reserved: the pod must fit with them and (if any) without them.
  const fits = (p: Pod, n: NodeInfo) => {
    const reserved = withNominated(p, n, nominated);
    return (reserved && runFilters(p, reserved, nodes, FILTER_PLUGINS)) || runFilters(p, n, nodes, FILTER_PLUGINS);
  };

  const feasible: NodeInfo[] = [];
  // Each node's entry in the decision, built as the node is filtered; the feasible ones get their scores later.
  const decisionNodes: SchedulingDecision["nodes"] = new Array(nodes.length);
  const feasibleAt: number[] = [];
  const candidates = preFilterNodeNames(pod);
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    const failure: FilterFailure | undefined =
      candidates && !candidates.has(n.name) ? { plugin: "NodeAffinity", code: "UnschedulableAndUnresolvable", reasons: [REASON_PREFILTER_NODE_AFFINITY] } : fits(pod, n);
    if (failure) {
      statuses.set(n.name, failure);
      decisionNodes[i] = { name: n.name, filteredOutBy: { plugin: failure.plugin, reason: failure.reasons.join(", ") } };
    } else {
      feasible.push(n);
      feasibleAt.push(i);
      decisionNodes[i] = { name: n.name };
    }
  }

  if (feasible.length === 0) {
    const post = preempt(pod, nodes, statuses, fits);
    const reasons = [...statuses.values()].map((s) => s.reasons);
    if (post.ok) {
      return { message: formatFitError(nodes.length, reasons), nodes: decisionNodes, statuses, preemption: { node: post.node, victims: post.victims } };
    }
    return { message: formatFitError(nodes.length, reasons, { postFilterMsg: post.message }), nodes: decisionNodes, statuses };
  }

  // A single feasible node is taken without scoring, as the real scheduler does.
  if (feasible.length === 1) return { node: feasible[0].name, nodes: decisionNodes, statuses };

  const scoreInput: ScoreInput = { pod, feasible, all: nodes, defaultSpreadSelector: input.defaultSpreadSelector };
  const totals: number[] = new Array(feasible.length).fill(0);
  const perNode = feasible.map(() => ({}) as Record<string, number>);
  for (const plugin of SCORE_PLUGINS) {
    const scores = plugin.score(scoreInput);
    if (!scores) continue;
    for (let i = 0; i < scores.length; i++) {
      const weighted = scores[i] * plugin.weight;
      perNode[i][plugin.name] = weighted;
      totals[i] += weighted;
    }
  }
  // Replaced whole rather than extended: objects that keep their first shape cost less to make by the thousand.
  for (let i = 0; i < feasible.length; i++) decisionNodes[feasibleAt[i]] = { name: feasible[i].name, scores: perNode[i], total: totals[i] };
  const best = Math.max(...totals);
  const top = feasible.filter((_, i) => totals[i] === best);
  const chosen = top.length === 1 ? top[0] : top[random.int(top.length)];
  return { node: chosen.name, nodes: decisionNodes, statuses };
}
