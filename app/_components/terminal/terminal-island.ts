import type { EarlyTerminal } from "./early-worker";
import { mountTerminal } from "./mount-terminal";
import { SimClient } from "./sim-client";

// The terminal script a lesson page's HTML loads (built apart by next.config.mjs): xterm is mounted as soon as
// this script runs, before React hydrates the page, so the learner can type at once. React's Terminal adopts it.

// xterm and this script are parsed and evaluated (a phase of the time to a usable terminal).
performance.mark("shipyard:terminal-script-evaluated");

function mountIsland(early: EarlyTerminal) {
  if (early.island || !(early.box instanceof HTMLElement)) return;
  const client = new SimClient({ early });
  void client.start().catch(() => {}); // React's Terminal reports a failed start
  const waitingEditors: NonNullable<EarlyTerminal["island"]>["waitingEditors"] = [];
  // vi before React is up: the editor opens once React has adopted the terminal.
  client.openEditor = (path, content, flavor) => new Promise((resolve) => waitingEditors.push({ path, content, flavor, resolve }));
  const mounted = mountTerminal(early.box, client.session, { label: early.label });
  early.island = { client, mounted, waitingEditors };
  early.box.setAttribute("data-state", "ready");
  performance.mark("shipyard:terminal-ready");
}

window.__shipyardMountIslands = () => {
  for (const early of Object.values(window.__shipyardSims ?? {})) if (early) mountIsland(early);
};
window.__shipyardMountIslands();
