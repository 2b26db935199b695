import { describe, expect, it } from "vitest";
import { schedulerManifest } from "../bootstrap/static-pod-manifests";
import { controlPlaneHealthy } from "./control-plane-health";
import { kubeletHarness } from "./testing/harness";

const PATH = "/etc/kubernetes/manifests/kube-scheduler.yaml";

function controlPlane() {
  const h = kubeletHarness({ controlPlane: true });
  h.start((fs) => {
    fs.mkdir("/etc/kubernetes/manifests", { parents: true });
    fs.writeFile("/etc/kubernetes/scheduler.conf", "apiVersion: v1\nkind: Config\n");
    fs.writeFile(PATH, schedulerManifest());
  });
  h.advance(5_000);
  // The startup probe's initialDelaySeconds (10 s) has not passed: running but not ready yet.
  expect(controlPlaneHealthy(h.kubelet(), "kube-scheduler")).toBe(false);
  h.advance(10_000);
  return h;
}

describe("static pods", () => {
  it("runs manifests as mirror pods <name>-<node> owned by the Node", () => {
    const h = controlPlane();
    const pod = h.getPod("kube-scheduler-controlplane", "kube-system")!;
    expect(pod).toBeDefined();
    expect(pod.status.phase).toBe("Running");
    expect(pod.status.podIP).toBe("192.168.121.2");
    const ann = pod.metadata.annotations!;
    expect(ann["kubernetes.io/config.source"]).toBe("file");
    expect(ann["kubernetes.io/config.mirror"]).toMatch(/^[0-9a-f]{32}$/);
    expect(ann["kubernetes.io/config.hash"]).toBe(ann["kubernetes.io/config.mirror"]);
    expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: "v1", kind: "Node", name: "controlplane", uid: expect.any(String), controller: true }]);
    expect(h.timeline.join("\n")).toContain('Normal Pulled: Container image "registry.k8s.io/kube-scheduler:v1.32.4" already present on machine');
    expect(controlPlaneHealthy(h.kubelet(), "kube-scheduler")).toBe(true);
    expect(h.kubelet().processes().map((p) => p.command)).toContain(
      "kube-scheduler --authentication-kubeconfig=/etc/kubernetes/scheduler.conf --authorization-kubeconfig=/etc/kubernetes/scheduler.conf --bind-address=127.0.0.1 --kubeconfig=/etc/kubernetes/scheduler.conf --leader-elect=true",
    );
  });

  it("recreates the pod when the manifest is edited, and a bad image gives ErrImagePull", () => {
    const h = controlPlane();
    const before = h.getPod("kube-scheduler-controlplane", "kube-system")!;
    h.fs.writeFile(PATH, schedulerManifest().replace("kube-scheduler:v1.32.4", "kube-schedulerr:v1.32.4"));
    h.advance(10_000);
    const after = h.getPod("kube-scheduler-controlplane", "kube-system")!;
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.status.containerStatuses[0].state.waiting.reason).toBe("ImagePullBackOff");
    expect(controlPlaneHealthy(h.kubelet(), "kube-scheduler")).toBe(false);
    h.fs.writeFile(PATH, schedulerManifest());
    h.advance(15_000);
    expect(h.getPod("kube-scheduler-controlplane", "kube-system")!.status.phase).toBe("Running");
    expect(controlPlaneHealthy(h.kubelet(), "kube-scheduler")).toBe(true);
  });

  it("a manifest that no longer parses makes the pod disappear", () => {
    const h = controlPlane();
    h.fs.writeFile(PATH, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-scheduler\n spec: [\n");
    h.advance(5_000);
    expect(h.getPod("kube-scheduler-controlplane", "kube-system")).toBeUndefined();
    expect(controlPlaneHealthy(h.kubelet(), "kube-scheduler")).toBe(false);
  });

  it("a deleted mirror pod comes back while the containers keep running", () => {
    const h = controlPlane();
    const id = h.getPod("kube-scheduler-controlplane", "kube-system")!.status.containerStatuses[0].containerID;
    h.kubectl.delete("pods", "kube-system", "kube-scheduler-controlplane");
    h.advance(3_000);
    const again = h.getPod("kube-scheduler-controlplane", "kube-system")!;
    expect(again.status.containerStatuses[0].containerID).toBe(id);
    expect(again.status.phase).toBe("Running");
  });
});

describe("broken control-plane manifests", () => {
  it("a mistyped flag makes kube-scheduler crash-loop with cobra's error", () => {
    const h = controlPlane();
    h.fs.writeFile(PATH, schedulerManifest().replace("--leader-elect=true", "--leader-elcet=true"));
    h.advance(20_000);
    const pod = h.getPod("kube-scheduler-controlplane", "kube-system")!;
    const cs = pod.status.containerStatuses[0];
    expect(cs.restartCount).toBeGreaterThanOrEqual(1);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
    expect(h.kubelet().logs("kube-system", "kube-scheduler-controlplane", "kube-scheduler", true)).toBe("Error: unknown flag: --leader-elcet\n");
    expect(controlPlaneHealthy(h.kubelet(), "kube-scheduler")).toBe(false);
  });

  it("a kubeconfig path that does not exist fails at start", () => {
    const h = controlPlane();
    h.fs.writeFile(PATH, schedulerManifest().replace("--kubeconfig=/etc/kubernetes/scheduler.conf", "--kubeconfig=/etc/kubernetes/scheduler.conff"));
    h.advance(20_000);
    const logs = h.kubelet().logs("kube-system", "kube-scheduler-controlplane", "kube-scheduler", true) ?? "";
    expect(logs).toMatch(/^E1125 10:00:\d\d\.\d{6}       1 run\.go:72\] "command failed" err="open \/etc\/kubernetes\/scheduler\.conff: no such file or directory"\n$/);
  });
});

describe("node heartbeats", () => {
  it("renews the Lease every 10 s and stops when the kubelet is stopped", () => {
    const h = kubeletHarness();
    h.start();
    const renew = () => {
      const r = h.kubectl.get("leases", "kube-node-lease", "node01");
      return r.ok ? (r.value.spec as { renewTime: string }).renewTime : undefined;
    };
    expect(renew()).toBe("2026-11-25T10:00:00.000000Z");
    h.advance(25_000);
    expect(renew()).toBe("2026-11-25T10:00:20.000000Z");
    h.kubelet().stop();
    expect(h.kubelet().active).toBe(false);
    h.advance(60_000);
    expect(renew()).toBe("2026-11-25T10:00:20.000000Z");
    expect(h.kubelet().processes().map((p) => p.command.split(" ")[0])).toEqual(["/usr/bin/containerd"]);
    h.kubelet().start();
    h.loop.runUntilIdle();
    expect(renew()).toBe("2026-11-25T10:01:25.000000Z");
  });

  it("posts node status: Ready, capacity, nodeInfo, addresses, images", () => {
    const h = kubeletHarness();
    h.start();
    const node = h.kubectl.get("nodes", undefined, "node01");
    expect(node.ok).toBe(true);
    if (!node.ok) return;
    const st = node.value.status as any;
    expect(st.conditions.map((c: any) => `${c.type}=${c.status}/${c.reason}`)).toEqual([
      "MemoryPressure=False/KubeletHasSufficientMemory",
      "DiskPressure=False/KubeletHasNoDiskPressure",
      "PIDPressure=False/KubeletHasSufficientPID",
      "Ready=True/KubeletReady",
    ]);
    expect(st.nodeInfo).toMatchObject({ kubeletVersion: "v1.32.4", containerRuntimeVersion: "containerd://1.7.24", osImage: "Ubuntu 22.04.5 LTS" });
    expect(st.addresses).toEqual([
      { address: "192.168.121.3", type: "InternalIP" },
      { address: "node01", type: "Hostname" },
    ]);
    expect(st.capacity).toMatchObject({ cpu: "2", pods: "110", memory: "4005020Ki" });
    expect(st.allocatable.memory).toBe("3902620Ki");
    expect(st.images[0].names).toContain("registry.k8s.io/kube-proxy:v1.32.4");
  });

  it("a stopped kubelet makes no pod progress; the pod starts once it is back", () => {
    const h = kubeletHarness();
    h.start();
    h.kubelet().stop();
    h.createPod("later", { containers: [{ name: "c", image: "nginx:1.27" }] });
    h.advance(30_000);
    expect(h.getPod("later")!.status).toBeUndefined();
    h.kubelet().start();
    h.loop.runUntilIdle();
    h.advance(10_000);
    expect(h.getPod("later")!.status.phase).toBe("Running");
  });
});
