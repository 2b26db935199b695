import { describe, expect, it } from "vitest";
import { createCluster, type Cluster, type KubeObject } from "./index";

type Json = Record<string, any>;
const MANIFESTS = "/etc/kubernetes/manifests";

function pod(c: Cluster, ns: string, name: string): (KubeObject & Json) | undefined {
  const r = c.client().get("pods", ns, name);
  return r.ok ? (r.value as KubeObject & Json) : undefined;
}

function eventsFor(c: Cluster, name: string): string[] {
  const l = c.client().list("events", "default");
  return l.ok ? (l.value.items as Json[]).filter((e) => e.involvedObject?.name === name).map((e) => `${e.reason}: ${e.message}`) : [];
}

/** Edit a static pod manifest on the control plane the way `vi` would. */
function editManifest(c: Cluster, file: string, edit: (text: string) => string): string {
  const fs = c.fs("controlplane")!;
  const before = fs.readFile(`${MANIFESTS}/${file}`);
  if (typeof before !== "string") throw new Error(`cannot read ${file}`);
  expect(fs.writeFile(`${MANIFESTS}/${file}`, edit(before))).toBeUndefined();
  return before;
}

const nginx = (name: string) => ({ apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { containers: [{ name: "nginx", image: "nginx" }] } });

describe("control-plane health gates the scheduler and the controllers", () => {
  it("a broken kube-scheduler manifest leaves new pods Pending with no events until it is fixed", () => {
    const c = createCluster();
    const good = editManifest(c, "kube-scheduler.yaml", (t) => t.replace("--leader-elect=true", "--leader-elct=true"));
    c.advance(20_000);
    expect(pod(c, "kube-system", "kube-scheduler-controlplane")?.status?.containerStatuses?.[0]?.ready).toBe(false);
    expect(c.client().create("pods", "default", nginx("web")).ok).toBe(true);
    c.advance(60_000);
    expect(pod(c, "default", "web")?.spec?.nodeName).toBeUndefined();
    expect(pod(c, "default", "web")?.status?.phase).toBe("Pending");
    expect(eventsFor(c, "web")).toEqual([]);

    c.fs("controlplane")!.writeFile(`${MANIFESTS}/kube-scheduler.yaml`, good);
    c.advance(30_000);
    expect(pod(c, "default", "web")?.spec?.nodeName).toBe("node01");
    expect(eventsFor(c, "web")[0]).toBe("Scheduled: Successfully assigned default/web to node01");
  });

  it("a bad image in kube-scheduler.yaml also stops scheduling", () => {
    const c = createCluster();
    editManifest(c, "kube-scheduler.yaml", (t) => t.replace(/image: registry\.k8s\.io\/kube-scheduler:\S+/, "image: registry.k8s.io/kube-schedulr:v1.32.4"));
    c.advance(20_000);
    c.client().create("pods", "default", nginx("web"));
    c.advance(60_000);
    expect(pod(c, "default", "web")?.spec?.nodeName).toBeUndefined();
  });

  it("a broken kube-controller-manager stops a ReplicaSet from replacing a deleted pod until it runs again", () => {
    const c = createCluster();
    const k = c.client();
    k.create("replicasets", "default", {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: { name: "web" },
      spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx" }] } } },
    });
    c.advance(30_000);
    const names = () => {
      const l = k.list("pods", "default", { labelSelector: "app=web" });
      return l.ok ? l.value.items.filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name!) : [];
    };
    expect(names()).toHaveLength(2);
    const good = editManifest(c, "kube-controller-manager.yaml", (t) => t.replace("- kube-controller-manager", "- kube-controller-manger"));
    c.advance(20_000);
    k.delete("pods", "default", names()[0]);
    c.advance(60_000);
    expect(names()).toHaveLength(1);

    c.fs("controlplane")!.writeFile(`${MANIFESTS}/kube-controller-manager.yaml`, good);
    c.advance(30_000);
    expect(names()).toHaveLength(2);
  });
});
