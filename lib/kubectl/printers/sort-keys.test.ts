import { describe, expect, it } from "vitest";
import { sortKeys } from "./sort-keys";

describe("sortKeys", () => {
  it("orders keys as Go's encoders do (UTF-16 code units: digits, upper case, lower case, then the rest)", () => {
    expect(sortKeys(["name", "Z", "app.kubernetes.io/name", "10", "9", "é", "_x", "a-b", "a"])).toEqual(["10", "9", "Z", "_x", "a", "a-b", "app.kubernetes.io/name", "name", "é"]);
  });

  it("gives the default sort order for short and long key lists alike", () => {
    const keys = Array.from({ length: 40 }, (_, i) => `k${(i * 7919) % 97}${String.fromCharCode(65 + ((i * 31) % 58))}`);
    for (const n of [0, 1, 2, 5, 16, 17, 40]) expect(sortKeys(keys.slice(0, n))).toEqual(keys.slice(0, n).sort());
  });
});
