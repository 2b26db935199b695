import { describe, expect, it } from "vitest";
import { createCluster, type Cluster, type KubeObject } from "../index";

/** Scenarios through the whole engine: API server, controllers, scheduler and kubelets together. */

type Pod = KubeObject & { spec: { nodeName?: string; containers: { image: string }[] }; status?: { phase?: string; conditions?: { type: string; status: string }[] } };

function pods(c: Cluster, ns = "default", label?: string): Pod[] {
  const r = c.client().list("pods", ns, label ? { labelSelector: label } : undefined);
  if (!r.ok) throw new Error(r.status.message);
  return r.value.items as Pod[];
}
const live = (ps: Pod[]) => ps.filter((p) => !p.metadata.deletionTimestamp);
const running = (ps: Pod[]) => live(ps).filter((p) => p.status?.phase === "Running");

function get(c: Cluster, resource: string, name: string, ns: string | undefined = "default"): KubeObject {
  const r = c.client().get(resource, ns, name);
  if (!r.ok) throw new Error(r.status.message);
  return r.value;
}

function must<T>(r: { ok: true; value: T } | { ok: false; status: { message: string } }): T {
  if (!r.ok) throw new Error(r.status.message);
  return r.value;
}

const rsManifest = (name: string, replicas: number, labels: Record<string, string>) => ({
  apiVersion: "apps/v1",
  kind: "ReplicaSet",
  metadata: { name },
  spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: "nginx", image: "nginx" }] } } },
});

const events = (c: Cluster, ns: string, name: string) =>
  must(c.client().list("events", ns, { fieldSelector: `involvedObject.name=${name}` })).items.map((e) => `${(e as { reason?: string }).reason} ${(e as { message?: string }).message}`);

describe("controllers in a whole cluster", () => {
  it("ReplicaSet: 3 pods, replacement of a deleted pod, scale-down, adoption of a bare pod", () => {
    const c = createCluster({});
    const k = c.client();
    must(k.create("pods", "default", { apiVersion: "v1", kind: "Pod", metadata: { name: "bare", labels: { tier: "frontend" } }, spec: { containers: [{ name: "nginx", image: "nginx" }] } }));
    must(k.create("replicasets", "default", rsManifest("frontend", 3, { tier: "frontend" })));
    c.advance(20_000);
    let ps = running(pods(c, "default", "tier=frontend"));
    expect(ps).toHaveLength(3);
    expect(ps.map((p) => p.metadata.name)).toContain("bare");
    expect(get(c, "pods", "bare").metadata.ownerReferences?.[0]).toMatchObject({ kind: "ReplicaSet", name: "frontend", controller: true, blockOwnerDeletion: true });
    expect(events(c, "default", "frontend").filter((e) => e.startsWith("SuccessfulCreate"))).toHaveLength(2);

    const before = new Set(ps.map((p) => p.metadata.name!));
    const victim = ps.find((p) => p.metadata.name !== "bare")!.metadata.name!;
    must(k.delete("pods", "default", victim));
    c.advance(20_000);
    ps = running(pods(c, "default", "tier=frontend"));
    expect(ps).toHaveLength(3);
    expect(ps.map((p) => p.metadata.name)).not.toContain(victim);

    const replacement = ps.find((p) => !before.has(p.metadata.name!))!.metadata.name!;
    const rs = get(c, "replicasets", "frontend");
    must(k.update("replicasets", "default", "frontend", { ...rs, spec: { ...(rs.spec as object), replicas: 1 } }));
    c.advance(5_000);
    ps = live(pods(c, "default", "tier=frontend"));
    expect(ps).toHaveLength(1);
    // The most recently ready pod goes first (older ones tie in the same log2 age bucket and fall to uid order).
    expect(ps.map((p) => p.metadata.name)).not.toContain(replacement);
    expect(events(c, "default", "frontend").filter((e) => e.startsWith("SuccessfulDelete"))).toEqual(
      expect.arrayContaining([`SuccessfulDelete Deleted pod: ${replacement}`]),
    );
    expect(get(c, "replicasets", "frontend").status).toMatchObject({ replicas: 1, readyReplicas: 1, availableReplicas: 1 });
  });

  it("Deployment: rollout to a new image, then rollback, with revisions and events", () => {
    const c = createCluster({});
    const k = c.client();
    must(
      k.create("deployments", "default", {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "web", labels: { app: "web" } },
        spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.25" }] } } },
      }),
    );
    c.advance(30_000);
    const first = must(k.list("replicasets", "default")).items;
    expect(first).toHaveLength(1);
    const rs1 = first[0].metadata.name!;
    expect(rs1).toMatch(/^web-[456789bcdf]{6,10}$/);
    expect(running(pods(c, "default", "app=web"))).toHaveLength(3);

    const d = get(c, "deployments", "web") as KubeObject & { spec: { template: { spec: { containers: { image: string }[] } } } };
    const patched = JSON.parse(JSON.stringify(d));
    patched.spec.template.spec.containers[0].image = "nginx:1.27";
    must(k.update("deployments", "default", "web", patched));
    c.advance(60_000);
    const rss = must(k.list("replicasets", "default")).items as (KubeObject & { spec: { replicas: number } })[];
    expect(rss).toHaveLength(2);
    const old = rss.find((r) => r.metadata.name === rs1)!;
    const cur = rss.find((r) => r.metadata.name !== rs1)!;
    expect(old.spec.replicas).toBe(0);
    expect(cur.spec.replicas).toBe(3);
    expect(old.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("1");
    expect(cur.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
    const ps = running(pods(c, "default", "app=web"));
    expect(ps).toHaveLength(3);
    expect(ps.every((p) => p.spec.containers[0].image === "nginx:1.27")).toBe(true);
    const ev = events(c, "default", "web");
    expect(ev[0]).toBe(`ScalingReplicaSet Scaled up replica set ${rs1} to 3 from 0`);
    expect(ev).toContain(`ScalingReplicaSet Scaled up replica set ${cur.metadata.name} to 1 from 0`);
    expect(ev.at(-1)).toBe(`ScalingReplicaSet Scaled down replica set ${rs1} to 0 from 1`);
    const done = get(c, "deployments", "web") as KubeObject & { status: { conditions: { type: string; reason: string }[] } };
    expect(done.status.conditions.map((x) => `${x.type}/${x.reason}`)).toEqual(["Available/MinimumReplicasAvailable", "Progressing/NewReplicaSetAvailable"]);

    // kubectl rollout undo: the template of revision 1 comes back (without the hash label).
    const back = JSON.parse(JSON.stringify(get(c, "deployments", "web")));
    back.spec.template.spec.containers[0].image = "nginx:1.25";
    must(k.update("deployments", "default", "web", back));
    c.advance(60_000);
    const again = get(c, "replicasets", rs1) as KubeObject & { spec: { replicas: number } };
    expect(again.spec.replicas).toBe(3);
    expect(again.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("3");
    expect(get(c, "deployments", "web").metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("3");
  });

  it("deleting a ReplicaSet cascades to its pods; deleting a namespace empties it and it disappears", () => {
    const c = createCluster({});
    const k = c.client();
    must(k.create("namespaces", undefined, { apiVersion: "v1", kind: "Namespace", metadata: { name: "dev" } }));
    c.runUntilIdle();
    expect(must(k.list("serviceaccounts", "dev")).items.map((s) => s.metadata.name)).toEqual(["default"]);
    expect(must(k.list("configmaps", "dev")).items.map((s) => s.metadata.name)).toEqual(["kube-root-ca.crt"]);
    must(k.create("replicasets", "dev", rsManifest("a", 2, { app: "a" })));
    must(k.create("replicasets", "default", rsManifest("b", 2, { app: "b" })));
    c.advance(20_000);
    expect(running(pods(c, "dev"))).toHaveLength(2);

    must(k.delete("replicasets", "default", "b"));
    c.advance(40_000);
    expect(pods(c, "default", "app=b")).toEqual([]);

    must(k.delete("namespaces", undefined, "dev"));
    c.runUntilIdle();
    expect((get(c, "namespaces", "dev", undefined).status as { phase: string }).phase).toBe("Terminating");
    c.advance(40_000);
    expect(k.get("namespaces", undefined, "dev").ok).toBe(false);
    expect(pods(c, "dev")).toEqual([]);
  });

  it("a node that stops heartbeating goes NotReady after the grace period; its pods are evicted after 300 s and recreated elsewhere", () => {
    const c = createCluster({ workers: [{ name: "node01" }, { name: "node02" }] });
    const k = c.client();
    must(k.create("replicasets", "default", rsManifest("web", 4, { app: "web" })));
    c.advance(30_000);
    const before = running(pods(c, "default", "app=web"));
    expect(before).toHaveLength(4);
    const onNode01 = before.filter((p) => p.spec.nodeName === "node01").map((p) => p.metadata.name);
    expect(onNode01.length).toBeGreaterThan(0);

    c.kubelet("node01")!.stop();
    const stoppedAt = c.now();
    const readyOf = () => ((get(c, "nodes", "node01", undefined).status as { conditions: { type: string; status: string; reason: string; message: string }[] }).conditions.find((x) => x.type === "Ready")!);
    c.advance(30_000);
    expect(readyOf().status).toBe("True");
    c.advance(35_000);
    expect(readyOf()).toMatchObject({ status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status." });
    const taints = (get(c, "nodes", "node01", undefined).spec as { taints?: { key: string; effect: string }[] }).taints?.map((t) => `${t.key}:${t.effect}`);
    expect(taints).toEqual(["node.kubernetes.io/unreachable:NoExecute", "node.kubernetes.io/unreachable:NoSchedule"]);
    const nodeEvents = must(k.list("events", undefined, { fieldSelector: "involvedObject.name=node01" })).items.map((e) => (e as { message?: string }).message);
    expect(nodeEvents).toContain("Node node01 status is now: NodeNotReady");

    c.advance(Math.max(0, stoppedAt + 65_000 + 300_000 - c.now()));
    const after = pods(c, "default", "app=web");
    // The evicted pods stay Terminating (their kubelet is gone); the RS has replaced them on node02.
    for (const name of onNode01) expect(after.find((p) => p.metadata.name === name)?.metadata.deletionTimestamp).toBeDefined();
    const replacements = running(after);
    expect(replacements).toHaveLength(4);
    expect(replacements.every((p) => p.spec.nodeName === "node02")).toBe(true);
  });
});
