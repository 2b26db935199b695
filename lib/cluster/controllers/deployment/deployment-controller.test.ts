import { describe, expect, it } from "vitest";
import { createReplicaSetController } from "../replica-set-controller";
import { deployment } from "../testing/builders";
import { FakeApi } from "../testing/fake-api";
import { runPods, settle } from "../testing/fake-kubelet";
import type { Deployment, Pod, ReplicaSet } from "../util/objects";
import { createDeploymentController } from "./deployment-controller";

function setup() {
  const api = new FakeApi();
  api.loop.register(createDeploymentController(api.context("deployment-controller")));
  api.loop.register(createReplicaSetController(api.context("replicaset-controller"), "ReplicaSet"));
  return { api, client: api.client() };
}

const rsList = (api: FakeApi) => (api.all("replicasets", "default") as ReplicaSet[]).sort((a, b) => a.metadata.creationTimestamp!.localeCompare(b.metadata.creationTimestamp!));
const getDeploy = (api: FakeApi, name = "web") => {
  const r = api.client().get("deployments", "default", name);
  if (!r.ok) throw new Error("no deployment");
  return r.value as Deployment;
};
const scalingEvents = (api: FakeApi) => api.events.filter((e) => e.reason === "ScalingReplicaSet").map((e) => e.message);

function setImage(api: FakeApi, image: string, name = "web") {
  const d = getDeploy(api, name);
  d.spec.template.spec.containers[0].image = image;
  const r = api.client().update("deployments", "default", name, d);
  if (!r.ok) throw new Error(r.status.message);
}

describe("Deployment controller", () => {
  it("creates <name>-<pod-template-hash> with hash labels, revision annotations and a ScalingReplicaSet event", () => {
    const { api } = setup();
    const d = api.seed("deployments", deployment("web", 3));
    settle(api);
    const [rs] = rsList(api);
    const hash = rs.metadata.labels!["pod-template-hash"];
    expect(hash).toMatch(/^[456789bcdf]{1,10}$/);
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.spec.selector).toEqual({ matchLabels: { app: "web", "pod-template-hash": hash } });
    expect(rs.spec.template.metadata?.labels).toEqual({ app: "web", "pod-template-hash": hash });
    expect(rs.metadata.annotations).toEqual({
      "deployment.kubernetes.io/desired-replicas": "3",
      "deployment.kubernetes.io/max-replicas": "4",
      "deployment.kubernetes.io/revision": "1",
    });
    expect(rs.metadata.ownerReferences).toEqual([{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(scalingEvents(api)).toEqual([`Scaled up replica set web-${hash} to 3 from 0`]);
    const pods = api.all("pods", "default") as Pod[];
    expect(pods).toHaveLength(3);
    expect(pods.every((p) => p.metadata.name!.startsWith(`web-${hash}-`))).toBe(true);

    const done = getDeploy(api);
    expect(done.metadata.annotations).toEqual({ "deployment.kubernetes.io/revision": "1" });
    expect(done.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(done.status?.unavailableReplicas).toBeUndefined();
    expect(done.status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ["Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability."],
      ["Progressing", "True", "NewReplicaSetAvailable", `ReplicaSet "web-${hash}" has successfully progressed.`],
    ]);
  });

  it("rolls out a new image: new RS up, old RS down to 0 and kept, revisions 1 and 2", () => {
    const { api } = setup();
    api.seed("deployments", deployment("web", 4, "nginx:1.26"));
    settle(api);
    const [oldRS] = rsList(api);
    api.events.length = 0;
    setImage(api, "nginx:1.27");
    settle(api);
    const all = rsList(api);
    expect(all).toHaveLength(2);
    const newRS = all.find((r) => r.metadata.name !== oldRS.metadata.name)!;
    const old = all.find((r) => r.metadata.name === oldRS.metadata.name)!;
    expect(newRS.spec.replicas).toBe(4);
    expect(old.spec.replicas).toBe(0);
    expect(old.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("1");
    expect(newRS.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
    expect(getDeploy(api).metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
    const pods = api.all("pods", "default") as Pod[];
    expect(pods).toHaveLength(4);
    expect(pods.every((p) => p.spec.containers[0].image === "nginx:1.27")).toBe(true);
    // maxSurge 1 (25% of 4 rounded up), maxUnavailable 1: the real v1.32 sequence of steps.
    const n = newRS.metadata.name;
    const o = old.metadata.name;
    expect(scalingEvents(api)).toEqual([
      `Scaled up replica set ${n} to 1 from 0`,
      `Scaled down replica set ${o} to 3 from 4`,
      `Scaled up replica set ${n} to 2 from 1`,
      `Scaled down replica set ${o} to 1 from 3`,
      `Scaled up replica set ${n} to 4 from 2`,
      `Scaled down replica set ${o} to 0 from 1`,
    ]);
  });

  it("rolls back to the old template by reusing its RS with a new revision and revision-history", () => {
    const { api } = setup();
    api.seed("deployments", deployment("web", 2, "nginx:1.26"));
    settle(api);
    const [first] = rsList(api);
    setImage(api, "nginx:1.27");
    settle(api);
    setImage(api, "nginx:1.26"); // what `kubectl rollout undo` sends: the old template
    settle(api);
    const all = rsList(api);
    expect(all).toHaveLength(2);
    const back = all.find((r) => r.metadata.name === first.metadata.name)!;
    expect(back.spec.replicas).toBe(2);
    expect(back.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("3");
    expect(back.metadata.annotations?.["deployment.kubernetes.io/revision-history"]).toBe("1");
    expect(getDeploy(api).metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("3");
  });

  it("scales without a new RS and reports the scale event", () => {
    const { api, client } = setup();
    api.seed("deployments", deployment("web", 2));
    settle(api);
    const d = getDeploy(api);
    d.spec.replicas = 5;
    client.update("deployments", "default", "web", d);
    settle(api);
    const all = rsList(api);
    expect(all).toHaveLength(1);
    expect(all[0].spec.replicas).toBe(5);
    expect(all[0].metadata.annotations?.["deployment.kubernetes.io/desired-replicas"]).toBe("5");
    expect(scalingEvents(api).at(-1)).toBe(`Scaled up replica set ${all[0].metadata.name} to 5 from 2`);
  });

  it("Recreate scales the old RS to 0 and waits for its pods to go before starting the new one", () => {
    const { api } = setup();
    const spec = deployment("web", 2, "nginx:1.26");
    (spec.spec as Deployment["spec"]).strategy = { type: "Recreate" };
    api.seed("deployments", spec);
    settle(api);
    api.gracefulPods = true;
    setImage(api, "nginx:1.27");
    api.loop.runUntilIdle();
    // Old pods are still terminating: no new RS yet.
    expect(rsList(api)).toHaveLength(1);
    expect(rsList(api)[0].spec.replicas).toBe(0);
    runPods(api); // the kubelet finishes the terminations
    settle(api);
    const all = rsList(api);
    expect(all).toHaveLength(2);
    expect(all[1].spec.replicas).toBe(2);
  });

  it("a paused deployment does not roll out; resuming does, with the DeploymentPaused/Resumed conditions", () => {
    const { api, client } = setup();
    api.seed("deployments", deployment("web", 2, "nginx:1.26"));
    settle(api);
    let d = getDeploy(api);
    d.spec.paused = true;
    client.update("deployments", "default", "web", d);
    settle(api);
    expect(getDeploy(api).status?.conditions?.find((c) => c.type === "Progressing")).toMatchObject({ status: "Unknown", reason: "DeploymentPaused", message: "Deployment is paused" });
    setImage(api, "nginx:1.27");
    settle(api);
    expect(rsList(api)).toHaveLength(1);
    d = getDeploy(api);
    d.spec.paused = false;
    client.update("deployments", "default", "web", d);
    settle(api);
    expect(rsList(api)).toHaveLength(2);
    expect(getDeploy(api).status?.conditions?.find((c) => c.type === "Progressing")?.reason).toBe("NewReplicaSetAvailable");
  });

  it("a restart annotation on the template makes a new RS", () => {
    const { api, client } = setup();
    api.seed("deployments", deployment("web", 1));
    settle(api);
    const d = getDeploy(api);
    d.spec.template.metadata!.annotations = { "kubectl.kubernetes.io/restartedAt": "2026-11-25T10:05:00Z" };
    client.update("deployments", "default", "web", d);
    settle(api);
    expect(rsList(api)).toHaveLength(2);
  });

  it("keeps only revisionHistoryLimit old replica sets", () => {
    const { api, client } = setup();
    const spec = deployment("web", 1, "nginx:1");
    (spec.spec as Deployment["spec"]).revisionHistoryLimit = 1;
    api.seed("deployments", spec);
    settle(api);
    for (const tag of ["2", "3", "4"]) {
      api.clock.set(api.clock.now() + 1000);
      setImage(api, `nginx:${tag}`);
      settle(api);
    }
    void client;
    const names = rsList(api).map((r) => r.spec.template.spec.containers[0].image);
    expect(names).toEqual(["nginx:3", "nginx:4"]);
  });

  it("reports Available=False/MinimumReplicasUnavailable while pods are not ready", () => {
    const { api } = setup();
    api.seed("deployments", deployment("web", 2));
    api.loop.runUntilIdle();
    const d = getDeploy(api);
    expect(d.status?.conditions?.find((c) => c.type === "Available")).toMatchObject({
      status: "False",
      reason: "MinimumReplicasUnavailable",
      message: "Deployment does not have minimum availability.",
    });
    expect(d.status).toMatchObject({ replicas: 2, updatedReplicas: 2, unavailableReplicas: 2 });
    expect(d.status?.conditions?.find((c) => c.type === "Progressing")?.reason).toBe("ReplicaSetUpdated");
  });
});
