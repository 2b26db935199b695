import { describe, expect, it } from "vitest";
import { createCluster, restoreCluster, type Cluster, type KubeObject } from "../index";

type Json = Record<string, any>;

function pods(c: Cluster, ns?: string): (KubeObject & Json)[] {
  const l = c.client().list("pods", ns);
  return l.ok ? (l.value.items as (KubeObject & Json)[]) : [];
}

function eventsFor(c: Cluster, name: string): string[] {
  const l = c.client().list("events", "default");
  if (!l.ok) return [];
  return (l.value.items as Json[])
    .filter((e) => e.involvedObject?.name === name)
    .sort((a, b) => String(a.firstTimestamp ?? a.eventTime).localeCompare(String(b.firstTimestamp ?? b.eventTime)))
    .map((e) => `${e.reason}: ${e.message}`);
}

describe("kubelets in a kubeadm cluster", () => {
  it("a new cluster runs its system pods on the right nodes", () => {
    const c = createCluster();
    const sys = pods(c, "kube-system");
    const byName = (p: string) => sys.filter((x) => x.metadata.name!.startsWith(p));
    expect(sys.every((p) => p.status?.phase === "Running")).toBe(true);
    expect(sys.flatMap((p) => p.status.containerStatuses.map((cs: Json) => `${p.metadata.name}:${cs.ready}:${cs.restartCount}`)).filter((s) => !s.endsWith(":true:0"))).toEqual([]);
    expect(byName("coredns-")).toHaveLength(2);
    expect(byName("kube-proxy-").map((p) => p.spec.nodeName).sort()).toEqual(["controlplane", "node01"]);
    expect(sys.filter((p) => p.metadata.name!.endsWith("-controlplane")).map((p) => p.metadata.name).sort()).toEqual([
      "etcd-controlplane",
      "kube-apiserver-controlplane",
      "kube-controller-manager-controlplane",
      "kube-scheduler-controlplane",
    ]);
    const ps = c.processes("controlplane").map((p) => p.command);
    expect(ps.some((l) => l.startsWith("etcd --advertise-client-urls=https://192.168.121.2:2379 "))).toBe(true);
    expect(ps.some((l) => l.startsWith("/usr/bin/kubelet "))).toBe(true);
    expect(c.processes("node01").map((p) => p.command)).toContain("/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf --hostname-override=node01");
  });

  it("a scheduled nginx pod gets the kubelet's events in order, an IP from node01 and logs", () => {
    const c = createCluster();
    const k = c.client();
    expect(k.create("pods", "default", { apiVersion: "v1", kind: "Pod", metadata: { name: "nginx", labels: { run: "nginx" } }, spec: { containers: [{ name: "nginx", image: "nginx" }] } }).ok).toBe(true);
    c.runUntilIdle();
    c.advance(10_000);
    const pod = pods(c, "default").find((p) => p.metadata.name === "nginx")!;
    expect(pod.spec.nodeName).toBe("node01");
    expect(pod.status.phase).toBe("Running");
    expect(pod.status.podIP).toMatch(/^10\.244\.1\./);
    expect(eventsFor(c, "nginx")).toEqual([
      "Scheduled: Successfully assigned default/nginx to node01",
      'Pulling: Pulling image "nginx"',
      'Pulled: Successfully pulled image "nginx" in 2.51s (2.51s including waiting). Image size: 72195292 bytes.',
      "Created: Created container nginx",
      "Started: Started container nginx",
    ]);
    const logs = c.logs("default", "nginx");
    expect(logs.ok && logs.text).toContain("[notice] 1#1: start worker processes");
  });

  it("keeps running pods, IPs and container IDs across snapshot and restore", () => {
    const c = createCluster();
    const k = c.client();
    k.create("pods", "default", { apiVersion: "v1", kind: "Pod", metadata: { name: "web" }, spec: { containers: [{ name: "web", image: "nginx:1.27" }] } });
    c.runUntilIdle();
    c.advance(10_000);
    const before = pods(c, "default").find((p) => p.metadata.name === "web")!;
    const restored = restoreCluster(JSON.parse(JSON.stringify(c.snapshot())));
    if ("error" in restored) throw new Error(restored.error);
    restored.advance(30_000);
    const after = pods(restored, "default").find((p) => p.metadata.name === "web")!;
    expect(after.status.podIP).toBe(before.status.podIP);
    expect(after.status.containerStatuses[0].containerID).toBe(before.status.containerStatuses[0].containerID);
    expect(after.status.containerStatuses[0].restartCount).toBe(0);
    expect(restored.logs("default", "web").ok).toBe(true);
  });

  it("moving the scheduler manifest away removes its mirror pod; putting it back restores it", () => {
    const c = createCluster();
    const fs = c.fs("controlplane")!;
    expect(fs.rename("/etc/kubernetes/manifests/kube-scheduler.yaml", "/root/kube-scheduler.yaml")).toBeUndefined();
    c.advance(5_000);
    expect(pods(c, "kube-system").some((p) => p.metadata.name === "kube-scheduler-controlplane")).toBe(false);
    expect(c.processes("controlplane").some((p) => p.command.startsWith("kube-scheduler"))).toBe(false);
    fs.rename("/root/kube-scheduler.yaml", "/etc/kubernetes/manifests/kube-scheduler.yaml");
    c.advance(5_000);
    const s = pods(c, "kube-system").find((p) => p.metadata.name === "kube-scheduler-controlplane");
    expect(s?.status?.phase).toBe("Running");
  });
});

describe("systemctl stop kubelet", () => {
  it("stops heartbeats (the Lease stops renewing) and survives snapshot and restore", () => {
    const c = createCluster();
    const lease = (cl: Cluster) => {
      const r = cl.client().get("leases", "kube-node-lease", "node01");
      return r.ok ? (r.value.spec as Json).renewTime : undefined;
    };
    c.kubelet("node01")!.stop();
    const stoppedAt = lease(c);
    c.advance(60_000);
    expect(lease(c)).toBe(stoppedAt);
    expect(c.processes("node01").some((p) => p.command.startsWith("/usr/bin/kubelet"))).toBe(false);
    const restored = restoreCluster(JSON.parse(JSON.stringify(c.snapshot())));
    if ("error" in restored) throw new Error(restored.error);
    restored.advance(30_000);
    expect(restored.kubelet("node01")!.active).toBe(false);
    expect(lease(restored)).toBe(stoppedAt);
    restored.kubelet("node01")!.start();
    restored.advance(1_000);
    expect(lease(restored)).not.toBe(stoppedAt);
  });
});

describe("image pull back-off", () => {
  const waitingReason = (c: Cluster, name: string) => pods(c, "default").find((p) => p.metadata.name === name)?.status?.containerStatuses?.[0]?.state?.waiting?.reason;

  it("keeps showing ImagePullBackOff while retrying, ErrImagePull after each failed retry", () => {
    const c = createCluster();
    c.client().create("pods", "default", { apiVersion: "v1", kind: "Pod", metadata: { name: "bad" }, spec: { containers: [{ name: "web", image: "nginx:no-such-tag" }] } });
    const seen: string[] = [];
    for (let t = 0; t < 120; t++) {
      c.advance(250);
      const r = waitingReason(c, "bad") ?? "none";
      if (seen.at(-1) !== r) seen.push(r);
    }
    // ContainerCreating only before the first pull fails; afterwards never again.
    expect(seen.slice(0, 4)).toEqual(["ContainerCreating", "ErrImagePull", "ImagePullBackOff", "ErrImagePull"]);
    expect(seen.slice(1).includes("ContainerCreating")).toBe(false);
  });

  it("kubectl set image on a pod in ImagePullBackOff pulls the new image at once", () => {
    const c = createCluster();
    const k = c.client();
    k.create("pods", "default", { apiVersion: "v1", kind: "Pod", metadata: { name: "bad" }, spec: { containers: [{ name: "web", image: "nginx:no-such-tag" }] } });
    // The first retry pull (10 s after the first failure) is in flight: the new image must not wait for it.
    c.advance(12_200);
    expect(pods(c, "default").find((p) => p.metadata.name === "bad")!.status.containerStatuses[0].state.waiting.reason).toBe("ImagePullBackOff");
    const got = k.get("pods", "default", "bad");
    if (!got.ok) throw new Error(got.status.message);
    const pod = got.value as KubeObject & Json;
    expect(k.update("pods", "default", "bad", { ...pod, spec: { ...pod.spec, containers: [{ ...pod.spec.containers[0], image: "nginx:1.27" }] } }).ok).toBe(true);
    c.advance(4_000);
    const now = pods(c, "default").find((p) => p.metadata.name === "bad")!;
    expect(now.status.phase).toBe("Running");
    expect(eventsFor(c, "bad")).toContain('Pulling: Pulling image "nginx:1.27"');
  });
});

describe("systemctl start kubelet after the node went NotReady", () => {
  it("brings the node back to Ready and its pods back to Ready=True within seconds", () => {
    const c = createCluster();
    c.client().create("pods", "default", { apiVersion: "v1", kind: "Pod", metadata: { name: "web" }, spec: { containers: [{ name: "web", image: "nginx" }] } });
    c.advance(10_000);
    const nodeReady = () => {
      const n = c.client().get("nodes", undefined, "node01");
      return n.ok ? ((n.value.status as Json).conditions as Json[]).find((x) => x.type === "Ready")?.status : undefined;
    };
    const podReady = () => pods(c, "default").find((p) => p.metadata.name === "web")?.status?.conditions?.find((x: Json) => x.type === "Ready")?.status;
    expect(podReady()).toBe("True");
    c.kubelet("node01")!.stop();
    c.advance(70_000);
    expect(nodeReady()).toBe("Unknown");
    expect(podReady()).toBe("False");
    c.kubelet("node01")!.start();
    c.advance(5_000);
    expect(nodeReady()).toBe("True");
    expect(podReady()).toBe("True");
    expect(c.kubelet("node01")!.journal!().some((l) => l.includes('"Starting kubelet"'))).toBe(true);
  });
});
