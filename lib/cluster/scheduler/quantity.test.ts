import { describe, expect, it } from "vitest";
import { isQuantity, quantityMilliValue, quantityValue } from "./quantity";

describe("quantity", () => {
  it("reads cpu in millicores exactly", () => {
    expect(quantityMilliValue("500m")).toBe(500);
    expect(quantityMilliValue("0.1")).toBe(100);
    expect(quantityMilliValue("2")).toBe(2000);
    expect(quantityMilliValue("1.5")).toBe(1500);
    expect(quantityMilliValue("1e3")).toBe(1_000_000);
    expect(quantityMilliValue("250u")).toBe(1); // rounds up, like MilliValue()
  });

  it("reads memory in bytes", () => {
    expect(quantityValue("1Gi")).toBe(1024 ** 3);
    expect(quantityValue("128974848")).toBe(128974848);
    expect(quantityValue("129e6")).toBe(129_000_000);
    expect(quantityValue("129M")).toBe(129_000_000);
    expect(quantityValue("123Mi")).toBe(123 * 1024 * 1024);
    expect(quantityValue("1k")).toBe(1000);
    expect(quantityValue("0.5Gi")).toBe(512 * 1024 * 1024);
  });

  it("rejects what the API would reject", () => {
    expect(isQuantity("1GB")).toBe(false);
    expect(isQuantity("abc")).toBe(false);
    expect(isQuantity("")).toBe(false);
    expect(quantityValue("2 cpus")).toBeUndefined();
    expect(isQuantity("+1.5Ki")).toBe(true);
  });
});
