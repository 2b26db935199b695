/** Exam mode's timer, in wall-clock time (the exam is timed in real minutes, whatever the cluster's clock does). */
export interface ExamClock {
  remainingMs: number;
  /** Time is up or the learner finished. */
  over: boolean;
  usedMs: number;
}

export function examClock(limitMinutes: number, startedAt: number, finishedAt: number | undefined, now: number): ExamClock {
  const limit = limitMinutes * 60_000;
  const end = Math.min(finishedAt ?? now, startedAt + limit);
  return { remainingMs: Math.max(0, startedAt + limit - end), over: finishedAt !== undefined || now >= startedAt + limit, usedMs: Math.max(0, end - startedAt) };
}

/** "1:05:09", "4:59", "0:00". */
export function formatDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}
