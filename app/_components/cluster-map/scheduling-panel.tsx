import type { SchedulingDecision } from "@/lib/cluster/index";

/** Why the scheduler put the last pod where it did: nodes filtered out, and how the rest scored. */
export function SchedulingPanel({ decision }: { decision?: SchedulingDecision }) {
  if (!decision) return <p className="text-sm text-[var(--muted)]">No pod has been scheduled since the cluster started.</p>;
  const pod = `${decision.pod.namespace}/${decision.pod.name}`;
  const plugins = [...new Set(decision.nodes.flatMap((n) => Object.keys(n.scores ?? {})))];
  return (
    <div>
      <p className="text-sm">
        Last scheduling decision: pod <strong>{pod}</strong>{" "}
        {decision.node ? (
          <>
            → node <strong>{decision.node}</strong>
          </>
        ) : (
          <>
            could not be placed: <span className="text-red-700 dark:text-red-300">{decision.message}</span>
          </>
        )}
      </p>
      <div className="overflow-x-auto">
        <table className="mt-2 w-full text-left text-xs">
          <caption className="sr-only">Filter and score results per node for pod {pod}</caption>
          <thead>
            <tr className="border-b border-[var(--border)]">
              <th scope="col" className="py-1 pr-2">Node</th>
              <th scope="col" className="py-1 pr-2">Filters</th>
              {plugins.map((p) => (
                <th scope="col" key={p} className="py-1 pr-2">{p}</th>
              ))}
              <th scope="col" className="py-1 pr-2">Total</th>
            </tr>
          </thead>
          <tbody>
            {decision.nodes.map((n) => (
              <tr key={n.name} className={`border-b border-[var(--border)] ${n.name === decision.node ? "font-semibold" : ""}`}>
                <th scope="row" className="py-1 pr-2">{n.name}{n.name === decision.node ? " ✓" : ""}</th>
                <td className="py-1 pr-2">{n.filteredOutBy ? `filtered out by ${n.filteredOutBy.plugin}: ${n.filteredOutBy.reason}` : "passed"}</td>
                {plugins.map((p) => (
                  <td key={p} className="py-1 pr-2 tabular-nums">{n.scores?.[p] ?? "–"}</td>
                ))}
                <td className="py-1 pr-2 tabular-nums">{n.total ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
