import type { AnswerRecord, LabGrade } from "@/lib/labs/grade-lab";
import type { ClusterSummary } from "./cluster-summary";

/** A lab as the page hands it to the worker: the file's parsed YAML (validated again in the worker). */
export interface LabSource {
  file: string;
  raw: Record<string, unknown>;
}

/** A lab attempt as saved in the browser and handed back to resume it (JSON-able). */
export interface SavedRun {
  seed: number;
  snapshot: { version: 1; [key: string]: unknown };
  commands: string[];
  answers: Record<string, AnswerRecord>;
  revealedHints: string[];
  startedAt: number;
}

export interface LabState {
  grade: LabGrade;
  hints: string[];
  /** Virtual ms since the lab started. */
  elapsedMs: number;
  params: Record<string, string | number>;
  seed: number;
  /** The reference solution's commands, parameters filled in. */
  solution: string[];
  /** Exam mode: the time limit in minutes. */
  timeLimitMinutes?: number;
  /** Answers given so far (the learner's text), by question id. */
  answers: Record<string, string>;
}

/** How fast virtual time follows real time: 0 is paused. */
export type Speed = 0 | 1 | 10;

export interface ClockState {
  now: number;
  speed: Speed;
}

/** Which in-page editor the learner asked for: the keys and status line differ. */
export type EditorFlavor = "vim" | "nano";

/**
 * When the worker reached each step of its start, in its own clock (performance.now() of the worker, whose
 * timeOrigin differs from the page's): script evaluated, boot started, snapshot parsed, sim created, ready.
 */
export interface WorkerPhases {
  timeOrigin: number;
  evaluated: number;
  bootStart: number;
  snapshotParsed?: number;
  simCreated?: number;
  ready?: number;
}

/** Messages between the page and the simulator's Web Worker (the page never blocks on the cluster). */
export type ToWorker =
  | { type: "init"; seed?: number; lab?: LabSource; resume?: SavedRun }
  | { type: "run"; id: number; input: string }
  | { type: "needs-more"; id: number; input: string }
  | { type: "complete"; id: number; line: string; cursor: number }
  | { type: "interrupt" }
  | { type: "editor-result"; id: number; content: string | null }
  | { type: "lab-state"; id: number }
  | { type: "lab-answer"; id: number; question: string; value: string }
  | { type: "lab-hint"; id: number }
  | { type: "set-speed"; speed: Speed }
  | { type: "advance"; id: number; ms: number }
  | { type: "watch-summary"; on: boolean }
  | { type: "inspect"; id: number; kind: "pod" | "node"; namespace?: string; name: string }
  | { type: "save"; id: number };

export type FromWorker =
  | { type: "ready"; prompt: string; history: string[]; clock: ClockState; lab?: { seed: number }; notice?: string; bootMs: number; phases?: WorkerPhases }
  | { type: "init-error"; message: string }
  | { type: "output"; id: number; text: string; stream: "stdout" | "stderr" }
  | { type: "done"; id: number; exitCode: number; prompt: string }
  | { type: "needs-more-result"; id: number; value: boolean }
  | { type: "complete-result"; id: number; from: number; candidates: string[] }
  | { type: "open-editor"; id: number; path: string; content: string; flavor: EditorFlavor }
  | { type: "lab-state-result"; id: number; state: LabState | null }
  | { type: "changed" }
  /** `lab reset` was typed: the page starts the lab over (it owns the worker). */
  | { type: "reset-requested" }
  | { type: "clock"; clock: ClockState }
  | { type: "advance-result"; id: number }
  | { type: "summary"; summary: ClusterSummary }
  | { type: "inspect-result"; id: number; yaml: string; describe: string }
  | { type: "save-result"; id: number; run: SavedRun | null };
