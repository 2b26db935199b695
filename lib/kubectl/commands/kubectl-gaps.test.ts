/** Differences found by the differential suite against the real kubectl v1.32.3 (h19). */
import { describe, expect, it } from "vitest";
import { createCluster, type Cluster } from "../../cluster/index";
import { runKubectl } from "../testing/run-kubectl";

function cluster(): Cluster {
  const c = createCluster({ seed: 7 });
  c.advance(30_000);
  c.runUntilIdle();
  return c;
}

const run = (c: Cluster, line: string) => runKubectl(c, line.split(" "), { tty: false });

describe("typed create generators wrap API errors", () => {
  it("create deployment: AlreadyExists and Invalid", async () => {
    const c = cluster();
    expect((await run(c, "create deployment x --image=nginx")).stdout).toBe("deployment.apps/x created\n");
    expect(await run(c, "create deployment x --image=nginx")).toEqual({
      stdout: "",
      stderr: 'error: failed to create deployment: deployments.apps "x" already exists\n',
      code: 1,
    });
    const bad = await run(c, "create deployment Bad --image=nginx");
    expect(bad.stderr).toMatch(/^error: failed to create deployment: Deployment\.apps "Bad" is invalid: metadata\.name: /);
  });

  it("create service nodeport names the type", async () => {
    const c = cluster();
    await run(c, "create svc nodeport s3 --tcp=80:80 --node-port=30080");
    const r = await run(c, "create svc nodeport s4 --tcp=80:80 --node-port=30080");
    expect(r.stderr).toMatch(/^error: failed to create NodePort service: Service "s4" is invalid: /);
  });

  it("create secret generic has no colon after 'secret'", async () => {
    const c = cluster();
    await run(c, "create secret generic s --from-literal=a=b");
    expect((await run(c, "create secret generic s --from-literal=a=b")).stderr).toBe('error: failed to create secret secrets "s" already exists\n');
  });
});

describe("kubectl create serviceaccount", () => {
  it("creates, prints dry-run yaml, and wraps errors", async () => {
    const c = cluster();
    expect(await run(c, "create sa robot --dry-run=client -o yaml")).toEqual({
      stdout: "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  creationTimestamp: null\n  name: robot\n",
      stderr: "",
      code: 0,
    });
    expect((await run(c, "create serviceaccount robot")).stdout).toBe("serviceaccount/robot created\n");
    expect((await run(c, "create sa robot")).stderr).toBe('error: failed to create serviceaccount: serviceaccounts "robot" already exists\n');
    expect((await run(c, "get sa robot -o name")).stdout).toBe("serviceaccount/robot\n");
  });
});

describe("typed outputs print creationTimestamp: null in the pod template", () => {
  it("create deployment --dry-run=server and set image --dry-run=client", async () => {
    const c = cluster();
    const r = await run(c, "create deployment z --image=nginx --dry-run=server -o yaml");
    expect(r.stdout).toContain("  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: z\n");
    await run(c, "create deployment web --image=nginx");
    const s = await run(c, "set image deploy/web nginx=nginx:1.21 --dry-run=client -o json");
    expect(s.stdout).toContain('"template": {\n            "metadata": {\n                "creationTimestamp": null,\n                "labels": {');
  });
});

describe("list errors name the resource and the selectors", () => {
  it("bad label selector and unsupported field selector", async () => {
    const c = cluster();
    const l = await runKubectl(c, ["get", "pods", "-l", "app in (a"]);
    expect(l.stderr).toMatch(/^Error from server \(BadRequest\): Unable to find "\/v1, Resource=pods" that match label selector "app in \(a", field selector "": /);
    expect(l.code).toBe(1);
    const f = await run(c, "get pods --field-selector foo=bar");
    expect(f.stderr).toBe('Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo\n');
  });

  it("delete, describe, label and wait wrap the same way", async () => {
    const c = cluster();
    const prefix = 'Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "app in (a", field selector "": ';
    for (const verb of [["delete"], ["describe"], ["label", "x=y"], ["wait", "--for=delete"]]) {
      const r = await runKubectl(c, [verb[0], "deployments", ...verb.slice(1), "-l", "app in (a"]);
      expect(r.stderr.startsWith(prefix), `${verb[0]}: ${r.stderr}`).toBe(true);
      expect(r.code).toBe(1);
    }
  });
});

describe("rollout undo and history --revision", () => {
  it("undo copies the target ReplicaSet's change-cause; history prints the whole pod template", async () => {
    const c = cluster();
    await run(c, "create deployment web --image=nginx:1.25 --port=80");
    c.advance(30_000);
    c.runUntilIdle();
    await runKubectl(c, ["annotate", "deploy/web", "kubernetes.io/change-cause=first"]);
    c.advance(5_000);
    c.runUntilIdle();
    await run(c, "set image deploy/web nginx=nginx:1.27");
    c.advance(60_000);
    c.runUntilIdle();
    await runKubectl(c, ["annotate", "deploy/web", "--overwrite", "kubernetes.io/change-cause=second"]);
    c.advance(5_000);
    c.runUntilIdle();
    expect((await run(c, "rollout undo deploy/web")).stdout).toBe("deployment.apps/web rolled back\n");
    c.advance(60_000);
    c.runUntilIdle();
    expect((await run(c, "get deploy web -o yaml")).stdout).toContain("    kubernetes.io/change-cause: first\n");
    expect((await run(c, "rollout history deploy/web")).stdout).toBe("deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         second\n3         first\n\n");
    const h = await run(c, "rollout history deploy/web --revision=2");
    expect(h.stdout).toMatch(/^deployment\.apps\/web with revision #2\nPod Template:\n {2}Labels:\tapp=web\n\tpod-template-hash=\w+\n/);
    expect(h.stdout).toContain(
      "  Containers:\n   nginx:\n    Image:\tnginx:1.27\n    Port:\t80/TCP\n    Host Port:\t0/TCP\n    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n\n",
    );
  });
});

describe("config view, get --raw, run --overrides", () => {
  it("config view --minify and -o jsonpath", async () => {
    const c = cluster();
    const min = await run(c, "config view --minify -o jsonpath={.contexts[*].name}");
    const all = await run(c, "config view -o jsonpath={.current-context}");
    expect(all.code).toBe(0);
    expect(min).toEqual({ stdout: all.stdout, stderr: "", code: 0 });
    const bad = await run(c, "config view --minify --context=nope");
    expect(bad).toEqual({ stdout: "", stderr: "error: cannot locate context nope\n", code: 1 });
  });

  it("get --raw on the health endpoints prints ok without a newline", async () => {
    const c = cluster();
    for (const p of ["/healthz", "/readyz", "/livez"]) expect(await run(c, `get --raw ${p}`)).toEqual({ stdout: "ok", stderr: "", code: 0 });
  });

  it("run --overrides merges into the generated pod", async () => {
    const c = cluster();
    const r = await runKubectl(c, ["run", "p", "--image=nginx", "--dry-run=client", "-o", "yaml", "--overrides", '{"apiVersion":"v1","spec":{"nodeName":"worker-1","restartPolicy":"Never"}}']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("  nodeName: worker-1\n");
    expect(r.stdout).toContain("  restartPolicy: Never\n");
    expect(r.stdout).toContain("  - image: nginx\n    name: p\n");
  });
});
