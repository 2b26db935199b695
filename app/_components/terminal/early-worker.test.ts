import { describe, expect, it } from "vitest";
import { earlyWorkerScript } from "./early-worker";

/** Runs the inline script against a stand-in page: what it starts, posts and appends. */
function runInPage(script: string, page: { sims?: Record<string, unknown>; mountIslands?: () => void; headScripts?: string[] } = {}) {
  const workers: { url: string; posted: unknown[]; onmessage?: (e: { data: unknown }) => void; onerror?: () => void }[] = [];
  const appended: { src: string; async: boolean }[] = [...(page.headScripts ?? []).map((src) => ({ src, async: true }))];
  const box = { tagName: "DIV" };
  const window: Record<string, unknown> = { __shipyardSims: page.sims, __shipyardMountIslands: page.mountIslands };
  const document = {
    currentScript: { previousElementSibling: box },
    querySelector: (selector: string) => appended.find((s) => selector === `script[src="${s.src}"]`) ?? null,
    createElement: () => ({ src: "", async: false }),
    head: { appendChild: (s: { src: string; async: boolean }) => appended.push(s) },
  };
  const marks: string[] = [];
  const performance = { mark: (name: string) => marks.push(name) };
  class Worker {
    posted: unknown[] = [];
    constructor(public url: string) {
      workers.push(this);
    }
    postMessage(m: unknown) {
      this.posted.push(m);
    }
  }
  new Function("window", "document", "performance", "Worker", script)(window, document, performance, Worker);
  return { window, workers, appended, marks, box };
}

describe("earlyWorkerScript", () => {
  it("starts the worker with the default cluster, keeps its answers and loads the terminal script", () => {
    const page = runInPage(earlyWorkerScript("_R_1_", 'Practice "terminal"', "/w.js", "/t.js"));
    expect(page.workers.map((w) => [w.url, w.posted])).toEqual([["/w.js", [{ type: "init" }]]]);
    const entry = (page.window.__shipyardSims as Record<string, { queued: unknown[]; box: unknown; label: string }>)["_R_1_"];
    expect(entry.box).toBe(page.box);
    expect(entry.label).toBe('Practice "terminal"');
    page.workers[0].onmessage!({ data: { type: "ready" } });
    page.workers[0].onerror!();
    expect(entry.queued).toEqual([{ type: "ready" }, { type: "init-error", message: "the simulator worker failed to start" }]);
    expect(page.appended).toEqual([{ src: "/t.js", async: true }]);
    expect(page.marks).toEqual(["shipyard:worker-start"]);
  });

  it("leaves the terminal script to the page's head when the head already loads it", () => {
    const page = runInPage(earlyWorkerScript("_R_3_", "T", "/w.js", "/t.js"), { headScripts: ["/t.js"] });
    expect(page.appended).toEqual([{ src: "/t.js", async: true }]);
    expect(page.workers.map((w) => w.url)).toEqual(["/w.js"]);
  });

  it("mounts a second terminal through the already loaded terminal script, and never starts a worker twice", () => {
    let mounts = 0;
    const sims: Record<string, unknown> = {};
    const page = runInPage(earlyWorkerScript("_R_2_", "T", "/w.js", "/t.js"), { sims, mountIslands: () => mounts++ });
    expect(page.appended).toEqual([]);
    expect(mounts).toBe(1);
    const again = runInPage(earlyWorkerScript("_R_2_", "T", "/w.js", "/t.js"), { sims, mountIslands: () => mounts++ });
    expect(again.workers).toEqual([]);
    expect(mounts).toBe(1);
  });
});
