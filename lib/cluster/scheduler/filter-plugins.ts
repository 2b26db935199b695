import type { LabelSelector, Pod, Taint } from "./api-shapes";
import { hostPortsOf, type NodeInfo } from "./node-info";
import { podRequests } from "./pod-resources";
import { labelSelectorMatches, nodeMatchesTerms } from "./selectors";
import { findUntoleratedTaint, tolerated } from "./taints";

/**
 * Unschedulable: preemption might help (remove pods and it could fit).
 * UnschedulableAndUnresolvable: nothing done to other pods can make this node fit.
 */
export type FilterCode = "Unschedulable" | "UnschedulableAndUnresolvable";

export interface FilterFailure {
  plugin: string;
  code: FilterCode;
  /** The texts counted in the FailedScheduling message ("Insufficient cpu"). */
  reasons: string[];
}

export interface FilterPlugin {
  name: string;
  /** undefined when the node passes. `all` is every node of the cycle (for plugins that compare domains). */
  filter(pod: Pod, node: NodeInfo, all?: readonly NodeInfo[]): FilterFailure | undefined;
}

export const REASON_UNSCHEDULABLE = "node(s) were unschedulable";
export const REASON_NODE_NAME = "node(s) didn't match the requested node name";
export const REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
export const REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";
export const REASON_SPREAD = "node(s) didn't match pod topology spread constraints";
export const REASON_SPREAD_LABEL = "node(s) didn't match pod topology spread constraints (missing required label)";

function fail(plugin: string, code: FilterCode, ...reasons: string[]): FilterFailure {
  return { plugin, code, reasons };
}

/** The taint a cordon stands for; a pod tolerating it may still land on a cordoned node (DaemonSets do). */
const UNSCHEDULABLE_TAINT: Taint = { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" };

export const nodeUnschedulable: FilterPlugin = {
  name: "NodeUnschedulable",
  filter(pod, node) {
    if (!node.node.spec?.unschedulable) return undefined;
    if (tolerated(pod.spec?.tolerations, UNSCHEDULABLE_TAINT)) return undefined;
    return fail(this.name, "UnschedulableAndUnresolvable", REASON_UNSCHEDULABLE);
  },
};

export const nodeName: FilterPlugin = {
  name: "NodeName",
  filter(pod, node) {
    const want = pod.spec?.nodeName;
    if (!want || want === node.name) return undefined;
    return fail(this.name, "UnschedulableAndUnresolvable", REASON_NODE_NAME);
  },
};

const FILTERED_EFFECTS = ["NoSchedule", "NoExecute"];

export const taintToleration: FilterPlugin = {
  name: "TaintToleration",
  filter(pod, node) {
    const taint = findUntoleratedTaint(node.node.spec?.taints, pod.spec?.tolerations, FILTERED_EFFECTS);
    if (!taint) return undefined;
    return fail(this.name, "UnschedulableAndUnresolvable", `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ""}}`);
  },
};

/** spec.nodeSelector and requiredDuringScheduling node affinity must both hold. */
export function podMatchesNodeSelectorAndAffinity(pod: Pod, node: NodeInfo): boolean {
  const labels = node.node.metadata.labels ?? {};
  const selector = pod.spec?.nodeSelector;
  for (const k in selector) {
    if (!Object.prototype.hasOwnProperty.call(labels, k) || labels[k] !== selector[k]) return false;
  }
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required) return nodeMatchesTerms(node.node, required.nodeSelectorTerms ?? []);
  return true;
}

export const nodeAffinity: FilterPlugin = {
  name: "NodeAffinity",
  filter(pod, node) {
    if (podMatchesNodeSelectorAndAffinity(pod, node)) return undefined;
    return fail(this.name, "UnschedulableAndUnresolvable", REASON_NODE_AFFINITY);
  },
};

/**
 * NodeAffinity's PreFilter: when every required term pins metadata.name (as DaemonSet pods do), only those nodes
 * are evaluated at all; the others are reported as "didn't satisfy plugin(s) [NodeAffinity]".
 * Undefined when all nodes are candidates.
 */
export function preFilterNodeNames(pod: Pod): Set<string> | undefined {
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms || terms.length === 0) return undefined;
  let names: Set<string> | undefined;
  for (const t of terms) {
    let termNames: Set<string> | undefined;
    for (const r of t.matchFields ?? []) {
      if (r.key !== "metadata.name" || r.operator !== "In") continue;
      const s = new Set(r.values ?? []);
      termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s;
    }
    if (!termNames) return undefined;
    names = new Set([...(names ?? []), ...termNames]);
  }
  return names;
}

export const REASON_PREFILTER_NODE_AFFINITY = "node(s) didn't satisfy plugin(s) [NodeAffinity]";

export const nodePorts: FilterPlugin = {
  name: "NodePorts",
  filter(pod, node) {
    const wanted = hostPortsOf(pod);
    for (const w of wanted) {
      for (const u of node.usedPorts) {
        if (u.port !== w.port || u.protocol !== w.protocol) continue;
        // 0.0.0.0 binds every address, so it conflicts with any IP on the same port.
        if (u.ip === w.ip || u.ip === "0.0.0.0" || w.ip === "0.0.0.0") {
          return fail(this.name, "Unschedulable", REASON_NODE_PORTS);
        }
      }
    }
    return undefined;
  },
};

const ORDERED = ["cpu", "memory", "ephemeral-storage"];

/** The resources a request set is checked for, in the order reasons are reported; per (cached, shared) request set. */
const checkedNames = new WeakMap<object, readonly string[]>();

function resourceNames(req: Readonly<Record<string, number>>): readonly string[] {
  let names = checkedNames.get(req);
  if (!names) {
    names = [...ORDERED, ...Object.keys(req).filter((n) => !ORDERED.includes(n) && n !== "pods").sort()].filter((n) => (req[n] ?? 0) > 0);
    checkedNames.set(req, names);
  }
  return names;
}

/** NodeResourcesFit: the pod count first, then cpu, memory, ephemeral-storage, then extended resources. */
export const nodeResourcesFit: FilterPlugin = {
  name: "NodeResourcesFit",
  // Runs for every node of every cycle: nothing is allocated unless the node fails.
  filter(pod, node) {
    let reasons: string[] | undefined;
    const allowedPods = node.allocatable.pods ?? 0;
    if (node.pods.length + 1 > allowedPods) reasons = ["Too many pods"];
    const req = podRequests(pod);
    for (const name of resourceNames(req)) {
      const free = (node.allocatable[name] ?? 0) - (node.requested[name] ?? 0);
      if (req[name] > free) (reasons ??= []).push(`Insufficient ${name}`);
    }
    return reasons ? fail(this.name, "Unschedulable", ...reasons) : undefined;
  },
};

function countMatching(node: NodeInfo, pod: Pod, selector: LabelSelector | undefined): number {
  return node.pods.filter(
    (p) => !p.metadata.deletionTimestamp && p.metadata.namespace === pod.metadata.namespace && labelSelectorMatches(selector, p.metadata.labels),
  ).length;
}

/**
 * PodTopologySpread with whenUnsatisfiable: DoNotSchedule. Placing the pod in this node's domain must keep
 * (matching pods there + the pod itself) - (fewest in any domain) within maxSkew. Domains are taken from nodes
 * that match the pod's node selector/affinity and carry every constraint's topology key.
 */
export const podTopologySpread: FilterPlugin = {
  name: "PodTopologySpread",
  filter(pod, node, all = [node]) {
    const declared = pod.spec?.topologySpreadConstraints;
    if (!declared || declared.length === 0) return undefined;
    const constraints = declared.filter((c) => c.whenUnsatisfiable === "DoNotSchedule");
    if (constraints.length === 0) return undefined;
    const hasKeys = (n: NodeInfo) => constraints.every((c) => Object.prototype.hasOwnProperty.call(n.node.metadata.labels ?? {}, c.topologyKey));
    if (!hasKeys(node)) return fail(this.name, "UnschedulableAndUnresolvable", REASON_SPREAD_LABEL);
    const eligible = all.filter((n) => hasKeys(n) && podMatchesNodeSelectorAndAffinity(pod, n));
    for (const c of constraints) {
      const counts = new Map<string, number>();
      for (const n of eligible) {
        const v = n.node.metadata.labels![c.topologyKey];
        counts.set(v, (counts.get(v) ?? 0) + countMatching(n, pod, c.labelSelector));
      }
      const minDomains = (c as { minDomains?: number }).minDomains ?? 1;
      const min = counts.size < minDomains ? 0 : Math.min(...counts.values());
      const here = counts.get(node.node.metadata.labels![c.topologyKey]) ?? 0;
      const self = labelSelectorMatches(c.labelSelector, pod.metadata.labels) ? 1 : 0;
      if (here + self - min > c.maxSkew) return fail(this.name, "Unschedulable", REASON_SPREAD);
    }
    return undefined;
  },
};

/** The default profile's Filter plugins, in the order the framework runs them (the first failure wins). */
export const FILTER_PLUGINS: readonly FilterPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintToleration,
  nodeAffinity,
  nodePorts,
  nodeResourcesFit,
  podTopologySpread,
];

/** Run the filters on one node; undefined means the node is feasible. */
export function runFilters(pod: Pod, node: NodeInfo, all?: readonly NodeInfo[], plugins: readonly FilterPlugin[] = FILTER_PLUGINS): FilterFailure | undefined {
  for (const p of plugins) {
    const r = p.filter(pod, node, all);
    if (r) return r;
  }
  return undefined;
}
