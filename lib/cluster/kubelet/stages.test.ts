import { describe, expect, it } from "vitest";
import { nextBackoff, STAGE_TABLE } from "./stages";
import { kubeletHarness } from "./testing/harness";

describe("the stage table", () => {
  it("is closed: every next stage has a row", () => {
    const stages = new Set(STAGE_TABLE.map((r) => r.stage));
    for (const row of STAGE_TABLE) for (const n of row.next) expect(stages.has(n), `${row.stage} -> ${n}`).toBe(true);
  });

  it("documents every event the pod worker emits", () => {
    const h = kubeletHarness();
    h.start();
    h.createPod("ok", { containers: [{ name: "a", image: "nginx" }, { name: "b", image: "redis:alpine" }] });
    h.createPod("bad", { containers: [{ name: "c", image: "ngnx" }] });
    h.createPod("crash", { containers: [{ name: "d", image: "busybox:1.37" }] });
    h.createPod("never", { containers: [{ name: "e", image: "httpd", imagePullPolicy: "Never" }] });
    h.createPod("invalid", { containers: [{ name: "f", image: "Nginx" }] });
    h.advance(60_000);
    h.kubectl.delete("pods", "default", "ok");
    h.advance(5_000);
    const templates = STAGE_TABLE.flatMap((r) => r.events).map((e) => new RegExp(`^${e.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/<[a-z]+>/g, ".*")}$`));
    const emitted = h.events.map((e) => `${e.reason}: ${e.message}`);
    expect(emitted.length).toBeGreaterThan(20);
    for (const e of emitted) expect(templates.some((t) => t.test(e)), e).toBe(true);
  });

  it("back-off doubles from 10 s to a 300 s cap", () => {
    const seq: number[] = [];
    let b = 0;
    for (let i = 0; i < 7; i++) seq.push((b = nextBackoff(b)) / 1000);
    expect(seq).toEqual([10, 20, 40, 80, 160, 300, 300]);
  });

  it("pulls the containers of one pod one after another", () => {
    const h = kubeletHarness();
    h.start();
    h.createPod("two", { containers: [{ name: "web", image: "nginx:1.25" }, { name: "cache", image: "redis:alpine" }] });
    h.advance(10_000);
    expect(h.timeline.filter((l) => l.includes("   Normal")).join("\n")).toBe(
      [
        't+1.0s   Normal Pulling: Pulling image "nginx:1.25"',
        't+3.5s   Normal Pulled: Successfully pulled image "nginx:1.25" in 2.48s (2.48s including waiting). Image size: 71021524 bytes.',
        "t+3.8s   Normal Created: Created container web",
        "t+3.8s   Normal Started: Started container web",
        't+3.8s   Normal Pulling: Pulling image "redis:alpine"',
        't+5.0s   Normal Pulled: Successfully pulled image "redis:alpine" in 1.24s (1.24s including waiting). Image size: 17256453 bytes.',
        "t+5.3s   Normal Created: Created container cache",
        "t+5.3s   Normal Started: Started container cache",
      ].join("\n"),
    );
  });
});

describe("serialized image pulls", () => {
  it("a second pod pulling the same image waits for the first pull, then only checks the manifest", () => {
    const h = kubeletHarness();
    h.start();
    h.createPod("a", { containers: [{ name: "nginx", image: "nginx" }] });
    h.createPod("b", { containers: [{ name: "nginx", image: "nginx" }] });
    h.advance(10_000);
    const pulled = h.events.filter((e) => e.reason === "Pulled").map((e) => `${e.object} ${e.message}`);
    expect(pulled).toEqual([
      'pod/a Successfully pulled image "nginx" in 2.51s (2.51s including waiting). Image size: 72195292 bytes.',
      'pod/b Successfully pulled image "nginx" in 450ms (2.96s including waiting). Image size: 72195292 bytes.',
    ]);
  });
});
