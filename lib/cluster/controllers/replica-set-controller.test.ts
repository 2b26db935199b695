import { describe, expect, it } from "vitest";
import { createReplicaSetController } from "./replica-set-controller";
import { pod, replicaSet, replicationController } from "./testing/builders";
import { FakeApi } from "./testing/fake-api";
import type { Pod } from "./util/objects";

function setup(kind: "ReplicaSet" | "ReplicationController" = "ReplicaSet") {
  const api = new FakeApi();
  const ctrl = createReplicaSetController(api.context(kind === "ReplicaSet" ? "replicaset-controller" : "replication-controller"), kind);
  api.loop.register(ctrl);
  return { api, ctrl, client: api.client() };
}

const podsOf = (api: FakeApi) => api.all("pods", "default") as Pod[];

describe("ReplicaSet controller", () => {
  it("creates the missing pods from the template with generateName and a controller ownerReference", () => {
    const { api } = setup();
    const rs = api.seed("replicasets", replicaSet("frontend", 3));
    api.loop.runUntilIdle();
    const pods = podsOf(api);
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^frontend-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.generateName).toBe("frontend-");
      expect(p.metadata.labels).toEqual({ app: "frontend" });
      expect(p.metadata.ownerReferences).toEqual([
        { apiVersion: "apps/v1", kind: "ReplicaSet", name: "frontend", uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true },
      ]);
    }
    const created = api.events.map((e) => `${e.component} ${e.type} ${e.reason} ${e.involved.kind}/${e.involved.name} ${e.message}`);
    expect(created.sort()).toEqual(pods.map((p) => `replicaset-controller Normal SuccessfulCreate ReplicaSet/frontend Created pod: ${p.metadata.name}`).sort());
    const stored = api.client().get("replicasets", "default", "frontend");
    expect(stored.ok && stored.value.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
  });

  it("replaces a deleted pod and ignores pods being deleted", () => {
    const { api, client } = setup();
    api.seed("replicasets", replicaSet("frontend", 2));
    api.loop.runUntilIdle();
    const [first] = podsOf(api);
    api.gracefulPods = true;
    client.delete("pods", "default", first.metadata.name!);
    api.loop.runUntilIdle();
    const pods = podsOf(api);
    expect(pods).toHaveLength(3);
    expect(pods.filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(2);
  });

  it("adopts a matching orphan pod and creates only the rest", () => {
    const { api } = setup();
    api.seed("pods", pod("bare", { tier: "frontend" }));
    const rs = api.seed("replicasets", replicaSet("frontend", 3, { tier: "frontend" }));
    api.loop.runUntilIdle();
    const pods = podsOf(api);
    expect(pods).toHaveLength(3);
    const bare = pods.find((p) => p.metadata.name === "bare")!;
    expect(bare.metadata.ownerReferences?.[0]).toMatchObject({ kind: "ReplicaSet", name: "frontend", uid: rs.metadata.uid, controller: true });
    expect(api.events.filter((e) => e.reason === "SuccessfulCreate")).toHaveLength(2);
  });

  it("deletes the extras when matching pods already exceed replicas", () => {
    const { api } = setup();
    for (const n of ["a", "b", "c"]) api.seed("pods", pod(n, { tier: "frontend" }, { node: "node01", phase: "Running", ready: true }));
    api.seed("replicasets", replicaSet("frontend", 2, { tier: "frontend" }));
    api.loop.runUntilIdle();
    expect(podsOf(api)).toHaveLength(2);
    expect(api.events.filter((e) => e.reason === "SuccessfulDelete")).toHaveLength(1);
  });

  it("releases a pod whose labels stop matching and creates a replacement", () => {
    const { api, client } = setup();
    api.seed("replicasets", replicaSet("frontend", 2));
    api.loop.runUntilIdle();
    const victim = podsOf(api)[0];
    client.patch("pods", "default", victim.metadata.name!, "merge", { metadata: { labels: { app: "debug" } } });
    api.loop.runUntilIdle();
    const pods = podsOf(api);
    expect(pods).toHaveLength(3);
    const released = pods.find((p) => p.metadata.name === victim.metadata.name)!;
    expect(released.metadata.ownerReferences).toBeUndefined();
  });

  it("scales down in ActivePods order: unscheduled, then pending, then not ready, then the newest", () => {
    const { api, client } = setup();
    api.seed("pods", pod("running-old", { app: "web" }, { node: "node01", phase: "Running", ready: true, readySince: "2026-11-20T09:00:00Z" }));
    api.clock.set(api.clock.now() + 60_000);
    api.seed("pods", pod("running-new", { app: "web" }, { node: "node02", phase: "Running", ready: true, readySince: "2026-11-25T10:00:30Z" }));
    api.seed("pods", pod("not-ready", { app: "web" }, { node: "node02", phase: "Running", ready: false }));
    api.seed("pods", pod("pending", { app: "web" }, { node: "node01", phase: "Pending" }));
    api.seed("pods", pod("unscheduled", { app: "web" }));
    api.seed("replicasets", replicaSet("web", 5));
    api.loop.runUntilIdle();
    expect(podsOf(api)).toHaveLength(5);
    const order: string[] = [];
    for (const replicas of [4, 3, 2, 1]) {
      const cur = client.get("replicasets", "default", "web");
      if (!cur.ok) throw new Error("rs missing");
      client.update("replicasets", "default", "web", { ...cur.value, spec: { ...(cur.value.spec as object), replicas } });
      const before = new Set(podsOf(api).map((p) => p.metadata.name));
      api.loop.runUntilIdle();
      const after = new Set(podsOf(api).map((p) => p.metadata.name));
      order.push(...[...before].filter((n) => !after.has(n)) as string[]);
    }
    expect(order).toEqual(["unscheduled", "pending", "not-ready", "running-new"]);
    expect(api.events.filter((e) => e.reason === "SuccessfulDelete").map((e) => e.message)).toEqual(order.map((n) => `Deleted pod: ${n}`));
  });

  it("reports FailedCreate with the API's message and stops after the first failing batch", () => {
    const { api } = setup();
    api.failCreate = {
      resource: "pods",
      status: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", reason: "Forbidden", code: 403, message: 'pods "frontend-x" is forbidden: exceeded quota: q' },
    };
    api.seed("replicasets", replicaSet("frontend", 5));
    api.loop.runUntilIdle();
    // One refused create per sync (slow start), not five; the status update causes one more sync.
    expect(api.createAttempts.get("pods")).toBe(2);
    const warnings = api.events.filter((e) => e.type === "Warning");
    expect(warnings[0]).toEqual({
      involved: { kind: "ReplicaSet", namespace: "default", name: "frontend" },
      type: "Warning",
      reason: "FailedCreate",
      message: 'Error creating: pods "frontend-x" is forbidden: exceeded quota: q',
      component: "replicaset-controller",
    });
    expect(warnings).toHaveLength(2);
    const rs = api.client().get("replicasets", "default", "frontend");
    const conds = (rs.ok && (rs.value.status as { conditions?: unknown[] }).conditions) || [];
    expect(conds).toMatchObject([{ type: "ReplicaFailure", status: "True", reason: "FailedCreate" }]);
  });

  it("counts ready and available replicas, honouring minReadySeconds", () => {
    const { api, client } = setup();
    const rs = replicaSet("web", 1);
    (rs.spec as { minReadySeconds?: number }).minReadySeconds = 10;
    api.seed("replicasets", rs);
    api.loop.runUntilIdle();
    const p = podsOf(api)[0];
    client.updateStatus("pods", "default", p.metadata.name!, { ...p, status: { phase: "Running", conditions: [{ type: "Ready", status: "True", lastTransitionTime: "2026-11-25T10:00:00Z" }] } });
    api.loop.runUntilIdle();
    const status = () => {
      const r = client.get("replicasets", "default", "web");
      return r.ok ? r.value.status : undefined;
    };
    expect(status()).toEqual({ replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, observedGeneration: 1 });
    api.loop.advance(10_000);
    expect(status()).toEqual({ replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 });
  });
});

describe("ReplicationController manager", () => {
  it("uses the equality selector map and reports as replication-controller", () => {
    const { api } = setup("ReplicationController");
    api.seed("replicationcontrollers", replicationController("myapp-rc", 2));
    api.loop.runUntilIdle();
    const pods = podsOf(api);
    expect(pods).toHaveLength(2);
    expect(pods[0].metadata.ownerReferences?.[0]).toMatchObject({ apiVersion: "v1", kind: "ReplicationController", name: "myapp-rc" });
    expect(api.events.map((e) => e.component)).toEqual(["replication-controller", "replication-controller"]);
    expect(api.events[0].message).toMatch(/^Created pod: myapp-rc-[a-z0-9]{5}$/);
  });
});
