import { describe, expect, it } from "vitest";
import { SeededRandom } from "../runtime/random";
import type { Pod } from "./api-shapes";
import { CONTROL_PLANE_TAINT, makeNode, makePod } from "./builders";
import { buildNodeInfos } from "./node-info";
import { scheduleOne } from "./schedule-one";

function run(nodes: ReturnType<typeof makeNode>[], pod: Pod, bound: Pod[] = [], extra: Partial<Parameters<typeof scheduleOne>[0]> = {}) {
  return scheduleOne({ pod, nodes: buildNodeInfos(nodes, bound), random: new SeededRandom(7), ...extra });
}

describe("scheduleOne: the course's worked example", () => {
  it("filters the two 4-CPU nodes and prefers 16 CPUs over 12 (LeastAllocated)", () => {
    const nodes = [makeNode("node01", { cpu: "4" }), makeNode("node02", { cpu: "4" }), makeNode("node03", { cpu: "12" }), makeNode("node04", { cpu: "16" })];
    const r = run(nodes, makePod("big", { cpu: "10" }));
    expect(r.node).toBe("node04");
    expect(r.nodes[0].filteredOutBy).toEqual({ plugin: "NodeResourcesFit", reason: "Insufficient cpu" });
    expect(r.nodes[1].filteredOutBy).toEqual({ plugin: "NodeResourcesFit", reason: "Insufficient cpu" });
    const n3 = r.nodes[2];
    const n4 = r.nodes[3];
    expect(n3.filteredOutBy).toBeUndefined();
    // cpu (12-10)/12 -> 16, memory (8Gi-200Mi)/8Gi -> 97: (16+97)/2 = 56; on 16 CPUs: (37+97)/2 = 67.
    expect(n3.scores?.NodeResourcesFit).toBe(56);
    expect(n4.scores?.NodeResourcesFit).toBe(67);
    expect(n4.total!).toBeGreaterThan(n3.total!);
  });
});

describe("scheduleOne: FailedScheduling messages (exact v1.32 text)", () => {
  const cp = () => makeNode("controlplane", { cpu: "2", taints: [CONTROL_PLANE_TAINT] });

  it("control-plane taint plus a worker too small", () => {
    const r = run([cp(), makeNode("node01", { cpu: "2" })], makePod("bigpod", { cpu: "3" }));
    expect(r.node).toBeUndefined();
    expect(r.message).toBe(
      "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
    );
  });

  it("three nodes, two workers too small: counts sort as strings", () => {
    const r = run([cp(), makeNode("node01", { cpu: "2" }), makeNode("node02", { cpu: "2" })], makePod("bigpod", { cpu: "3" }));
    expect(r.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
  });

  it("all nodes too small, with both cpu and memory short", () => {
    const r = run([makeNode("node01", { cpu: "2", memory: "1Gi" }), makeNode("node02", { cpu: "2", memory: "1Gi" })], makePod("p", { cpu: "4", memory: "2Gi" }));
    expect(r.message).toBe(
      "0/2 nodes are available: 2 Insufficient cpu, 2 Insufficient memory. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.",
    );
  });

  it("nodeSelector mismatch", () => {
    const r = run([cp(), makeNode("node01")], makePod("p", { spec: { nodeSelector: { disktype: "ssd" } } }));
    expect(r.message).toBe(
      "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    );
  });

  it("cordoned worker", () => {
    const r = run([cp(), makeNode("node01", { unschedulable: true })], makePod("p"));
    expect(r.message).toBe(
      "0/2 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    );
  });

  it("host port taken", () => {
    const hp = (name: string, nodeName?: string) =>
      makePod(name, { nodeName, containers: [{ name: "c", image: "nginx", ports: [{ containerPort: 80, hostPort: 80 }] }] });
    const r = run([makeNode("node01")], hp("b"), [hp("a", "node01")]);
    expect(r.message).toBe(
      "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
    );
  });

  it("preemptionPolicy Never", () => {
    const r = run([makeNode("node01", { cpu: "1" })], makePod("p", { cpu: "2", spec: { preemptionPolicy: "Never" } }));
    expect(r.message).toBe("0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.");
  });

  it("no nodes at all", () => {
    expect(run([], makePod("p")).message).toBe("no nodes available to schedule pods");
  });
});

describe("scheduleOne: preemption", () => {
  it("evicts the lowest-priority pods that free enough room, keeping the rest", () => {
    const low1 = makePod("low1", { nodeName: "node01", cpu: "1", spec: { priority: 0 } });
    const low2 = makePod("low2", { nodeName: "node01", cpu: "1", spec: { priority: 10 } });
    const r = run([makeNode("node01", { cpu: "2" })], makePod("vip", { cpu: "1", spec: { priority: 1000 } }), [low1, low2]);
    expect(r.node).toBeUndefined();
    expect(r.message).toBe("0/1 nodes are available: 1 Insufficient cpu.");
    expect(r.preemption?.node).toBe("node01");
    expect(r.preemption?.victims.map((v) => v.metadata.name)).toEqual(["low1"]);
  });

  it("reports the filter reason when removing every lower-priority pod still does not help", () => {
    const low = makePod("low", { nodeName: "node01", cpu: "1", spec: { priority: 0 } });
    const r = run([makeNode("node01", { cpu: "2" })], makePod("vip", { cpu: "3", spec: { priority: 1000 } }), [low]);
    expect(r.message).toBe("0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 Insufficient cpu.");
  });

  it("keeps the nominated node's room for the preemptor", () => {
    const waiting = makePod("vip", { cpu: "2", spec: { priority: 1000 } });
    waiting.status = { phase: "Pending", nominatedNodeName: "node01" };
    const r = run([makeNode("node01", { cpu: "2" })], makePod("other", { cpu: "1" }), [], { nominatedPods: [waiting] });
    expect(r.node).toBeUndefined();
    expect(r.message).toContain("1 Insufficient cpu");
  });
});

describe("scheduleOne: scoring", () => {
  it("takes a single feasible node without scoring", () => {
    const r = run([makeNode("controlplane", { taints: [CONTROL_PLANE_TAINT] }), makeNode("node01")], makePod("p"));
    expect(r.node).toBe("node01");
    expect(r.nodes[1].scores).toBeUndefined();
  });

  it("spreads ReplicaSet pods across nodes (default topology spread)", () => {
    const nodes = [makeNode("node01"), makeNode("node02")];
    const rsPod = (name: string, nodeName?: string) => makePod(name, { nodeName, labels: { app: "web" }, owner: { kind: "ReplicaSet", name: "web-1" } });
    const sel = (l: Record<string, string>) => l.app === "web";
    const r = run(nodes, rsPod("c"), [rsPod("a", "node01")], { defaultSpreadSelector: sel });
    expect(r.node).toBe("node02");
    expect(r.nodes[0].scores?.PodTopologySpread).toBe(132);
    expect(r.nodes[1].scores?.PodTopologySpread).toBe(200);
  });

  it("prefers nodes matching preferred node affinity, and avoids PreferNoSchedule taints", () => {
    const nodes = [makeNode("node01", { labels: { zone: "a" } }), makeNode("node02", { labels: { zone: "b" } })];
    const pref = makePod("p", {
      spec: { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, preference: { matchExpressions: [{ key: "zone", operator: "In", values: ["b"] }] } }] } } },
    });
    const r = run(nodes, pref);
    expect(r.node).toBe("node02");
    expect(r.nodes[1].scores?.NodeAffinity).toBe(200);
    expect(r.nodes[0].scores?.NodeAffinity).toBe(0);

    const tainted = [makeNode("node01", { taints: [{ key: "spot", value: "true", effect: "PreferNoSchedule" }] }), makeNode("node02")];
    const t = run(tainted, makePod("p"));
    expect(t.node).toBe("node02");
    expect(t.nodes[0].scores?.TaintToleration).toBe(0);
    expect(t.nodes[1].scores?.TaintToleration).toBe(300);
  });

  it("breaks ties with the seeded random, the same way for the same seed", () => {
    const nodes = [makeNode("node01"), makeNode("node02"), makeNode("node03")];
    const picks = (seed: number) => Array.from({ length: 6 }, (_, i) => scheduleOne({ pod: makePod(`p${i}`), nodes: buildNodeInfos(nodes, []), random: new SeededRandom(seed + i) }).node);
    expect(picks(1)).toEqual(picks(1));
    expect(new Set(picks(1)).size).toBeGreaterThan(1);
  });
});

describe("scheduleOne: DaemonSet-style pods pinned with matchFields", () => {
  it("evaluates only the named node and reports the others as not satisfying NodeAffinity", () => {
    const pinned = makePod("ds-x", {
      cpu: "4",
      spec: {
        tolerations: [{ operator: "Exists" }],
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["node01"] }] }] } } },
      },
    });
    const nodes = [makeNode("controlplane", { taints: [CONTROL_PLANE_TAINT] }), makeNode("node01", { cpu: "2" }), makeNode("node02", { cpu: "8" })];
    const r = run(nodes, pinned);
    expect(r.message).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    );
    const ok = run([makeNode("node01"), makeNode("node02")], pinned.spec ? { ...pinned, spec: { ...pinned.spec, containers: [{ name: "c", image: "nginx" }] } } : pinned);
    expect(ok.node).toBe("node01");
  });
});
