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
  constructor(
    private readonly client: ApiClient,
    private readonly clock: Clock,
  ) {}

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
    // Find an identical earlier event (aggregation key of the EventCorrelator's logger).
    const existing = this.client.list("events", ns, { fieldSelector: `involvedObject.name=${name}` });
    if (existing.ok) {
      const same = existing.value.items.find((e) => {
        const ev = e as unknown as Record<string, any>;
        return (
          ev.involvedObject?.uid === involvedObject.uid &&
          ev.involvedObject?.kind === involved.kind &&
          (ev.involvedObject?.fieldPath ?? "") === (fieldPath ?? "") &&
          ev.type === type &&
          ev.reason === reason &&
          ev.message === message &&
          ev.source?.component === source.component &&
          (ev.source?.host ?? "") === (source.host ?? "")
        );
      });
      if (same) {
        const count = Number((same as Record<string, unknown>).count ?? 1) + 1;
        this.client.patch("events", ns, same.metadata.name!, "merge", { count, lastTimestamp: ts });
        return;
      }
    }
    // Nanosecond timestamp in hex; bump it when two events for one object share a millisecond.
    let nanos = BigInt(now) * 1_000_000n;
    for (let i = 0; i < 1000; i++) {
      const candidate = `${name}.${nanos.toString(16)}`;
      if (!this.client.get("events", ns, candidate).ok) break;
      nanos += 1n;
    }
    this.client.create("events", ns, {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: `${name}.${nanos.toString(16)}`, namespace: ns },
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
  }
}
