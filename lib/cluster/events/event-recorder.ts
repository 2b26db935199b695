import type { KubeObject } from "../api/types";
import type { ApiClient } from "../apiserver/api-client";
import type { Clock } from "../runtime/clock";
import { rfc3339 } from "../runtime/clock";
import type { EventRecorder, EventType } from "../runtime/component-context";
import { resourceForKind } from "../api/registry";

/**
 * client-go's legacy event recorder: one core/v1 Event per (object, type, reason, message, source, fieldPath),
 * a repeat bumps count and lastTimestamp instead of making a new Event. Event names are
 * "<object>.<unix nanoseconds in hex>", as the real recorder makes them.
 */
export class ClusterEventRecorder implements EventRecorder {
  private readonly seen = new Map<string, Map<string, string>>();
  /** Per "ns\u0000object name", the first name suffix not yet tried in this millisecond (reset when time moves). */
  private readonly nextNanos = new Map<string, bigint>();
  private nextNanosAt = -1;

  constructor(
    private readonly client: ApiClient,
    private readonly clock: Clock,
  ) {
    // Seed from what is stored now (a restored cluster's events), while there are few to read.
    const existing = client.list("events", undefined);
    if (existing.ok) for (const e of existing.value.items) this.cacheFor(e.metadata.namespace ?? "default").set(aggregationKeyOf(e), e.metadata.name!);
  }

  event(involved: KubeObject, type: EventType, reason: string, message: string, source: { component: string; host?: string }, fieldPath?: string): void {
    const r = resourceForKind(involved.kind);
    const ns = r && !r.namespaced ? "default" : (involved.metadata.namespace ?? "default");
    const name = involved.metadata.name ?? "";
    const now = this.clock.now();
    const ts = rfc3339(now);
    const involvedObject = {
      kind: involved.kind,
      ...(r?.namespaced ? { namespace: involved.metadata.namespace ?? "default" } : {}),
      name,
      uid: involved.metadata.uid ?? name,
      apiVersion: involved.apiVersion,
      ...(involved.metadata.resourceVersion ? { resourceVersion: involved.metadata.resourceVersion } : {}),
      ...(fieldPath ? { fieldPath } : {}),
    };
    // Find an identical earlier event (aggregation key of the EventCorrelator's logger). The correlator keeps
    // its own cache instead of asking the server: a list per event would make big scale-ups quadratic.
    const key = [involvedObject.uid, involved.kind, fieldPath ?? "", type, reason, message, source.component, source.host ?? ""].join("\u0000");
    const cache = this.cacheFor(ns);
    const known = cache.get(key);
    if (known !== undefined) {
      const same = this.client.get("events", ns, known);
      if (same.ok) {
        const count = Number((same.value as Record<string, unknown>).count ?? 1) + 1;
        this.client.patch("events", ns, known, "merge", { count, lastTimestamp: ts });
        return;
      }
      cache.delete(key);
    }
    // Nanosecond timestamp in hex; bump it when two events for one object share a millisecond.
    // A burst (500 pods created by one sync) would otherwise probe 1, 2, ... 500 taken names: start after the
    // last one this recorder took in this millisecond, if that one is still there.
    if (this.nextNanosAt !== now) {
      this.nextNanos.clear();
      this.nextNanosAt = now;
    }
    const start = BigInt(now) * 1_000_000n;
    const memoKey = `${ns}\u0000${name}`;
    const memo = this.nextNanos.get(memoKey);
    let nanos = memo !== undefined && this.client.get("events", ns, `${name}.${(memo - 1n).toString(16)}`).ok ? memo : start;
    if (nanos - start > 1000n) nanos = start + 1000n; // past the probe limit: the same (taken) name as a full scan
    for (; nanos - start < 1000n; nanos += 1n) {
      if (!this.client.get("events", ns, `${name}.${nanos.toString(16)}`).ok) break;
    }
    this.nextNanos.set(memoKey, nanos + 1n);
    const eventName = `${name}.${nanos.toString(16)}`;
    const created = this.client.create("events", ns, {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: eventName, namespace: ns },
      involvedObject,
      reason,
      message,
      source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
      firstTimestamp: ts,
      lastTimestamp: ts,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? "",
    });
    if (created.ok) cache.set(key, eventName);
  }

  /** Aggregation keys -> Event names of one namespace. */
  private cacheFor(ns: string): Map<string, string> {
    let cache = this.seen.get(ns);
    if (!cache) this.seen.set(ns, (cache = new Map()));
    return cache;
  }
}

/** The aggregation key of a stored Event, as event() builds it. */
function aggregationKeyOf(e: KubeObject): string {
  const ev = e as unknown as Record<string, any>;
  return [ev.involvedObject?.uid, ev.involvedObject?.kind, ev.involvedObject?.fieldPath ?? "", ev.type, ev.reason, ev.message, ev.source?.component, ev.source?.host ?? ""].join("\u0000");
}
