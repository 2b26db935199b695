import { z } from "zod";
import type { LabGrade } from "@/lib/labs/grade-lab";

/** The CKA's pass mark, in percent. */
export const PASS_PERCENT = 66;

export const ExamItemResultSchema = z.object({
  /** The item's number in the task list (1-based), as the panel shows it. */
  number: z.number().int().min(1),
  kind: z.enum(["task", "question"]),
  text: z.string(),
  passed: z.boolean(),
  earned: z.number().min(0),
  points: z.number().min(0),
});
export type ExamItemResult = z.infer<typeof ExamItemResultSchema>;

/** Saved with the finished exam, so the report shows the score frozen at the finish, after a reload too. */
export const ExamResultSchema = z.object({
  score: z.number().min(0),
  total: z.number().min(0),
  /** Rounded down, so 65.9% is not shown as a pass of 66%. */
  percent: z.number().min(0),
  passed: z.boolean(),
  items: z.array(ExamItemResultSchema),
});
export type ExamResult = z.infer<typeof ExamResultSchema>;

/** The final report of an exam: points per item, and whether the total reaches the pass mark. */
export function examResult(grade: LabGrade): ExamResult {
  const percent = grade.total ? Math.floor((grade.score / grade.total) * 100) : 0;
  return {
    score: grade.score,
    total: grade.total,
    percent,
    passed: percent >= PASS_PERCENT,
    items: grade.items.map((item, i) => {
      const passed = item.status === "passed";
      return { number: i + 1, kind: item.kind, text: item.text, passed, earned: passed ? item.points : 0, points: item.points };
    }),
  };
}
