import type { MountedTerminal } from "./mount-terminal";
import type { SimClient } from "./sim-client";
import type { EditorFlavor, FromWorker } from "./sim-protocol";

/** An in-page editor request that arrived before React took the terminal over. */
export interface WaitingEditor {
  path: string;
  content: string;
  flavor: EditorFlavor;
  resolve(saved: string | null): void;
}

/**
 * A terminal the page's HTML started before React loaded: its worker with the messages it sent meanwhile,
 * and, once the terminal script has run, the mounted xterm (the "island") that React then adopts.
 */
export interface EarlyTerminal {
  worker: Worker;
  queued: FromWorker[];
  /** The terminal's box (the element just before the inline script). */
  box: Element | null;
  label: string;
  island?: { client: SimClient; mounted: MountedTerminal; waitingEditors: WaitingEditor[] };
}

declare global {
  interface Window {
    __shipyardSims?: Record<string, EarlyTerminal | undefined>;
    /** Set by the terminal script (terminal-island.ts): mounts every early terminal not yet mounted. */
    __shipyardMountIslands?: () => void;
  }
}

/** The worker script built by next.config.mjs (undefined on the dev server, which bundles the worker itself). */
export const SIM_WORKER_URL: string | undefined = process.env.NEXT_PUBLIC_SIM_WORKER_URL;
/** The terminal script (xterm, the line editor, the worker client) built by next.config.mjs. */
export const TERMINAL_SCRIPT_URL: string | undefined = process.env.NEXT_PUBLIC_TERMINAL_SCRIPT_URL;

/**
 * An inline script for a terminal's server-rendered HTML, placed right after the terminal's box. While the page's
 * JavaScript is still loading it starts the worker (asking for the default cluster, keeping what the worker
 * answers) and loads the terminal script, which mounts xterm in the box at once; React adopts both later.
 * It runs only when the HTML is parsed: a client-side navigation renders it inert, and the terminal starts its own.
 */
export function earlyWorkerScript(id: string, label: string, workerUrl: string, terminalUrl: string | undefined): string {
  const key = JSON.stringify(id);
  // The page's head normally loads the terminal script already (preinit in Terminal); this is the fallback. It is
  // requested before the (larger) worker script: on a slow network, typing comes first.
  const load = terminalUrl
    ? `if(!window.__shipyardMountIslands&&!document.querySelector(${JSON.stringify(`script[src="${terminalUrl}"]`)})){var t=document.createElement("script");t.async=true;t.src=${JSON.stringify(terminalUrl)};document.head.appendChild(t)}`
    : "";
  const mount = terminalUrl ? "if(window.__shipyardMountIslands)window.__shipyardMountIslands();" : "";
  return (
    `(function(){try{var s=window.__shipyardSims||(window.__shipyardSims={});if(s[${key}])return;${load}` +
    `performance.mark("shipyard:worker-start");var w=new Worker(${JSON.stringify(workerUrl)}),q=[];` +
    `w.onmessage=function(e){q.push(e.data)};w.onerror=function(){q.push({type:"init-error",message:"the simulator worker failed to start"})};` +
    `w.postMessage({type:"init"});var c=document.currentScript;` +
    `s[${key}]={worker:w,queued:q,box:c&&c.previousElementSibling,label:${JSON.stringify(label)}};${mount}}catch(e){}})()`
  );
}

/** Takes the early terminal the HTML started for this terminal (once), with its island if it is mounted. */
export function takeEarlyTerminal(id: string): EarlyTerminal | undefined {
  const sims = typeof window === "undefined" ? undefined : window.__shipyardSims;
  const early = sims?.[id];
  if (sims) delete sims[id];
  return early;
}
