"use client";

import { useEffect, useState } from "react";
import type { LabGrade } from "@/lib/labs/grade-lab";
import { ConfirmButton } from "./confirm-button";
import { examClock, formatDuration } from "./exam-clock";
import { examResult, PASS_PERCENT, type ExamResult } from "./exam-result";
import type { ExamState } from "./lab-workspace";

const btn = "rounded border border-[var(--border)] px-3 py-1 text-sm hover:bg-[var(--bg)]";

function ExamReport({ result: r, usedMs, timeUp }: { result: ExamResult; usedMs: number; timeUp: boolean }) {
  return (
    <section aria-labelledby="exam-report-title" className="mb-4 rounded-md border-2 border-[var(--accent)] p-3" data-testid="exam-report">
      <h3 id="exam-report-title" className="font-semibold">
        Exam report
      </h3>
      <p className="text-lg font-semibold" data-testid="exam-final-score">
        Final score: {r.score}/{r.total} ({r.percent}%) · {r.passed ? "pass" : "not a pass"}
      </p>
      <p className="text-sm text-[var(--muted)]">
        {timeUp ? "Time is up." : "You finished the exam."} Time used: {formatDuration(usedMs)}. The CKA pass mark is {PASS_PERCENT}%.
      </p>
      <ol aria-label="Results per item" className="mt-2 space-y-1 text-sm">
        {r.items.map((i) => (
          <li key={i.number} className="flex items-start gap-2">
            <span aria-hidden="true" className={i.passed ? "text-green-700 dark:text-green-400" : "text-red-700 dark:text-red-300"}>
              {i.passed ? "✓" : "✗"}
            </span>
            <span className="min-w-0 flex-1">
              {i.number}. {i.text}
            </span>
            <span className="shrink-0 tabular-nums">
              {i.passed ? "passed" : "failed"} {i.earned}/{i.points}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * Exam mode's bar: start the timer, the countdown (wall-clock time: the exam is timed in real minutes
 * whatever the cluster's clock does), finish early, and the final report. The report keeps the score the
 * learner had when the exam ended, though the cluster stays open for practice: it is saved with the exam, so a
 * reload shows it too (an exam saved before results were kept shows the live score).
 */
export function ExamBar({ limit, exam, grade, onExam }: { limit: number; exam: ExamState; grade: LabGrade; onExam(e: ExamState): void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (exam && exam.finishedAt === undefined) {
      const t = setInterval(() => setNow(Date.now()), 1000);
      return () => clearInterval(t);
    }
  }, [exam]);
  const clock = exam ? examClock(limit, exam.startedAt, exam.finishedAt, now) : undefined;
  const timeUp = Boolean(clock?.over && exam?.finishedAt === undefined);
  useEffect(() => {
    if (timeUp && exam) onExam({ ...exam, finishedAt: exam.startedAt + limit * 60_000, result: examResult(grade) });
  }, [timeUp, exam, limit, onExam, grade]);
  if (!exam || !clock) {
    return (
      <div className="mb-3 flex items-center justify-between rounded-md bg-[var(--bg)] p-2 text-sm">
        <span>Exam mode: {limit} minutes.</span>
        <button
          type="button"
          className={btn}
          onClick={() => {
            setNow(Date.now());
            onExam({ startedAt: Date.now() });
          }}
        >
          Start the timer
        </button>
      </div>
    );
  }
  if (clock.over) return <ExamReport result={exam.result ?? examResult(grade)} usedMs={clock.usedMs} timeUp={clock.remainingMs === 0} />;
  return (
    <div className="mb-3 flex items-center justify-between rounded-md bg-[var(--bg)] p-2 text-sm">
      <span role="timer" aria-label="Exam time left">
        Time left: <strong className="tabular-nums">{formatDuration(clock.remainingMs)}</strong>
      </span>
      <ConfirmButton
        label="Finish exam"
        title="Finish the exam?"
        confirmLabel="Finish"
        className={btn}
        onConfirm={() => onExam({ ...exam, finishedAt: Date.now(), result: examResult(grade) })}
      >
        Your score is final once you finish.
      </ConfirmButton>
    </div>
  );
}
