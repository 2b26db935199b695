"use client";

import { useProgress } from "./use-progress";

/** A small badge beside a lesson or lab link: visited, best score, completed. */
export function ProgressMark({ lesson, lab }: { lesson?: string; lab?: string }) {
  const { value } = useProgress();
  if (lesson && value.lessons[lesson]) return <span className="ml-2 rounded bg-green-700 px-1.5 text-xs text-white">✓ read</span>;
  if (lab) {
    const p = value.labs[lab];
    if (!p) return null;
    return (
      <span className={`ml-2 rounded px-1.5 text-xs text-white ${p.completed ? "bg-green-700" : "bg-amber-700"}`}>
        {p.completed ? "✓ complete" : "in progress"} · best {p.bestScore}/{p.total}
      </span>
    );
  }
  return null;
}
