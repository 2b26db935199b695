import { describe as suite, expect, it } from "vitest";
import { createCluster, type KubeObject } from "../../cluster/index";
import { describe } from "./index";

/** Describers against the real simulated engine: the objects, events and selectors they read must line up. */
suite("describe on a running simulated cluster", () => {
  const c = createCluster();
  const k = c.client();
  const info = (r: string) => k.discovery().find((i) => i.resource === r)!;
  const get = (r: string, ns: string | undefined, n: string): KubeObject => {
    const x = k.get(r, ns, n);
    if (!x.ok) throw new Error(x.status.message);
    return x.value;
  };
  k.create("pods", "default", { apiVersion: "v1", kind: "Pod", metadata: { name: "nginx", labels: { run: "nginx" } }, spec: { containers: [{ name: "nginx", image: "nginx" }] } });
  k.create("deployments", "default", {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", labels: { app: "web" } },
    spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } },
  });
  c.advance(60_000);

  it("a running pod shows its node, state and the scheduler's and kubelet's events", () => {
    const out = describe(k, info("pods"), get("pods", "default", "nginx"), c.now());
    expect(out).toMatch(/^Node: {13}node01\/\d+\.\d+\.\d+\.\d+$/m);
    expect(out).toContain("\n    State:          Running\n");
    expect(out).toContain("\nQoS Class:                   BestEffort\n");
    expect(out).toMatch(/\n {2}Normal {2}Scheduled {2}60s {3}default-scheduler {2}Successfully assigned default\/nginx to node01\n/);
  });

  it("the deployment names its new ReplicaSet, which is controlled by it and counts its running pods", () => {
    const rsList = k.list("replicasets", "default", { labelSelector: "app=web" });
    if (!rsList.ok) throw new Error(rsList.status.message);
    const rs = rsList.value.items[0];
    const d = describe(k, info("deployments"), get("deployments", "default", "web"), c.now());
    expect(d).toContain(`\nOldReplicaSets:  <none>\nNewReplicaSet:   ${rs.metadata.name} (2/2 replicas created)\n`);
    expect(d).toContain(`deployment-controller  Scaled up replica set ${rs.metadata.name} to 2 from 0\n`);
    const r = describe(k, info("replicasets"), rs, c.now());
    expect(r).toContain("\nControlled By:  Deployment/web\nReplicas:       2 current / 2 desired\nPods Status:    2 Running / 0 Waiting / 0 Succeeded / 0 Failed\n");
  });

  it("the worker node lists its non-terminated pods and their requests", () => {
    const out = describe(k, info("nodes"), get("nodes", undefined, "node01"), c.now());
    expect(out).toContain("\nLease:\n  HolderIdentity:  node01\n");
    expect(out).toMatch(/\n {2}default {21}nginx +0 \(0%\) +0 \(0%\) +0 \(0%\) +0 \(0%\) +60s\n/);
    expect(out).toMatch(/^Non-terminated Pods: +\(\d+ in total\)$/m);
  });

  it("a kubeadm static pod is controlled by its node", () => {
    const out = describe(k, info("pods"), get("pods", "kube-system", "kube-apiserver-controlplane"), c.now());
    expect(out).toContain("\nControlled By:  Node/controlplane\n");
  });
});
