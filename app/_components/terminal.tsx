"use client";

import "@xterm/xterm/css/xterm.css";
import { useEffect, useRef, useState } from "react";

export interface TerminalProps {
  /** Accessible name of the terminal, e.g. "Practice terminal". */
  label?: string;
  /** Height in terminal rows (approximate; the terminal fits its box). */
  rows?: number;
}

/**
 * A terminal wired to the learner's shell. xterm is loaded after the page is interactive, so lesson
 * text renders (and is readable) without it.
 */
export function Terminal({ label = "Practice terminal", rows = 16 }: TerminalProps) {
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");

  useEffect(() => {
    let disposed = false;
    let cleanup: (() => void) | undefined;
    Promise.all([import("./terminal/mount-terminal"), import("./terminal/create-session")])
      .then(async ([{ mountTerminal }, { createSession }]) => {
        if (disposed || !box.current) return;
        const session = await createSession();
        if (disposed || !box.current) return;
        const mounted = mountTerminal(box.current, session, { label });
        cleanup = () => mounted.dispose();
        setState("ready");
      })
      .catch(() => setState("failed"));
    return () => {
      disposed = true;
      cleanup?.();
    };
  }, [label]);

  return (
    <div className="not-prose my-6 overflow-hidden rounded-lg border border-[var(--border)] bg-[#1c1f24] dark:bg-[#0b0f14]">
      <div className="flex items-center gap-2 border-b border-white/10 px-3 py-1.5 text-xs text-white/70">
        <span aria-hidden="true" className="flex gap-1.5">
          <span className="h-2.5 w-2.5 rounded-full bg-red-400/80" />
          <span className="h-2.5 w-2.5 rounded-full bg-yellow-400/80" />
          <span className="h-2.5 w-2.5 rounded-full bg-green-400/80" />
        </span>
        <span>{label}</span>
        {state === "loading" && <span className="ml-auto">starting…</span>}
        {state === "failed" && <span className="ml-auto text-red-300">the terminal could not start; reload the page</span>}
      </div>
      <div
        ref={box}
        data-testid="terminal"
        data-state={state}
        className="px-2 py-1"
        style={{ height: `${Math.round(rows * 1.25 + 0.5)}rem` }}
      />
    </div>
  );
}
