import { describe, expect, it } from "vitest";
import { createCluster, type TraceEntry } from "@/lib/cluster/index";
import { parseQuantity, podStatus, podTone, summarizeCluster } from "./cluster-summary";

const pod = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name },
  spec: { containers: [{ name: "c", image: "nginx", resources: { requests: { cpu: "250m", memory: "64Mi" } } }] },
  ...extra,
});

describe("summarizeCluster", () => {
  it("shows the control plane, nodes with request bars, and pods by status", () => {
    const c = createCluster();
    const activity: TraceEntry[] = [];
    c.onTrace((e) => activity.push(e));
    c.client().create("pods", "default", pod("web"));
    c.client().create("pods", "default", { ...pod("broken"), spec: { containers: [{ name: "c", image: "nginx:nope-404" }] } });
    c.advance(120_000);
    const s = summarizeCluster(c, activity);
    expect(s.controlPlane.node).toBe("controlplane");
    expect(s.controlPlane.components.map((x) => [x.name, x.status])).toEqual([
      ["etcd", "Running"],
      ["kube-apiserver", "Running"],
      ["kube-scheduler", "Running"],
      ["kube-controller-manager", "Running"],
    ]);
    const node01 = s.nodes.find((n) => n.name === "node01")!;
    expect(node01).toMatchObject({ status: "Ready", controlPlane: false, unschedulable: false });
    expect(node01.cpu.requested).toBeGreaterThanOrEqual(250);
    expect(node01.cpu.allocatable).toBeGreaterThan(node01.cpu.requested);
    expect(s.nodes.find((n) => n.name === "controlplane")!.taints).toContain("node-role.kubernetes.io/control-plane:NoSchedule");
    expect(s.pods.find((p) => p.name === "web")).toMatchObject({ node: "node01", status: "Running", tone: "running", ready: "1/1" });
    const broken = s.pods.find((p) => p.name === "broken")!;
    expect(broken.tone).toBe("error");
    expect(["ErrImagePull", "ImagePullBackOff"]).toContain(broken.status);
    expect(s.lastDecision?.pod.name).toBe("broken");
    expect(s.activity.some((a) => a.component === "kube-scheduler")).toBe(true);
  });

  it("marks a cordoned node SchedulingDisabled", () => {
    const c = createCluster();
    c.client().patch("nodes", undefined, "node01", "merge", { spec: { unschedulable: true } });
    expect(summarizeCluster(c).nodes.find((n) => n.name === "node01")!.status).toBe("Ready,SchedulingDisabled");
  });
});

describe("podStatus", () => {
  const base = { apiVersion: "v1", kind: "Pod", metadata: { name: "p" } };
  it("reads like kubectl's STATUS column", () => {
    expect(podStatus({ ...base, status: { phase: "Pending" } })).toBe("Pending");
    expect(podStatus({ ...base, status: { phase: "Pending", containerStatuses: [{ state: { waiting: { reason: "ContainerCreating" } } }] } })).toBe("ContainerCreating");
    expect(podStatus({ ...base, status: { phase: "Succeeded", containerStatuses: [{ state: { terminated: { reason: "Completed", exitCode: 0 } } }] } })).toBe("Completed");
    expect(podStatus({ ...base, status: { phase: "Failed", containerStatuses: [{ state: { terminated: { exitCode: 2 } } }] } })).toBe("ExitCode:2");
    expect(podStatus({ ...base, metadata: { name: "p", deletionTimestamp: "2026-11-25T10:00:00Z" }, status: { phase: "Running" } })).toBe("Terminating");
    expect(podStatus({ ...base, spec: { initContainers: [{}, {}] }, status: { phase: "Pending", initContainerStatuses: [{ state: { waiting: { reason: "PodInitializing" } } }] } })).toBe("Init:0/2");
  });
  it("groups statuses into tones", () => {
    expect(["Running", "ContainerCreating", "CrashLoopBackOff", "Completed", "Terminating", "Init:0/1"].map(podTone)).toEqual(["running", "pending", "error", "completed", "terminating", "pending"]);
  });
});

describe("parseQuantity", () => {
  it("reads Kubernetes quantities", () => {
    expect([parseQuantity("500m"), parseQuantity("2"), parseQuantity("1Gi"), parseQuantity("128Mi"), parseQuantity("1e3"), parseQuantity(undefined)]).toEqual([0.5, 2, 2 ** 30, 128 * 2 ** 20, 1000, 0]);
  });
});
