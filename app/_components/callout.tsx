export function Callout({ kind = "note", children }: { kind?: "note" | "tip" | "warning"; children: React.ReactNode }) {
  const tone = {
    note: "border-[var(--accent)]",
    tip: "border-green-600",
    warning: "border-amber-500",
  }[kind];
  return (
    <aside data-slot="callout" className={`my-5 rounded-md border-l-4 ${tone} bg-[var(--card)] px-4 py-2`}>
      <p className="m-0 text-xs font-semibold uppercase tracking-wide text-[var(--muted)]">{kind}</p>
      <div>{children}</div>
    </aside>
  );
}
