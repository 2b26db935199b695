import { describe, it, expect } from "vitest";
import { newTestApiServer } from "../testing/new-test-cluster";
import { podManifest } from "../testing/builders";
import { ClusterEventRecorder } from "./event-recorder";

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
});
