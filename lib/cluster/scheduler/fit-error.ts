/** framework.ErrNoNodesAvailable: the message when the cluster has no nodes at all. */
export const NO_NODES_AVAILABLE = "no nodes available to schedule pods";

/**
 * framework.FitError.Error(): "0/N nodes are available: <count> <reason>, ... ." with the "<count> <reason>"
 * strings sorted byte-wise (so "1 Insufficient cpu" sorts before "1 node(s)...", and "10 x" before "2 x"),
 * followed by the PostFilter (preemption) message, which carries its own full stop.
 * `absent` counts nodes without an entry, each given `absentReasons` (how preemption reports skipped nodes).
 */
export function formatFitError(
  numAllNodes: number,
  nodeReasons: Iterable<readonly string[]>,
  opts: { postFilterMsg?: string; absentReasons?: readonly string[] } = {},
): string {
  const counts = new Map<string, number>();
  let explicit = 0;
  for (const reasons of nodeReasons) {
    explicit++;
    for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  if (explicit < numAllNodes) {
    for (const r of opts.absentReasons ?? []) counts.set(r, (counts.get(r) ?? 0) + numAllNodes - explicit);
  }
  let msg = `0/${numAllNodes} nodes are available:`;
  const histogram = [...counts].map(([reason, n]) => `${n} ${reason}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (histogram.length) msg += ` ${histogram.join(", ")}.`;
  if (opts.postFilterMsg) msg += ` ${opts.postFilterMsg}`;
  return msg;
}
