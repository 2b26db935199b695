import { describe, expect, it } from "vitest";
import { createEndpointSliceController } from "./endpoint-slice-controller";
import { createEndpointsController } from "./endpoints-controller";
import { pod } from "./testing/builders";
import { FakeApi } from "./testing/fake-api";

function setup() {
  const api = new FakeApi();
  api.loop.register(createEndpointsController(api.context("endpoint-controller")));
  api.loop.register(createEndpointSliceController(api.context("endpointslice-controller")));
  const svc = api.seed("services", {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "web", namespace: "default" },
    spec: { selector: { app: "web" }, clusterIP: "10.96.0.20", ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: "http" }] },
  });
  return { api, client: api.client(), svc };
}

describe("endpoints and endpointslice controllers", () => {
  it("list ready pods in addresses and others in notReadyAddresses, with the named targetPort resolved", () => {
    const { api, client, svc } = setup();
    const a = api.seed("pods", pod("web-a", { app: "web" }, { node: "node01", phase: "Running", ready: true, ip: "10.244.1.5" }));
    const b = api.seed("pods", pod("web-b", { app: "web" }, { node: "node02", phase: "Running", ready: false, ip: "10.244.2.7" }));
    api.seed("pods", pod("other", { app: "db" }, { node: "node01", phase: "Running", ready: true, ip: "10.244.1.9" }));
    api.loop.runUntilIdle();
    const ep = client.get("endpoints", "default", "web");
    expect(ep.ok && ep.value.subsets).toEqual([
      {
        addresses: [{ ip: "10.244.1.5", nodeName: "node01", targetRef: { kind: "Pod", namespace: "default", name: "web-a", uid: a.metadata.uid } }],
        notReadyAddresses: [{ ip: "10.244.2.7", nodeName: "node02", targetRef: { kind: "Pod", namespace: "default", name: "web-b", uid: b.metadata.uid } }],
        ports: [{ name: "http", port: 80, protocol: "TCP" }],
      },
    ]);
    const slices = api.all("endpointslices", "default");
    expect(slices).toHaveLength(1);
    const slice = slices[0] as Record<string, unknown> & typeof slices[0];
    expect(slice.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata.labels).toEqual({ "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io", "kubernetes.io/service-name": "web" });
    expect(slice.metadata.ownerReferences).toEqual([{ apiVersion: "v1", kind: "Service", name: "web", uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(slice.addressType).toBe("IPv4");
    expect(slice.ports).toEqual([{ name: "http", port: 80, protocol: "TCP" }]);
    expect(slice.endpoints).toEqual([
      { addresses: ["10.244.1.5"], conditions: { ready: true, serving: true, terminating: false }, nodeName: "node01", targetRef: { kind: "Pod", namespace: "default", name: "web-a", uid: a.metadata.uid } },
      { addresses: ["10.244.2.7"], conditions: { ready: false, serving: false, terminating: false }, nodeName: "node02", targetRef: { kind: "Pod", namespace: "default", name: "web-b", uid: b.metadata.uid } },
    ]);
  });

  it("follows pods: a pod that becomes ready moves to addresses; a deleted one leaves", () => {
    const { api, client } = setup();
    const p = api.seed("pods", pod("web-a", { app: "web" }, { node: "node01", phase: "Running", ready: false, ip: "10.244.1.5" }));
    api.loop.runUntilIdle();
    client.updateStatus("pods", "default", "web-a", { ...p, status: { phase: "Running", podIP: "10.244.1.5", conditions: [{ type: "Ready", status: "True" }] } });
    api.loop.runUntilIdle();
    let ep = client.get("endpoints", "default", "web");
    expect(ep.ok && (ep.value.subsets as { addresses?: unknown[] }[])[0].addresses).toHaveLength(1);
    client.delete("pods", "default", "web-a");
    api.loop.runUntilIdle();
    ep = client.get("endpoints", "default", "web");
    expect(ep.ok && ep.value.subsets).toBeUndefined();
    expect((api.all("endpointslices", "default")[0] as { endpoints?: unknown[] }).endpoints).toEqual([]);
  });

  it("a pod relabelled out of the service leaves its endpoints; relabelled back, it returns", () => {
    const { api, client } = setup();
    api.seed("pods", pod("web-a", { app: "web" }, { node: "node01", phase: "Running", ready: true, ip: "10.244.1.5" }));
    api.loop.runUntilIdle();
    const ips = () => {
      const ep = client.get("endpoints", "default", "web");
      return ep.ok ? ((ep.value.subsets as { addresses?: { ip: string }[] }[] | undefined) ?? []).flatMap((x) => (x.addresses ?? []).map((a) => a.ip)) : [];
    };
    expect(ips()).toEqual(["10.244.1.5"]);
    client.patch("pods", "default", "web-a", "merge", { metadata: { labels: { app: "db" } } });
    api.loop.runUntilIdle();
    expect(ips()).toEqual([]);
    client.patch("pods", "default", "web-a", "merge", { metadata: { labels: { app: "web" } } });
    api.loop.runUntilIdle();
    expect(ips()).toEqual(["10.244.1.5"]);
  });
});
