import type { ShellSession } from "@/lib/shell/session-types";
import type { ClusterSummary } from "./cluster-summary";
import { SIM_WORKER_URL, type EarlyTerminal } from "./early-worker";
import type { ClockState, EditorFlavor, FromWorker, LabSource, LabState, SavedRun, Speed, ToWorker, WorkerPhases } from "./sim-protocol";

export type OpenEditor = (path: string, content: string, flavor: EditorFlavor) => Promise<string | null>;

/** What the page learns when the simulator is ready. */
export interface SimReady {
  /** Command lines of a resumed lab (the terminal's up-arrow history). */
  history: string[];
  /** The attempt's seed (labs), for the share link. */
  labSeed?: number;
  /** Something the learner should know (a saved lab could not be restored). */
  notice?: string;
}

/** The worker's start as marks on the page's timeline (the Performance panel, `npm run bench:web`). */
function markWorkerPhases(phases: WorkerPhases | undefined) {
  if (!phases) return;
  const shift = phases.timeOrigin - performance.timeOrigin;
  for (const [name, at] of [["worker-evaluated", phases.evaluated], ["worker-boot-start", phases.bootStart], ["worker-snapshot-parsed", phases.snapshotParsed], ["worker-sim-created", phases.simCreated]] as const) {
    if (at !== undefined) performance.mark(`shipyard:${name}`, { startTime: Math.max(0, at + shift) });
  }
}

type Reply<T extends FromWorker["type"]> = Extract<FromWorker, { type: T }>;

/**
 * The page's handle on the simulator running in a Web Worker: a ShellSession for the terminal, the lab's
 * state for the lab panel, the clock for the time controls, a summary for the cluster map.
 * Created once per page; the terminal and the panels share it.
 */
export class SimClient {
  private worker: Worker | undefined;
  private prompt = "controlplane:~$ ";
  private nextId = 0;
  private readonly waiting = new Map<number, (m: FromWorker) => void>();
  private readonly writers = new Map<number, (text: string, stream: "stdout" | "stderr") => void>();
  private readonly changeListeners = new Set<() => void>();
  private readonly resetListeners = new Set<() => void>();
  private readonly commandListeners = new Set<() => void>();
  private readonly clockListeners = new Set<() => void>();
  private readonly summaryListeners = new Set<(s: ClusterSummary) => void>();
  private ready: Promise<ShellSession> | undefined;
  private clockState: ClockState & { at: number } = { now: 0, speed: 1, at: 0 };
  private lastSummary: ClusterSummary | undefined;
  /** Filled when the worker is ready. */
  info: SimReady = { history: [] };
  /** Set by the terminal to show the in-page editor for vi / nano / kubectl edit. */
  openEditor: OpenEditor | undefined;
  /** Set by the lab page: save the attempt in the browser now (after an answer or a hint). */
  saveNow: (() => Promise<void>) | undefined;
  /** Set by the terminal once mounted: types a command as if the learner did. */
  typeCommand: ((command: string) => void) | undefined;

  /** `early`: the worker the page's HTML already started for the default cluster (then no seed, lab or resume). */
  constructor(private readonly opts: { seed?: number; lab?: LabSource; resume?: SavedRun; early?: Pick<EarlyTerminal, "worker" | "queued"> } = {}) {}

  /** Starts the worker (once) and resolves when the cluster is ready. */
  start(): Promise<ShellSession> {
    this.ready ??= new Promise((resolve, reject) => {
      const early = this.opts.early;
      // Marks for `npm run bench:web` (and the Performance panel): where the time to a usable terminal goes.
      if (!early) performance.mark("shipyard:worker-start");
      const worker =
        early?.worker ??
        (SIM_WORKER_URL
          ? new Worker(SIM_WORKER_URL) // built by next.config.mjs (one script, the default cluster baked in)
          : new Worker(new URL("./sim.worker.ts", import.meta.url), { type: "module" })); // the dev server
      this.worker = worker;
      worker.onerror = (e) => reject(new Error(e.message || "the simulator worker failed to start"));
      const receive = (m: FromWorker) => {
        switch (m.type) {
          case "ready":
            markWorkerPhases(m.phases);
            performance.mark("shipyard:sim-ready", { detail: { bootMs: m.bootMs } });
            this.prompt = m.prompt;
            this.info = { history: m.history, labSeed: m.lab?.seed, notice: m.notice };
            this.setClock(m.clock);
            resolve(this.session);
            return;
          case "init-error":
            reject(new Error(m.message));
            return;
          case "output":
            this.writers.get(m.id)?.(m.text, m.stream);
            return;
          case "open-editor":
            void (this.openEditor ? this.openEditor(m.path, m.content, m.flavor) : Promise.resolve(null)).then((content) =>
              this.send({ type: "editor-result", id: m.id, content }),
            );
            return;
          case "changed":
            for (const l of this.changeListeners) l();
            return;
          case "reset-requested":
            for (const l of this.resetListeners) l();
            return;
          case "clock":
            this.setClock(m.clock);
            return;
          case "summary":
            this.lastSummary = m.summary;
            for (const l of this.summaryListeners) l(m.summary);
            return;
          default:
            this.waiting.get(m.id)?.(m);
            this.waiting.delete(m.id);
        }
      };
      worker.onmessage = (event: MessageEvent<FromWorker>) => receive(event.data);
      if (early) {
        for (const m of early.queued.splice(0)) receive(m);
      } else {
        this.send({ type: "init", seed: this.opts.seed, lab: this.opts.lab, resume: this.opts.resume });
      }
    });
    return this.ready;
  }

  /** Called after every command and whenever the cluster changed (at most a few times a second). */
  /** `lab reset` typed in the terminal. */
  onResetRequest(listener: () => void): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Called when a command line finished (a moment worth saving). */
  onCommand(listener: () => void): () => void {
    this.commandListeners.add(listener);
    return () => this.commandListeners.delete(listener);
  }

  /** For useSyncExternalStore: the virtual clock as last reported (`at`: performance.now() when it was). */
  subscribeClock = (listener: () => void): (() => void) => {
    this.clockListeners.add(listener);
    return () => this.clockListeners.delete(listener);
  };

  getClock = (): ClockState & { at: number } => this.clockState;

  setSpeed(speed: Speed): void {
    this.send({ type: "set-speed", speed });
  }

  /** Move virtual time forward now (+1 min, +5 min). */
  async advance(ms: number): Promise<void> {
    await this.start();
    await this.request<Reply<"advance-result">>({ type: "advance", id: ++this.nextId, ms });
  }

  /** The cluster map's feed; the worker only builds summaries while someone listens. */
  onSummary(listener: (s: ClusterSummary) => void): () => void {
    this.summaryListeners.add(listener);
    if (this.lastSummary) listener(this.lastSummary);
    if (this.summaryListeners.size === 1) void this.start().then(() => this.send({ type: "watch-summary", on: true }));
    return () => {
      this.summaryListeners.delete(listener);
      if (this.summaryListeners.size === 0) this.send({ type: "watch-summary", on: false });
    };
  }

  async inspect(kind: "pod" | "node", name: string, namespace?: string): Promise<{ yaml: string; describe: string }> {
    await this.start();
    const r = await this.request<Reply<"inspect-result">>({ type: "inspect", id: ++this.nextId, kind, name, namespace });
    return { yaml: r.yaml, describe: r.describe };
  }

  /** The lab attempt as it stands, to save in the browser (null outside labs). */
  async save(): Promise<SavedRun | null> {
    await this.start();
    return (await this.request<Reply<"save-result">>({ type: "save", id: ++this.nextId })).run;
  }

  async labState(): Promise<LabState | null> {
    await this.start();
    return (await this.request<Reply<"lab-state-result">>({ type: "lab-state", id: ++this.nextId })).state;
  }

  async answer(question: string, value: string): Promise<LabState | null> {
    return (await this.request<Reply<"lab-state-result">>({ type: "lab-answer", id: ++this.nextId, question, value })).state;
  }

  async hint(): Promise<LabState | null> {
    return (await this.request<Reply<"lab-state-result">>({ type: "lab-hint", id: ++this.nextId })).state;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.ready = undefined;
    this.typeCommand = undefined;
  }

  private setClock(c: ClockState) {
    this.clockState = { ...c, at: performance.now() };
    for (const l of this.clockListeners) l();
  }

  private send(m: ToWorker) {
    this.worker?.postMessage(m);
  }

  private request<T extends FromWorker>(m: ToWorker & { id: number }): Promise<T> {
    return new Promise<T>((res) => {
      this.waiting.set(m.id, res as (m: FromWorker) => void);
      this.send(m);
    });
  }

  readonly session: ShellSession = {
    prompt: () => this.prompt,
    // Each call waits for the worker: the terminal may take input (type-ahead) before the cluster is up.
    run: async (input, write) => {
      await this.start();
      const id = ++this.nextId;
      this.writers.set(id, write);
      const done = await this.request<Reply<"done">>({ type: "run", id, input });
      this.writers.delete(id);
      this.prompt = done.prompt;
      for (const l of this.commandListeners) l();
      return done.exitCode;
    },
    needsMoreInput: async (input) => {
      await this.start();
      return (await this.request<Reply<"needs-more-result">>({ type: "needs-more", id: ++this.nextId, input })).value;
    },
    complete: async (line, cursor) => {
      await this.start();
      const r = await this.request<Reply<"complete-result">>({ type: "complete", id: ++this.nextId, line, cursor });
      return { from: r.from, candidates: r.candidates };
    },
    interrupt: () => this.send({ type: "interrupt" }),
  };
}
