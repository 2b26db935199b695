import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createCluster, restoreCluster, type Cluster } from "../index";
import { ParsedFiles } from "./parsed-files";

const MANIFEST = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    command: [nginx, -g, 'daemon off;']\n";

function schedulerPod(c: Cluster) {
  const got = c.client().get("pods", "kube-system", "kube-scheduler-controlplane");
  return got.ok ? got.value : undefined;
}

describe("ParsedFiles", () => {
  it("answers as yaml.parse does, with a fresh copy each time, and keeps only plain JSON documents", () => {
    const files = new ParsedFiles();
    const first = files.parse(MANIFEST) as { metadata: { name: string } };
    expect(first).toEqual(parse(MANIFEST));
    first.metadata.name = "changed";
    expect(files.parse(MANIFEST)).toEqual(parse(MANIFEST));
    // .inf has no JSON form: a snapshot could not give it back, so it is parsed every time instead.
    expect(files.parse("limit: .inf\n")).toEqual({ limit: Number.POSITIVE_INFINITY });
    expect(Object.keys(files.save())).toEqual([MANIFEST]);
    expect(() => files.parse("a: [")).toThrow();
  });

  it("ride along in a snapshot, and a restored cluster runs the same static pods from them", () => {
    const c = createCluster({ seed: 3 });
    const snap = JSON.parse(JSON.stringify(c.snapshot()));
    const texts = Object.keys(snap.parsedFiles);
    expect(texts.some((t) => t.includes("name: kube-scheduler\n"))).toBe(true);
    expect(texts.some((t) => t.includes("staticPodPath: /etc/kubernetes/manifests"))).toBe(true);
    const restored = restoreCluster(snap);
    if ("error" in restored) throw new Error(restored.error);
    expect(schedulerPod(restored)).toEqual(schedulerPod(c));
    // Old or damaged snapshots without usable entries restore the same cluster, parsing the files again.
    const damaged = restoreCluster({ ...JSON.parse(JSON.stringify(c.snapshot())), parsedFiles: "junk" });
    if ("error" in damaged) throw new Error(damaged.error);
    expect(JSON.stringify(damaged.snapshot())).toBe(JSON.stringify(restored.snapshot()));
  });

  it("an edited manifest in a restored cluster is read from its new text", () => {
    const c = createCluster({ seed: 3 });
    const restored = restoreCluster(JSON.parse(JSON.stringify(c.snapshot())));
    if ("error" in restored) throw new Error(restored.error);
    const fs = restored.fs("controlplane")!;
    const path = "/etc/kubernetes/manifests/kube-scheduler.yaml";
    const text = fs.readFile(path) as string;
    fs.writeFile(path, text.replace("- --bind-address=127.0.0.1", "- --bind-address=127.0.0.1\n    - --v=2"));
    restored.advance(60_000);
    const cmd = (schedulerPod(restored)?.spec as { containers: { command: string[] }[] }).containers[0].command;
    expect(cmd).toContain("--v=2");
  });
});
