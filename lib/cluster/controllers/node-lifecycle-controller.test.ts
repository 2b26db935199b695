import { describe, expect, it } from "vitest";
import { rfc3339 } from "../runtime/clock";
import { createNodeLifecycleController } from "./node-lifecycle-controller";
import { createTaintEvictionController } from "./taint-eviction-controller";
import { node, pod } from "./testing/builders";
import { FakeApi } from "./testing/fake-api";
import type { Node, Pod } from "./util/objects";

const unreachable = [
  { key: "node.kubernetes.io/not-ready", operator: "Exists" as const, effect: "NoExecute" as const, tolerationSeconds: 300 },
  { key: "node.kubernetes.io/unreachable", operator: "Exists" as const, effect: "NoExecute" as const, tolerationSeconds: 300 },
];

function setup() {
  const api = new FakeApi();
  api.loop.register(createNodeLifecycleController(api.context("node-controller"), 50));
  api.loop.register(createTaintEvictionController(api.context("taint-eviction-controller")));
  const client = api.client("kubelet");
  const t0 = rfc3339(api.clock.now());
  api.seed("nodes", node("node01", { status: { conditions: [{ type: "Ready", status: "True", lastHeartbeatTime: t0, lastTransitionTime: t0, reason: "KubeletReady", message: "kubelet is posting ready status" }] } }));
  api.seed("leases", { apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name: "node01", namespace: "kube-node-lease" }, spec: { holderIdentity: "node01", leaseDurationSeconds: 40, renewTime: t0 } });
  const p = pod("web-1", { app: "web" }, { node: "node01", phase: "Running", ready: true });
  p.spec.tolerations = unreachable;
  api.seed("pods", p);
  const heartbeat = () => {
    const l = client.get("leases", "kube-node-lease", "node01");
    if (l.ok) client.update("leases", "kube-node-lease", "node01", { ...l.value, spec: { ...(l.value.spec as object), renewTime: rfc3339(api.clock.now()) } });
  };
  return { api, client, heartbeat };
}

const getNode = (api: FakeApi) => {
  const r = api.client().get("nodes", undefined, "node01");
  if (!r.ok) throw new Error("no node");
  return r.value as Node;
};

describe("node lifecycle and taint eviction", () => {
  it("a node that renews its lease stays Ready and untainted", () => {
    const { api, heartbeat } = setup();
    for (let i = 0; i < 12; i++) {
      api.loop.advance(10_000);
      heartbeat();
    }
    expect(getNode(api).spec?.taints).toBeUndefined();
    expect(api.events).toEqual([]);
  });

  it("silent for longer than the grace period: Unknown conditions, unreachable taints, pods not ready, events", () => {
    const { api } = setup();
    api.loop.advance(50_000);
    expect(getNode(api).status?.conditions?.[0].status).toBe("True");
    api.loop.advance(5_000); // the next node-monitor-period tick
    const n = getNode(api);
    expect(n.status?.conditions?.find((c) => c.type === "Ready")).toMatchObject({ status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status." });
    expect(n.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual(["Ready=Unknown", "MemoryPressure=Unknown", "DiskPressure=Unknown", "PIDPressure=Unknown"]);
    expect(n.spec?.taints).toEqual([
      { key: "node.kubernetes.io/unreachable", effect: "NoExecute", timeAdded: "2026-11-25T10:00:55Z" },
      { key: "node.kubernetes.io/unreachable", effect: "NoSchedule" },
    ]);
    expect(api.events.map((e) => `${e.type} ${e.reason} ${e.involved.kind}/${e.involved.name} ${e.message} (${e.component})`)).toEqual([
      "Normal NodeNotReady Node/node01 Node node01 status is now: NodeNotReady (node-controller)",
      "Warning NodeNotReady Pod/web-1 Node is not ready (node-controller)",
    ]);
    const p = api.all("pods", "default")[0] as Pod;
    expect(p.status?.conditions?.find((c) => c.type === "Ready")?.status).toBe("False");
  });

  it("evicts tolerating pods 300 s after the taint, immediately those without a toleration", () => {
    const { api } = setup();
    api.seed("pods", pod("intolerant", { app: "x" }, { node: "node01", phase: "Running", ready: true }));
    api.loop.advance(55_000);
    expect(api.all("pods", "default").map((p) => p.metadata.name)).toEqual(["web-1"]);
    api.loop.advance(299_000);
    expect(api.all("pods", "default")).toHaveLength(1);
    api.loop.advance(1_000);
    expect(api.all("pods", "default")).toEqual([]);
    expect(api.events.filter((e) => e.reason === "TaintManagerEviction").map((e) => e.message)).toEqual([
      "Marking for deletion Pod default/intolerant",
      "Marking for deletion Pod default/web-1",
    ]);
  });

  it("removes the taints and cancels evictions when the kubelet comes back", () => {
    const { api, client, heartbeat } = setup();
    api.loop.advance(60_000);
    heartbeat();
    const n = getNode(api);
    const t = rfc3339(api.clock.now());
    client.updateStatus("nodes", undefined, "node01", { ...n, status: { conditions: [{ type: "Ready", status: "True", lastHeartbeatTime: t, lastTransitionTime: t, reason: "KubeletReady", message: "kubelet is posting ready status" }] } });
    api.loop.runUntilIdle();
    expect(getNode(api).spec?.taints).toBeUndefined();
    for (let i = 0; i < 40; i++) {
      api.loop.advance(10_000);
      heartbeat();
    }
    expect(api.all("pods", "default")).toHaveLength(1);
    expect(api.events.map((e) => e.message)).toContain("Node node01 status is now: NodeReady");
    expect(api.events.map((e) => e.message)).toContain("Cancelling deletion of Pod default/web-1");
  });

  it("taints a cordoned node unschedulable", () => {
    const { api, client } = setup();
    client.update("nodes", undefined, "node01", { ...getNode(api), spec: { unschedulable: true } });
    api.loop.runUntilIdle();
    expect(getNode(api).spec?.taints).toEqual([{ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" }]);
  });
});
