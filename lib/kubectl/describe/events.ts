import type { ApiClient, KubeObject } from "../../cluster/index";
import { parseTimestamp } from "../printers/human-duration";
import { timestampSince } from "./human-duration";
import { LEVEL_0, LEVEL_1, type PrefixWriter } from "./prefix-writer";

/** A core/v1 Event as the API serves it (fields describe reads). */
export interface CoreEvent extends KubeObject {
  involvedObject?: { kind?: string; name?: string; namespace?: string; uid?: string };
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string } | null;
  source?: { component?: string; host?: string };
  reportingController?: string;
}

/** What an event must point at (an ObjectReference, as reference.GetReference builds it). */
export interface EventTarget {
  kind?: string;
  name: string;
  namespace?: string;
  uid?: string;
}

/**
 * searchEvents: list the events of one object with the field selector kubectl sends
 * (`involvedObject.kind,name,namespace,uid`, keys sorted), in the object's namespace (all namespaces for
 * cluster-scoped objects). Results are filtered again here so a lenient server cannot leak other objects' events.
 */
export function searchEvents(client: ApiClient, target: EventTarget): CoreEvent[] {
  const fields: [string, string][] = [];
  if (target.kind) fields.push(["involvedObject.kind", target.kind]);
  fields.push(["involvedObject.name", target.name]);
  fields.push(["involvedObject.namespace", target.namespace ?? ""]);
  if (target.uid) fields.push(["involvedObject.uid", target.uid]);
  const fieldSelector = fields.map(([k, v]) => `${k}=${v}`).join(",");
  const res = client.list("events", target.namespace || undefined, { fieldSelector });
  if (!res.ok) return [];
  return (res.value.items as CoreEvent[]).filter((e) => {
    const io = e.involvedObject ?? {};
    return (
      (!target.kind || io.kind === target.kind) &&
      io.name === target.name &&
      (io.namespace ?? "") === (target.namespace ?? "") &&
      (!target.uid || io.uid === target.uid)
    );
  });
}

/** The time an event sorts by (kubectl util/event SortableEvents). */
function eventSortTime(e: CoreEvent): number {
  const t = e.series?.lastObservedTime || e.lastTimestamp || e.eventTime;
  return parseTimestamp(t) ?? Number.NEGATIVE_INFINITY;
}

/** DescribeEvents: the Events section, `<none>` when there are none. */
export function describeEvents(events: CoreEvent[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, "Events:\t<none>\n");
    return;
  }
  // Sort keys parsed once per event, not per comparison; equal times keep the order the API listed them in.
  const sorted = events
    .map((e, i) => ({ e, i, t: eventSortTime(e) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e);
  w.write(LEVEL_0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
  w.write(LEVEL_1, "----\t------\t----\t----\t-------\n");
  for (const e of sorted) {
    const first = e.eventTime ? timestampSince(e.eventTime, now) : timestampSince(e.firstTimestamp, now);
    let interval: string;
    if (e.series) {
      interval = `${timestampSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    } else if ((e.count ?? 0) > 1) {
      interval = `${timestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    } else {
      interval = first;
    }
    const source = e.source?.component || e.reportingController || "";
    w.write(LEVEL_1, `${e.type ?? ""}\t${e.reason ?? ""}\t${interval}\t${source}\t${(e.message ?? "").trim()}\n`);
  }
}
