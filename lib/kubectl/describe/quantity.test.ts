import { describe, expect, it } from "vitest";
import { addQuantity, canonicalQuantity, formatQuantity, milliValue, parseQuantity, quantityValue } from "./quantity";

describe("Quantity canonical form", () => {
  it.each([
    ["100m", "100m"],
    ["0.5", "500m"],
    ["1000m", "1"],
    ["1500", "1500"],
    ["1000", "1k"],
    ["2", "2"],
    ["1024Mi", "1Gi"],
    ["1536Mi", "1536Mi"],
    ["4005020Ki", "4005020Ki"],
    ["18556039957", "18556039957"],
    ["512", "512"],
    ["1Ki", "1Ki"],
    ["0", "0"],
    ["1e3", "1e3"],
    ["128974848", "128974848"],
    ["129e6", "129e6"],
    ["1.5Gi", "1536Mi"],
  ])("%s -> %s", (input, out) => {
    expect(canonicalQuantity(input)).toBe(out);
  });

  it("adds with the first operand's format, a zero taking the other's", () => {
    const sum = addQuantity(parseQuantity("100m")!, parseQuantity("250m")!);
    expect(formatQuantity(sum)).toBe("350m");
    expect(formatQuantity(addQuantity(parseQuantity("0")!, parseQuantity("70Mi")!))).toBe("70Mi");
    expect(formatQuantity(addQuantity(parseQuantity("70Mi")!, parseQuantity("100Mi")!))).toBe("170Mi");
  });

  it("rounds MilliValue and Value up", () => {
    expect(milliValue(parseQuantity("2")!)).toBe(2000);
    expect(quantityValue(parseQuantity("1Ki")!)).toBe(1024);
    expect(quantityValue(parseQuantity("1500m")!)).toBe(2);
  });

  it("rejects garbage", () => {
    expect(parseQuantity("abc")).toBeUndefined();
    expect(canonicalQuantity("abc")).toBe("abc");
  });
});
