import type { KubeObject } from "../api/types";
import type { ApiClient } from "../apiserver/api-client";
import type { Clock } from "../runtime/clock";
import { rfc3339 } from "../runtime/clock";
import type { EventRecorder, EventType } from "../runtime/component-context";
import { resourceForKind } from "../api/registry";
import { trustedBody } from "../apiserver/api-server";
import { EventCorrelator, eventKey, type EventFacts } from "./event-correlator";

/**
 * client-go's legacy event recorder with its EventCorrelator: one core/v1 Event per (object, type, reason,
 * message, source, fieldPath); a repeat bumps count and lastTimestamp instead of making a new Event; similar
 * events are combined and spam is dropped (event-correlator.ts). Event names are "<object>.<unix nanoseconds
 * in hex>", as the real recorder makes them.
 */
export class ClusterEventRecorder implements EventRecorder {
  private readonly correlator = new EventCorrelator();
  /** Per "ns\u0000object name", the first nanosecond offset not yet tried in this millisecond (reset when time moves). */
  private readonly nextNanos = new Map<string, number>();
  private nextNanosAt = -1;

  constructor(
    private readonly client: ApiClient,
    private readonly clock: Clock,
  ) {
    // Seed from what is stored now (a restored cluster's events), while there are few to read: a repeat after a
    // restore still bumps the stored Event, as a restarted component's first patch would find it.
    const existing = client.list("events", undefined);
    if (!existing.ok) return;
    for (const e of existing.value.items) {
      const ev = e as unknown as StoredEvent;
      const facts = factsOf(ev);
      if (facts) this.correlator.stored(eventKey(facts), e.metadata.name ?? "", Number(ev.count ?? 1), ev.firstTimestamp ?? "");
    }
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
    const facts: EventFacts = {
      component: source.component,
      host: source.host ?? "",
      kind: involved.kind,
      namespace: involvedObject.namespace ?? "",
      name,
      uid: involvedObject.uid,
      apiVersion: involved.apiVersion,
      fieldPath: fieldPath ?? "",
      type,
      reason,
      message,
    };
    const c = this.correlator.correlate(facts, now, ts);
    if (!c) return;
    if (c.count > 1 && c.name) {
      const patched = this.client.patch("events", ns, c.name, "merge", { count: c.count, lastTimestamp: ts, message: c.message });
      if (patched.ok) {
        this.correlator.stored(c.key, c.name, c.count, c.firstTimestamp ?? ts);
        return;
      }
      // Gone (its hour in etcd ran out): created again under the same name with the count so far.
    }
    const eventName = c.name ?? this.freshName(ns, name, now);
    // Built in its stored form (the server's decode would drop eventTime: null), so the server skips decoding it.
    const created = this.client.create("events", ns, trustedBody({
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: eventName, namespace: ns },
      involvedObject,
      reason,
      message: c.message,
      source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
      firstTimestamp: c.firstTimestamp ?? ts,
      lastTimestamp: ts,
      count: c.count,
      type,
      reportingComponent: source.component,
      reportingInstance: source.host ?? "",
    }));
    if (created.ok) this.correlator.stored(c.key, eventName, c.count, c.firstTimestamp ?? ts);
  }

  /**
   * "<object>.<nanoseconds in hex>": the virtual clock moves in milliseconds, so events for one object in one
   * millisecond take the next nanoseconds. A burst (500 pods created by one sync) continues after the last
   * suffix taken in this millisecond instead of probing every taken name again.
   */
  private freshName(ns: string, name: string, now: number): string {
    if (this.nextNanosAt !== now) {
      this.nextNanos.clear();
      this.nextNanosAt = now;
    }
    const memoKey = `${ns}\u0000${name}`;
    let offset = this.nextNanos.get(memoKey) ?? 0;
    while (this.client.get("events", ns, `${name}.${nanosHex(now, offset)}`).ok) offset++;
    this.nextNanos.set(memoKey, offset + 1);
    return `${name}.${nanosHex(now, offset)}`;
  }
}

interface StoredEvent {
  involvedObject?: { kind?: string; namespace?: string; name?: string; uid?: string; apiVersion?: string; fieldPath?: string };
  source?: { component?: string; host?: string };
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string;
}

/** The correlator's view of a stored Event (combined events are keyed by their original message's group). */
function factsOf(ev: StoredEvent): EventFacts | undefined {
  const io = ev.involvedObject;
  if (!io) return undefined;
  return {
    component: ev.source?.component ?? "",
    host: ev.source?.host ?? "",
    kind: io.kind ?? "",
    namespace: io.namespace ?? "",
    name: io.name ?? "",
    uid: io.uid ?? "",
    apiVersion: io.apiVersion ?? "",
    fieldPath: io.fieldPath ?? "",
    type: ev.type ?? "",
    reason: ev.reason ?? "",
    message: ev.message ?? "",
  };
}

const LIMB = 2 ** 24;

/**
 * `ms * 1e6 + offset` in hex, as Go's %x of UnixNano, without BigInt: the product passes 2^53, so it is
 * worked out in two limbs of 24 bits.
 */
export function nanosHex(ms: number, offset: number): string {
  const hi = Math.floor(ms / LIMB);
  const lo = ms - hi * LIMB;
  const low = lo * 1_000_000 + offset;
  const carry = Math.floor(low / LIMB);
  const high = hi * 1_000_000 + carry;
  const rest = low - carry * LIMB;
  return high > 0 ? high.toString(16) + rest.toString(16).padStart(6, "0") : rest.toString(16);
}
