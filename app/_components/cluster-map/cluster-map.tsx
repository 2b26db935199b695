"use client";

import { useEffect, useState } from "react";
import type { ClusterSummary } from "../terminal/cluster-summary";
import type { SimClient } from "../terminal/sim-client";
import { ActivityFeed } from "./activity-feed";
import { Inspector } from "./inspector";
import { SchedulingPanel } from "./scheduling-panel";
import { ShipsSvg, TONE_FILL, type MapSelection } from "./ships-svg";

/** Rows listed in the text alternative; a bigger fleet is summarised by status. */
const MAX_ROWS = 150;

const mib = (b: number) => `${Math.round(b / 2 ** 20)}Mi`;

function Legend() {
  const items: [string, string][] = [
    ["Running", TONE_FILL.running],
    ["Pending / ContainerCreating", TONE_FILL.pending],
    ["Error (ImagePullBackOff, CrashLoopBackOff, ...)", TONE_FILL.error],
    ["Completed", TONE_FILL.completed],
  ];
  return (
    <ul className="flex flex-wrap gap-3 text-xs" aria-label="Legend">
      {items.map(([label, color]) => (
        <li key={label} className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ background: color }} />
          {label}
        </li>
      ))}
      <li className="flex items-center gap-1">
        <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ background: "repeating-linear-gradient(45deg,#dc2626 0 2px,#9ca3af 2px 4px)" }} />
        Terminating
      </li>
      <li>Dashed red hull: NotReady · orange hull: cordoned</li>
    </ul>
  );
}

function TextAlternative({ summary, onSelect }: { summary: ClusterSummary; onSelect(s: MapSelection): void }) {
  const pods = summary.pods.slice(0, MAX_ROWS);
  const btn = "text-[var(--accent)] underline-offset-2 hover:underline";
  return (
    <div className="space-y-3 text-sm">
      <table className="w-full text-left">
        <caption className="text-left font-semibold">Control plane ({summary.controlPlane.node})</caption>
        <tbody>
          {summary.controlPlane.components.map((c) => (
            <tr key={c.name}>
              <th scope="row" className="pr-2 font-normal">{c.name}</th>
              <td>{c.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="overflow-x-auto">
        <table className="w-full text-left">
          <caption className="text-left font-semibold">Nodes</caption>
          <thead>
            <tr>
              <th scope="col">Node</th>
              <th scope="col">Status</th>
              <th scope="col">Pods</th>
              <th scope="col">CPU requests</th>
              <th scope="col">Memory requests</th>
              <th scope="col">Taints</th>
            </tr>
          </thead>
          <tbody>
            {summary.nodes.map((n) => (
              <tr key={n.name}>
                <th scope="row" className="font-normal">
                  <button type="button" className={btn} onClick={() => onSelect({ kind: "node", name: n.name })}>
                    {n.name}
                  </button>
                </th>
                <td>{n.status}</td>
                <td>{n.pods}</td>
                <td>
                  {n.cpu.requested}m / {n.cpu.allocatable}m
                </td>
                <td>
                  {mib(n.memory.requested)} / {mib(n.memory.allocatable)}
                </td>
                <td>{n.taints.join(", ") || "none"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="max-h-72 overflow-auto">
        <table className="w-full text-left">
          <caption className="text-left font-semibold">
            Pods ({summary.pods.length}
            {summary.pods.length > MAX_ROWS ? `, first ${MAX_ROWS} listed` : ""})
          </caption>
          <thead>
            <tr>
              <th scope="col">Namespace</th>
              <th scope="col">Pod</th>
              <th scope="col">Ready</th>
              <th scope="col">Status</th>
              <th scope="col">Restarts</th>
              <th scope="col">Node</th>
            </tr>
          </thead>
          <tbody>
            {pods.map((p) => (
              <tr key={`${p.namespace}/${p.name}`}>
                <td>{p.namespace}</td>
                <th scope="row" className="font-normal">
                  <button type="button" className={btn} onClick={() => onSelect({ kind: "pod", namespace: p.namespace, name: p.name })}>
                    {p.name}
                  </button>
                </th>
                <td>{p.ready}</td>
                <td>{p.status}</td>
                <td>{p.restarts}</td>
                <td>{p.node ?? "<none>"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The cluster map: ships and containers, with a table for everything drawn, details on click, and why. */
export function ClusterMap({ client }: { client: SimClient }) {
  const [summary, setSummary] = useState<ClusterSummary | null>(null);
  const [selection, setSelection] = useState<MapSelection | null>(null);
  const [view, setView] = useState<"map" | "table">("map");
  useEffect(() => client.onSummary(setSummary), [client]);
  if (!summary) return <p className="text-sm text-[var(--muted)]" aria-busy="true">Charting the fleet…</p>;
  return (
    <div className="space-y-4" data-testid="cluster-map">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Legend />
        <button type="button" className="rounded border border-[var(--border)] px-2 py-0.5 text-sm" onClick={() => setView(view === "map" ? "table" : "map")} aria-pressed={view === "table"}>
          Show as table
        </button>
      </div>
      {view === "map" && (
        <div className="rounded-lg bg-[#0b1d33] p-3 text-slate-200">
          <ShipsSvg summary={summary} onSelect={setSelection} />
        </div>
      )}
      {view === "table" && <TextAlternative summary={summary} onSelect={setSelection} />}
      {selection && <Inspector client={client} selection={selection} onClose={() => setSelection(null)} />}
      <section aria-label="Scheduling">
        <h3 className="mb-1 font-semibold">Scheduler</h3>
        <SchedulingPanel decision={summary.lastDecision} />
      </section>
      <section aria-label="Activity">
        <h3 className="mb-1 font-semibold">Activity since your last command</h3>
        <ActivityFeed items={summary.activity} />
      </section>
    </div>
  );
}
