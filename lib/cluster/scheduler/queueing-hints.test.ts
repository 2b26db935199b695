import { describe, expect, it } from "vitest";
import { makeNode, makePod } from "./builders";
import { newNodeInfo } from "./node-info";
import { backoffMs, isSchedulableAfter, nextFlushAt } from "./queueing-hints";

describe("back-off and flush", () => {
  it("doubles from 1 s to at most 10 s", () => {
    expect([1, 2, 3, 4, 5, 6].map(backoffMs)).toEqual([1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it("retries on the first 30 s tick more than five minutes after the failure", () => {
    expect(nextFlushAt(0, 0)).toBe(330_000);
    expect(nextFlushAt(0, 1_000)).toBe(330_000);
    expect(nextFlushAt(0, 45_000)).toBe(360_000);
  });
});

describe("queueing hints", () => {
  it("retries a resource-starved pod when a bound pod goes away, not a taint-blocked one", () => {
    expect(isSchedulableAfter(makePod("p"), new Set(["NodeResourcesFit"]), { kind: "AssignedPodDelete" })).toBe(true);
    expect(isSchedulableAfter(makePod("p"), new Set(["TaintToleration"]), { kind: "AssignedPodDelete" })).toBe(false);
  });

  it("retries on a node change only when it makes a rejecting plugin pass", () => {
    const pod = makePod("p", { spec: { nodeSelector: { disk: "ssd" } } });
    const before = newNodeInfo(makeNode("node01"), []);
    const labelled = newNodeInfo(makeNode("node01", { labels: { disk: "ssd" } }), []);
    const other = newNodeInfo(makeNode("node01", { labels: { team: "a" } }), []);
    expect(isSchedulableAfter(pod, new Set(["NodeAffinity"]), { kind: "NodeUpdate", old: before, node: labelled })).toBe(true);
    expect(isSchedulableAfter(pod, new Set(["NodeAffinity"]), { kind: "NodeUpdate", old: before, node: other })).toBe(false);
    expect(isSchedulableAfter(pod, new Set(["NodeAffinity"]), { kind: "NodeAdd", node: labelled })).toBe(true);
    expect(isSchedulableAfter(pod, new Set(["NodeAffinity"]), { kind: "NodeUpdate", old: labelled, node: labelled })).toBe(false);
  });
});
