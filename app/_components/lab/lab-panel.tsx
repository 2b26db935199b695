"use client";

import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import type { ItemGrade, LabGrade } from "@/lib/labs/grade-lab";
import type { SimClient } from "../terminal/sim-client";
import type { LabSource, LabState } from "../terminal/sim-protocol";
import { ConfirmButton } from "./confirm-button";
import { ExamBar } from "./exam-bar";
import type { ExamState } from "./lab-workspace";
import { questionChoices } from "./question-choices";

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

function QuestionForm({ item, choices, disabled, onAnswer }: { item: ItemGrade; choices?: string[]; disabled: boolean; onAnswer: (v: string) => void }) {
  const [value, setValue] = useState("");
  if (item.status === "passed" || disabled) return null;
  const submit = (
    <button type="submit" className="self-start rounded bg-[var(--accent)] px-3 py-1 text-sm font-medium text-[var(--accent-fg)]">
      Check
    </button>
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) onAnswer(value);
  };
  // A choice question offers its choices, as the CKA's multiple-choice items do; typing one exactly is no test.
  if (choices?.length) {
    return (
      <form className="mt-2 flex flex-col gap-2" onSubmit={onSubmit}>
        <fieldset>
          <legend className="sr-only">Answer to {item.id}</legend>
          {choices.map((c) => (
            <label key={c} className="flex items-start gap-2 py-0.5 text-sm">
              <input type="radio" name={`answer-${item.id}`} value={c} checked={value === c} onChange={() => setValue(c)} className="mt-1" />
              <span>{c}</span>
            </label>
          ))}
        </fieldset>
        {submit}
      </form>
    );
  }
  return (
    <form className="mt-2 flex gap-2" onSubmit={onSubmit}>
      <label className="sr-only" htmlFor={`answer-${item.id}`}>Answer to {item.id}</label>
      <input
        id={`answer-${item.id}`}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        className="min-w-0 flex-1 rounded border border-[var(--border)] bg-[var(--bg)] px-2 py-1 text-sm"
        placeholder="Your answer"
      />
      {submit}
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

/** Tasks and questions with live status; each failing check says why. Grades on every cluster change. */
export function LabPanel({
  source,
  client,
  onReset,
  onGrade,
  exam,
  onExam,
  saveStatus,
}: {
  source: LabSource;
  client: SimClient | null;
  onReset(): void;
  onGrade(grade: LabGrade): void;
  exam: ExamState;
  onExam(e: ExamState): void;
  saveStatus: string;
}) {
  const [state, setState] = useState<LabState | null>(null);
  const [showSolution, setShowSolution] = useState(false);
  const seed = state?.seed;
  const choices = useMemo(() => (seed === undefined ? {} : questionChoices(source, seed)), [source, seed]);
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
  // As in the real exam, no reference solution while the clock runs (before the start and after the end it is there to learn from).
  const examRunning = Boolean(state.timeLimitMinutes && exam && !examOver);
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
      <ol className="space-y-3" aria-label="Tasks and questions">
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
            {item.kind === "question" && <QuestionForm item={item} choices={choices[item.id]} disabled={examOver} onAnswer={(v) => void client.answer(item.id, v).then(afterAnswer)} />}
          </li>
        ))}
      </ol>
      <div className="mt-4 border-t border-[var(--border)] pt-3">
        <div className="flex flex-wrap gap-2">
          <button type="button" className={btn} onClick={() => void client.hint().then(afterAnswer)}>
            Show a hint
          </button>
          {!showSolution && !examRunning && (
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
        {showSolution && !examRunning && <Solution commands={state.solution} client={client} />}
        <p className="mt-3 text-xs text-[var(--muted)]" aria-live="polite" data-testid="save-status">
          {saveStatus}
        </p>
      </div>
    </section>
  );
}
