"use client";

import type { ClusterSummary, NodeSummary, PodSummary, PodTone } from "../terminal/cluster-summary";

export type MapSelection = { kind: "pod"; namespace: string; name: string } | { kind: "node"; name: string };

export const TONE_FILL: Record<PodTone, string> = {
  running: "#16a34a",
  pending: "#d97706",
  error: "#dc2626",
  completed: "#9ca3af",
  terminating: "url(#terminating-stripes)",
};

const W = 820;
const SHIP_W = 260;
const GAP = 18;
const CELL = 16;
const COLS = 12;
/** Containers drawn per ship; the rest are counted ("+N more") and listed in the table. */
const MAX_DRAWN = 72;

function Bar({ x, y, label, used, total }: { x: number; y: number; label: string; used: number; total: number }) {
  const frac = total > 0 ? Math.min(1, used / total) : 0;
  const w = SHIP_W - 70;
  return (
    <g>
      <text x={x} y={y + 8} fontSize={10} fill="currentColor">{label}</text>
      <rect x={x + 46} y={y} width={w} height={9} rx={2} fill="#94a3b8" opacity={0.35} />
      <rect x={x + 46} y={y} width={w * frac} height={9} rx={2} fill={frac > 0.9 ? "#dc2626" : "#0b6bcb"} />
      <text x={x + 50 + w} y={y + 8} fontSize={9} fill="currentColor">{Math.round(frac * 100)}%</text>
    </g>
  );
}

function Containers({ pods, x, y, onSelect }: { pods: PodSummary[]; x: number; y: number; onSelect(s: MapSelection): void }) {
  const drawn = pods.slice(0, MAX_DRAWN);
  return (
    <g>
      {drawn.map((p, i) => (
        <rect
          key={`${p.namespace}/${p.name}`}
          x={x + (i % COLS) * CELL}
          y={y + Math.floor(i / COLS) * CELL}
          width={CELL - 3}
          height={CELL - 3}
          rx={2}
          fill={TONE_FILL[p.tone]}
          stroke="#0f172a"
          strokeWidth={0.5}
          style={{ cursor: "pointer" }}
          onClick={() => onSelect({ kind: "pod", namespace: p.namespace, name: p.name })}
        >
          <title>{`${p.namespace}/${p.name}: ${p.status}`}</title>
        </rect>
      ))}
      {pods.length > MAX_DRAWN && (
        <text x={x} y={y + Math.ceil(MAX_DRAWN / COLS) * CELL + 10} fontSize={10} fill="currentColor">
          +{pods.length - MAX_DRAWN} more
        </text>
      )}
    </g>
  );
}

function shipHeight(pods: number): number {
  return 70 + Math.max(1, Math.ceil(Math.min(pods, MAX_DRAWN) / COLS)) * CELL + (pods > MAX_DRAWN ? 14 : 0) + 34;
}

function Ship({ node, pods, x, y, onSelect, children }: { node: NodeSummary; pods: PodSummary[]; x: number; y: number; onSelect(s: MapSelection): void; children?: React.ReactNode }) {
  const notReady = node.ready !== "True";
  const deckY = y + 34 + (children ? 30 : 0);
  const h = shipHeight(pods.length) + (children ? 30 : 0);
  return (
    <g opacity={notReady ? 0.55 : 1}>
      <path
        d={`M${x} ${y + 14} h${SHIP_W} l-18 ${h - 14} h${-(SHIP_W - 36)} z`}
        fill={node.controlPlane ? "#1e3a5f" : "#334155"}
        stroke={notReady ? "#dc2626" : node.unschedulable ? "#d97706" : "#64748b"}
        strokeWidth={notReady || node.unschedulable ? 3 : 1}
        strokeDasharray={notReady ? "8 5" : undefined}
        style={{ cursor: "pointer" }}
        onClick={() => onSelect({ kind: "node", name: node.name })}
      >
        <title>{`node ${node.name}: ${node.status}`}</title>
      </path>
      <text x={x + 10} y={y + 30} fontSize={13} fontWeight={600} fill="#f8fafc" style={{ cursor: "pointer" }} onClick={() => onSelect({ kind: "node", name: node.name })}>
        {node.controlPlane ? "⚓ " : "⛴ "}
        {node.name}
      </text>
      <text x={x + SHIP_W - 10} y={y + 30} fontSize={11} textAnchor="end" fill={notReady ? "#fca5a5" : node.unschedulable ? "#fcd34d" : "#86efac"}>
        {node.status}
      </text>
      {children}
      <Containers pods={pods} x={x + 12} y={deckY} onSelect={onSelect} />
      <g color="#e2e8f0">
        <Bar x={x + 12} y={y + h - 30} label="cpu" used={node.cpu.requested} total={node.cpu.allocatable} />
        <Bar x={x + 12} y={y + h - 17} label="memory" used={node.memory.requested} total={node.memory.allocatable} />
      </g>
    </g>
  );
}

/** One sentence for the drawing; the table ("Show as table") has every detail. */
export function describeFleet(s: ClusterSummary): string {
  const tones = new Map<PodTone, number>();
  for (const p of s.pods) tones.set(p.tone, (tones.get(p.tone) ?? 0) + 1);
  const nodes = s.nodes.map((n) => `${n.name} ${n.status}`).join(", ");
  const pods = [...tones].map(([t, n]) => `${n} ${t}`).join(", ");
  return `Cluster map: nodes ${nodes}; ${s.pods.length} pods (${pods}).`;
}

/** The cluster as a fleet: the control-plane ship with its four components, worker ships carrying pods. */
export function ShipsSvg({ summary, onSelect }: { summary: ClusterSummary; onSelect(s: MapSelection): void }) {
  const byNode = new Map<string, PodSummary[]>();
  const harbour: PodSummary[] = [];
  for (const p of summary.pods) {
    if (!p.node) harbour.push(p);
    else byNode.set(p.node, [...(byNode.get(p.node) ?? []), p]);
  }
  const perRow = Math.floor((W + GAP) / (SHIP_W + GAP));
  let x = 0;
  let y = 0;
  let rowH = 0;
  const placed = summary.nodes.map((node, i) => {
    if (i > 0 && i % perRow === 0) {
      x = 0;
      y += rowH + GAP;
      rowH = 0;
    }
    const pods = byNode.get(node.name) ?? [];
    const h = shipHeight(pods.length) + (node.controlPlane ? 30 : 0);
    const at = { node, pods, x, y };
    x += SHIP_W + GAP;
    rowH = Math.max(rowH, h);
    return at;
  });
  const harbourY = y + rowH + GAP;
  const height = harbourY + (harbour.length ? 30 + Math.ceil(Math.min(harbour.length, MAX_DRAWN) / COLS) * CELL + 16 : 0);
  return (
    <svg viewBox={`0 0 ${W} ${Math.max(height, 120)}`} className="h-auto w-full" role="img" aria-label={describeFleet(summary)} data-testid="cluster-map-svg">
      <defs>
        <pattern id="terminating-stripes" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#9ca3af" />
          <rect width="3" height="6" fill="#dc2626" />
        </pattern>
      </defs>
      {placed.map(({ node, pods, x: sx, y: sy }) => (
        <Ship key={node.name} node={node} pods={pods} x={sx} y={sy} onSelect={onSelect}>
          {node.controlPlane && (
            <g>
              {summary.controlPlane.components.map((c, i) => (
                <g key={c.name}>
                  <rect x={sx + 12 + i * 60} y={sy + 38} width={56} height={22} rx={3} fill={TONE_FILL[c.tone]} />
                  <text x={sx + 40 + i * 60} y={sy + 53} fontSize={8} textAnchor="middle" fill="#fff">
                    {c.name.replace("kube-", "").replace("controller-manager", "ctrl-mgr")}
                  </text>
                  <title>{`${c.name}: ${c.status}`}</title>
                </g>
              ))}
            </g>
          )}
        </Ship>
      ))}
      {harbour.length > 0 && (
        <g>
          <text x={0} y={harbourY + 14} fontSize={12} fill="currentColor">In the harbour (not scheduled): {harbour.length}</text>
          <Containers pods={harbour} x={0} y={harbourY + 22} onSelect={onSelect} />
        </g>
      )}
    </svg>
  );
}
