import { describe, expect, it } from "vitest";
import { createCluster, restoreCluster, type Cluster, type KubeObject } from "../index";

const BIGPOD_MSG =
  "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.";

function pod(name: string, spec: Record<string, unknown> = {}, cpu?: string): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name },
    spec: { containers: [{ name, image: "nginx", ...(cpu ? { resources: { requests: { cpu } } } : {}) }], ...spec },
  };
}

function create(c: Cluster, obj: KubeObject): void {
  const r = c.client().create("pods", "default", obj);
  if (!r.ok) throw new Error(r.status.message);
  c.runUntilIdle();
}

function get(c: Cluster, name: string): Record<string, any> {
  const r = c.client().get("pods", "default", name);
  if (!r.ok) throw new Error(r.status.message);
  return r.value as Record<string, any>;
}

/** Scheduler events about one pod, as `kubectl describe` would list them. */
function events(c: Cluster, name: string): { type: string; reason: string; message: string; count: number; from: string }[] {
  const r = c.client().list("events", "default");
  if (!r.ok) return [];
  return (r.value.items as Record<string, any>[])
    .filter((e) => e.involvedObject?.name === name && e.source?.component === "default-scheduler")
    .map((e) => ({ type: e.type, reason: e.reason, message: e.message, count: e.count, from: e.source.component }));
}

describe("kube-scheduler in a cluster", () => {
  it("assigns a pod to the worker, never the control plane", () => {
    const c = createCluster();
    create(c, pod("nginx"));
    expect(get(c, "nginx").spec.nodeName).toBe("node01");
    expect(events(c, "nginx")).toEqual([{ type: "Normal", reason: "Scheduled", message: "Successfully assigned default/nginx to node01", count: 1, from: "default-scheduler" }]);
    const d = c.schedulingDecisions().at(-1)!;
    expect(d.pod.name).toBe("nginx");
    expect(d.node).toBe("node01");
    expect(d.nodes.find((n) => n.name === "controlplane")?.filteredOutBy?.plugin).toBe("TaintToleration");
    expect(c.trace().some((t) => t.component === "kube-scheduler" && t.message === "bound default/nginx to node01")).toBe(true);
  });

  it("keeps a pod too big for any node Pending, with the exact event and condition, and retries every 5 minutes", () => {
    const c = createCluster();
    create(c, pod("bigpod", {}, "10"));
    const p = get(c, "bigpod");
    expect(p.spec.nodeName).toBeUndefined();
    expect(p.status.phase).toBe("Pending");
    expect(p.status.conditions).toEqual([
      { type: "PodScheduled", status: "False", lastProbeTime: null, lastTransitionTime: "2026-11-25T10:00:00Z", reason: "Unschedulable", message: BIGPOD_MSG },
    ]);
    expect(events(c, "bigpod")).toEqual([{ type: "Warning", reason: "FailedScheduling", message: BIGPOD_MSG, count: 1, from: "default-scheduler" }]);
    c.advance(5 * 60_000);
    expect(events(c, "bigpod")[0].count).toBe(1);
    c.advance(30_000);
    expect(events(c, "bigpod")[0].count).toBe(2);
  });

  it("the course's worked example: 10 CPUs on nodes of 4, 4, 12 and 16 CPUs lands on the 16", () => {
    const c = createCluster({
      workers: [
        { name: "node01", cpu: "4" },
        { name: "node02", cpu: "4" },
        { name: "node03", cpu: "12" },
        { name: "node04", cpu: "16" },
      ],
    });
    create(c, pod("big", {}, "10"));
    expect(get(c, "big").spec.nodeName).toBe("node04");
    const d = c.schedulingDecisions().at(-1)!;
    const byName = Object.fromEntries(d.nodes.map((n) => [n.name, n]));
    expect(byName.node01.filteredOutBy).toEqual({ plugin: "NodeResourcesFit", reason: "Insufficient cpu" });
    expect(byName.node02.filteredOutBy).toEqual({ plugin: "NodeResourcesFit", reason: "Insufficient cpu" });
    expect(byName.node04.scores!.NodeResourcesFit).toBeGreaterThan(byName.node03.scores!.NodeResourcesFit);
    expect(byName.node04.total!).toBeGreaterThan(byName.node03.total!);
    expect(c.trace().some((t) => t.message === "kube-scheduler filtered 5 nodes: 2 fit")).toBe(true);
  });

  it("a nodeSelector nothing matches waits; labelling the node lets it in at once", () => {
    const c = createCluster();
    create(c, pod("ssd", { nodeSelector: { disktype: "ssd" } }));
    expect(events(c, "ssd")[0].message).toBe(
      "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    );
    c.advance(20_000);
    const node = c.client().get("nodes", undefined, "node01");
    if (!node.ok) throw new Error("no node01");
    const labelled = c.client().patch("nodes", undefined, "node01", "merge", { metadata: { labels: { disktype: "ssd" } } });
    expect(labelled.ok).toBe(true);
    c.runUntilIdle();
    expect(get(c, "ssd").spec.nodeName).toBe("node01");
  });

  it("a cordoned worker takes no new pods", () => {
    const c = createCluster();
    c.client().patch("nodes", undefined, "node01", "merge", { spec: { unschedulable: true } });
    c.runUntilIdle();
    create(c, pod("web"));
    expect(get(c, "web").spec.nodeName).toBeUndefined();
    expect(events(c, "web")[0].message).toMatch(/^0\/2 nodes are available: .*1 node\(s\) were unschedulable\. preemption: 0\/2 nodes are available: 2 Preemption is not helpful for scheduling\.$/);
  });

  it("a pod with spec.nodeName bypasses the scheduler entirely", () => {
    const c = createCluster();
    create(c, pod("pinned", { nodeName: "node09" }));
    expect(events(c, "pinned")).toEqual([]);
    expect(c.schedulingDecisions().some((d) => d.pod.name === "pinned")).toBe(false);
  });

  it("a restored cluster retries its pending pod at the same instant as the original", () => {
    const a = createCluster();
    create(a, pod("bigpod", {}, "10"));
    a.advance(90_000);
    const b = restoreCluster(JSON.parse(JSON.stringify(a.snapshot())));
    if ("error" in b) throw new Error(b.error);
    for (const c of [a, b]) {
      c.advance(4 * 60_000 - 1);
      expect(events(c, "bigpod")[0].count).toBe(1);
      c.advance(1);
      expect(events(c, "bigpod")[0].count).toBe(2);
    }
  });

  it("spreads a Deployment's replicas evenly over two workers", () => {
    const c = createCluster({ workers: [{ name: "node01" }, { name: "node02" }] });
    const r = c.client().create("deployments", "default", {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web" },
      spec: { replicas: 4, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx" }] } } },
    });
    expect(r.ok).toBe(true);
    c.advance(5_000);
    const pods = c.client().list("pods", "default", { labelSelector: "app=web" });
    if (!pods.ok) throw new Error(pods.status.message);
    const nodes = pods.value.items.map((p) => (p.spec as { nodeName?: string }).nodeName);
    expect(nodes).toHaveLength(4);
    expect(nodes.filter((n) => n === "node01")).toHaveLength(2);
    expect(nodes.filter((n) => n === "node02")).toHaveLength(2);
  });
});
