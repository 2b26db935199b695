/**
 * How virtual time moves while the cluster is served. The engine only moves when told to; a real client expects
 * a live cluster, so the server drives it:
 *  - realtime: virtual time follows the wall clock (times `speed`), and controllers react right after each write;
 *  - on-demand: time stands still while requests come in and moves in 1 s steps only while a client waits on a
 *    watch with nothing else to do (a `kubectl rollout status`, `delete --wait`), or polls (the same GET again,
 *    as `replace --force` does). That is how our own kubectl's waits move time (one second per poll), so a
 *    served cluster and a simulated one stay in step.
 */
import type { Cluster } from "../cluster/index";

export type ClockMode = { mode: "realtime"; speed: number } | { mode: "on-demand"; stepMs?: number; idleMs?: number };

export interface ClockDriver {
  start(): void;
  stop(): void;
  /** `connection` identifies the client's connection: only a repeat on the same one is a poll. */
  requestStarted(method: string, url: string, connection: object): void;
  requestEnded(): void;
  /** A write was served. */
  wrote(): void;
  watchStarted(): void;
  watchEnded(): void;
}

export function createClockDriver(clusterOf: () => Cluster, mode: ClockMode): ClockDriver {
  let inFlight = 0;
  let watching = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  let settle: ReturnType<typeof setImmediate> | undefined;
  let lastActivity = Date.now();
  const lastRequest = new WeakMap<object, { signature: string; at: number }>();

  if (mode.mode === "realtime") {
    let last = Date.now();
    return {
      start() {
        last = Date.now();
        timer = setInterval(() => {
          const now = Date.now();
          clusterOf().advance((now - last) * mode.speed);
          last = now;
        }, 100);
      },
      stop() {
        if (timer) clearInterval(timer);
        if (settle) clearImmediate(settle);
      },
      requestStarted() {},
      requestEnded() {},
      wrote() {
        settle ??= setImmediate(() => {
          settle = undefined;
          clusterOf().runUntilIdle();
        });
      },
      watchStarted() {},
      watchEnded() {},
    };
  }

  const step = mode.stepMs ?? 1000;
  const idle = mode.idleMs ?? 25;
  return {
    start() {
      timer = setInterval(() => {
        if (watching === 0 || inFlight > 0 || Date.now() - lastActivity < idle) return;
        clusterOf().advance(step);
        lastActivity = Date.now();
      }, Math.max(5, Math.floor(idle / 2)));
    },
    stop() {
      if (timer) clearInterval(timer);
    },
    requestStarted(method, url, connection) {
      inFlight++;
      lastActivity = Date.now();
      const signature = `${method} ${url}`;
      // A poll: the same GET again after a pause (kubectl polls once per real second; describe may read the
      // same list twice in a row, which is not a wait). Move on in 1 s steps until something changes.
      const last = lastRequest.get(connection);
      if (method === "GET" && last?.signature === signature && Date.now() - last.at >= 500) {
        const c = clusterOf();
        let changed = false;
        const off = c.onChange(() => (changed = true));
        for (let i = 0; i < 120 && !changed; i++) c.advance(step);
        off();
      }
      lastRequest.set(connection, { signature, at: Date.now() });
    },
    requestEnded() {
      inFlight--;
      lastActivity = Date.now();
    },
    wrote() {},
    // A watch stays open after its handler returned, so it never counts as a request in flight.
    watchStarted() {
      watching++;
    },
    watchEnded() {
      watching--;
    },
  };
}
