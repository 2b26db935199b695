/**
 * Oracle comparisons: our kubectl against the real kubectl v1.32 binary for everything that needs no API server
 * (help texts, flag errors, usage errors, --dry-run=client generators). The binary is extracted on first use;
 * if that fails the tests fail (never skipped).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { realKubectlPath, runRealKubectl } from "./oracle/real-kubectl.mjs";
import { fakeCluster } from "./testing/fake-cluster";
import { runKubectl } from "./testing/run-kubectl";

beforeAll(() => {
  expect(realKubectlPath()).toMatch(/kubectl$/);
}, 120_000);

const FILES: Record<string, string> = {
  "/root/d/a.txt": "hello\n",
  "/root/d/b.env": "x=1\n",
  "/root/e.env": "# comment\nA=1\n\nB=two words\n",
  "/root/bad.env": "B = 2\n",
};

let realCwd = "";
beforeAll(() => {
  // The real binary reads the same files from a temp dir standing in for /root.
  realCwd = mkdtempSync(join(tmpdir(), "kubectl-oracle-"));
  for (const [path, content] of Object.entries(FILES)) {
    const p = join(realCwd, path.replace(/^\/root\//, ""));
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
});

/** klog headers carry wall-clock time and a pid: compare them as a shape. */
const normalizeKlog = (s: string) => s.replace(/^([WEI])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, "$1MMDD hh:mm:ss.uuuuuu PID ");

async function compare(args: string[]) {
  const real = runRealKubectl(args, { cwd: realCwd });
  const ours = await runKubectl(fakeCluster(FILES), args);
  expect({ stdout: ours.stdout, stderr: normalizeKlog(ours.stderr), code: ours.code }, `kubectl ${args.join(" ")}`).toEqual({
    stdout: real.stdout,
    stderr: normalizeKlog(real.stderr),
    code: real.code,
  });
}

const FLAG_CASES: string[][] = [
  ["get", "--foo"],
  ["get", "pods", "-x"],
  ["get", "pods", "-n"],
  ["get", "pods", "--namespace"],
  ["get", "pods", "---x"],
  ["get", "pods", "-w=maybe"],
  ["get", "pods", "-nkube-system", "--nope"],
  ["create", "deployment", "x", "--image=nginx", "--replicas=abc"],
  ["create", "deployment", "x", "--image=nginx", "-r", "abc"],
  ["create", "deployment", "x", "--image=nginx", "--port=80x"],
  ["delete", "pod", "x", "--grace-period=abc"],
  ["wait", "--timeout=5", "pod/x"],
  ["version", "--foo"],
  ["--foo", "get"],
  ["-n"],
  ["run", "nginx4", "--image=nginx", "--replicas=3"],
  ["create", "replicaset", "x", "--image=nginx"],
  ["run", "noimage"],
  ["create", "deployment"],
  ["scale", "rs", "x"],
];

const COMMAND_CASES: string[][] = [
  [],
  ["foo"],
  ["gte"],
  ["zzzzzz"],
  ["--namespace=x"],
  ["rollout"],
  ["rollout", "foo"],
  ["rollout", "x", "y"],
  ["config", "foo"],
  ["set", "imag"],
  ["create", "secret", "foo"],
  ["create", "service"],
  ["set"],
  ["config"],
  ["top"],
  ["certificate"],
  ["create"],
  ["create", "rs", "x"],
  ["create", "deploymnt", "x"],
  ["get", "--help"],
  ["get", "-h"],
  ["create", "deployment", "-h"],
  ["k8s-fake-plugin-not-here"],
];

const GENERATOR_CASES: string[][] = [
  ["create", "deployment", "web", "--image=nginx", "--dry-run=client", "-o", "yaml"],
  ["create", "deployment", "web", "--image=nginx", "--dry-run=client"],
  ["create", "deployment", "web", "--image=nginx", "--dry-run=client", "-o", "name"],
  ["create", "deploy", "web3", "--image=nginx", "--image=redis", "--dry-run=client", "-o", "yaml"],
  ["create", "deployment", "x", "--image=registry.k8s.io/e2e-test-images/nginx:1.15-4", "--port=80", "-r", "3", "--dry-run=client", "-o", "yaml"],
  ["create", "deployment", "x", "--image=nginx", "--port=80", "-r", "2", "--dry-run=client", "-o", "json"],
  ["create", "deployment", "x", "--image=nginx", "-n", "dev", "--dry-run=client", "-o", "yaml"],
  ["create", "deployment", "x", "--image=nginx", "-n", "dev", "--dry-run=client", "-o", "json"],
  ["create", "deployment", "--image=nginx"],
  ["create", "deployment", "a", "b", "--image=nginx"],
  ["create", "deployment", "x", "--image=nginx", "--dry-run", "-o", "yaml"],
  ["create", "deployment", "x", "--image=nginx", "--dry-run=bogus"],
  ["create", "deployment", "x", "--image=nginx", "--dry-run=client", "-o", "bogus"],
  ["create", "deployment", "x", "--image=nginx", "--dry-run=client", "-o", "jsonpath={.spec.replicas}"],
  ["create", "namespace", "dev", "--dry-run=client", "-o", "yaml"],
  ["create", "ns", "dev", "--dry-run=client", "-o", "json"],
  ["create", "ns"],
  ["create", "service", "clusterip", "redis", "--tcp=6379:6379", "--dry-run=client", "-o", "yaml"],
  ["create", "service", "nodeport", "webapp", "--tcp=80:8080", "--node-port=30080", "--dry-run=client", "-o", "yaml"],
  ["create", "service", "clusterip", "redis", "--dry-run=client", "-o", "yaml"],
  ["create", "service", "clusterip", "h", "--clusterip=None", "--dry-run=client", "-o", "yaml"],
  ["create", "service", "clusterip", "h", "--tcp=80", "--tcp=443:8443", "--dry-run=client", "-o", "yaml"],
  ["create", "service", "clusterip", "h", "--tcp=abc", "--dry-run=client", "-o", "yaml"],
  ["create", "svc", "loadbalancer", "lb", "--tcp=80:80", "--dry-run=client", "-o", "json"],
  ["create", "service", "externalname", "ex", "--external-name=foo.com", "--dry-run=client", "-o", "yaml"],
  ["create", "configmap", "c", "--from-literal=a=b", "--from-literal=z=1", "--dry-run=client", "-o", "yaml"],
  ["create", "cm", "c", "--from-literal=a=b", "--from-literal=a=c", "--dry-run=client", "-o", "yaml"],
  ["create", "cm", "c", "--from-literal=ab", "--dry-run=client", "-o", "yaml"],
  ["create", "cm", "c", "--from-file=d", "--dry-run=client", "-o", "yaml"],
  ["create", "cm", "c", "--from-file=k=d/a.txt", "--dry-run=client", "-o", "json"],
  ["create", "cm", "c", "--from-file=nope", "--dry-run=client", "-o", "yaml"],
  ["create", "cm", "c", "--from-env-file=e.env", "--dry-run=client", "-o", "yaml"],
  ["create", "cm", "c", "--from-env-file=bad.env", "--dry-run=client", "-o", "yaml"],
  ["create", "cm", "c", "-n", "dev", "--dry-run=client", "-o", "yaml"],
  ["create", "secret", "generic", "s", "--from-literal=password=s3cr3t!", "--from-literal=user=admin", "--dry-run=client", "-o", "yaml"],
  ["create", "secret", "generic", "s", "--from-file=d/a.txt", "--type=kubernetes.io/tls", "--dry-run=client", "-o", "yaml"],
  ["create", "secret", "generic", "s", "--dry-run=client", "-o", "json"],
];

describe("kubectl vs the real kubectl v1.32 (offline)", () => {
  it.each(FLAG_CASES.map((a) => [a.join(" "), a]))("flag parsing: kubectl %s", async (_l, args) => {
    await compare(args as string[]);
  });
  it.each(COMMAND_CASES.map((a) => [a.join(" "), a]))("commands and help: kubectl %s", async (_l, args) => {
    await compare(args as string[]);
  });
  it.each(GENERATOR_CASES.map((a) => [a.join(" "), a]))("generators: kubectl %s", async (_l, args) => {
    await compare(args as string[]);
  });
});
