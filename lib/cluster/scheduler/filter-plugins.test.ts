import { describe, expect, it } from "vitest";
import { CONTROL_PLANE_TAINT, makeNode, makePod } from "./builders";
import { nodeAffinity, nodeName, nodePorts, nodeResourcesFit, nodeUnschedulable, podTopologySpread, runFilters, taintToleration } from "./filter-plugins";
import { newNodeInfo } from "./node-info";

describe("NodeUnschedulable", () => {
  it("rejects a cordoned node unless the pod tolerates the unschedulable taint", () => {
    const node = newNodeInfo(makeNode("node01", { unschedulable: true }), []);
    expect(nodeUnschedulable.filter(makePod("p"), node)).toEqual({
      plugin: "NodeUnschedulable",
      code: "UnschedulableAndUnresolvable",
      reasons: ["node(s) were unschedulable"],
    });
    const tolerant = makePod("ds", { spec: { tolerations: [{ key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" }] } });
    expect(nodeUnschedulable.filter(tolerant, node)).toBeUndefined();
  });
});

describe("NodeName", () => {
  it("rejects every node but the requested one", () => {
    const pod = makePod("p", { spec: { nodeName: "node02" } });
    expect(nodeName.filter(pod, newNodeInfo(makeNode("node01"), []))?.reasons).toEqual(["node(s) didn't match the requested node name"]);
    expect(nodeName.filter(pod, newNodeInfo(makeNode("node02"), []))).toBeUndefined();
  });
});

describe("TaintToleration", () => {
  const cp = newNodeInfo(makeNode("controlplane", { taints: [CONTROL_PLANE_TAINT] }), []);

  it("names the first untolerated taint as {key: value}", () => {
    expect(taintToleration.filter(makePod("p"), cp)?.reasons).toEqual(["node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"]);
    const gpu = newNodeInfo(makeNode("n", { taints: [{ key: "gpu", value: "true", effect: "NoExecute" }] }), []);
    expect(taintToleration.filter(makePod("p"), gpu)?.reasons).toEqual(["node(s) had untolerated taint {gpu: true}"]);
  });

  it("ignores PreferNoSchedule and honours Exists / Equal tolerations", () => {
    const soft = newNodeInfo(makeNode("n", { taints: [{ key: "x", value: "y", effect: "PreferNoSchedule" }] }), []);
    expect(taintToleration.filter(makePod("p"), soft)).toBeUndefined();
    const exists = makePod("p", { spec: { tolerations: [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" }] } });
    expect(taintToleration.filter(exists, cp)).toBeUndefined();
    const all = makePod("p", { spec: { tolerations: [{ operator: "Exists" }] } });
    expect(taintToleration.filter(all, cp)).toBeUndefined();
    const gpu = newNodeInfo(makeNode("n", { taints: [{ key: "gpu", value: "true", effect: "NoSchedule" }] }), []);
    const wrongValue = makePod("p", { spec: { tolerations: [{ key: "gpu", operator: "Equal", value: "false", effect: "NoSchedule" }] } });
    expect(taintToleration.filter(wrongValue, gpu)).toBeDefined();
    const rightValue = makePod("p", { spec: { tolerations: [{ key: "gpu", value: "true" }] } });
    expect(taintToleration.filter(rightValue, gpu)).toBeUndefined();
  });
});

describe("NodeAffinity", () => {
  const ssd = newNodeInfo(makeNode("node01", { labels: { disktype: "ssd", size: "8" } }), []);
  const hdd = newNodeInfo(makeNode("node02", { labels: { disktype: "hdd" } }), []);

  it("applies nodeSelector", () => {
    const pod = makePod("p", { spec: { nodeSelector: { disktype: "ssd" } } });
    expect(nodeAffinity.filter(pod, ssd)).toBeUndefined();
    expect(nodeAffinity.filter(pod, hdd)?.reasons).toEqual(["node(s) didn't match Pod's node affinity/selector"]);
  });

  it("applies required node affinity: terms ORed, expressions ANDed", () => {
    const pod = makePod("p", {
      spec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchExpressions: [{ key: "disktype", operator: "In", values: ["ssd"] }, { key: "size", operator: "Gt", values: ["4"] }] },
                { matchFields: [{ key: "metadata.name", operator: "In", values: ["node03"] }] },
              ],
            },
          },
        },
      },
    });
    expect(nodeAffinity.filter(pod, ssd)).toBeUndefined();
    expect(nodeAffinity.filter(pod, hdd)).toBeDefined();
    expect(nodeAffinity.filter(pod, newNodeInfo(makeNode("node03"), []))).toBeUndefined();
    const notIn = makePod("p", {
      spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "disktype", operator: "NotIn", values: ["hdd"] }] }] } } } },
    });
    expect(nodeAffinity.filter(notIn, newNodeInfo(makeNode("plain"), []))).toBeUndefined();
    expect(nodeAffinity.filter(notIn, hdd)).toBeDefined();
  });
});

describe("NodePorts", () => {
  it("rejects a node where the host port is taken on the same protocol", () => {
    const web = (name: string, hostPort: number, protocol?: string) =>
      makePod(name, { containers: [{ name: "c", image: "nginx", ports: [{ containerPort: 80, hostPort, ...(protocol ? { protocol } : {}) }] }] });
    const node = newNodeInfo(makeNode("node01"), [{ ...web("a", 8080), spec: { ...web("a", 8080).spec, nodeName: "node01" } }]);
    expect(nodePorts.filter(web("b", 8080), node)).toEqual({
      plugin: "NodePorts",
      code: "Unschedulable",
      reasons: ["node(s) didn't have free ports for the requested pod ports"],
    });
    expect(nodePorts.filter(web("c", 8081), node)).toBeUndefined();
    expect(nodePorts.filter(web("d", 8080, "UDP"), node)).toBeUndefined();
  });
});

describe("NodeResourcesFit", () => {
  it("reports every insufficient resource, pods first", () => {
    const node = newNodeInfo(makeNode("node01", { cpu: "1", memory: "1Gi", pods: "1" }), [makePod("old", { nodeName: "node01", cpu: "500m" })]);
    expect(nodeResourcesFit.filter(makePod("p", { cpu: "600m", memory: "2Gi" }), node)?.reasons).toEqual([
      "Too many pods",
      "Insufficient cpu",
      "Insufficient memory",
    ]);
  });

  it("counts requests of pods already bound, and lets a pod without requests fit anywhere with pod room", () => {
    const node = newNodeInfo(makeNode("node01", { cpu: "1" }), [makePod("old", { nodeName: "node01", cpu: "500m" })]);
    expect(nodeResourcesFit.filter(makePod("p", { cpu: "500m" }), node)).toBeUndefined();
    expect(nodeResourcesFit.filter(makePod("p", { cpu: "501m" }), node)?.reasons).toEqual(["Insufficient cpu"]);
    expect(nodeResourcesFit.filter(makePod("p"), newNodeInfo(makeNode("full", { cpu: "0" }), []))).toBeUndefined();
  });

  it("uses limits as requests when only limits are set", () => {
    const pod = makePod("p", { containers: [{ name: "c", image: "nginx", resources: { limits: { cpu: "3" } } }] });
    expect(nodeResourcesFit.filter(pod, newNodeInfo(makeNode("node01", { cpu: "2" }), []))?.reasons).toEqual(["Insufficient cpu"]);
  });
});

describe("filter order", () => {
  it("stops at the first failing plugin", () => {
    const node = newNodeInfo(makeNode("cp", { cpu: "1", taints: [CONTROL_PLANE_TAINT], unschedulable: true }), []);
    expect(runFilters(makePod("p", { cpu: "4" }), node)?.plugin).toBe("NodeUnschedulable");
  });
});

describe("PodTopologySpread (DoNotSchedule)", () => {
  const spread = (name: string, nodeName?: string) =>
    makePod(name, {
      nodeName,
      labels: { app: "db" },
      spec: { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "db" } } }] },
    });

  it("keeps the skew between zones within maxSkew", () => {
    const a = newNodeInfo(makeNode("node01", { labels: { zone: "a" } }), [spread("x", "node01")]);
    const b = newNodeInfo(makeNode("node02", { labels: { zone: "b" } }), []);
    const all = [a, b];
    expect(podTopologySpread.filter(spread("p"), a, all)).toEqual({
      plugin: "PodTopologySpread",
      code: "Unschedulable",
      reasons: ["node(s) didn't match pod topology spread constraints"],
    });
    expect(podTopologySpread.filter(spread("p"), b, all)).toBeUndefined();
  });

  it("rejects a node without the topology key for good", () => {
    const plain = newNodeInfo(makeNode("node03"), []);
    expect(podTopologySpread.filter(spread("p"), plain, [plain])).toEqual({
      plugin: "PodTopologySpread",
      code: "UnschedulableAndUnresolvable",
      reasons: ["node(s) didn't match pod topology spread constraints (missing required label)"],
    });
  });
});
