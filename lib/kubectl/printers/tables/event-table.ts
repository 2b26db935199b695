import { parseTimestamp, translateTimestampSince } from "../human-duration";
import type { Loose, TableHandler } from "./table-types";

function formatSource(e: Loose): string {
  const component: string = e.source?.component || e.reportingComponent || "";
  const instance: string = e.source?.host || e.reportingInstance || "";
  if (!component) return "<unknown>";
  return instance ? `${component}, ${instance}` : component;
}

/** core/v1 Event as `kubectl get events` prints it (printEvent). */
export const eventTable: TableHandler = {
  columns: [
    { name: "Last Seen", priority: 0 },
    { name: "Type", priority: 0 },
    { name: "Reason", priority: 0 },
    { name: "Object", priority: 0 },
    { name: "Subobject", priority: 1 },
    { name: "Source", priority: 1 },
    { name: "Message", priority: 0 },
    { name: "First Seen", priority: 1 },
    { name: "Count", priority: 1 },
    { name: "Name", priority: 1, format: "name" },
  ],
  row(e: Loose, now) {
    const first = parseTimestamp(e.firstTimestamp) !== undefined ? translateTimestampSince(e.firstTimestamp, now) : translateTimestampSince(e.eventTime, now);
    let last = parseTimestamp(e.lastTimestamp) !== undefined ? translateTimestampSince(e.lastTimestamp, now) : first;
    let count: number = e.count ?? 0;
    if (e.series) {
      last = translateTimestampSince(e.series.lastObservedTime, now);
      count = e.series.count ?? 0;
    } else if (count === 0) {
      count = 1; // singleton events of the new API carry no count
    }
    const io = e.involvedObject ?? {};
    const kind = String(io.kind ?? "").toLowerCase();
    const target = io.name ? `${kind}/${io.name}` : kind;
    return [
      last,
      e.type ?? "",
      e.reason ?? "",
      target,
      io.fieldPath ?? "",
      formatSource(e),
      String(e.message ?? "").trim(),
      first,
      String(count),
      e.metadata?.name ?? "",
    ];
  },
};
