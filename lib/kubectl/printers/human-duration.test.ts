import { describe, expect, it } from "vitest";
import { humanDuration, parseTimestamp, translateTimestampSince } from "./human-duration";

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

describe("humanDuration (apimachinery duration.HumanDuration)", () => {
  it.each([
    [-2 * S, "<invalid>"],
    [-1999, "0s"],
    [-1 * S, "0s"],
    [0, "0s"],
    [999, "0s"],
    [96 * S, "96s"],
    [119 * S + 999, "119s"],
    [120 * S, "2m"],
    [125 * S, "2m5s"],
    [301 * S, "5m1s"],
    [9 * M + 59 * S, "9m59s"],
    [10 * M, "10m"],
    [10 * M + 59 * S, "10m"],
    [121 * M, "121m"],
    [179 * M + 59 * S, "179m"],
    [3 * H, "3h"],
    [3 * H + 5 * M, "3h5m"],
    [7 * H + 59 * M + 59 * S, "7h59m"],
    [8 * H, "8h"],
    [47 * H + 59 * M, "47h"],
    [48 * H, "2d"],
    [3 * D + 2 * H, "3d2h"],
    [7 * D + 23 * H + 59 * M, "7d23h"],
    [8 * D, "8d"],
    [729 * D, "729d"],
    [2 * Y, "2y"],
    [2 * Y + 30 * D, "2y30d"],
    [7 * Y + 364 * D, "7y364d"],
    [8 * Y, "8y"],
    [8 * Y + 100 * D, "8y"],
  ])("%i ms -> %s", (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

describe("translateTimestampSince", () => {
  const now = Date.parse("2026-11-25T10:00:00Z");
  it("is the age of an RFC 3339 timestamp at virtual time now", () => {
    expect(translateTimestampSince("2026-11-25T09:54:59Z", now)).toBe("5m1s");
  });
  it("prints <unknown> for a missing or null timestamp", () => {
    expect(translateTimestampSince(undefined, now)).toBe("<unknown>");
    expect(translateTimestampSince(null, now)).toBe("<unknown>");
    expect(translateTimestampSince("", now)).toBe("<unknown>");
  });
  it("prints <invalid> for timestamps more than a second in the future", () => {
    expect(translateTimestampSince("2026-11-25T10:00:05Z", now)).toBe("<invalid>");
  });
});

describe("parseTimestamp (remembered per string)", () => {
  it("gives the same answer the second time, for good and bad timestamps alike", () => {
    for (let round = 0; round < 2; round++) {
      expect(parseTimestamp("2026-11-25T10:00:00Z")).toBe(Date.UTC(2026, 10, 25, 10));
      expect(parseTimestamp("2026-11-25T09:47:50.000000Z")).toBe(Date.UTC(2026, 10, 25, 9, 47, 50));
      expect(parseTimestamp("not a time")).toBeUndefined();
      expect(parseTimestamp("")).toBeUndefined();
      expect(parseTimestamp(null)).toBeUndefined();
    }
  });
});
