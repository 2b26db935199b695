import { describe, it, expect } from "vitest";
import { jsonLengthUpperBound, toJson } from "./object-util";

describe("toJson", () => {
  it("copies JSON, drops undefined members, and refuses what JSON cannot carry", () => {
    const shared = { a: 1 };
    const body = { x: [1, undefined, "s"], y: undefined, z: { shared, again: shared } };
    const r = toJson(body);
    expect(r).toEqual({ ok: true, value: { x: [1, null, "s"], z: { shared: { a: 1 }, again: { a: 1 } } } });
    expect(r.ok && r.value).not.toBe(body);
    const cyclic: Record<string, unknown> = { a: {} };
    (cyclic.a as Record<string, unknown>).back = cyclic;
    expect(toJson(cyclic)).toEqual({ ok: false, error: "unsupported value: encountered a cycle" });
    expect(toJson({ n: Number.NaN })).toEqual({ ok: false, error: "unsupported value: NaN" });
    expect(toJson({ f: () => 1 })).toEqual({ ok: false, error: "unsupported type: function" });
    expect(toJson({ d: new Date(0) })).toEqual({ ok: false, error: "unsupported type: not a JSON object" });
  });
});

describe("jsonLengthUpperBound", () => {
  it("is never below the serialized length", () => {
    const samples = [null, true, 1.5e300, -0.000001, "", 'quote " and \\ and \n and \u0001 and é', [], {}, { "k\"ey": ["a", { b: null }] }];
    for (const s of samples) expect(jsonLengthUpperBound(s as never)).toBeGreaterThanOrEqual(JSON.stringify(s).length);
  });
});
