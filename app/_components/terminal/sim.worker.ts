import type { TraceEntry } from "@/lib/cluster/index";
import { kubectl } from "@/lib/kubectl/kubectl";
import type { LabTemplate } from "@/lib/labs/instantiate-lab";
import { instantiate } from "@/lib/labs/instantiate-lab";
import { createShell, type Shell } from "@/lib/shell/shell";
import { createSim, type Sim, type SimOptions } from "@/lib/sim/create-sim";
import { startLab, type LabRun } from "@/lib/sim/start-lab";
import { summarizeCluster } from "./cluster-summary";
import { DEFAULT_CLUSTER_SNAPSHOT } from "./default-cluster-snapshot";
import type { ClockState, EditorFlavor, FromWorker, LabState, SavedRun, Speed, ToWorker, WorkerPhases } from "./sim-protocol";

// The cluster lives here, off the main thread. Virtual time follows real time (x speed) in small ticks.
// Every import above has run: the script is parsed and evaluated (a phase of the page's time to a usable terminal).
const evaluatedAt = performance.now();
const TICK_MS = 250;
const SUMMARY_MS = 400;
const ACTIVITY_KEEP = 100;
let sim: Sim | undefined;
let lab: LabRun | undefined;
let speed: Speed = 1;
let lastTick = 0;
let lastClockPost = 0;
const post = (m: FromWorker) => (self as unknown as { postMessage(m: FromWorker): void }).postMessage(m);
const editors = new Map<number, (content: string | null) => void>();
let editorId = 0;
let changedSinceTick = false;
let summaryWanted = false;
let summaryDirty = true;
let activity: TraceEntry[] = [];
let currentInput = "";
let inspector: { shell: Shell; out: string } | undefined;
let busy: Promise<unknown> = Promise.resolve();

const clock = (): ClockState => ({ now: sim?.cluster.now() ?? 0, speed });

function tick() {
  if (!sim) return;
  const now = performance.now();
  const elapsed = Math.min(now - lastTick, 5000); // a background tab does not replay minutes in one go
  lastTick = now;
  if (speed > 0) sim.cluster.advance(Math.round(elapsed * speed));
  if (changedSinceTick) {
    changedSinceTick = false;
    post({ type: "changed" });
  }
  if (now - lastClockPost >= 1000) {
    lastClockPost = now;
    post({ type: "clock", clock: clock() });
  }
}

function postSummary() {
  if (!sim || !summaryWanted || !summaryDirty) return;
  summaryDirty = false;
  post({ type: "summary", summary: summarizeCluster(sim.cluster, activity) });
}

/** Which editor the running command asked for (vi is the default, as for kubectl edit without $EDITOR). */
function editorFlavor(input: string): EditorFlavor {
  return /(^|[\s;|&(=/"'])nano(\s|$|["'])/.test(input) ? "nano" : "vim";
}

const hostOptions: Pick<SimOptions, "sleep" | "yieldToHost" | "interactiveEditor"> = {
  // `sleep` waits for virtual time; the ticker moves the cluster meanwhile (paused: time moves at 1x while a command waits).
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      const cluster = sim!.cluster;
      const until = cluster.now() + ms;
      let last = performance.now();
      const poll = () => {
        const now = performance.now();
        if (speed === 0) cluster.advance(Math.min(Math.round(now - last), until - cluster.now()));
        last = now;
        if (signal.aborted || cluster.now() >= until) resolve();
        else setTimeout(poll, Math.min(50, Math.max(1, (until - cluster.now()) / Math.max(speed, 1))));
      };
      poll();
    }),
  yieldToHost: () => new Promise((resolve) => setTimeout(resolve, 0)),
  interactiveEditor: (path, content) =>
    new Promise((resolve) => {
      const id = ++editorId;
      editors.set(id, resolve);
      post({ type: "open-editor", id, path, content, flavor: editorFlavor(currentInput) });
    }),
};

async function startLabRun(msg: Extract<ToWorker, { type: "init" }>, resume?: SavedRun): Promise<LabRun> {
  const source = msg.lab!;
  const seed = resume?.seed ?? msg.seed;
  const { lab: parsed } = instantiate(source, seed);
  const template: LabTemplate = { id: parsed.id, file: source.file, raw: source.raw, lab: parsed };
  return startLab(template, { seed, resume, onReset: () => post({ type: "reset-requested" }), ...hostOptions });
}

async function start(msg: Extract<ToWorker, { type: "init" }>) {
  const bootStart = performance.now();
  const phases: WorkerPhases = { timeOrigin: performance.timeOrigin, evaluated: evaluatedAt, bootStart };
  try {
    let notice: string | undefined;
    if (msg.lab) {
      if (msg.resume) {
        try {
          lab = await startLabRun(msg, msg.resume);
        } catch (e) {
          notice = `Your saved lab could not be restored (${(e as Error).message}); it starts afresh.`;
        }
      }
      lab ??= await startLabRun(msg);
      sim = lab.sim;
    } else {
      // A lesson's cluster is always the default one: restore it from the build's snapshot (same state, less work).
      const snapshot = msg.seed === undefined && DEFAULT_CLUSTER_SNAPSHOT ? JSON.parse(DEFAULT_CLUSTER_SNAPSHOT) : undefined;
      phases.snapshotParsed = performance.now();
      sim = createSim({ seed: msg.seed, snapshot, ...hostOptions });
    }
    phases.simCreated = performance.now();
    sim.cluster.onChange(() => {
      changedSinceTick = true;
      summaryDirty = true;
    });
    sim.cluster.onTrace((e) => {
      activity.push(e);
      if (activity.length > ACTIVITY_KEEP * 2) activity = activity.slice(-ACTIVITY_KEEP);
    });
    lastTick = performance.now();
    setInterval(tick, TICK_MS);
    setInterval(postSummary, SUMMARY_MS);
    post({
      type: "ready",
      prompt: sim.session.prompt(),
      history: [...sim.shell.history],
      clock: clock(),
      lab: lab ? { seed: lab.attempt.seed } : undefined,
      notice,
      bootMs: Math.round(performance.now() - bootStart),
      phases: { ...phases, ready: performance.now() },
    });
  } catch (e) {
    post({ type: "init-error", message: (e as Error).message });
  }
}

function labState(): LabState | null {
  if (!lab || !sim) return null;
  return {
    grade: lab.grade(),
    hints: [...lab.revealedHints],
    elapsedMs: sim.cluster.now() - lab.startedAt,
    params: lab.attempt.params,
    seed: lab.attempt.seed,
    solution: lab.attempt.lab.solutions[0]?.commands ?? [],
    timeLimitMinutes: lab.attempt.lab.timeLimitMinutes,
    answers: Object.fromEntries(Object.entries(lab.answers).map(([k, v]) => [k, v.value])),
  };
}

function saved(): SavedRun | null {
  if (!lab || !sim) return null;
  return {
    seed: lab.attempt.seed,
    snapshot: sim.cluster.snapshot(),
    commands: [...sim.commands],
    answers: { ...lab.answers },
    revealedHints: [...lab.revealedHints],
    startedAt: lab.startedAt,
  };
}

/** `kubectl get -o yaml` and `kubectl describe` for the map, in a shell of their own (not the learner's history). */
async function inspect(kind: "pod" | "node", name: string, namespace?: string): Promise<{ yaml: string; describe: string }> {
  if (!inspector) {
    const box = { shell: undefined as unknown as Shell, out: "" };
    box.shell = createShell({ cluster: sim!.cluster, commands: { kubectl }, stdout: (t) => (box.out += t), stderr: (t) => (box.out += t) });
    inspector = box;
  }
  const ns = kind === "pod" ? ` -n ${namespace ?? "default"}` : "";
  const run = async (line: string) => {
    inspector!.out = "";
    await inspector!.shell.run(line);
    return inspector!.out;
  };
  return { yaml: await run(`kubectl get ${kind} ${name}${ns} -o yaml`), describe: await run(`kubectl describe ${kind} ${name}${ns}`) };
}

/** Commands run one after another: a `run` that waits (sleep, the editor) must not interleave with another. */
function serial<T>(task: () => Promise<T>): Promise<T> {
  const next = busy.then(task, task);
  busy = next.catch(() => undefined);
  return next;
}

let booted: Promise<void> | undefined;

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  if (msg.type === "init") {
    booted = start(msg);
    return booted;
  }
  // A lab's start awaits (restoring a saved attempt): what the page sent meanwhile waits for it, in order.
  if (!sim && booted) await booted;
  if (!sim) return;
  const s = sim;
  switch (msg.type) {
    case "run": {
      await serial(async () => {
        activity = [];
        currentInput = msg.input;
        const exitCode = await s.session.run(msg.input, (text, stream) => post({ type: "output", id: msg.id, text, stream }));
        currentInput = "";
        post({ type: "done", id: msg.id, exitCode, prompt: s.session.prompt() });
      });
      summaryDirty = true;
      post({ type: "changed" });
      break;
    }
    case "needs-more":
      post({ type: "needs-more-result", id: msg.id, value: Boolean(await s.session.needsMoreInput?.(msg.input)) });
      break;
    case "complete": {
      const r = (await s.session.complete?.(msg.line, msg.cursor)) ?? { from: msg.cursor, candidates: [] };
      post({ type: "complete-result", id: msg.id, ...r });
      break;
    }
    case "interrupt":
      s.session.interrupt?.();
      break;
    case "editor-result":
      editors.get(msg.id)?.(msg.content);
      editors.delete(msg.id);
      break;
    case "lab-state":
      post({ type: "lab-state-result", id: msg.id, state: labState() });
      break;
    case "lab-answer":
      lab?.answer(msg.question, msg.value);
      post({ type: "lab-state-result", id: msg.id, state: labState() });
      break;
    case "lab-hint":
      lab?.nextHint();
      post({ type: "lab-state-result", id: msg.id, state: labState() });
      break;
    case "set-speed":
      speed = msg.speed;
      lastTick = performance.now();
      post({ type: "clock", clock: clock() });
      break;
    case "advance":
      s.cluster.advance(Math.max(0, Math.round(msg.ms)));
      summaryDirty = true;
      post({ type: "advance-result", id: msg.id });
      post({ type: "clock", clock: clock() });
      post({ type: "changed" });
      postSummary();
      break;
    case "watch-summary":
      summaryWanted = msg.on;
      summaryDirty = true;
      postSummary();
      break;
    case "inspect": {
      const r = await inspect(msg.kind, msg.name, msg.namespace);
      post({ type: "inspect-result", id: msg.id, ...r });
      break;
    }
    case "save":
      post({ type: "save-result", id: msg.id, run: saved() });
      break;
  }
};
