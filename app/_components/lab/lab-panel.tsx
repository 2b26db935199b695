"use client";

import { useCallback, useEffect, useState } from "react";
import type { ItemGrade, LabGrade } from "@/lib/labs/grade-lab";
import type { LabState } from "../terminal/sim-protocol";
import type { SimClient } from "../terminal/sim-client";
import { ConfirmButton } from "./confirm-button";
import { examClock, formatDuration } from "./exam-clock";
import type { ExamState } from "./lab-workspace";

const btn = "rounded border border-[var(--border)] px-3 py-1 text-sm hover:bg-[var(--bg)]";

function StatusBadge({ item }: { item: ItemGrade }) {
  const styles = {
    passed: "bg-green-700 text-white",
    failed: "bg-red-700 text-white",
    unanswered: "bg-[var(--border)] text-[var(--fg)]",
  }[item.status];
  const text = { passed: "Done", failed: item.kind === "question" ? "Wrong" : "Not yet", unanswered: "Open" }[item.status];
  return <span className={`shrink-0 rounded px-2 py-0.5 text-xs font-semibold ${styles}`}>{text}</span>;
}

function QuestionForm({ item, disabled, onAnswer }: { item: ItemGrade; disabled: boolean; onAnswer: (v: string) => void }) {
  const [value, setValue] = useState("");
  if (item.status === "passed" || disabled) return null;
  return (
    <form
      className="mt-2 flex gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) onAnswer(value);
      }}
    >
      <label className="sr-only" htmlFor={`answer-${item.id}`}>Answer to {item.id}</label>
      <input
        id={`answer-${item.id}`}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        className="min-w-0 flex-1 rounded border border-[var(--border)] bg-[var(--bg)] px-2 py-1 text-sm"
        placeholder="Your answer"
      />
      <button type="submit" className="rounded bg-[var(--accent)] px-3 py-1 text-sm font-medium text-[var(--accent-fg)]">
        Check
      </button>
    </form>
  );
}

function Solution({ commands, client }: { commands: string[]; client: SimClient }) {
  return (
    <section aria-label="Reference solution" className="mt-3">
      <h3 className="text-sm font-semibold">Reference solution</h3>
      <ol className="mt-1 space-y-1">
        {commands.map((c, i) => (
          <li key={i} className="flex items-start gap-2">
            <code className="min-w-0 flex-1 whitespace-pre-wrap break-all rounded bg-[var(--code-bg)] px-2 py-1 text-xs">{c}</code>
            <button type="button" className="rounded border border-[var(--border)] px-2 py-0.5 text-xs" aria-label={`Copy command ${i + 1}`} onClick={() => void navigator.clipboard?.writeText(c).catch(() => {})}>
              Copy
            </button>
            <button type="button" className="rounded border border-[var(--border)] px-2 py-0.5 text-xs" aria-label={`Run command ${i + 1} in the terminal`} onClick={() => client.typeCommand?.(c)}>
              Run
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

function ExamReport({ grade, usedMs }: { grade: LabGrade; usedMs: number }) {
  const pct = grade.total ? Math.round((grade.score / grade.total) * 100) : 0;
  return (
    <section aria-label="Exam report" className="mb-4 rounded-md border-2 border-[var(--accent)] p-3" data-testid="exam-report">
      <h3 className="font-semibold">Final score: {grade.score}/{grade.total} ({pct}%)</h3>
      <p className="text-sm text-[var(--muted)]">Time used: {formatDuration(usedMs)}. {pct >= 66 ? "That is a pass (the CKA asks for 66%)." : "The CKA pass mark is 66%."}</p>
      <ul className="mt-2 text-sm">
        {grade.items.map((i) => (
          <li key={i.id}>
            {i.status === "passed" ? "✓" : "✗"} {i.id} ({i.status === "passed" ? i.points : 0}/{i.points})
          </li>
        ))}
      </ul>
    </section>
  );
}

function ExamBar({ limit, exam, grade, onExam }: { limit: number; exam: ExamState; grade: LabGrade; onExam(e: ExamState): void }) {
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
    if (timeUp && exam) onExam({ ...exam, finishedAt: exam.startedAt + limit * 60_000 });
  }, [timeUp, exam, limit, onExam]);
  if (!exam || !clock) {
    return (
      <div className="mb-3 flex items-center justify-between rounded-md bg-[var(--bg)] p-2 text-sm">
        <span>Exam mode: {limit} minutes.</span>
        <button type="button" className={btn} onClick={() => onExam({ startedAt: Date.now() })}>
          Start the timer
        </button>
      </div>
    );
  }
  return clock.over ? (
    <ExamReport grade={grade} usedMs={clock.usedMs} />
  ) : (
    <div className="mb-3 flex items-center justify-between rounded-md bg-[var(--bg)] p-2 text-sm">
      <span role="timer" aria-label="Exam time left">
        Time left: <strong className="tabular-nums">{formatDuration(clock.remainingMs)}</strong>
      </span>
      <ConfirmButton label="Finish exam" title="Finish the exam?" confirmLabel="Finish" className={btn} onConfirm={() => onExam({ ...exam, finishedAt: Date.now() })}>
        Your score is final once you finish.
      </ConfirmButton>
    </div>
  );
}

/** Tasks and questions with live status; each failing check says why. Grades on every cluster change. */
export function LabPanel({
  client,
  onReset,
  onGrade,
  exam,
  onExam,
  saveStatus,
}: {
  client: SimClient | null;
  onReset(): void;
  onGrade(grade: LabGrade): void;
  exam: ExamState;
  onExam(e: ExamState): void;
  saveStatus: string;
}) {
  const [state, setState] = useState<LabState | null>(null);
  const [showSolution, setShowSolution] = useState(false);
  const update = useCallback(
    (s: LabState | null) => {
      setState(s);
      if (s) onGrade(s.grade);
    },
    [onGrade],
  );
  const refresh = useCallback(() => {
    if (client) void client.labState().then(update);
  }, [client, update]);

  useEffect(() => {
    setState(null);
    setShowSolution(false);
    if (!client) return;
    refresh();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Debounced: the worker reports changes at most a few times a second; grade once per burst.
    const off = client.onChange(() => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        refresh();
      }, 300);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [client, refresh]);

  if (!state || !client) {
    return (
      <section aria-label="Lab tasks" aria-busy="true" className="rounded-lg border border-[var(--border)] bg-[var(--card)] p-4 text-sm text-[var(--muted)]">
        Preparing the lab cluster…
      </section>
    );
  }
  const { grade } = state;
  const examOver = Boolean(state.timeLimitMinutes && exam && (exam.finishedAt !== undefined || Date.now() >= exam.startedAt + state.timeLimitMinutes * 60_000));
  const afterAnswer = (s: LabState | null) => {
    update(s);
    void client.saveNow?.();
  };
  return (
    <section aria-label="Lab tasks" className="rounded-lg border border-[var(--border)] bg-[var(--card)] p-4">
      <div className="mb-3 flex items-center justify-between">
        <h2 className="font-semibold">Tasks and questions</h2>
        <p className="text-sm" aria-live="polite" data-testid="lab-score">
          Score {grade.score}/{grade.total}
          {grade.complete ? " · complete" : ""}
        </p>
      </div>
      {state.timeLimitMinutes && <ExamBar limit={state.timeLimitMinutes} exam={exam} grade={grade} onExam={onExam} />}
      {grade.complete && !examOver && (
        <p role="status" className="mb-3 rounded-md bg-green-700 px-3 py-2 text-sm font-medium text-white" data-testid="lab-complete">
          Lab complete: every task and question is done ({grade.score}/{grade.total} points).
        </p>
      )}
      <ol className="space-y-3">
        {grade.items.map((item, i) => (
          <li key={item.id} className="rounded-md border border-[var(--border)] p-3" aria-label={`${item.kind} ${i + 1}: ${item.status}`}>
            <div className="flex items-start justify-between gap-2">
              <p className="text-sm">
                <span className="mr-1 font-semibold">{i + 1}.</span>
                {item.text}
                <span className="ml-1 text-xs text-[var(--muted)]">({item.points} pt{item.points === 1 ? "" : "s"})</span>
              </p>
              <StatusBadge item={item} />
            </div>
            {item.kind === "question" && state.answers[item.id] !== undefined && (
              <p className="mt-1 text-xs text-[var(--muted)]">Your answer: {state.answers[item.id]}</p>
            )}
            {item.status === "failed" && item.explanation && <p className="mt-1 text-sm text-red-700 dark:text-red-300">{item.explanation}</p>}
            {item.status === "passed" && item.feedback && <p className="mt-1 text-sm text-[var(--muted)]">{item.feedback}</p>}
            {item.kind === "question" && <QuestionForm item={item} disabled={examOver} onAnswer={(v) => void client.answer(item.id, v).then(afterAnswer)} />}
          </li>
        ))}
      </ol>
      <div className="mt-4 border-t border-[var(--border)] pt-3">
        <div className="flex flex-wrap gap-2">
          <button type="button" className={btn} onClick={() => void client.hint().then(afterAnswer)}>
            Show a hint
          </button>
          {!showSolution && (
            <ConfirmButton label="Show solution" title="Show the solution?" confirmLabel="Show solution" className={btn} onConfirm={() => setShowSolution(true)}>
              You learn more by trying first. The reference solution shows one way to solve every task and question.
            </ConfirmButton>
          )}
          <ConfirmButton label="Reset lab" title="Reset this lab?" confirmLabel="Reset" className={btn} onConfirm={onReset}>
            The cluster, your terminal history and your answers go back to the start. This cannot be undone.
          </ConfirmButton>
        </div>
        {state.hints.length > 0 && (
          <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm" aria-label="Hints">
            {state.hints.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ol>
        )}
        {showSolution && <Solution commands={state.solution} client={client} />}
        <p className="mt-3 text-xs text-[var(--muted)]" aria-live="polite" data-testid="save-status">
          {saveStatus}
        </p>
      </div>
    </section>
  );
}
