import { describe, expect, it } from "vitest";
import { threeWayMergePatch, twoWayMergePatch, type Json } from "./three-way-patch";

const container = (image: string, extra: Record<string, Json> = {}): Json => ({ name: "main", image, ...extra });
const pod = (spec: Record<string, Json>): { [k: string]: Json } => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "solo" }, spec });

describe("threeWayMergePatch (kubectl apply)", () => {
  it("changing only the image patches that container by name and keeps defaulted fields", () => {
    const original = pod({ containers: [container("busybox")] });
    const modified = pod({ containers: [container("busybox:1.36")] });
    const live = pod({ containers: [container("busybox", { imagePullPolicy: "Always", terminationMessagePath: "/dev/termination-log" })], restartPolicy: "Always" });
    expect(threeWayMergePatch(original, modified, live, "Pod")).toEqual({
      spec: { containers: [{ image: "busybox:1.36", name: "main" }], "$setElementOrder/containers": [{ name: "main" }] },
    });
  });

  it("is empty when the config did not change, whatever the server added", () => {
    const cfg = pod({ containers: [container("nginx")] });
    const live = { ...pod({ containers: [container("nginx", { imagePullPolicy: "Always" })], dnsPolicy: "ClusterFirst" }), status: { phase: "Running" } };
    expect(threeWayMergePatch(cfg, cfg, live, "Pod")).toEqual({});
  });

  it("deletes what the last applied config had and the new one drops, containers with a delete directive", () => {
    const original = pod({ containers: [container("nginx"), { name: "side", image: "busybox" }], nodeName: "node01" });
    const modified = pod({ containers: [container("nginx")] });
    const live = pod({ containers: [container("nginx"), { name: "side", image: "busybox" }], nodeName: "node01", restartPolicy: "Always" });
    expect(threeWayMergePatch(original, modified, live, "Pod")).toEqual({
      spec: {
        "$setElementOrder/containers": [{ name: "main" }],
        containers: [{ $patch: "delete", name: "side" }],
        nodeName: null,
      },
    });
  });

  it("container ports merge by containerPort, service ports by port, labels as a map", () => {
    const original = { kind: "Service", metadata: { labels: { a: "1", b: "2" } }, spec: { ports: [{ port: 80, targetPort: 8080 }] } };
    const modified = { kind: "Service", metadata: { labels: { a: "1" } }, spec: { ports: [{ port: 80, targetPort: 9090 }] } };
    const live = { kind: "Service", metadata: { labels: { a: "1", b: "2" } }, spec: { ports: [{ port: 80, protocol: "TCP", targetPort: 8080 }], clusterIP: "10.96.0.10" } };
    expect(threeWayMergePatch(original, modified, live, "Service")).toEqual({
      metadata: { labels: { b: null } },
      spec: { "$setElementOrder/ports": [{ port: 80 }], ports: [{ port: 80, targetPort: 9090 }] },
    });
  });

  it("a Deployment's strategy carries $retainKeys so switching to Recreate drops rollingUpdate", () => {
    const original = { kind: "Deployment", spec: { strategy: { type: "RollingUpdate" } } };
    const modified = { kind: "Deployment", spec: { strategy: { type: "Recreate" } } };
    const live = { kind: "Deployment", spec: { strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } } } };
    expect(threeWayMergePatch(original, modified, live, "Deployment")).toEqual({ spec: { strategy: { $retainKeys: ["type"], type: "Recreate" } } });
  });

  it("args and tolerations are replaced whole", () => {
    const live = pod({ containers: [container("busybox", { args: ["sleep", "1"] })], tolerations: [{ key: "a", operator: "Exists" }] });
    const modified = pod({ containers: [container("busybox", { args: ["sleep", "2"] })], tolerations: [] });
    expect(threeWayMergePatch(live, modified, live, "Pod")).toEqual({
      spec: { "$setElementOrder/containers": [{ name: "main" }], containers: [{ args: ["sleep", "2"], name: "main" }], tolerations: [] },
    });
  });
});

describe("twoWayMergePatch (kubectl edit)", () => {
  it("removing a label deletes it, changing replicas sets it", () => {
    const before = { kind: "Deployment", metadata: { labels: { app: "web", tier: "x" } }, spec: { replicas: 2 } };
    const after = { kind: "Deployment", metadata: { labels: { app: "web" } }, spec: { replicas: 3 } };
    expect(twoWayMergePatch(before, after, "Deployment")).toEqual({ metadata: { labels: { tier: null } }, spec: { replicas: 3 } });
  });
});
