/** Texts checked against the real kubectl v1.32 binary (lib/serve/differential) for the verbs fixed together. */
import { describe, expect, it } from "vitest";
import { createCluster, type Cluster } from "../../cluster/index";
import { runKubectl } from "../testing/run-kubectl";

const POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\n  labels:\n    app: solo\nspec:\n  containers:\n  - name: main\n    image: busybox\n    command: [\"sleep\", \"3600\"]\n";

async function cluster(): Promise<Cluster> {
  const c = createCluster({ seed: 7 });
  const fs = c.fs(c.hosts()[0])!;
  fs.mkdir("/root", { parents: true });
  fs.writeFile("/root/pod.yaml", POD);
  fs.writeFile("/root/pod-image.yaml", POD.replace("image: busybox", "image: busybox:1.36"));
  c.advance(30_000);
  c.runUntilIdle();
  return c;
}

const run = (c: Cluster, line: string, tty = false) => runKubectl(c, line.split(" "), { tty });

describe("kubectl apply sends a three-way strategic merge patch", () => {
  it("changing only the image configures the pod and keeps the defaulted fields", async () => {
    const c = await cluster();
    expect((await run(c, "apply -f pod.yaml")).stdout).toBe("pod/solo created\n");
    const again = await run(c, "apply -f pod-image.yaml");
    expect(again).toEqual({ stdout: "pod/solo configured\n", stderr: "", code: 0 });
    const image = await runKubectl(c, ["get", "pod", "solo", "-o", "jsonpath={.spec.containers[0].image} {.spec.containers[0].imagePullPolicy} {.metadata.namespace}"]);
    // imagePullPolicy was defaulted from the untagged image and survives: the patch does not replace the container.
    expect(image.stdout).toBe("busybox:1.36 Always default");
    expect((await run(c, "apply -f pod-image.yaml")).stdout).toBe("pod/solo unchanged\n");
  });

  it("the last-applied annotation holds annotations {} and the namespace kubectl filled in", async () => {
    const c = await cluster();
    const r = await run(c, "apply -f pod.yaml --dry-run=client -o yaml");
    expect(r.stdout).toContain(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"app":"solo"},"name":"solo","namespace":"default"},"spec":{"containers":[{"command":["sleep","3600"],"image":"busybox","name":"main"}]}}',
    );
    expect(r.stdout).toContain("  namespace: default\n");
  });
});

describe("kubectl patch", () => {
  it("patches, reports no change, and words its errors as kubectl does", async () => {
    const c = await cluster();
    await run(c, "apply -f pod.yaml");
    const p = (patch: string, ...rest: string[]) => runKubectl(c, ["patch", "pod", "solo", "-p", patch, ...rest]);
    expect((await p('{"metadata":{"labels":{"x":"y"}}}')).stdout).toBe("pod/solo patched\n");
    expect((await p('{"metadata":{"labels":{"x":"y"}}}')).stdout).toBe("pod/solo patched (no change)\n");
    expect((await p('{"spec":{"containers":[{"name":"main","image":"busybox:1.37"}]}}')).stdout).toBe("pod/solo patched\n");
    expect((await p('[{"op":"replace","path":"/spec/containers/0/image","value":"busybox:1.36"}]', "--type=json")).stdout).toBe("pod/solo patched\n");
    expect((await p("{}", "--type=foo")).stderr).toBe('error: --type must be one of [json merge strategic], not "foo"\n');
    expect((await run(c, "patch pod solo")).stderr).toBe("error: must specify --patch or --patch-file containing the contents of the patch\n");
    expect((await runKubectl(c, ["patch", "pod", "nope", "-p", "{}"])).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});

describe("argument and error texts", () => {
  it("logs: usage, NotFound and a bad container", async () => {
    const c = await cluster();
    await run(c, "apply -f pod.yaml");
    expect((await run(c, "logs")).stderr).toBe(
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
    );
    expect((await run(c, "logs nope")).stderr).toBe('error: error from server (NotFound): pods "nope" not found in namespace "default"\n');
    expect((await run(c, "logs solo -c nope")).stderr).toBe("error: container nope is not valid for pod solo\n");
  });

  it("label --list, and several --overwrite conflicts print one per line without error:", async () => {
    const c = await cluster();
    await run(c, "apply -f pod.yaml");
    await run(c, "run other --image=nginx --labels=app=other");
    expect((await run(c, "label pod solo --list")).stdout).toBe("app=solo\n");
    const r = await run(c, "label pods --all app=x");
    expect(r.stderr).toBe("'app' already has a value (other), and --overwrite is false\n'app' already has a value (solo), and --overwrite is false\n");
    expect(r.code).toBe(1);
  });

  it("get -o yaml of a missing object prints only the error; describe with no type says so", async () => {
    const c = await cluster();
    expect(await run(c, "get pods nope -o yaml")).toEqual({ stdout: "", stderr: 'Error from server (NotFound): pods "nope" not found\n', code: 1 });
    expect((await run(c, "describe")).stderr).toBe('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n');
  });

  it("cluster-info colours only on a terminal", async () => {
    const c = await cluster();
    expect((await run(c, "cluster-info")).stdout).toMatch(/^Kubernetes control plane is running at https:\/\//);
    expect((await run(c, "cluster-info", true)).stdout).toMatch(/^\x1b\[0;32mKubernetes control plane\x1b\[0m/);
  });
});
