import { describe, it, expect } from "vitest";
import { newTestApiServer } from "../testing/new-test-cluster";
import { podManifest } from "../testing/builders";
import { ClusterEventRecorder, nanosHex } from "./event-recorder";

describe("ClusterEventRecorder", () => {
  it("creates <name>.<hex nanos> events and aggregates repeats into count/lastTimestamp", () => {
    const { client, clock } = newTestApiServer();
    const pod = client.create("pods", "default", podManifest("nginx"));
    if (!pod.ok) throw new Error(pod.status.message);
    const rec = new ClusterEventRecorder(client, clock);
    rec.event(pod.value, "Warning", "BackOff", "Back-off pulling image \"nginxx\"", { component: "kubelet", host: "node01" }, "spec.containers{nginx}");
    clock.set(clock.now() + 15_000);
    rec.event(pod.value, "Warning", "BackOff", "Back-off pulling image \"nginxx\"", { component: "kubelet", host: "node01" }, "spec.containers{nginx}");
    rec.event(pod.value, "Normal", "Pulling", "Pulling image \"nginxx\"", { component: "kubelet", host: "node01" });
    const list = client.list("events", "default", { fieldSelector: `involvedObject.name=nginx,involvedObject.uid=${pod.value.metadata.uid}` });
    if (!list.ok) throw new Error(list.status.message);
    expect(list.value.items).toHaveLength(2);
    const backoff = list.value.items.find((e) => (e as any).reason === "BackOff") as any;
    expect(backoff.metadata.name).toBe(`nginx.${(BigInt(Date.UTC(2026, 10, 25, 10, 0, 0)) * 1_000_000n).toString(16)}`);
    expect(backoff).toMatchObject({
      count: 2,
      firstTimestamp: "2026-11-25T10:00:00Z",
      lastTimestamp: "2026-11-25T10:00:15Z",
      type: "Warning",
      source: { component: "kubelet", host: "node01" },
      involvedObject: { kind: "Pod", namespace: "default", name: "nginx", apiVersion: "v1", fieldPath: "spec.containers{nginx}" },
    });
    const kinds = client.list("events", undefined, { fieldSelector: "involvedObject.kind=Pod,reason=Pulling" });
    expect(kinds.ok && kinds.value.items.length).toBe(1);
  });

  it("stores exactly what the full decode path would store (the recorder's bodies skip decoding)", () => {
    const { client, clock } = newTestApiServer();
    const pod = client.create("pods", "default", podManifest("nginx"));
    const ns = client.get("namespaces", undefined, "default");
    if (!pod.ok || !ns.ok) throw new Error("setup");
    const rec = new ClusterEventRecorder(client, clock);
    rec.event(pod.value, "Normal", "Pulling", 'Pulling image "nginx"', { component: "kubelet", host: "node01" }, "spec.containers{nginx}");
    rec.event(ns.value, "Warning", "Odd", "a cluster-scoped object's event lands in default", { component: "namespace-controller" });
    rec.event(pod.value, "Normal", "Scheduled", "Successfully assigned default/nginx to node01", { component: "default-scheduler" });
    const stored = client.list("events", undefined);
    if (!stored.ok) throw new Error(stored.status.message);
    expect(stored.value.items).toHaveLength(3);
    for (const ev of stored.value.items) {
      // The same Event as a client would send it (with eventTime: null, as client-go does), through the whole path.
      const { uid, resourceVersion, ...meta } = ev.metadata;
      delete meta.creationTimestamp;
      const full = client.create("events", ev.metadata.namespace, { ...ev, metadata: { ...meta, name: "probe" }, eventTime: null }, { dryRun: true });
      if (!full.ok) throw new Error(full.status.message);
      expect(JSON.stringify({ ...full.value, metadata: { ...full.value.metadata, name: ev.metadata.name, uid, resourceVersion } })).toBe(JSON.stringify(ev));
    }
  });

  it("loses an Event whose name the server refuses, as a real recorder does (a 250-character pod name)", () => {
    const { client, clock } = newTestApiServer();
    const long = "a".repeat(250);
    const pod = client.create("pods", "default", podManifest(long));
    if (!pod.ok) throw new Error(pod.status.message);
    new ClusterEventRecorder(client, clock).event(pod.value, "Normal", "Pulling", 'Pulling image "nginx"', { component: "kubelet", host: "node01" });
    const list = client.list("events", "default");
    expect(list.ok && list.value.items.length).toBe(0);
  });

  it("combines similar events from the tenth on, as client-go's EventAggregator does", () => {
    const { client, clock } = newTestApiServer();
    const rs = client.create("pods", "default", podManifest("web"));
    if (!rs.ok) throw new Error(rs.status.message);
    const rec = new ClusterEventRecorder(client, clock);
    for (let i = 1; i <= 12; i++) rec.event(rs.value, "Normal", "SuccessfulCreate", `Created pod: web-${i}`, { component: "replicaset-controller" });
    const list = client.list("events", "default");
    if (!list.ok) throw new Error(list.status.message);
    const events = list.value.items.map((e) => e as unknown as { message: string; count: number });
    expect(events).toHaveLength(10);
    expect(events.filter((e) => e.count === 1 && /^Created pod: web-\d$/.test(e.message))).toHaveLength(9);
    expect(events.find((e) => e.message.startsWith("(combined"))).toMatchObject({ message: "(combined from similar events): Created pod: web-12", count: 3 });
  });

  it("drops spam: 25 events per source and object, then one every five minutes, counting what it dropped", () => {
    const { client, clock } = newTestApiServer();
    const pod = client.create("pods", "default", podManifest("nginx"));
    if (!pod.ok) throw new Error(pod.status.message);
    const rec = new ClusterEventRecorder(client, clock);
    const src = { component: "kubelet", host: "node01" };
    for (let i = 0; i < 30; i++) rec.event(pod.value, "Normal", `Reason${i}`, "m", src);
    const count = () => {
      const list = client.list("events", "default");
      if (!list.ok) throw new Error(list.status.message);
      return list.value.items.length;
    };
    expect(count()).toBe(25);
    rec.event(pod.value, "Warning", "BackOff", "Back-off", src);
    clock.set(clock.now() + 299_000);
    rec.event(pod.value, "Warning", "BackOff", "Back-off", src);
    expect(count()).toBe(25);
    clock.set(clock.now() + 2_000);
    rec.event(pod.value, "Warning", "BackOff", "Back-off", src);
    const list = client.list("events", "default", { fieldSelector: "reason=BackOff" });
    expect(list.ok && list.value.items.map((e) => (e as unknown as { count: number }).count)).toEqual([3]);
  });

  it("two components writing about one object in the same millisecond get distinct names", () => {
    const { client, clock } = newTestApiServer();
    const pod = client.create("pods", "default", podManifest("nginx"));
    if (!pod.ok) throw new Error(pod.status.message);
    const a = new ClusterEventRecorder(client, clock);
    const b = new ClusterEventRecorder(client, clock);
    a.event(pod.value, "Normal", "Scheduled", "assigned", { component: "default-scheduler" });
    b.event(pod.value, "Normal", "Pulling", "pulling", { component: "kubelet", host: "node01" });
    a.event(pod.value, "Normal", "Other", "x", { component: "default-scheduler" });
    const list = client.list("events", "default");
    if (!list.ok) throw new Error(list.status.message);
    const base = BigInt(clock.now()) * 1_000_000n;
    expect(list.value.items.map((e) => e.metadata.name).sort()).toEqual([0n, 1n, 2n].map((n) => `nginx.${(base + n).toString(16)}`));
  });

  it("writes nanosecond timestamps in hex exactly as Go's %x of UnixNano", () => {
    for (const ms of [0, 1, 999, 2 ** 24 - 1, 2 ** 24, 1_700_000_000_123, Date.UTC(2026, 10, 25, 10, 0, 0), 8_640_000_000_000]) {
      for (const offset of [0, 1, 15, 999_999, 1_000_000, 16_777_215]) {
        expect(nanosHex(ms, offset)).toBe((BigInt(ms) * 1_000_000n + BigInt(offset)).toString(16));
      }
    }
  });
});
