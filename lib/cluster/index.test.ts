import { describe, it, expect } from "vitest";
import * as cluster from "./index";
import { namespaceManifest, podManifest } from "./testing/builders";

describe("public entry", () => {
  it("exports exactly the public runtime API", () => {
    expect(Object.keys(cluster).sort()).toEqual([
      "DEFAULT_START_TIME",
      "createCluster",
      "deepCopy",
      "formatRequirements",
      "isFsError",
      "labelSelectorMatches",
      "matchesRequirements",
      "parseLabelSelector",
      "requirementsOf",
      "restoreCluster",
    ]);
  });

  it("deletes a namespace with its content end to end (API server + namespace controller)", () => {
    const c = cluster.createCluster();
    const k = c.client();
    k.create("namespaces", undefined, namespaceManifest("dev"));
    k.create("pods", "dev", podManifest("x"));
    c.runUntilIdle();
    const del = k.delete("namespaces", undefined, "dev");
    expect(del.ok && (del.value.status as { phase: string }).phase).toBe("Terminating");
    c.advance(60_000);
    expect(k.get("namespaces", undefined, "dev")).toMatchObject({ ok: false, status: { message: 'namespaces "dev" not found' } });
  });
});
