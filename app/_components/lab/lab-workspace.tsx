"use client";

import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import type { LabGrade } from "@/lib/labs/grade-lab";
import { clearLab, fingerprint, LAB_SAVE_VERSION, loadLabSave, recordLabScore, saveLab, type LabSave } from "../progress/progress-store";
import { progressChanged } from "../progress/use-progress";
import type { LabSource } from "../terminal/sim-protocol";
import type { SimClient } from "../terminal/sim-client";
import { Terminal } from "../terminal";
import { LabPanel } from "./lab-panel";

const ClusterMap = lazy(() => import("../cluster-map/cluster-map").then((m) => ({ default: m.ClusterMap })));

/** Saves at most this often while the cluster keeps changing on its own (pods starting, back-offs). */
const SAVE_THROTTLE_MS = 5000;

export type ExamState = LabSave["exam"];

function seedFromUrl(): number | undefined {
  const raw = new URLSearchParams(window.location.search).get("seed");
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * A lab: the task and question panel beside a terminal, both on one simulated cluster. The attempt is
 * saved in this browser after every command and answer, and resumes on the next visit; `?seed=N` starts
 * the attempt a share link describes.
 */
export function LabWorkspace({ source, labId }: { source: LabSource; labId: string }) {
  const [client, setClient] = useState<SimClient | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [seed, setSeed] = useState<number | undefined>();
  const [notice, setNotice] = useState<string | null>(null);
  const [saveStatus, setSaveStatus] = useState<string>("");
  const [showMap, setShowMap] = useState(false);
  const [exam, setExam] = useState<ExamState>();
  const examRef = useRef<ExamState>(undefined);
  const fresh = useRef<{ seed?: number } | null>(null);
  const fp = fingerprint(source.raw);

  const updateExam = useCallback((next: ExamState) => {
    examRef.current = next;
    setExam(next);
  }, []);

  useEffect(() => {
    let c: SimClient | undefined;
    let disposed = false;
    const offs: (() => void)[] = [];
    const urlSeed = seedFromUrl();
    const loaded = loadLabSave(window.localStorage, labId, fp);
    let resume = loaded.value;
    let startSeed: number | undefined;
    const notices: string[] = loaded.notice ? [loaded.notice] : [];
    if (fresh.current) {
      startSeed = fresh.current.seed;
      resume = undefined;
      fresh.current = null;
    } else if (urlSeed !== undefined && resume?.run.seed !== urlSeed) {
      startSeed = urlSeed;
      if (resume) notices.push(`Started the shared attempt (seed ${urlSeed}); it replaces the one you had saved.`);
      resume = undefined;
    }
    updateExam(resume?.exam);
    setNotice(notices.join(" ") || null);
    setSaveStatus(resume ? "Resumed your saved attempt" : "");
    void import("../terminal/sim-client").then(({ SimClient }) => {
      if (disposed) return;
      const sim = new SimClient({ lab: source, seed: startSeed, resume: resume?.run });
      c = sim;
      let saving = false;
      let saveAgain = false;
      let lastSave = 0;
      const save = async (): Promise<void> => {
        if (disposed) return;
        // A save asked for during another (a finished exam's result) runs after it instead of being lost.
        if (saving) {
          saveAgain = true;
          return;
        }
        saving = true;
        lastSave = performance.now();
        try {
          const run = await sim.save();
          if (!run || disposed) return;
          const error = saveLab(window.localStorage, { version: LAB_SAVE_VERSION, labId, fingerprint: fp, savedAt: Date.now(), run, exam: examRef.current });
          setSaveStatus(error ?? "Progress saved in this browser");
        } finally {
          saving = false;
          if (saveAgain) {
            saveAgain = false;
            void save();
          }
        }
      };
      sim.saveNow = save;
      offs.push(sim.onCommand(() => void save()));
      offs.push(sim.onChange(() => performance.now() - lastSave > SAVE_THROTTLE_MS && void save()));
      const onHide = () => document.visibilityState === "hidden" && void save();
      document.addEventListener("visibilitychange", onHide);
      offs.push(() => document.removeEventListener("visibilitychange", onHide));
      void sim.start().then(
        () => {
          if (disposed) return;
          setSeed(sim.info.labSeed);
          if (sim.info.notice) setNotice((n) => [n, sim.info.notice].filter(Boolean).join(" "));
          if (!resume) void save();
        },
        (e: Error) => !disposed && setNotice(`The lab could not start: ${e.message}`),
      );
      setClient(sim);
    });
    return () => {
      disposed = true;
      for (const off of offs) off();
      c?.dispose();
      setClient(null);
    };
  }, [source, labId, fp, attempt, updateExam]);

  const onGrade = useCallback(
    (grade: LabGrade) => {
      try {
        recordLabScore(window.localStorage, labId, grade.score, grade.total, grade.complete);
        progressChanged();
      } catch {}
    },
    [labId],
  );

  const reset = useCallback(() => {
    clearLab(window.localStorage, labId);
    fresh.current = { seed };
    setAttempt((n) => n + 1);
  }, [labId, seed]);

  // `lab reset` typed in the terminal starts over like the panel's Reset button.
  useEffect(() => client?.onResetRequest(reset), [client, reset]);

  const shareUrl = seed === undefined || typeof window === "undefined" ? "" : `${window.location.origin}${window.location.pathname}?seed=${seed}`;

  return (
    <div className="space-y-4">
      {notice && (
        <p role="status" className="rounded-md border border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100" data-testid="lab-notice">
          {notice}
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-[minmax(280px,2fr)_3fr]">
        <LabPanel
          source={source}
          client={client}
          onReset={reset}
          onGrade={onGrade}
          exam={exam}
          onExam={(next) => {
            updateExam(next);
            void client?.saveNow?.();
          }}
          saveStatus={saveStatus}
        />
        <div className="min-w-0">
          {client ? (
            <Terminal label="Lab terminal" rows={24} client={client} timeControls />
          ) : (
            <div className="my-6 h-[30rem] rounded-lg border border-[var(--border)]" aria-busy="true" />
          )}
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <button
              type="button"
              aria-expanded={showMap}
              aria-controls="cluster-map-panel"
              onClick={() => setShowMap((v) => !v)}
              className="rounded border border-[var(--border)] px-3 py-1"
            >
              {showMap ? "Hide cluster map" : "Show cluster map"}
            </button>
            {shareUrl && (
              <span className="ml-auto flex items-center gap-2">
                <label htmlFor="share-link" className="text-[var(--muted)]">
                  Share this attempt
                </label>
                <input id="share-link" readOnly value={shareUrl} className="w-56 rounded border border-[var(--border)] bg-[var(--bg)] px-2 py-0.5 text-xs" onFocus={(e) => e.currentTarget.select()} />
                <button type="button" className="rounded border border-[var(--border)] px-2 py-0.5" onClick={() => void navigator.clipboard?.writeText(shareUrl).catch(() => {})}>
                  Copy link
                </button>
              </span>
            )}
          </div>
        </div>
      </div>
      {showMap && client && (
        <section id="cluster-map-panel" aria-label="Cluster map" className="rounded-lg border border-[var(--border)] bg-[var(--card)] p-4">
          <h2 className="mb-3 font-semibold">Cluster map</h2>
          <Suspense fallback={<p className="text-sm text-[var(--muted)]">Loading the map…</p>}>
            <ClusterMap client={client} />
          </Suspense>
        </section>
      )}
    </div>
  );
}
