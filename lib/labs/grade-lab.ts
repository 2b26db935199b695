import { resolveAnswer, normalizeAnswer } from "./answer-source";
import { evaluateCheck, type CheckResult } from "./evaluate-check";
import type { Lab, LabQuestion } from "./lab-schema";
import type { LabWorld } from "./lab-world";

export interface ItemGrade {
  id: string;
  kind: "task" | "question";
  text: string;
  points: number;
  status: "passed" | "failed" | "unanswered";
  /** For tasks: each check with its title and, when failing, why. */
  checks: CheckResult[];
  /** One line a learner can act on (the first failing check's explanation, or the question's). */
  explanation?: string;
  /** For answered questions: why the right answer is right (shown once answered correctly). */
  feedback?: string;
}

export interface LabGrade {
  items: ItemGrade[];
  score: number;
  total: number;
  /** Every graded item passed. */
  complete: boolean;
}

/** A question is judged when it is answered (state questions ask about the cluster at that moment). */
export interface AnswerRecord {
  value: string;
  correct: boolean;
}

/** Judge one answer against the cluster as it is now. */
export function checkAnswer(question: LabQuestion, world: LabWorld, given: string, params: Readonly<Record<string, string | number>>): AnswerRecord {
  if (question.type === "text") return { value: given, correct: question.accept.some((re) => new RegExp(re, "i").test(given)) };
  const expected = resolveAnswer(world, question.answer, { ...params });
  const ignoreCase = question.type === "value" ? question.ignoreCase : true;
  return { value: given, correct: expected !== undefined && normalizeAnswer(given, ignoreCase) === normalizeAnswer(expected, ignoreCase) };
}

/** Grade a lab against the current cluster. Reads only; never changes the cluster. Deterministic. */
export function gradeLab(lab: Lab, world: LabWorld, answers: Readonly<Record<string, AnswerRecord>>): LabGrade {
  const items: ItemGrade[] = [];
  for (const task of lab.tasks) {
    const checks = task.checks.map((c) => evaluateCheck(world, c));
    const failed = checks.find((c) => !c.passed);
    items.push({
      id: task.id,
      kind: "task",
      text: task.text,
      points: task.points,
      status: failed ? "failed" : "passed",
      checks,
      explanation: failed ? `${failed.title}: ${failed.explanation ?? "not yet"}` : undefined,
    });
  }
  for (const q of lab.questions) {
    const answer = answers[q.id];
    const base = { id: q.id, kind: "question" as const, text: q.text, points: q.points, checks: [] };
    if (!answer) items.push({ ...base, status: "unanswered", explanation: "not answered yet" });
    // The explanation would give the answer away, so a wrong answer only says it is wrong.
    else if (answer.correct) items.push({ ...base, status: "passed", feedback: q.explanation });
    else items.push({ ...base, status: "failed", explanation: `"${answer.value.trim()}" is not the right answer; look again at the cluster` });
  }
  const total = items.reduce((s, i) => s + i.points, 0);
  const score = items.filter((i) => i.status === "passed").reduce((s, i) => s + i.points, 0);
  return { items, score, total, complete: items.every((i) => i.status === "passed") };
}
