import { describe, it, expect } from "vitest";
import { createCluster, restoreCluster } from "./index";
import { podManifest } from "./testing/builders";

describe("createCluster", () => {
  it("lays out a kubeadm-like cluster aged clusterAgeMs, settled at startTime", () => {
    const c = createCluster();
    expect(c.now()).toBe(Date.UTC(2026, 10, 25, 10, 0, 0));
    expect(c.hosts()).toEqual(["controlplane", "node01"]);
    const k = c.client();
    const ns = k.list("namespaces", undefined);
    expect(ns.ok && ns.value.items.map((n) => n.metadata.name)).toEqual(expect.arrayContaining(["default", "kube-node-lease", "kube-public", "kube-system"]));
    const nodes = k.list("nodes", undefined);
    expect(nodes.ok && nodes.value.items.map((n) => [n.metadata.name, n.metadata.creationTimestamp])).toEqual([
      ["controlplane", "2026-11-22T10:00:00Z"],
      ["node01", "2026-11-22T10:00:00Z"],
    ]);
    // The start-up events have expired, as on a days-old cluster.
    const ev = k.list("events", undefined);
    expect(ev.ok && ev.value.items).toEqual([]);
  });

  it("exposes the store as etcd keys", () => {
    const c = createCluster();
    c.client().create("pods", "default", podManifest("nginx"));
    expect(c.etcd().keys("/registry/pods/default/")).toEqual(["/registry/pods/default/nginx"]);
    expect(c.etcd().keys("/registry/minions/")).toEqual(["/registry/minions/controlplane", "/registry/minions/node01"]);
    expect(c.etcd().keys("/registry/namespaces/")).toContain("/registry/namespaces/kube-system");
    expect(JSON.parse(c.etcd().get("/registry/pods/default/nginx")!).metadata.name).toBe("nginx");
    expect(c.etcd().get("/registry/pods/default/nope")).toBeUndefined();
  });

  it("is deterministic: same seed and inputs give byte-identical snapshots", () => {
    const run = () => {
      const c = createCluster({ seed: 7 });
      const k = c.client();
      k.create("pods", "default", podManifest("a"));
      k.create("pods", "default", { ...podManifest("b"), metadata: { generateName: "b-" } });
      c.advance(30_000);
      k.delete("pods", "default", "a");
      c.advance(60_000);
      return JSON.stringify(c.snapshot());
    };
    expect(run()).toBe(run());
  });

  it("a different seed gives different names and uids", () => {
    const name = (seed: number) => {
      const c = createCluster({ seed });
      const r = c.client().create("pods", "default", { ...podManifest("x"), metadata: { generateName: "x-" } });
      return r.ok ? `${r.value.metadata.name} ${r.value.metadata.uid}` : "";
    };
    expect(name(1)).not.toBe(name(2));
  });

  it("restores a snapshot into an equivalent cluster", () => {
    const c = createCluster();
    c.client().create("pods", "default", podManifest("nginx", { labels: { run: "nginx" } }));
    c.advance(20_000);
    const snap = JSON.parse(JSON.stringify(c.snapshot()));
    const r = restoreCluster(snap);
    if ("error" in r) throw new Error(r.error);
    expect(r.now()).toBe(c.now());
    const a = c.client().get("pods", "default", "nginx");
    const b = r.client().get("pods", "default", "nginx");
    expect(b.ok && b.value.metadata.uid).toBe(a.ok && a.value.metadata.uid);
    // The restored cluster keeps working: new objects get fresh resourceVersions after the stored ones.
    const created = r.client().create("pods", "default", podManifest("more"));
    expect(created.ok && Number(created.value.metadata.resourceVersion)).toBeGreaterThan(Number(a.ok && a.value.metadata.resourceVersion));
    expect(restoreCluster({ version: 2 })).toEqual({ error: "not a cluster snapshot (version 1)" });
    expect(restoreCluster("junk")).toEqual({ error: "not a cluster snapshot (version 1)" });
  });

  it("a restored cluster carries on exactly as the original: same writes, same state, byte for byte", () => {
    for (const at of [0, 20_000]) {
      const c = createCluster({ seed: 4 });
      if (at) {
        c.client().create("pods", "default", podManifest("web", { image: "nginx" }));
        c.advance(at);
      }
      const r = restoreCluster(JSON.parse(JSON.stringify(c.snapshot())));
      if ("error" in r) throw new Error(r.error);
      expect(JSON.stringify(r.snapshot())).toBe(JSON.stringify(c.snapshot()));
      for (const x of [c, r]) {
        x.client().create("pods", "default", podManifest("later", { image: "redis" }));
        x.advance(31 * 60_000);
      }
      expect(JSON.stringify(r.snapshot().store)).toBe(JSON.stringify(c.snapshot().store));
    }
  });

  it("answers logs errors with kubectl's messages", () => {
    const c = createCluster();
    expect(c.logs("default", "nope")).toEqual({ ok: false, message: 'pods "nope" not found' });
    c.client().create("pods", "default", podManifest("nginx"));
    expect(c.logs("default", "nginx", { container: "foo" })).toEqual({ ok: false, message: "container foo is not valid for pod nginx" });
  });

  it("notifies change and trace listeners", () => {
    const c = createCluster();
    let changes = 0;
    const traces: string[] = [];
    const stop = c.onChange(() => changes++);
    c.onTrace((e) => traces.push(e.message));
    c.client().create("pods", "default", podManifest("n"));
    stop();
    expect(changes).toBeGreaterThan(0);
    expect(traces).toContain("kube-apiserver stored pod default/n in etcd (created by kubectl)");
  });
});
