"use client";

import "@xterm/xterm/css/xterm.css";
import { lazy, Suspense, useEffect, useId, useRef, useState } from "react";
import { preinit } from "react-dom";
import { earlyWorkerScript, SIM_WORKER_URL, takeEarlyTerminal, TERMINAL_SCRIPT_URL } from "./terminal/early-worker";
import type { MountedTerminal } from "./terminal/mount-terminal";
import type { SimClient } from "./terminal/sim-client";
import type { EditorFlavor } from "./terminal/sim-protocol";
import { registerTerminal } from "./terminal/terminal-registry";
import { TimeControls } from "./terminal/time-controls";

// xterm's chunk is requested when a terminal first renders in the browser (hydration), not after it commits.
let xtermChunk: Promise<typeof import("./terminal/mount-terminal")> | undefined;
const loadXterm = () => (xtermChunk ??= import("./terminal/mount-terminal"));
let clientChunk: Promise<typeof import("./terminal/sim-client")> | undefined;
const loadSimClient = () => (clientChunk ??= import("./terminal/sim-client"));

const XTERM_OWNS_THIS = { __html: "" };

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
  const id = useId();
  // Without a terminal the HTML started (a client-side navigation, the dev server, a lab), request the chunks
  // while the page hydrates rather than after its effects.
  const startedByHtml = useRef<boolean | undefined>(undefined);
  // Server rendering: the page's head loads the terminal script (xterm) at high priority, so it downloads with
  // the CSS and runs as soon as it arrives, ahead of React's chunks; the inline script below mounts it in the box.
  if (typeof window === "undefined" && !client && SIM_WORKER_URL && TERMINAL_SCRIPT_URL) preinit(TERMINAL_SCRIPT_URL, { as: "script", fetchPriority: "high" });
  if (typeof window !== "undefined" && startedByHtml.current === undefined) {
    startedByHtml.current = Boolean(window.__shipyardSims?.[id]);
    if (!startedByHtml.current) void Promise.all([loadXterm(), client ? undefined : loadSimClient()]);
  }

  useEffect(() => {
    let disposed = false;
    let cleanup: (() => void) | undefined;

    /** Wires a mounted xterm and its simulator into the page: editor, Run buttons, time controls. */
    const attach = (container: HTMLElement, sim: SimClient, mounted: MountedTerminal, own: SimClient | undefined) => {
      mountedRef.current = mounted;
      sim.openEditor = (path, content, flavor) => new Promise((resolve) => setFile({ path, content, flavor, resolve }));
      // xterm stops drawing while off screen: bring it into view so the learner sees the command run.
      sim.typeCommand = (command) => {
        container.scrollIntoView({ block: "nearest" });
        mounted.typeCommand(command);
        mounted.focus();
      };
      const unregister = registerTerminal({ element: container, typeCommand: (c) => mounted.typeCommand(c), focus: () => mounted.focus() });
      void sim.start().then(
        () => !disposed && setActive(sim),
        (e: unknown) => {
          if (disposed) return;
          console.warn("the simulator failed to start", e);
          setState("failed");
        },
      );
      cleanup = () => {
        unregister();
        mounted.dispose();
        mountedRef.current = null;
        if (sim.openEditor) sim.openEditor = undefined;
        own?.dispose();
      };
      setState("ready");
    };

    // The terminal the HTML started for this box, if it did (a first page load, not a client navigation).
    const early = client ? undefined : takeEarlyTerminal(id);
    if (early?.island && box.current) {
      // Already mounted by the terminal script before React came: adopt it.
      const { client: sim, mounted, waitingEditors } = early.island;
      attach(box.current, sim, mounted, sim);
      for (const w of waitingEditors.splice(0)) void sim.openEditor?.(w.path, w.content, w.flavor).then(w.resolve);
      return () => {
        disposed = true;
        cleanup?.();
      };
    }

    // The simulator (a worker with the whole engine) starts while xterm's chunk is still loading.
    const sim = client
      ? Promise.resolve({ sim: client, own: undefined })
      : loadSimClient().then(({ SimClient }) => {
          const own = new SimClient({ early });
          if (!disposed) void own.start().catch(() => {});
          return { sim: own, own };
        });
    Promise.all([loadXterm(), sim])
      .then(async ([{ mountTerminal }, { sim, own }]) => {
        if (disposed || !box.current) {
          own?.dispose();
          return;
        }
        // A terminal's own simulator always starts the default cluster: its prompt is known before the worker
        // is up, so the terminal takes input at once and the first command waits for the cluster (type-ahead).
        // A shared one (a lab) may resume a saved attempt: its history comes from the worker.
        const session = own ? sim.session : await sim.start();
        if (disposed || !box.current) {
          own?.dispose();
          return;
        }
        const mounted = mountTerminal(box.current, session, { label, history: sim.info.history });
        attach(box.current, sim, mounted, own);
        performance.mark("shipyard:terminal-ready");
      })
      .catch((e: unknown) => {
        console.warn("terminal failed to start", e);
        setState("failed");
      });
    return () => {
      disposed = true;
      cleanup?.();
    };
  }, [label, client, id]);

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
          // xterm's DOM, not React's: the terminal script may fill it before hydration (a constant, so React
          // never rewrites it). data-state may already say "ready" then.
          suppressHydrationWarning
          dangerouslySetInnerHTML={XTERM_OWNS_THIS}
        />
        {!client && SIM_WORKER_URL && (
          // The simulator boots and xterm mounts while React loads: both start from the HTML itself.
          <script suppressHydrationWarning dangerouslySetInnerHTML={{ __html: earlyWorkerScript(id, label, SIM_WORKER_URL, TERMINAL_SCRIPT_URL) }} />
        )}
        {file && (
          <Suspense fallback={null}>
            <FileEditor key={file.path + file.content.length} path={file.path} content={file.content} flavor={file.flavor} onClose={closeEditor} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
