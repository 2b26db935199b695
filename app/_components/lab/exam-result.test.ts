import { describe, expect, it } from "vitest";
import type { ItemGrade, LabGrade } from "@/lib/labs/grade-lab";
import { examResult } from "./exam-result";

const item = (id: string, kind: ItemGrade["kind"], points: number, status: ItemGrade["status"]): ItemGrade => ({ id, kind, text: `Item ${id}`, points, status, checks: [] });
const grade = (items: ItemGrade[]): LabGrade => {
  const total = items.reduce((s, i) => s + i.points, 0);
  const score = items.filter((i) => i.status === "passed").reduce((s, i) => s + i.points, 0);
  return { items, score, total, complete: score === total };
};

describe("examResult", () => {
  it("gives each item its number and the points it earned; failed and unanswered items earn none", () => {
    const r = examResult(grade([item("a", "task", 2, "passed"), item("b", "task", 3, "failed"), item("q", "question", 1, "unanswered")]));
    expect(r.items).toEqual([
      { number: 1, kind: "task", text: "Item a", passed: true, earned: 2, points: 2 },
      { number: 2, kind: "task", text: "Item b", passed: false, earned: 0, points: 3 },
      { number: 3, kind: "question", text: "Item q", passed: false, earned: 0, points: 1 },
    ]);
    expect([r.score, r.total, r.percent, r.passed]).toEqual([2, 6, 33, false]);
  });

  it("passes at 66% and not a fraction below it", () => {
    const at = examResult(grade([item("a", "task", 66, "passed"), item("b", "task", 34, "failed")]));
    expect([at.percent, at.passed]).toEqual([66, true]);
    // 197/300 is 65.67%: rounding would show 66% beside a fail, so the percentage rounds down.
    const below = examResult(grade([item("a", "task", 197, "passed"), item("b", "task", 103, "failed")]));
    expect([below.percent, below.passed]).toEqual([65, false]);
  });

  it("an empty exam scores 0%", () => {
    expect(examResult(grade([])).percent).toBe(0);
  });
});
