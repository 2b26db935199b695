/** Random argument vectors (seeded) never make kubectl throw, hang, or return an invalid exit code. */
import { describe, expect, it } from "vitest";
import { createCluster } from "../cluster/index";
import { commandTable } from "./command-table";
import { runKubectl } from "./testing/run-kubectl";

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = ["pods", "pod/x", "po", "deploy", "svc", "nodes", "node01", "all", "x", "nginx", "-", "--", "", "=", "a=b", "a-", "rs,svc", "kube-system", "1", "-1", "0x1f", "true", "yaml", "json", "name", "jsonpath={.a}", "{", "/", "NoSchedule", "k=v:NoSchedule", "💥", "--image=nginx", "-f", "pod.yaml", "-", "status", "history"];
const FLAGS = ["-n", "-o", "-l", "-A", "-w", "-it", "-nfoo", "--all", "--force", "--grace-period=0", "--dry-run", "--dry-run=client", "--replicas=2", "--port", "--selector=a=b", "--for=delete", "--timeout=1s", "--x", "-Z", "--output=wide", "--help", "-h", "--to-revision=1", "--overwrite", "--cascade=orphan", "--tcp=80"];

describe("kubectl fuzz", () => {
  it("never throws on random argument vectors", async () => {
    const cluster = createCluster({ seed: 3 });
    cluster.fs("controlplane")?.writeFile("/root/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: fz\nspec:\n  containers:\n  - name: c\n    image: nginx\n");
    const verbs = [...commandTable().values()].map((e) => e.path);
    const r = rng(42);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
    for (let i = 0; i < 400; i++) {
      const argv = [...pick(verbs)];
      const n = Math.floor(r() * 6);
      for (let j = 0; j < n; j++) argv.push(r() < 0.5 ? pick(WORDS) : pick(FLAGS));
      const res = await runKubectl(cluster, argv, { stdin: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: fz\n" });
      expect([0, 1], argv.join(" ")).toContain(res.code);
      expect(res.stderr, argv.join(" ")).not.toContain("internal simulator error");
    }
  }, 120_000);
});
