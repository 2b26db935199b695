import type { ActivityItem } from "../terminal/cluster-summary";

const time = (ms: number) => new Date(ms).toISOString().slice(11, 19);

/** What each component did since the learner's last command, in order. */
export function ActivityFeed({ items }: { items: ActivityItem[] }) {
  if (!items.length) return <p className="text-sm text-[var(--muted)]">Nothing has happened since the last command.</p>;
  return (
    <ol className="max-h-64 space-y-0.5 overflow-auto font-mono text-xs" aria-label="Activity since the last command" tabIndex={0}>
      {items.map((a, i) => (
        <li key={i}>
          <span className="text-[var(--muted)]">{time(a.time)}</span> <strong>{a.component}</strong> {a.action}: {a.message}
        </li>
      ))}
    </ol>
  );
}
