import { describe, it, expect } from "vitest";
import type { KubeObject, WatchEvent } from "../api/types";
import { newTestApiServer } from "../testing/new-test-cluster";
import { podManifest, replicaSetManifest, serviceManifest, namespaceManifest } from "../testing/builders";

function ok<T>(r: { ok: true; value: T } | { ok: false; status: { message: string } }): T {
  if (!r.ok) throw new Error(`expected success, got: ${r.status.message}`);
  return r.value;
}

function err(r: { ok: boolean; status?: { message: string; reason: string; code: number } }) {
  if (r.ok) throw new Error("expected an error");
  return r.status!;
}

describe("create / get / list", () => {
  it("stores a pod with server fields and finds it again", () => {
    const { client } = newTestApiServer();
    const pod = ok(client.create("pods", "default", podManifest("nginx")));
    expect(pod.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(pod.metadata.creationTimestamp).toBe("2026-11-25T10:00:00Z");
    expect(pod.metadata.namespace).toBe("default");
    expect(ok(client.get("pods", "default", "nginx")).metadata.uid).toBe(pod.metadata.uid);
  });

  it("answers NotFound and AlreadyExists with the real messages", () => {
    const { client } = newTestApiServer();
    expect(err(client.get("pods", "default", "nope"))).toMatchObject({ reason: "NotFound", code: 404, message: 'pods "nope" not found' });
    expect(err(client.get("deployments", "default", "nope")).message).toBe('deployments.apps "nope" not found');
    client.create("pods", "default", podManifest("nginx"));
    expect(err(client.create("pods", "default", podManifest("nginx")))).toMatchObject({
      reason: "AlreadyExists",
      code: 409,
      message: 'pods "nginx" already exists',
    });
  });

  it("refuses a namespaced create in a missing namespace", () => {
    const { client } = newTestApiServer();
    expect(err(client.create("pods", "dev", podManifest("x"))).message).toBe('namespaces "dev" not found');
  });

  it("generates names from generateName with the real alphabet", () => {
    const { client } = newTestApiServer();
    const body = { apiVersion: "v1", kind: "Pod", metadata: { generateName: "frontend-" }, spec: { containers: [{ name: "c", image: "nginx" }] } };
    const name = ok(client.create("pods", "default", body)).metadata.name!;
    expect(name).toMatch(/^frontend-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it("lists sorted by namespace then name, filtered by label and field selectors", () => {
    const { client } = newTestApiServer();
    client.create("namespaces", undefined, namespaceManifest("dev"));
    client.create("pods", "default", podManifest("b", { labels: { app: "web", tier: "fe" } }));
    client.create("pods", "default", podManifest("a", { labels: { app: "db" } }));
    client.create("pods", "dev", podManifest("c", { labels: { app: "web" } }));
    const names = (sel?: string, ns?: string, field?: string) =>
      ok(client.list("pods", ns, { labelSelector: sel, fieldSelector: field })).items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    expect(names()).toEqual(["default/a", "default/b", "dev/c"]);
    expect(names(undefined, "default")).toEqual(["default/a", "default/b"]);
    expect(names("app=web")).toEqual(["default/b", "dev/c"]);
    expect(names("app in (db,web),tier!=fe")).toEqual(["default/a", "dev/c"]);
    expect(names("!tier")).toEqual(["default/a", "dev/c"]);
    expect(names(undefined, undefined, "metadata.name=c")).toEqual(["dev/c"]);
    expect(names(undefined, undefined, "status.phase=Pending,metadata.namespace!=dev")).toEqual(["default/a", "default/b"]);
    expect(err(client.list("pods", undefined, { fieldSelector: "spec.foo=bar" })).message).toBe("field label not supported: spec.foo");
    expect(err(client.list("pods", undefined, { labelSelector: "app in web" }))).toMatchObject({ reason: "BadRequest", code: 400 });
  });

  it("returns frozen shared objects, so callers cannot corrupt the store", () => {
    const { client } = newTestApiServer();
    client.create("pods", "default", podManifest("nginx"));
    const pod = ok(client.get("pods", "default", "nginx"));
    expect(() => {
      (pod.metadata as { name: string }).name = "x";
    }).toThrow(TypeError);
  });
});

describe("update / status / conflicts", () => {
  it("refuses a stale resourceVersion with the real Conflict message", () => {
    const { client } = newTestApiServer();
    const rs = ok(client.create("replicasets", "default", replicaSetManifest("web")));
    const copy = JSON.parse(JSON.stringify(rs)) as KubeObject;
    (copy.spec as { replicas: number }).replicas = 5;
    const updated = ok(client.update("replicasets", "default", "web", copy));
    expect(updated.metadata.generation).toBe(2);
    expect(err(client.update("replicasets", "default", "web", copy))).toMatchObject({
      reason: "Conflict",
      code: 409,
      message:
        'Operation cannot be fulfilled on replicasets.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    });
  });

  it("keeps status on update and spec on updateStatus", () => {
    const { client } = newTestApiServer();
    const rs = ok(client.create("replicasets", "default", replicaSetManifest("web")));
    const st = JSON.parse(JSON.stringify(rs));
    st.status = { replicas: 3, readyReplicas: 3 };
    st.spec.replicas = 9;
    const after = ok(client.updateStatus("replicasets", "default", "web", st));
    expect(after.status).toEqual({ replicas: 3, readyReplicas: 3 });
    expect((after.spec as { replicas: number }).replicas).toBe(3);
    expect(after.metadata.generation).toBe(1);
    const upd = JSON.parse(JSON.stringify(after));
    upd.status = { replicas: 0 };
    expect(ok(client.update("replicasets", "default", "web", upd)).status).toEqual({ replicas: 3, readyReplicas: 3 });
  });

  it("does not write (nor bump resourceVersion) when nothing changes", () => {
    const { client } = newTestApiServer();
    const pod = ok(client.create("pods", "default", podManifest("nginx")));
    const again = ok(client.update("pods", "default", "nginx", JSON.parse(JSON.stringify(pod))));
    expect(again.metadata.resourceVersion).toBe(pod.metadata.resourceVersion);
  });
});

describe("scale and binding", () => {
  it("scales through the scale subresource and refuses it on pods", () => {
    const { client } = newTestApiServer();
    client.create("replicasets", "default", replicaSetManifest("web"));
    const scale = ok(client.updateScale("replicasets", "default", "web", 6));
    expect(scale.spec.replicas).toBe(6);
    expect(scale.status.selector).toBe("app=web");
    expect(err(client.getScale("pods", "default", "web"))).toMatchObject({ code: 404, message: "the server could not find the requested resource" });
    expect(err(client.updateScale("replicasets", "default", "web", -1)).message).toBe(
      'Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
  });

  it("binds once, then answers Conflict", () => {
    const { client } = newTestApiServer();
    client.create("pods", "default", podManifest("nginx"));
    const bound = ok(client.bind("default", "nginx", "node01"));
    expect((bound.spec as { nodeName: string }).nodeName).toBe("node01");
    expect((bound.status as { conditions: { type: string; status: string }[] }).conditions).toEqual([
      { type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: "2026-11-25T10:00:00Z" },
    ]);
    expect(err(client.bind("default", "nginx", "node02")).message).toBe(
      'Operation cannot be fulfilled on pods/binding "nginx": pod nginx is already assigned to node "node01"',
    );
  });
});

describe("delete", () => {
  it("deletes an unscheduled pod at once", () => {
    const { client } = newTestApiServer();
    client.create("pods", "default", podManifest("nginx"));
    ok(client.delete("pods", "default", "nginx"));
    expect(client.get("pods", "default", "nginx").ok).toBe(false);
  });

  it("marks a scheduled pod Terminating until the kubelet confirms with grace 0", () => {
    const { client, clock } = newTestApiServer();
    client.create("pods", "default", podManifest("nginx"));
    client.bind("default", "nginx", "node01");
    const marked = ok(client.delete("pods", "default", "nginx"));
    expect(marked.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(marked.metadata.deletionTimestamp).toBe(new Date(clock.now() + 30_000).toISOString().replace(".000", ""));
    expect(client.get("pods", "default", "nginx").ok).toBe(true);
    ok(client.delete("pods", "default", "nginx", { gracePeriodSeconds: 0 }));
    expect(client.get("pods", "default", "nginx").ok).toBe(false);
  });

  it("keeps an object with finalizers until they are removed", () => {
    const { client } = newTestApiServer();
    const m = podManifest("held");
    m.metadata.finalizers = ["example.com/hold"];
    client.create("pods", "default", m);
    ok(client.delete("pods", "default", "held"));
    const held = ok(client.get("pods", "default", "held"));
    expect(held.metadata.deletionTimestamp).toBeDefined();
    ok(client.patch("pods", "default", "held", "merge", { metadata: { finalizers: null } }));
    expect(client.get("pods", "default", "held").ok).toBe(false);
  });

  it("adds the orphan / foregroundDeletion finalizers for those propagation policies", () => {
    const { client } = newTestApiServer();
    client.create("replicasets", "default", replicaSetManifest("a"));
    client.create("replicasets", "default", replicaSetManifest("b"));
    ok(client.delete("replicasets", "default", "a", { propagationPolicy: "Orphan" }));
    ok(client.delete("replicasets", "default", "b", { propagationPolicy: "Foreground" }));
    expect(ok(client.get("replicasets", "default", "a")).metadata.finalizers).toEqual(["orphan"]);
    expect(ok(client.get("replicasets", "default", "b")).metadata.finalizers).toEqual(["foregroundDeletion"]);
  });

  it("protects the kubeadm namespaces and blocks new content in a terminating one", () => {
    const { client } = newTestApiServer();
    expect(err(client.delete("namespaces", undefined, "default"))).toMatchObject({
      reason: "Forbidden",
      code: 403,
      message: 'namespaces "default" is forbidden: this namespace may not be deleted',
    });
    client.create("namespaces", undefined, namespaceManifest("dev"));
    const ns = ok(client.delete("namespaces", undefined, "dev"));
    expect(ns.status).toEqual({ phase: "Terminating" });
    expect(err(client.create("pods", "dev", podManifest("x"))).message).toBe(
      'pods "x" is forbidden: unable to create new content in namespace dev because it is being terminated',
    );
  });

  it("checks the uid precondition", () => {
    const { client } = newTestApiServer();
    const pod = ok(client.create("pods", "default", podManifest("nginx")));
    expect(err(client.delete("pods", "default", "nginx", { preconditionsUid: "other" })).message).toBe(
      `Operation cannot be fulfilled on pods "nginx": Precondition failed: UID in precondition: other, UID in object meta: ${pod.metadata.uid}`,
    );
  });
});

describe("watch", () => {
  it("delivers ADDED, MODIFIED, DELETED synchronously and stops after unsubscribe", () => {
    const { client } = newTestApiServer();
    const seen: string[] = [];
    const stop = client.watch("pods", "default", {}, (e) => seen.push(`${e.type} ${e.object.metadata.name}`));
    client.create("pods", "default", podManifest("a"));
    client.patch("pods", "default", "a", "merge", { metadata: { labels: { x: "y" } } });
    client.delete("pods", "default", "a");
    stop();
    client.create("pods", "default", podManifest("b"));
    expect(seen).toEqual(["ADDED a", "MODIFIED a", "DELETED a"]);
  });

  it("turns label changes into ADDED/DELETED for selector watches", () => {
    const { client } = newTestApiServer();
    const seen: string[] = [];
    client.watch("pods", undefined, { labelSelector: "app=web" }, (e) => seen.push(`${e.type} ${e.object.metadata.name}`));
    client.create("pods", "default", podManifest("a", { labels: { app: "db" } }));
    client.patch("pods", "default", "a", "merge", { metadata: { labels: { app: "web" } } });
    client.patch("pods", "default", "a", "merge", { metadata: { labels: { app: "db" } } });
    expect(seen).toEqual(["ADDED a", "DELETED a"]);
  });

  it("replays from a resourceVersion and sends initial events on request", () => {
    const { client } = newTestApiServer();
    const first = ok(client.create("pods", "default", podManifest("a")));
    client.create("pods", "default", podManifest("b"));
    const replay: WatchEvent[] = [];
    client.watch("pods", "default", { resourceVersion: first.metadata.resourceVersion }, (e) => replay.push(e));
    expect(replay.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(["ADDED b"]);
    const initial: string[] = [];
    client.watch("pods", "default", { sendInitialEvents: true }, (e) => initial.push(`${e.type} ${e.object.metadata.name}`));
    expect(initial).toEqual(["ADDED a", "ADDED b"]);
  });

  it("delivers writes made by a listener after the current event, in order", () => {
    const { client } = newTestApiServer();
    const order: string[] = [];
    client.watch("pods", "default", {}, (e) => {
      order.push(`A:${e.type} ${e.object.metadata.name}`);
      if (e.object.metadata.name === "a" && e.type === "ADDED") client.create("pods", "default", podManifest("b"));
    });
    client.watch("pods", "default", {}, (e) => order.push(`B:${e.type} ${e.object.metadata.name}`));
    client.create("pods", "default", podManifest("a"));
    expect(order).toEqual(["A:ADDED a", "B:ADDED a", "A:ADDED b", "B:ADDED b"]);
  });
});

describe("services", () => {
  it("allocates a ClusterIP in 10.96.0.0/12 and NodePorts in 30000-32767, and keeps them on replace", () => {
    const { client } = newTestApiServer();
    const svc = ok(client.create("services", "default", serviceManifest("web", { type: "NodePort", targetPort: 8080 })));
    const spec = svc.spec as { clusterIP: string; clusterIPs: string[]; ports: { nodePort: number; targetPort: number; protocol: string }[] };
    expect(spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(spec.clusterIPs).toEqual([spec.clusterIP]);
    expect(spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(spec.ports[0].nodePort).toBeLessThanOrEqual(32767);
    expect(spec.ports[0]).toMatchObject({ targetPort: 8080, protocol: "TCP" });
    const replaced = ok(client.update("services", "default", "web", serviceManifest("web", { type: "NodePort", targetPort: 8080 })));
    expect((replaced.spec as { clusterIP: string }).clusterIP).toBe(spec.clusterIP);
    expect((replaced.spec as typeof spec).ports[0].nodePort).toBe(spec.ports[0].nodePort);
  });

  it("gives default/kubernetes 10.96.0.1 and reports taken or out-of-range ports", () => {
    const { client } = newTestApiServer();
    const k = ok(client.create("services", "default", serviceManifest("kubernetes", { port: 443 })));
    expect((k.spec as { clusterIP: string }).clusterIP).toBe("10.96.0.1");
    ok(client.create("services", "default", serviceManifest("a", { type: "NodePort", nodePort: 30080 })));
    expect(err(client.create("services", "default", serviceManifest("b", { type: "NodePort", nodePort: 30080 }))).message).toBe(
      'Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
    expect(err(client.create("services", "default", serviceManifest("c", { type: "NodePort", nodePort: 80 }))).message).toBe(
      'Service "c" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });

  it("refuses to change a ClusterIP", () => {
    const { client } = newTestApiServer();
    const svc = ok(client.create("services", "default", serviceManifest("web")));
    expect(err(client.patch("services", "default", "web", "merge", { spec: { clusterIP: "10.96.0.55" } })).message).toBe(
      'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.55"}: may not change once set',
    );
    void svc;
  });
});

describe("dry run and trace", () => {
  it("stores nothing on dry run but returns the defaulted object", () => {
    const { client } = newTestApiServer();
    const r = ok(client.create("pods", "default", podManifest("dry"), { dryRun: true }));
    expect((r.spec as { restartPolicy: string }).restartPolicy).toBe("Always");
    expect(client.get("pods", "default", "dry").ok).toBe(false);
  });

  it("attributes every write to its actor", () => {
    const { api, trace } = newTestApiServer();
    api.client("replicaset-controller").create("pods", "default", podManifest("x"));
    expect(trace[trace.length - 1]).toMatchObject({
      component: "kube-apiserver",
      action: "created",
      message: "kube-apiserver stored pod default/x in etcd (created by replicaset-controller)",
      object: { kind: "Pod", namespace: "default", name: "x" },
    });
  });
});
