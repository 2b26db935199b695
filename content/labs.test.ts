import { describe, expect, it } from "vitest";
import { loadLabs } from "@/lib/content/load-labs.server";
import { verifyLab } from "@/lib/sim/verify-lab";

// The proof, for every lab in the course, none skipped: not solved at start, solved by every reference
// solution typed through the real shell and kubectl, and not solved by any near-miss.
const labs = loadLabs();

describe("labs are proven", () => {
  it("the course has labs", () => {
    expect(labs.length).toBeGreaterThanOrEqual(2);
  });

  for (const { template, file } of labs) {
    it(`${file}`, async () => {
      const report = await verifyLab(template);
      const failures = report.steps.filter((s) => !s.ok).map((s) => `${s.name}\n${s.detail}`);
      expect(failures).toEqual([]);
    }, 120_000);
  }
});
