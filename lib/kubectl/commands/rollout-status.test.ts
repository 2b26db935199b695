/**
 * `rollout status` prints the Deployment's status once as listed and then once per watch event, repeats
 * included; the sequence below is what the real kubectl v1.32 printed against the same simulated rollout
 * (lib/serve/differential, scenario "set image and rollout").
 */
import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster/index";
import { runKubectl } from "../testing/run-kubectl";

const DEPLOY = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", labels: { app: "web" } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: "web" } },
    template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.25", ports: [{ containerPort: 80 }] }] } },
  },
};

function rolledOutCluster() {
  const cluster = createCluster({ seed: 1 });
  const created = cluster.client().create("deployments", "default", DEPLOY);
  if (!created.ok) throw new Error(created.status.message);
  cluster.advance(30_000);
  return cluster;
}

describe("kubectl rollout status", () => {
  it("prints a line per watch event until the rollout is done", async () => {
    const cluster = rolledOutCluster();
    expect((await runKubectl(cluster, ["set", "image", "deploy/web", "nginx=nginx:1.27"])).code).toBe(0);
    cluster.runUntilIdle();
    const r = await runKubectl(cluster, ["rollout", "status", "deploy/web"]);
    expect(r).toEqual({
      code: 0,
      stderr: "",
      stdout: `Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
deployment "web" successfully rolled out
`,
    });
  });

  it("prints the current status once with --watch=false", async () => {
    const cluster = rolledOutCluster();
    await runKubectl(cluster, ["set", "image", "deploy/web", "nginx=nginx:1.27"]);
    cluster.runUntilIdle();
    const r = await runKubectl(cluster, ["rollout", "status", "deploy/web", "--watch=false"]);
    expect(r.stdout).toBe('Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...\n');
    expect(r.code).toBe(0);
  });

  it("stops with an error when the Deployment is deleted while it waits", async () => {
    const cluster = rolledOutCluster();
    await runKubectl(cluster, ["set", "image", "deploy/web", "nginx=nginx:1.27"]);
    cluster.runUntilIdle();
    const r = await runKubectl(cluster, ["rollout", "status", "deploy/web"], {
      onSleep: () => void cluster.client().delete("deployments", "default", "web"),
    });
    expect(r.stderr).toBe("error: object has been deleted\n");
    expect(r.code).toBe(1);
  });
});
