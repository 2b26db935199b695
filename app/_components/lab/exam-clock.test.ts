import { describe, expect, it } from "vitest";
import { examClock, formatDuration } from "./exam-clock";

describe("examClock", () => {
  it("counts down in wall time and stops at the limit or when finished", () => {
    expect(examClock(10, 0, undefined, 60_000)).toEqual({ remainingMs: 540_000, over: false, usedMs: 60_000 });
    expect(examClock(10, 0, undefined, 700_000)).toEqual({ remainingMs: 0, over: true, usedMs: 600_000 });
    expect(examClock(10, 0, 120_000, 900_000)).toEqual({ remainingMs: 480_000, over: true, usedMs: 120_000 });
  });
  it("formats like a stopwatch", () => {
    expect([formatDuration(0), formatDuration(299_999), formatDuration(3_909_000)]).toEqual(["0:00", "4:59", "1:05:09"]);
  });
});
