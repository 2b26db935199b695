import type { VirtualClock } from "./clock";
import { WorkQueue } from "./work-queue";

export interface Reconciler {
  readonly queue: WorkQueue;
  reconcile(key: string): void;
}

interface Timer {
  at: number;
  seq: number;
  label: string;
  fn: () => void;
  cancelled: boolean;
}

/** Cancels a timer that has not fired yet. */
export type CancelTimer = () => void;

/**
 * The discrete-event loop of the engine: timers ordered by (virtual time, creation order) and the
 * controllers' work queues. Nothing runs unless `runUntilIdle` or `advance` is called, so every run
 * with the same inputs is identical.
 */
export class SimLoop {
  private timers: Timer[] = [];
  private seq = 0;
  private readonly reconcilers: Reconciler[] = [];

  constructor(readonly clock: VirtualClock) {}

  register(reconciler: Reconciler): void {
    this.reconcilers.push(reconciler);
  }

  /** Run `fn` when virtual time reaches now + delayMs. */
  after(delayMs: number, label: string, fn: () => void): CancelTimer {
    const timer: Timer = { at: this.clock.now() + Math.max(0, delayMs), seq: this.seq++, label, fn, cancelled: false };
    // Insert keeping (at, seq) order; timers are few enough that a sorted array is fine.
    let i = this.timers.length;
    while (i > 0 && this.timers[i - 1].at > timer.at) i--;
    this.timers.splice(i, 0, timer);
    return () => {
      timer.cancelled = true;
    };
  }

  /** Process every queued key and every timer due now, until nothing is left to do at this instant. */
  runUntilIdle(maxSteps = 1_000_000): void {
    let steps = 0;
    for (;;) {
      let didWork = false;
      for (const r of this.reconcilers) {
        let key = r.queue.get();
        while (key !== undefined) {
          didWork = true;
          r.reconcile(key);
          if (++steps > maxSteps) throw new Error("engine did not settle: too many reconcile steps");
          key = r.queue.get();
        }
      }
      const now = this.clock.now();
      while (this.timers.length > 0 && this.timers[0].at <= now) {
        const t = this.timers.shift()!;
        if (t.cancelled) continue;
        didWork = true;
        t.fn();
        if (++steps > maxSteps) throw new Error("engine did not settle: too many timer steps");
        break; // let controllers react before the next timer at the same instant
      }
      if (!didWork) return;
    }
  }

  /** Move virtual time forward by `ms`, firing timers in order and settling at each instant. */
  advance(ms: number): void {
    const target = this.clock.now() + Math.max(0, ms);
    this.runUntilIdle();
    for (;;) {
      const next = this.timers.find((t) => !t.cancelled);
      if (!next || next.at > target) break;
      this.clock.set(next.at);
      this.runUntilIdle();
    }
    this.clock.set(target);
    this.runUntilIdle();
  }

  /** Virtual time of the next pending timer, if any (lets callers wait "until something happens"). */
  nextTimerAt(): number | undefined {
    return this.timers.find((t) => !t.cancelled)?.at;
  }

  pendingWork(): boolean {
    return this.reconcilers.some((r) => r.queue.length > 0);
  }
}
