import { Lru } from "./lru";

/** client-go's EventCorrelator defaults (tools/record/events_cache.go). */
const LRU_ENTRIES = 4096;
const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000;
export const COMBINED_PREFIX = "(combined from similar events): ";

/** The fields of an Event the correlator reads. */
export interface EventFacts {
  component: string;
  host: string;
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  apiVersion: string;
  fieldPath: string;
  type: string;
  reason: string;
  message: string;
}

export interface Correlated {
  /** The message to write (prefixed when similar events were combined). */
  message: string;
  /** 1 for a new Event; more when it updates the Event named `name`. */
  count: number;
  /** The Event's name when it already exists (count > 1). */
  name?: string;
  /** firstTimestamp of the existing Event. */
  firstTimestamp?: string;
  /** The cache key the write belongs to (so the recorder can remember the name it got). */
  key: string;
}

const join = (parts: string[]) => parts.join("");

export function eventKey(e: EventFacts): string {
  return join([e.component, e.host, e.kind, e.namespace, e.name, e.fieldPath, e.uid, e.apiVersion, e.type, e.reason, e.message]);
}

function aggregateKey(e: EventFacts): string {
  // ReportingController and ReportingInstance are the component and host for the legacy recorder.
  return join([e.component, e.host, e.kind, e.namespace, e.name, e.uid, e.apiVersion, e.type, e.reason, e.component, e.host]);
}

function spamKey(e: EventFacts): string {
  return join([e.component, e.host, e.kind, e.namespace, e.name, e.uid, e.apiVersion]);
}

/**
 * What a component's event broadcaster does before writing (EventCorrelate): aggregate similar events (same
 * object and reason, different messages: from the 10th in 10 minutes they become one "(combined from similar
 * events)" Event), count repeats of the same Event, and drop spam (25 events per source and object, then one
 * every 5 minutes). Counting happens before the spam filter, so a later write carries the dropped repeats too.
 */
export class EventCorrelator {
  private readonly aggregates = new Lru<string, { messages: Set<string>; last: number }>(LRU_ENTRIES);
  private readonly observed = new Lru<string, { count: number; firstTimestamp: string; name?: string }>(LRU_ENTRIES);
  private readonly spam = new Lru<string, { tokens: number; at: number }>(LRU_ENTRIES);

  /** Undefined when the spam filter drops the event. */
  correlate(e: EventFacts, now: number, timestamp: string): Correlated | undefined {
    let key = eventKey(e);
    let message = e.message;
    const aggKey = aggregateKey(e);
    // peek + set moves each entry to the newest once, as get + set would (nothing else touches the cache between).
    let agg = this.aggregates.peek(aggKey);
    if (!agg || now - agg.last > AGGREGATE_INTERVAL_MS) agg = { messages: new Set(), last: now };
    agg.messages.add(e.message);
    agg.last = now;
    this.aggregates.set(aggKey, agg);
    if (agg.messages.size >= AGGREGATE_MAX_EVENTS) {
      // PopAny keeps the set from growing; Go pops an arbitrary member, we pop the oldest (deterministic).
      agg.messages.delete(agg.messages.values().next().value as string);
      key = aggKey;
      message = COMBINED_PREFIX + e.message;
    }

    const last = this.observed.peek(key);
    const result: Correlated = last
      ? { message, count: last.count + 1, name: last.name, firstTimestamp: last.firstTimestamp, key }
      : { message, count: 1, key };
    this.observed.set(key, { count: result.count, firstTimestamp: result.firstTimestamp ?? timestamp, name: result.name });

    const sk = spamKey(e);
    const bucket = this.spam.peek(sk) ?? { tokens: SPAM_BURST, at: now };
    bucket.tokens = Math.min(SPAM_BURST, bucket.tokens + (now - bucket.at) / SPAM_REFILL_MS);
    bucket.at = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.spam.set(sk, bucket);
    return allowed ? result : undefined;
  }

  /** The server's answer: remember the Event's name for the next repeat (UpdateState). */
  stored(key: string, name: string, count: number, firstTimestamp: string): void {
    this.observed.set(key, { count, firstTimestamp, name });
  }
}
