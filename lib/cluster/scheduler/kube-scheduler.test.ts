import { describe, expect, it } from "vitest";
import type { SchedulingDecision } from "../cluster-types";
import type { Pod } from "./api-shapes";
import { CONTROL_PLANE_TAINT, makeNode, makePod } from "./builders";
import { KubeScheduler } from "./kube-scheduler";
import { FakeCluster } from "./testing/fake-api-client";

const BIGPOD_MSG =
  "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.";

function setup(workers: ReturnType<typeof makeNode>[] = [makeNode("node01", { cpu: "2" })]) {
  const fake = new FakeCluster();
  fake.put("nodes", makeNode("controlplane", { cpu: "2", taints: [CONTROL_PLANE_TAINT] }));
  for (const w of workers) fake.put("nodes", w);
  const decisions: SchedulingDecision[] = [];
  const scheduler = new KubeScheduler(fake.context(), (d) => decisions.push(d));
  fake.loop.register(scheduler);
  const pod = (name: string) => fake.read("pods", "default", name) as Pod;
  return { fake, decisions, scheduler, pod };
}

describe("KubeScheduler", () => {
  it("binds a pod and records the Scheduled event, the decision and the trace", () => {
    const { fake, decisions, pod } = setup();
    fake.put("pods", makePod("nginx"));
    fake.loop.runUntilIdle();
    expect(pod("nginx").spec?.nodeName).toBe("node01");
    expect(fake.events).toEqual([
      { involved: "default/nginx", type: "Normal", reason: "Scheduled", message: "Successfully assigned default/nginx to node01", component: "default-scheduler", time: fake.clock.now() },
    ]);
    expect(decisions).toHaveLength(1);
    expect(decisions[0].node).toBe("node01");
    expect(decisions[0].nodes[0].filteredOutBy?.plugin).toBe("TaintToleration");
    expect(fake.traces.map((t) => t.message)).toEqual(["kube-scheduler filtered 2 nodes: 1 fit", "bound default/nginx to node01"]);
  });

  it("leaves pods of another scheduler, pods with nodeName and gated pods alone", () => {
    const { fake, decisions } = setup();
    fake.put("pods", makePod("other", { spec: { schedulerName: "my-scheduler" } }));
    fake.put("pods", makePod("direct", { spec: { nodeName: "node09" } }));
    fake.put("pods", makePod("gated", { spec: { schedulingGates: [{ name: "example.com/wait" }] } }));
    fake.loop.runUntilIdle();
    expect(decisions).toHaveLength(0);
    expect(fake.events).toHaveLength(0);
  });

  it("on failure: FailedScheduling warning and PodScheduled=False/Unschedulable with the same message", () => {
    const { fake, pod } = setup();
    fake.put("pods", makePod("bigpod", { cpu: "3" }));
    fake.loop.runUntilIdle();
    expect(fake.events.map((e) => [e.type, e.reason, e.message, e.component])).toEqual([["Warning", "FailedScheduling", BIGPOD_MSG, "default-scheduler"]]);
    expect(pod("bigpod").status?.conditions).toEqual([
      { type: "PodScheduled", status: "False", lastProbeTime: null, lastTransitionTime: "2026-11-25T10:00:00Z", reason: "Unschedulable", message: BIGPOD_MSG },
    ]);
    expect(pod("bigpod").spec?.nodeName).toBeUndefined();
  });

  it("retries an unschedulable pod every five minutes (30 s flush), not on node heartbeats", () => {
    const { fake } = setup();
    fake.put("pods", makePod("bigpod", { cpu: "3" }));
    fake.loop.runUntilIdle();
    // A status-only node update (heartbeat) is no reason to retry.
    const n = fake.read("nodes", undefined, "node01")!;
    fake.put("nodes", { ...n, status: { ...(n.status as object), conditions: [{ type: "Ready", status: "True" }] } });
    fake.loop.advance(5 * 60_000);
    expect(fake.events.filter((e) => e.reason === "FailedScheduling")).toHaveLength(1);
    fake.loop.advance(30_000);
    const failures = fake.events.filter((e) => e.reason === "FailedScheduling");
    expect(failures).toHaveLength(2);
    expect(failures[1].time - failures[0].time).toBe(330_000);
  });

  it("retries at once when a bound pod goes away and frees the room", () => {
    const { fake, pod } = setup();
    fake.put("pods", makePod("hog", { cpu: "2" }));
    fake.loop.runUntilIdle();
    fake.clock.set(fake.clock.now() + 5_000);
    fake.put("pods", makePod("next", { cpu: "1" }));
    fake.loop.runUntilIdle();
    expect(pod("next").spec?.nodeName).toBeUndefined();
    fake.loop.advance(20_000);
    fake.remove("pods", "default", "hog");
    fake.loop.runUntilIdle();
    expect(pod("next").spec?.nodeName).toBe("node01");
  });

  it("waits for the back-off when the room comes back right after a failure", () => {
    const { fake, pod } = setup();
    fake.put("pods", makePod("hog", { cpu: "2" }));
    fake.put("pods", makePod("next", { cpu: "1" }));
    fake.loop.runUntilIdle();
    fake.remove("pods", "default", "hog");
    fake.loop.runUntilIdle();
    expect(pod("next").spec?.nodeName).toBeUndefined();
    fake.loop.advance(1_000);
    expect(pod("next").spec?.nodeName).toBe("node01");
  });

  it("retries when a node is uncordoned or a new node joins, not on unrelated label changes", () => {
    const { fake, pod } = setup([makeNode("node01", { unschedulable: true })]);
    fake.put("pods", makePod("web"));
    fake.loop.advance(10_000);
    const n = fake.read("nodes", undefined, "node01")!;
    fake.put("nodes", { ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, team: "a" } } });
    fake.loop.advance(10_000);
    expect(pod("web").spec?.nodeName).toBeUndefined();
    fake.put("nodes", { ...n, spec: {} });
    fake.loop.runUntilIdle();
    expect(pod("web").spec?.nodeName).toBe("node01");

    fake.put("pods", makePod("big", { cpu: "4" }));
    fake.loop.advance(10_000);
    expect(pod("big").spec?.nodeName).toBeUndefined();
    fake.put("nodes", makeNode("node02", { cpu: "8" }));
    fake.loop.runUntilIdle();
    expect(pod("big").spec?.nodeName).toBe("node02");
  });

  it("retries when the pod itself is changed (a toleration added), not on its status", () => {
    const { fake, pod } = setup([makeNode("node01", { taints: [{ key: "gpu", value: "true", effect: "NoSchedule" }] })]);
    fake.put("pods", makePod("job"));
    fake.loop.advance(10_000);
    const p = pod("job");
    expect(p.spec?.nodeName).toBeUndefined();
    fake.put("pods", { ...p, spec: { ...p.spec, tolerations: [{ key: "gpu", operator: "Exists", effect: "NoSchedule" }] } });
    fake.loop.runUntilIdle();
    expect(pod("job").spec?.nodeName).toBe("node01");
  });

  it("preempts a lower-priority pod, nominates the node and lands once the victim is gone", () => {
    const { fake, pod } = setup();
    fake.gracefulPodDelete = true;
    fake.put("pods", makePod("low", { cpu: "2", spec: { priority: 0 } }));
    fake.loop.runUntilIdle();
    fake.put("pods", makePod("vip", { cpu: "2", spec: { priority: 1000 } }));
    fake.loop.runUntilIdle();
    const victim = pod("low");
    expect(victim.metadata.deletionTimestamp).toBeDefined();
    expect(victim.status?.conditions?.find((c) => c.type === "DisruptionTarget")).toMatchObject({
      status: "True",
      reason: "PreemptionByScheduler",
      message: "default-scheduler: preempting to accommodate a higher priority pod",
    });
    expect(fake.events.find((e) => e.reason === "Preempted")).toMatchObject({ involved: "default/low", message: "Preempted by pod uid-vip on node node01" });
    expect(fake.events.find((e) => e.involved === "default/vip")?.message).toBe(
      "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.",
    );
    expect(pod("vip").status?.nominatedNodeName).toBe("node01");
    fake.remove("pods", "default", "low");
    fake.loop.advance(1_000);
    expect(pod("vip").spec?.nodeName).toBe("node01");
  });

  it("spreads a ReplicaSet's pods over the workers", () => {
    const { fake, pod } = setup([makeNode("node01"), makeNode("node02")]);
    fake.put("replicasets", { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "web-1", namespace: "default" }, spec: { selector: { matchLabels: { app: "web" } } } });
    for (const n of ["a", "b", "c", "d"]) fake.put("pods", makePod(`web-1-${n}`, { labels: { app: "web" }, owner: { kind: "ReplicaSet", name: "web-1" } }));
    fake.loop.runUntilIdle();
    const placed = ["a", "b", "c", "d"].map((n) => pod(`web-1-${n}`).spec?.nodeName);
    expect(placed.filter((n) => n === "node01")).toHaveLength(2);
    expect(placed.filter((n) => n === "node02")).toHaveLength(2);
  });
});
