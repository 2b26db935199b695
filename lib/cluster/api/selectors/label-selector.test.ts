import { describe, it, expect } from "vitest";
import { formatRequirements, labelSelectorMatches, matchesRequirements, parseLabelSelector } from "./label-selector";

function sel(s: string) {
  const p = parseLabelSelector(s);
  if (!p.ok) throw new Error(p.error);
  return p.requirements;
}

describe("label selectors", () => {
  it("parses equality and set-based requirements", () => {
    const labels = { app: "web", tier: "frontend" };
    expect(matchesRequirements(sel("app=web"), labels)).toBe(true);
    expect(matchesRequirements(sel("app==web,tier=frontend"), labels)).toBe(true);
    expect(matchesRequirements(sel("app!=web"), labels)).toBe(false);
    expect(matchesRequirements(sel("tier in (frontend, backend)"), labels)).toBe(true);
    expect(matchesRequirements(sel("tier notin (frontend)"), labels)).toBe(false);
    expect(matchesRequirements(sel("app"), labels)).toBe(true);
    expect(matchesRequirements(sel("!env"), labels)).toBe(true);
    expect(matchesRequirements(sel(""), labels)).toBe(true);
  });

  it("rejects malformed selectors", () => {
    expect(parseLabelSelector("app in web")).toEqual({ ok: false, error: "unable to parse requirement: found 'web', expected: '('" });
    expect(parseLabelSelector("a b").ok).toBe(false);
    expect(parseLabelSelector("=x").ok).toBe(false);
  });

  it("matches LabelSelector objects: empty selects all, missing selects none", () => {
    expect(labelSelectorMatches({}, { a: "b" })).toBe(true);
    expect(labelSelectorMatches(undefined, { a: "b" })).toBe(false);
    expect(labelSelectorMatches({ matchExpressions: [{ key: "a", operator: "In", values: ["b", "c"] }] }, { a: "c" })).toBe(true);
    expect(formatRequirements(sel("app=web,env in (b,a),!old"))).toBe("app=web,env in (a,b),!old");
  });
});
