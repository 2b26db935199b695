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
  /** Binary min-heap on (at, seq): thousands of pending timers in a big scale-up. */
  private readonly timers: Timer[] = [];
  private seq = 0;
  private readonly reconcilers: Reconciler[] = [];

  constructor(readonly clock: VirtualClock) {}

  register(reconciler: Reconciler): void {
    this.reconcilers.push(reconciler);
  }

  /** Run `fn` when virtual time reaches now + delayMs. */
  after(delayMs: number, label: string, fn: () => void): CancelTimer {
    const timer: Timer = { at: this.clock.now() + Math.max(0, delayMs), seq: this.seq++, label, fn, cancelled: false };
    this.push(timer);
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
      // Fire every timer already due when this round began, then let the controllers react to all of them
      // at once (their queues coalesce per object), as real components see a burst of kubelet updates.
      // Timers these callbacks add for "now" wait for the next round.
      const now = this.clock.now();
      const limit = this.seq;
      for (;;) {
        const t = this.peek();
        if (!t || t.at > now || t.seq >= limit) break;
        this.pop();
        if (t.cancelled) continue;
        didWork = true;
        t.fn();
        if (++steps > maxSteps) throw new Error("engine did not settle: too many timer steps");
      }
      if (!didWork) return;
    }
  }

  /** Move virtual time forward by `ms`, firing timers in order and settling at each instant. */
  advance(ms: number): void {
    const target = this.clock.now() + Math.max(0, ms);
    this.runUntilIdle();
    for (;;) {
      const next = this.peek();
      if (!next || next.at > target) break;
      this.clock.set(Math.max(next.at, this.clock.now()));
      this.runUntilIdle();
    }
    this.clock.set(target);
    this.runUntilIdle();
  }

  /** Virtual time of the next pending timer, if any (lets callers wait "until something happens"). */
  nextTimerAt(): number | undefined {
    return this.peek()?.at;
  }

  pendingWork(): boolean {
    return this.reconcilers.some((r) => r.queue.length > 0);
  }

  /** The earliest live timer (cancelled ones at the top are dropped on the way). */
  private peek(): Timer | undefined {
    while (this.timers.length > 0 && this.timers[0].cancelled) this.pop();
    return this.timers[0];
  }

  private static before(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(t: Timer): void {
    const h = this.timers;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!SimLoop.before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): Timer | undefined {
    const h = this.timers;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && SimLoop.before(h[l], h[m])) m = l;
        if (r < h.length && SimLoop.before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
