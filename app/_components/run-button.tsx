"use client";

import { useRef, useSyncExternalStore } from "react";
import { onTerminalsChange, pageTerminal, terminalCount } from "./terminal/terminal-registry";

/** "Run" on a lesson's command block: types the command into the page's terminal (the next one below). */
export function RunButton({ command }: { command: string }) {
  const ref = useRef<HTMLButtonElement>(null);
  const terminals = useSyncExternalStore(onTerminalsChange, terminalCount, () => 0);
  if (!terminals) return null;
  return (
    <button
      ref={ref}
      type="button"
      aria-label={`Run in the terminal: ${command}`}
      className="absolute right-2 top-2 rounded border border-[var(--border)] bg-[var(--card)] px-2 py-0.5 font-sans text-xs hover:bg-[var(--bg)]"
      onClick={() => {
        const t = pageTerminal(ref.current ?? undefined);
        if (!t) return;
        t.element.scrollIntoView({ block: "nearest" });
        t.typeCommand(command);
        t.focus();
      }}
    >
      Run
    </button>
  );
}
