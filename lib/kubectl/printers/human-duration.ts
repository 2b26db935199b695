/**
 * apimachinery duration.HumanDuration: the AGE format of `kubectl get` (2 significant units at most, always
 * truncated, with finer units kept longer for young objects).
 */
export function humanDuration(ms: number): string {
  // Go converts with int(d.Seconds()), which truncates toward zero: up to 1.999s in the future is still "0s".
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 365 * 8) {
    const dy = days % 365;
    return dy === 0 ? `${Math.floor(days / 365)}y` : `${Math.floor(days / 365)}y${dy}d`;
  }
  return `${Math.floor(days / 365)}y`;
}

// Date.parse is slow next to everything else a describe or get of many objects does, and the same timestamps
// come back again and again (events, conditions, container states): remember them, within a bound.
const PARSED = new Map<string, number>();
const PARSED_MAX = 4096;

/** Parse an RFC 3339 API timestamp to epoch ms; undefined when absent or unparsable (Go's zero time). */
export function parseTimestamp(ts: unknown): number | undefined {
  if (typeof ts !== "string" || ts === "") return undefined;
  let ms = PARSED.get(ts);
  if (ms === undefined) {
    ms = Date.parse(ts);
    if (PARSED.size >= PARSED_MAX) PARSED.clear();
    PARSED.set(ts, ms);
  }
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * printers.go translateTimestampSince: the age of `timestamp` at virtual time `now` (epoch ms),
 * or `<unknown>` for a missing timestamp.
 */
export function translateTimestampSince(timestamp: unknown, now: number): string {
  const ms = parseTimestamp(timestamp);
  if (ms === undefined) return "<unknown>";
  return humanDuration(now - ms);
}
