import { describe, it, expect } from "vitest";
import { createCluster, restoreCluster } from "../index";
import { podManifest } from "../testing/builders";

const MIN = 60_000;

function reasons(cluster: ReturnType<typeof createCluster>, pod: string): string[] {
  const list = cluster.client().list("events", "default", { fieldSelector: `involvedObject.name=${pod}` });
  if (!list.ok) throw new Error(list.status.message);
  return list.value.items.map((e) => (e as unknown as { reason: string }).reason).sort();
}

describe("event TTL (--event-ttl=1h)", () => {
  it("removes an Event an hour after its last write; a repeating one lives on", () => {
    const cluster = createCluster({ seed: 1 });
    const api = cluster.client();
    expect(api.create("pods", "default", podManifest("web", { image: "nginx" })).ok).toBe(true);
    expect(api.create("pods", "default", podManifest("typo", { image: "nginxx:9.9" })).ok).toBe(true);
    cluster.advance(MIN);
    expect(reasons(cluster, "web")).toEqual(["Created", "Pulled", "Pulling", "Scheduled", "Started"]);
    expect(reasons(cluster, "typo")).toEqual(expect.arrayContaining(["BackOff", "Failed", "Pulling", "Scheduled"]));

    const deleted: string[] = [];
    api.watch("events", "default", {}, (e) => {
      if (e.type === "DELETED") deleted.push((e.object as unknown as { reason: string }).reason);
    });
    cluster.advance(58 * MIN);
    expect(reasons(cluster, "web")).toHaveLength(5);
    cluster.advance(2 * MIN);
    expect(reasons(cluster, "web")).toEqual([]);
    expect(deleted).toContain("Started");
    // The image pull keeps failing: its back-off and failure events are bumped every few minutes, so they stay.
    expect(reasons(cluster, "typo")).toEqual(expect.arrayContaining(["BackOff", "Pulling"]));
    expect(reasons(cluster, "typo")).not.toContain("Scheduled");
  });

  it("a restored cluster expires its events at the same instant", () => {
    const cluster = createCluster({ seed: 2 });
    expect(cluster.client().create("pods", "default", podManifest("web", { image: "nginx" })).ok).toBe(true);
    cluster.advance(30 * MIN);
    const copy = restoreCluster(cluster.snapshot());
    if ("error" in copy) throw new Error(copy.error);
    for (const c of [cluster, copy]) {
      c.advance(29 * MIN);
      expect(reasons(c, "web")).toHaveLength(5);
      c.advance(2 * MIN);
      expect(reasons(c, "web")).toEqual([]);
    }
  });
});
