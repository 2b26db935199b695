"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import type { SimClient } from "./sim-client";
import type { Speed } from "./sim-protocol";

const SPEEDS: { speed: Speed; label: string; name: string }[] = [
  { speed: 0, label: "❚❚", name: "Pause cluster time" },
  { speed: 1, label: "1x", name: "1x: cluster time at real speed" },
  { speed: 10, label: "10x", name: "10x: cluster time ten times faster" },
];

/** Formats virtual epoch ms as the cluster's wall clock (UTC, like the nodes). */
export function formatClusterTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/** Pause / 1x / 10x and +1 min / +5 min for the simulated cluster, with its clock. */
export function TimeControls({ client }: { client: SimClient }) {
  const clock = useSyncExternalStore(client.subscribeClock, client.getClock, client.getClock);
  const [, redraw] = useState(0);
  const [advancing, setAdvancing] = useState(false);
  useEffect(() => {
    if (clock.speed === 0) return;
    const t = setInterval(() => redraw((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, [clock.speed]);
  // Between the worker's clock reports, time runs on at the chosen speed.
  const shown = clock.now + (clock.speed ? Math.max(0, performance.now() - clock.at) * clock.speed : 0);
  const advance = (minutes: number) => {
    setAdvancing(true);
    void client.advance(minutes * 60_000).finally(() => setAdvancing(false));
  };
  const btn = "rounded px-1.5 py-0.5 text-xs hover:bg-white/15 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-300";
  return (
    <div role="group" aria-label="Cluster time" className="ml-auto flex items-center gap-1">
      <span className="mr-1 tabular-nums" data-testid="cluster-time" aria-label={`Cluster time ${formatClusterTime(shown)} UTC`}>
        {clock.now ? formatClusterTime(shown) : "--:--:--"}
      </span>
      {SPEEDS.map((s) => (
        <button
          key={s.speed}
          type="button"
          aria-label={s.name}
          aria-pressed={clock.speed === s.speed}
          onClick={() => client.setSpeed(s.speed)}
          className={`${btn} ${clock.speed === s.speed ? "bg-white/20 text-white" : ""}`}
        >
          {s.label}
        </button>
      ))}
      <button type="button" className={btn} disabled={advancing} onClick={() => advance(1)} aria-label="+1 min: advance cluster time 1 minute">
        +1 min
      </button>
      <button type="button" className={btn} disabled={advancing} onClick={() => advance(5)} aria-label="+5 min: advance cluster time 5 minutes">
        +5 min
      </button>
    </div>
  );
}
