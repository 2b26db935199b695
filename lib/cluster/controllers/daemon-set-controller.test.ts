import { describe, expect, it } from "vitest";
import { createDaemonSetController } from "./daemon-set-controller";
import { node } from "./testing/builders";
import { FakeApi } from "./testing/fake-api";
import { runPods } from "./testing/fake-kubelet";
import type { DaemonSet, Pod, Toleration } from "./util/objects";

function setup(tolerations?: Toleration[]) {
  const api = new FakeApi();
  api.loop.register(createDaemonSetController(api.context("daemonset-controller")));
  api.seed("nodes", node("controlplane", { spec: { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] } }));
  api.seed("nodes", node("node01"));
  const ds = api.seed("daemonsets", {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: "kube-proxy", namespace: "kube-system" },
    spec: {
      selector: { matchLabels: { "k8s-app": "kube-proxy" } },
      template: { metadata: { labels: { "k8s-app": "kube-proxy" } }, spec: { containers: [{ name: "kube-proxy", image: "registry.k8s.io/kube-proxy:v1.32.4" }], ...(tolerations ? { tolerations } : {}) } },
    },
  });
  return { api, client: api.client(), ds };
}

const pods = (api: FakeApi) => api.all("pods", "kube-system") as Pod[];
const nodeOf = (p: Pod) => p.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms[0].matchFields?.[0].values?.[0];

describe("DaemonSet controller", () => {
  it("runs one pod per node whose taints it tolerates, pinned by node affinity", () => {
    const { api } = setup();
    api.loop.runUntilIdle();
    const ps = pods(api);
    expect(ps.map(nodeOf)).toEqual(["node01"]);
    const p = ps[0];
    expect(p.metadata.name).toMatch(/^kube-proxy-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.metadata.labels?.["pod-template-generation"]).toBe("1");
    expect(p.metadata.labels?.["controller-revision-hash"]).toMatch(/^[456789bcdf]+$/);
    expect(p.spec.tolerations?.map((t) => `${t.key}:${t.effect}`)).toEqual([
      "node.kubernetes.io/not-ready:NoExecute",
      "node.kubernetes.io/unreachable:NoExecute",
      "node.kubernetes.io/disk-pressure:NoSchedule",
      "node.kubernetes.io/memory-pressure:NoSchedule",
      "node.kubernetes.io/pid-pressure:NoSchedule",
      "node.kubernetes.io/unschedulable:NoSchedule",
    ]);
    expect(api.events.map((e) => e.message)).toEqual([`Created pod: ${p.metadata.name}`]);
  });

  it("with an Exists toleration (as kube-proxy) runs on the control plane too, and reports status", () => {
    const { api, client } = setup([{ operator: "Exists" }]);
    api.loop.runUntilIdle();
    expect(pods(api).map(nodeOf).sort()).toEqual(["controlplane", "node01"]);
    runPods(api);
    api.loop.runUntilIdle();
    const ds = client.get("daemonsets", "kube-system", "kube-proxy");
    expect(ds.ok && (ds.value as DaemonSet).status).toEqual({
      currentNumberScheduled: 2,
      numberMisscheduled: 0,
      desiredNumberScheduled: 2,
      numberReady: 2,
      observedGeneration: 1,
      updatedNumberScheduled: 2,
      numberAvailable: 2,
    });
  });

  it("adds a pod for a new node and replaces a deleted one", () => {
    const { api, client } = setup();
    api.loop.runUntilIdle();
    api.seed("nodes", node("node02"));
    api.loop.runUntilIdle();
    expect(pods(api).map(nodeOf).sort()).toEqual(["node01", "node02"]);
    client.delete("pods", "kube-system", pods(api)[0].metadata.name!);
    api.loop.runUntilIdle();
    expect(pods(api)).toHaveLength(2);
  });

  it("rolls pods to a new template one node at a time", () => {
    const { api, client } = setup([{ operator: "Exists" }]);
    api.loop.runUntilIdle();
    runPods(api);
    api.loop.runUntilIdle();
    const ds = client.get("daemonsets", "kube-system", "kube-proxy");
    if (!ds.ok) throw new Error("no ds");
    const d = ds.value as DaemonSet;
    d.spec.template.spec.containers[0].image = "registry.k8s.io/kube-proxy:v1.32.5";
    client.update("daemonsets", "kube-system", "kube-proxy", d);
    api.loop.runUntilIdle();
    // maxUnavailable 1: one old pod replaced, the other still old.
    const images = pods(api).map((p) => p.spec.containers[0].image).sort();
    expect(images).toEqual(["registry.k8s.io/kube-proxy:v1.32.4", "registry.k8s.io/kube-proxy:v1.32.5"]);
    for (let i = 0; i < 5; i++) {
      runPods(api);
      api.loop.runUntilIdle();
    }
    expect(pods(api).map((p) => p.spec.containers[0].image)).toEqual(["registry.k8s.io/kube-proxy:v1.32.5", "registry.k8s.io/kube-proxy:v1.32.5"]);
  });
});
