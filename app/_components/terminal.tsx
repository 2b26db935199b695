"use client";

import "@xterm/xterm/css/xterm.css";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import type { MountedTerminal } from "./terminal/mount-terminal";
import type { SimClient } from "./terminal/sim-client";
import type { EditorFlavor } from "./terminal/sim-protocol";
import { registerTerminal } from "./terminal/terminal-registry";
import { TimeControls } from "./terminal/time-controls";

const FileEditor = lazy(() => import("./editor/file-editor").then((m) => ({ default: m.FileEditor })));

export interface TerminalProps {
  /** Accessible name of the terminal, e.g. "Practice terminal". */
  label?: string;
  /** Height in terminal rows (approximate; the terminal fits its box). */
  rows?: number;
  /** A simulator shared with other panels (a lab page); without it the terminal starts its own cluster. */
  client?: SimClient;
  /** Show pause / 1x / 10x / +1 min / +5 min and the cluster clock. */
  timeControls?: boolean;
}

interface OpenFile {
  path: string;
  content: string;
  flavor: EditorFlavor;
  resolve(saved: string | null): void;
}

/**
 * A terminal wired to the learner's shell. xterm is loaded after the page is interactive, so lesson
 * text renders (and is readable) without it. vi / nano / kubectl edit open an editor over it.
 */
export function Terminal({ label = "Practice terminal", rows = 16, client, timeControls = false }: TerminalProps) {
  const box = useRef<HTMLDivElement>(null);
  const mountedRef = useRef<MountedTerminal | null>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  const [active, setActive] = useState<SimClient | null>(null);
  const [file, setFile] = useState<OpenFile | null>(null);

  useEffect(() => {
    let disposed = false;
    let cleanup: (() => void) | undefined;
    // The simulator (a worker with the whole engine) starts while xterm's chunk is still loading.
    const sim = client
      ? Promise.resolve({ sim: client, own: undefined })
      : import("./terminal/sim-client").then(({ SimClient }) => {
          const own = new SimClient();
          if (!disposed) void own.start().catch(() => {});
          return { sim: own, own };
        });
    Promise.all([import("./terminal/mount-terminal"), sim])
      .then(async ([{ mountTerminal }, { sim, own }]) => {
        if (disposed || !box.current) {
          own?.dispose();
          return;
        }
        const session = await sim.start();
        if (disposed || !box.current) {
          own?.dispose();
          return;
        }
        const mounted = mountTerminal(box.current, session, { label, history: sim.info.history });
        mountedRef.current = mounted;
        sim.openEditor = (path, content, flavor) => new Promise((resolve) => setFile({ path, content, flavor, resolve }));
        const container = box.current;
        // xterm stops drawing while off screen: bring it into view so the learner sees the command run.
        sim.typeCommand = (command) => {
          container.scrollIntoView({ block: "nearest" });
          mounted.typeCommand(command);
          mounted.focus();
        };
        const unregister = registerTerminal({ element: box.current, typeCommand: (c) => mounted.typeCommand(c), focus: () => mounted.focus() });
        setActive(sim);
        cleanup = () => {
          unregister();
          mounted.dispose();
          mountedRef.current = null;
          if (sim.openEditor) sim.openEditor = undefined;
          own?.dispose();
        };
        performance.mark("shipyard:terminal-ready");
        setState("ready");
      })
      .catch((e: unknown) => {
        console.warn("terminal failed to start", e);
        setState("failed");
      });
    return () => {
      disposed = true;
      cleanup?.();
    };
  }, [label, client]);

  const closeEditor = (saved: string | null) => {
    file?.resolve(saved);
    setFile(null);
    mountedRef.current?.focus();
  };

  return (
    <div className="not-prose my-6 overflow-hidden rounded-lg border border-[var(--border)] bg-[#1c1f24] dark:bg-[#0b0f14]">
      <div className="flex flex-wrap items-center gap-2 border-b border-white/10 px-3 py-1.5 text-xs text-white/80">
        <span aria-hidden="true" className="flex gap-1.5">
          <span className="h-2.5 w-2.5 rounded-full bg-red-400/80" />
          <span className="h-2.5 w-2.5 rounded-full bg-yellow-400/80" />
          <span className="h-2.5 w-2.5 rounded-full bg-green-400/80" />
        </span>
        <span>{label}</span>
        {state === "loading" && <span className="ml-auto">starting…</span>}
        {state === "failed" && <span className="ml-auto text-red-300">the terminal could not start; reload the page</span>}
        {timeControls && active && state === "ready" && <TimeControls client={active} />}
      </div>
      <div className="relative">
        <div
          ref={box}
          data-testid="terminal"
          data-state={state}
          className="px-2 py-1"
          style={{ height: `${Math.round(rows * 1.25 + 0.5)}rem` }}
        />
        {file && (
          <Suspense fallback={null}>
            <FileEditor key={file.path + file.content.length} path={file.path} content={file.content} flavor={file.flavor} onClose={closeEditor} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
