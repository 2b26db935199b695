import { describe, it, expect } from "vitest";
import { applyCompletion, registerCompleter } from "./complete";
import { harness } from "./testing/harness";

describe("complete", () => {
  it("completes command names, files, directories and $VARS", async () => {
    const h = harness();
    await h.run("mkdir -p /root/manifests && touch /root/manifests/pod.yaml /root/manifests/pv.yaml /root/notes.txt");
    expect(h.shell.complete("syst", 4).candidates).toEqual(["systemctl"]);
    expect(h.shell.complete("cat man", 7)).toEqual({ start: 4, end: 7, candidates: ["manifests/"] });
    expect(h.shell.complete("cat manifests/p", 15).candidates).toEqual(["manifests/pod.yaml", "manifests/pv.yaml"]);
    expect(h.shell.complete("cd /et", 6).candidates).toEqual(["/etc/"]);
    expect(h.shell.complete("echo $HOS", 9).candidates).toEqual(["$HOSTNAME"]);
    expect(h.shell.complete("ls | gr", 7).candidates).toEqual(["grep"]);
    expect(h.shell.complete("ssh no", 6).candidates).toEqual(["node01"]);
  });

  it("uses registered completers, through aliases", () => {
    const off = registerCompleter("kubectl", (ctx) => (ctx.words.length === 1 ? ["get", "describe", "delete"] : ["pods", "nodes"]));
    try {
      const h = harness();
      expect(h.shell.complete("k de", 4).candidates).toEqual(["delete", "describe"]);
      expect(h.shell.complete("kubectl get p", 13).candidates).toEqual(["pods"]);
    } finally {
      off();
    }
  });

  it("applies a completion like bash", () => {
    expect(applyCompletion("cat man", 7, { start: 4, end: 7, candidates: ["manifests/"] })).toEqual({ line: "cat manifests/", cursor: 14 });
    expect(applyCompletion("k g", 3, { start: 2, end: 3, candidates: ["get"] })).toEqual({ line: "k get ", cursor: 6 });
    expect(applyCompletion("cat p", 5, { start: 4, end: 5, candidates: ["pod.yaml", "pv.yaml"] })).toEqual({ line: "cat p", cursor: 5 });
    expect(applyCompletion("cat m", 5, { start: 4, end: 5, candidates: ["mod-a", "mod-b"] })).toEqual({ line: "cat mod-", cursor: 8 });
  });
});
