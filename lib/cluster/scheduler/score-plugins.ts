import type { Pod, TopologySpreadConstraint } from "./api-shapes";
import { podMatchesNodeSelectorAndAffinity } from "./filter-plugins";
import { countsFor, type NodeInfo, type SpreadCount } from "./node-info";
import { podRequests } from "./pod-resources";
import { labelSelectorMatches, nodeMatchesTerm } from "./selectors";
import { tolerated } from "./taints";

export const MAX_NODE_SCORE = 100;

/** Everything a score plugin may look at in one cycle. */
export interface ScoreInput {
  pod: Pod;
  /** Nodes that passed every filter, in evaluation order. */
  feasible: readonly NodeInfo[];
  /** Every node of the cluster (ImageLocality's spread, PodTopologySpread's domain counts). */
  all: readonly NodeInfo[];
  /**
   * The labels of the pod's Services, ReplicationController, ReplicaSet or StatefulSet (helper.DefaultSelector),
   * as a predicate; undefined when none selects the pod, so the default spreading constraints do not apply.
   */
  defaultSpreadSelector?: (labels: Record<string, string>) => boolean;
}

export interface ScorePlugin {
  name: string;
  weight: number;
  /** Normalized scores 0..100, one per feasible node; undefined when the plugin skips this pod (PreScore Skip). */
  score(input: ScoreInput): number[] | undefined;
}

/** framework DefaultNormalizeScore: scale to 0..maxPriority by the highest score; `reverse` prefers low raw scores. */
export function defaultNormalizeScore(scores: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores);
  if (max === 0) return scores.map(() => (reverse ? MAX_NODE_SCORE : 0));
  return scores.map((s) => {
    const v = Math.trunc((MAX_NODE_SCORE * s) / max);
    return reverse ? MAX_NODE_SCORE - v : v;
  });
}

const SCORED_RESOURCES = ["cpu", "memory"];

/** NodeResourcesFit, strategy LeastAllocated (cpu and memory weight 1): prefer the emptiest node, counting default requests. */
export const leastAllocated: ScorePlugin = {
  name: "NodeResourcesFit",
  weight: 1,
  score({ pod, feasible }) {
    const req = podRequests(pod, true);
    return feasible.map((n) => {
      let sum = 0;
      let weights = 0;
      for (const r of SCORED_RESOURCES) {
        const alloc = n.allocatable[r] ?? 0;
        if (alloc === 0) continue;
        const used = (n.nonZeroRequested[r] ?? 0) + (req[r] ?? 0);
        sum += used > alloc ? 0 : Math.trunc(((alloc - used) * MAX_NODE_SCORE) / alloc);
        weights += 1;
      }
      return weights === 0 ? 0 : Math.trunc(sum / weights);
    });
  },
};

/** NodeResourcesBalancedAllocation: prefer nodes whose cpu and memory fractions stay close (exact requests, no defaults). */
export const balancedAllocation: ScorePlugin = {
  name: "NodeResourcesBalancedAllocation",
  weight: 1,
  score({ pod, feasible }) {
    const req = podRequests(pod);
    return feasible.map((n) => {
      // Two scored resources (cpu, memory): their fractions' standard deviation is half their difference.
      let count = 0;
      let first = 0;
      let std = 0;
      for (const r of SCORED_RESOURCES) {
        const alloc = n.allocatable[r] ?? 0;
        if (alloc === 0) continue;
        const fraction = Math.min(1, ((n.requested[r] ?? 0) + (req[r] ?? 0)) / alloc);
        if (count === 0) first = fraction;
        else std = Math.abs((first - fraction) / 2);
        count++;
      }
      return Math.trunc((1 - std) * MAX_NODE_SCORE);
    });
  },
};

/** TaintToleration: fewer untolerated PreferNoSchedule taints is better. */
export const taintTolerationScore: ScorePlugin = {
  name: "TaintToleration",
  weight: 3,
  score({ pod, feasible }) {
    const tolerations = (pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === "PreferNoSchedule");
    const raw = feasible.map((n) => {
      let count = 0;
      for (const taint of n.node.spec?.taints ?? []) {
        if (taint.effect !== "PreferNoSchedule") continue;
        if (!tolerated(tolerations, taint)) count++;
      }
      return count;
    });
    return defaultNormalizeScore(raw, true);
  },
};

/** NodeAffinity: sum of the weights of matching preferred terms, scaled to the best node. Skipped without preferences. */
export const nodeAffinityScore: ScorePlugin = {
  name: "NodeAffinity",
  weight: 2,
  score({ pod, feasible }) {
    const preferred = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    if (preferred.length === 0) return undefined;
    const raw = feasible.map((n) => preferred.reduce((sum, p) => (p.weight && nodeMatchesTerm(n.node, p.preference) ? sum + p.weight : sum), 0));
    return defaultNormalizeScore(raw, false);
  },
};

const HOSTNAME = "kubernetes.io/hostname";

interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  matches: (labels: Record<string, string>) => boolean;
  /** Identifies the selector, so match counts can be reused; undefined disables the reuse. */
  cacheKey?: string;
  /** cacheKey with the pod's namespace: the key of the per-node counts. */
  countKey?: string;
}

/** The cluster-level defaults of v1.32 (ScheduleAnyway, so they only ever score). */
const SYSTEM_DEFAULT_CONSTRAINTS = [
  { topologyKey: HOSTNAME, maxSkew: 3 },
  { topologyKey: "topology.kubernetes.io/zone", maxSkew: 5 },
];

function spreadConstraints(input: ScoreInput): { constraints: SpreadConstraint[]; requireAllTopologies: boolean } {
  const explicit = input.pod.spec?.topologySpreadConstraints ?? [];
  if (explicit.length > 0) {
    const soft = explicit.filter((c: TopologySpreadConstraint) => c.whenUnsatisfiable === "ScheduleAnyway");
    return {
      constraints: soft.map((c) => ({
        maxSkew: c.maxSkew,
        topologyKey: c.topologyKey,
        matches: (labels: Record<string, string>) => labelSelectorMatches(c.labelSelector, labels),
        cacheKey: JSON.stringify(c.labelSelector ?? null),
        countKey: `${input.pod.metadata.namespace ?? ""}\u0000${JSON.stringify(c.labelSelector ?? null)}`,
      })),
      requireAllTopologies: true,
    };
  }
  const sel = input.defaultSpreadSelector;
  if (!sel) return { constraints: [], requireAllTopologies: false };
  const cacheKey = (sel as { cacheKey?: string }).cacheKey;
  const countKey = cacheKey === undefined ? undefined : `${input.pod.metadata.namespace ?? ""}\u0000${cacheKey}`;
  return { constraints: SYSTEM_DEFAULT_CONSTRAINTS.map((c) => ({ ...c, matches: sel, cacheKey, countKey })), requireAllTopologies: false };
}

/** Matching pods on a node; counts for named selectors live on the NodeInfo, which keeps them current. */
function countMatching(node: NodeInfo, c: SpreadConstraint, namespace: string | undefined): number {
  if (c.cacheKey === undefined) return countMatchingNow(node, { namespace, matches: c.matches, n: 0 });
  const counts = (node.spreadCounts ??= new Map());
  // One key string per cycle (made in spreadConstraints), so its hash is computed once, not once per node.
  const key = c.countKey ?? `${namespace ?? ""}\u0000${c.cacheKey}`;
  let entry = counts.get(key);
  if (!entry) {
    entry = { namespace, matches: c.matches, n: 0 };
    entry.n = countMatchingNow(node, entry);
    counts.set(key, entry);
  }
  return entry.n;
}

function countMatchingNow(node: NodeInfo, c: SpreadCount): number {
  let n = 0;
  for (const p of node.pods) if (countsFor(p, c)) n++;
  return n;
}

/**
 * PodTopologySpread scoring: fewer matching pods in the node's domain is better. With no explicit constraints a pod
 * owned by a ReplicaSet (or selected by a Service...) gets the system defaults, which is why replicas spread.
 */
export const podTopologySpreadScore: ScorePlugin = {
  name: "PodTopologySpread",
  weight: 2,
  score(input) {
    const { pod, feasible, all } = input;
    const { constraints, requireAllTopologies } = spreadConstraints(input);
    if (constraints.length === 0) return undefined;
    const namespace = pod.metadata.namespace;
    const hasAll = (n: NodeInfo) => {
      const labels = n.node.metadata.labels ?? {};
      for (const c of constraints) if (!(c.topologyKey in labels)) return false;
      return true;
    };
    const ignored = requireAllTopologies ? new Set(feasible.filter((n) => !hasAll(n)).map((n) => n.name)) : new Set<string>();
    // Domains seen among the feasible nodes, per non-hostname constraint, with pod counts over all nodes.
    const zoned = constraints.some((c) => c.topologyKey !== HOSTNAME);
    const pairCounts = constraints.map(() => new Map<string, number>());
    const topoSize = constraints.map(() => 0);
    if (zoned) {
      for (const n of feasible) {
        if (ignored.has(n.name)) continue;
        for (let i = 0; i < constraints.length; i++) {
          const c = constraints[i];
          if (c.topologyKey === HOSTNAME) continue;
          const v = n.node.metadata.labels?.[c.topologyKey] ?? "";
          if (!pairCounts[i].has(v)) {
            pairCounts[i].set(v, 0);
            topoSize[i]++;
          }
        }
      }
      for (const n of all) {
        if (!podMatchesNodeSelectorAndAffinity(pod, n)) continue;
        if (requireAllTopologies && !hasAll(n)) continue;
        for (let i = 0; i < constraints.length; i++) {
          const c = constraints[i];
          if (c.topologyKey === HOSTNAME) continue;
          const v = n.node.metadata.labels?.[c.topologyKey] ?? "";
          const cur = pairCounts[i].get(v);
          if (cur !== undefined) pairCounts[i].set(v, cur + countMatching(n, c, namespace));
        }
      }
    }
    const weights = constraints.map((c, i) => Math.log((c.topologyKey === HOSTNAME ? feasible.length - ignored.size : topoSize[i]) + 2));
    const raw = feasible.map((n) => {
      if (ignored.has(n.name)) return 0;
      const labels = n.node.metadata.labels ?? {};
      let s = 0;
      for (let i = 0; i < constraints.length; i++) {
        const c = constraints[i];
        if (!(c.topologyKey in labels)) continue;
        const cnt = c.topologyKey === HOSTNAME ? countMatching(n, c, namespace) : (pairCounts[i].get(labels[c.topologyKey]) ?? 0);
        s += cnt * weights[i] + (c.maxSkew - 1);
      }
      return Math.round(s);
    });
    let max = 0;
    let min = Number.POSITIVE_INFINITY;
    for (let i = 0; i < raw.length; i++) {
      if (ignored.has(feasible[i].name)) continue;
      if (raw[i] > max) max = raw[i];
      if (raw[i] < min) min = raw[i];
    }
    if (min === Number.POSITIVE_INFINITY) min = 0;
    return raw.map((s, i) => {
      if (ignored.has(feasible[i].name)) return 0;
      if (max === 0) return MAX_NODE_SCORE;
      return Math.trunc((MAX_NODE_SCORE * (max + min - s)) / max);
    });
  },
};

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** "nginx" -> "nginx:latest"; no registry is added, so only names the kubelet reports verbatim match (as upstream). */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(":") <= name.lastIndexOf("/") ? `${name}:latest` : name;
}

/** Image names present on a node object (nodes are stored frozen and replaced on change, so identity is a safe key). */
const imagesByNode = new WeakMap<object, Set<string>>();

function imagesOn(node: NodeInfo["node"]): Set<string> {
  let here = imagesByNode.get(node);
  if (!here) {
    here = new Set((node.status?.images ?? []).flatMap((i) => i.names ?? []));
    if (Object.isFrozen(node)) imagesByNode.set(node, here);
  }
  return here;
}

/** How widely each image is spread over the cluster, remembered for the last set of node objects seen. */
let lastSpread: { nodes: NodeInfo["node"][]; states: Map<string, { size: number; nodes: number }> } | undefined;

function imageStates(all: readonly NodeInfo[]): Map<string, { size: number; nodes: number }> {
  if (lastSpread && lastSpread.nodes.length === all.length && all.every((n, i) => n.node === lastSpread!.nodes[i] && Object.isFrozen(n.node))) {
    return lastSpread.states;
  }
  const states = new Map<string, { size: number; nodes: number }>();
  for (const n of all) {
    for (const img of n.node.status?.images ?? []) {
      for (const name of img.names ?? []) {
        const s = states.get(name);
        if (s) s.nodes++;
        else states.set(name, { size: img.sizeBytes ?? 0, nodes: 1 });
      }
    }
  }
  lastSpread = { nodes: all.map((n) => n.node), states };
  return states;
}

/** ImageLocality: prefer nodes that already have the pod's images, scaled by how widely each image is spread. */
export const imageLocality: ScorePlugin = {
  name: "ImageLocality",
  weight: 1,
  score({ pod, feasible, all }) {
    const states = imageStates(all);
    const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
    const names = containers.map((c) => normalizedImageName(c.image ?? ""));
    const maxThreshold = MAX_CONTAINER_THRESHOLD * containers.length;
    return feasible.map((n) => {
      const here = imagesOn(n.node);
      let sum = 0;
      for (const name of names) {
        const s = states.get(name);
        if (s && here.has(name)) sum += Math.trunc(s.size * (s.nodes / all.length));
      }
      if (maxThreshold <= MIN_THRESHOLD) return 0;
      const clamped = Math.min(Math.max(sum, MIN_THRESHOLD), maxThreshold);
      return Math.trunc((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
    });
  },
};

/** The default profile's Score plugins with their v1.32 weights. */
export const SCORE_PLUGINS: readonly ScorePlugin[] = [
  taintTolerationScore,
  nodeAffinityScore,
  leastAllocated,
  podTopologySpreadScore,
  balancedAllocation,
  imageLocality,
];
