import { describe, expect, it } from "vitest";
import { humanDuration, timestampSince } from "./human-duration";

const s = (n: number) => n * 1000;

describe("humanDuration (duration.HumanDuration)", () => {
  it.each([
    [-2, "<invalid>"],
    [-1, "0s"],
    [0, "0s"],
    [119, "119s"],
    [120, "2m"],
    [150, "2m30s"],
    [599, "9m59s"],
    [600, "10m"],
    [179 * 60 + 59, "179m"],
    [3 * 3600, "3h"],
    [3 * 3600 + 5 * 60 + 59, "3h5m"],
    [8 * 3600, "8h"],
    [47 * 3600 + 3599, "47h"],
    [48 * 3600, "2d"],
    [2 * 86400 + 5 * 3600, "2d5h"],
    [8 * 86400, "8d"],
    [729 * 86400, "729d"],
    [730 * 86400, "2y"],
    [760 * 86400, "2y30d"],
    [9 * 365 * 86400, "9y"],
  ])("%i seconds -> %s", (seconds, text) => {
    expect(humanDuration(s(seconds))).toBe(text);
  });

  it("truncates sub-second remainders", () => {
    expect(humanDuration(1999)).toBe("1s");
  });

  it("prints <unknown> for a missing timestamp", () => {
    expect(timestampSince(undefined, 0)).toBe("<unknown>");
    expect(timestampSince("2026-11-25T10:00:00Z", Date.parse("2026-11-25T10:01:05Z"))).toBe("65s");
  });
});
