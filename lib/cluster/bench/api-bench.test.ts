import { describe, it, expect } from "vitest";
import { runApiBench } from "./api-bench";

describe("API server performance budget", () => {
  it("lists 1,000 pods in <= 1 ms (median) and holds 5,000 pods in <= 100 MB", () => {
    const r = runApiBench({ now: () => performance.now(), heapUsed: () => process.memoryUsage().heapUsed, gc: (globalThis as { gc?: () => void }).gc });
    expect(r.list1000MedianMs).toBeLessThanOrEqual(1);
    expect(r.memory5000Mb).toBeLessThanOrEqual(100);
  });
});
