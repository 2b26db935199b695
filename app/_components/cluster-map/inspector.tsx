"use client";

import { useEffect, useState } from "react";
import type { SimClient } from "../terminal/sim-client";
import type { MapSelection } from "./ships-svg";

/** `kubectl get -o yaml` and `kubectl describe` of the selected pod or node. */
export function Inspector({ client, selection, onClose }: { client: SimClient; selection: MapSelection; onClose(): void }) {
  const [view, setView] = useState<"describe" | "yaml">("describe");
  const [text, setText] = useState<{ yaml: string; describe: string } | null>(null);
  const key = selection.kind === "pod" ? `${selection.namespace}/${selection.name}` : selection.name;
  useEffect(() => {
    let live = true;
    setText(null);
    void client.inspect(selection.kind, selection.name, selection.kind === "pod" ? selection.namespace : undefined).then((t) => live && setText(t));
    return () => {
      live = false;
    };
  }, [client, selection.kind, selection.name, key, selection]);
  const tab = (v: "describe" | "yaml", label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={view === v}
      onClick={() => setView(v)}
      className={`rounded-t px-3 py-1 text-sm ${view === v ? "bg-[var(--bg)] font-semibold" : "text-[var(--muted)]"}`}
    >
      {label}
    </button>
  );
  return (
    <section aria-label={`Details of ${selection.kind} ${key}`} className="rounded-lg border border-[var(--border)] bg-[var(--card)] p-3" data-testid="map-inspector">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h3 className="font-semibold">
          {selection.kind} {key}
        </h3>
        <button type="button" onClick={onClose} className="rounded border border-[var(--border)] px-2 py-0.5 text-sm">
          Close details
        </button>
      </div>
      <div role="tablist" aria-label="View" className="flex gap-1">
        {tab("describe", "kubectl describe")}
        {tab("yaml", "kubectl get -o yaml")}
      </div>
      <pre role="tabpanel" tabIndex={0} className="max-h-80 overflow-auto rounded-b bg-[var(--bg)] p-2 text-xs" aria-busy={!text}>
        {text ? (view === "yaml" ? text.yaml : text.describe) : "Loading…"}
      </pre>
    </section>
  );
}
