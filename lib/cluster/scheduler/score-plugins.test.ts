import { describe, expect, it } from "vitest";
import { makeNode, makePod } from "./builders";
import { buildNodeInfos } from "./node-info";
import { balancedAllocation, defaultNormalizeScore, imageLocality, leastAllocated, normalizedImageName, podTopologySpreadScore, taintTolerationScore } from "./score-plugins";

const MB = 1024 * 1024;

describe("defaultNormalizeScore", () => {
  it("scales to the highest score, reversed for 'fewer is better'", () => {
    expect(defaultNormalizeScore([0, 5, 10], false)).toEqual([0, 50, 100]);
    expect(defaultNormalizeScore([0, 5, 10], true)).toEqual([100, 50, 0]);
    expect(defaultNormalizeScore([0, 0], true)).toEqual([100, 100]);
    expect(defaultNormalizeScore([0, 0], false)).toEqual([0, 0]);
    expect(defaultNormalizeScore([1, 3], false)).toEqual([33, 100]);
  });
});

describe("NodeResourcesFit LeastAllocated", () => {
  it("counts 100m / 200Mi for containers without requests", () => {
    const nodes = buildNodeInfos([makeNode("node01", { cpu: "1", memory: "1000Mi" })], [makePod("a", { nodeName: "node01" })]);
    // cpu: (1000 - 200) / 1000 -> 80; memory: (1000Mi - 400Mi) / 1000Mi -> 60; mean 70.
    expect(leastAllocated.score({ pod: makePod("p"), feasible: nodes, all: nodes })).toEqual([70]);
  });

  it("scores an over-committed resource 0", () => {
    const nodes = buildNodeInfos([makeNode("node01", { cpu: "1", memory: "1000Mi" })], []);
    expect(leastAllocated.score({ pod: makePod("p", { cpu: "2", memory: "500Mi" }), feasible: nodes, all: nodes })).toEqual([25]);
  });
});

describe("NodeResourcesBalancedAllocation", () => {
  it("uses exact requests and prefers equal cpu and memory fractions", () => {
    const nodes = buildNodeInfos(
      [makeNode("node01", { cpu: "4", memory: "8Gi" }), makeNode("node02", { cpu: "4", memory: "8Gi" })],
      [makePod("a", { nodeName: "node01", cpu: "2" }), makePod("b", { nodeName: "node02", cpu: "2", memory: "4Gi" })],
    );
    expect(balancedAllocation.score({ pod: makePod("p"), feasible: nodes, all: nodes })).toEqual([75, 100]);
  });
});

describe("TaintToleration score", () => {
  it("counts untolerated PreferNoSchedule taints only", () => {
    const nodes = buildNodeInfos(
      [
        makeNode("a", { taints: [{ key: "x", effect: "PreferNoSchedule" }, { key: "y", effect: "PreferNoSchedule" }] }),
        makeNode("b", { taints: [{ key: "x", effect: "PreferNoSchedule" }] }),
        makeNode("c"),
      ],
      [],
    );
    expect(taintTolerationScore.score({ pod: makePod("p"), feasible: nodes, all: nodes })).toEqual([0, 50, 100]);
    const tolerant = makePod("p", { spec: { tolerations: [{ key: "y", operator: "Exists" }] } });
    expect(taintTolerationScore.score({ pod: tolerant, feasible: nodes, all: nodes })).toEqual([0, 0, 100]);
  });
});

describe("ImageLocality", () => {
  it("normalizes a missing tag to :latest and nothing else", () => {
    expect(normalizedImageName("nginx")).toBe("nginx:latest");
    expect(normalizedImageName("nginx:1.27")).toBe("nginx:1.27");
    expect(normalizedImageName("localhost:5000/app")).toBe("localhost:5000/app:latest");
  });

  it("scores by image size scaled by its spread over the nodes", () => {
    const nodes = buildNodeInfos([makeNode("node01", { images: [{ names: ["nginx:latest"], sizeBytes: 500 * MB }] }), makeNode("node02")], []);
    // 500 MB on 1 of 2 nodes -> 250 MB; (250 - 23) / (1000 - 23) -> 23.
    expect(imageLocality.score({ pod: makePod("p"), feasible: nodes, all: nodes })).toEqual([23, 0]);
  });
});

describe("PodTopologySpread score", () => {
  it("is skipped for a pod nothing selects", () => {
    const nodes = buildNodeInfos([makeNode("node01"), makeNode("node02")], []);
    expect(podTopologySpreadScore.score({ pod: makePod("p"), feasible: nodes, all: nodes })).toBeUndefined();
  });

  it("honours explicit ScheduleAnyway constraints and ignores nodes without the topology key", () => {
    const nodes = buildNodeInfos(
      [makeNode("node01", { labels: { zone: "a" } }), makeNode("node02", { labels: { zone: "b" } }), makeNode("node03")],
      [makePod("x", { nodeName: "node01", labels: { app: "db" } })],
    );
    const pod = makePod("p", {
      labels: { app: "db" },
      spec: { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: { app: "db" } } }] },
    });
    // zone a holds 1 matching pod: raw round(1 * ln(4)) = 1, zone b 0; normalized 100*(1+0-s)/1.
    expect(podTopologySpreadScore.score({ pod, feasible: nodes, all: nodes })).toEqual([0, 100, 0]);
  });
});
