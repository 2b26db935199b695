import type { KubeObject } from "../api/types";
import { parseTime } from "../runtime/clock";
import type { ComponentContext } from "../runtime/component-context";

/** kube-apiserver's --event-ttl default: Events live in etcd under a one-hour lease. */
export const EVENT_TTL_MS = 60 * 60 * 1000;

/** When the Event was last written, from its own timestamps (so a restored cluster expires events at the same instants). */
function lastWrite(e: KubeObject): number {
  const ev = e as unknown as { firstTimestamp?: string; lastTimestamp?: string; eventTime?: string; metadata: { creationTimestamp?: string } };
  let at = Number.NaN;
  for (const t of [ev.lastTimestamp, ev.firstTimestamp, ev.eventTime, ev.metadata.creationTimestamp]) {
    const ms = parseTime(t);
    if (!Number.isNaN(ms) && !(ms <= at)) at = ms;
  }
  return at;
}

/**
 * Events expire an hour after their last write, as their etcd lease runs out: the object disappears and
 * watchers see it DELETED. Expiries are grouped per second (timestamps have second precision), one timer each.
 */
export function startEventTtl(ctx: ComponentContext, ttlMs = EVENT_TTL_MS): void {
  const due = new Map<number, { namespace: string; name: string; resourceVersion: string }[]>();
  const expire = (at: number) => {
    const batch = due.get(at) ?? [];
    due.delete(at);
    for (const { namespace, name, resourceVersion } of batch) {
      const got = ctx.client.get("events", namespace, name);
      // Rewritten since (a repeat bumped its count): a later entry carries its new expiry.
      if (!got.ok || got.value.metadata.resourceVersion !== resourceVersion) continue;
      ctx.client.delete("events", namespace, name, { gracePeriodSeconds: 0 });
    }
  };
  ctx.client.watch("events", undefined, { sendInitialEvents: true }, (e) => {
    if (e.type === "DELETED") return;
    const written = lastWrite(e.object);
    if (Number.isNaN(written)) return;
    const at = written + ttlMs;
    let batch = due.get(at);
    if (!batch) {
      due.set(at, (batch = []));
      ctx.loop.after(at - ctx.clock.now(), `etcd event lease ${at}`, () => expire(at));
    }
    batch.push({ namespace: e.object.metadata.namespace ?? "default", name: e.object.metadata.name ?? "", resourceVersion: e.object.metadata.resourceVersion ?? "" });
  });
}
