"use client";

import { useRef, useState } from "react";
import { exportProgress, importProgress } from "./progress-store";
import { progressChanged, useProgress } from "./use-progress";

/** The course home's progress line, with export and import of everything this browser remembers. */
export function CourseProgress({ lessons, labs }: { lessons: number; labs: number }) {
  const { value, notice } = useProgress();
  const [message, setMessage] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const read = Object.keys(value.lessons).length;
  const done = Object.values(value.labs).filter((l) => l.completed).length;

  const download = () => {
    const blob = new Blob([exportProgress(window.localStorage, Date.now())], { type: "application/json" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "shipyard-progress.json";
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const upload = async (f: File | undefined) => {
    if (!f) return;
    const r = importProgress(window.localStorage, await f.text());
    setMessage(r.ok ? `Progress imported (${r.labs} saved lab${r.labs === 1 ? "" : "s"}).` : r.error);
    if (r.ok) progressChanged();
    if (file.current) file.current.value = "";
  };
  const btn = "rounded border border-[var(--border)] px-2 py-0.5 text-sm hover:bg-[var(--card)]";
  return (
    <section aria-label="Your progress" className="mb-8 flex flex-wrap items-center gap-3 rounded-lg border border-[var(--border)] bg-[var(--card)] px-4 py-3 text-sm">
      <p data-testid="course-progress">
        Your progress: <strong>{read}</strong> of {lessons} lesson{lessons === 1 ? "" : "s"} read · <strong>{done}</strong> of {labs} lab{labs === 1 ? "" : "s"} complete
      </p>
      <span className="ml-auto flex gap-2">
        <button type="button" className={btn} onClick={download}>
          Export progress
        </button>
        <label className={`${btn} cursor-pointer focus-within:outline focus-within:outline-2`}>
          Import progress
          <input ref={file} type="file" accept="application/json,.json" className="sr-only" onChange={(e) => void upload(e.target.files?.[0])} />
        </label>
      </span>
      {(message ?? notice) && (
        <p role="status" className="w-full text-[var(--muted)]">
          {message ?? notice}
        </p>
      )}
    </section>
  );
}
