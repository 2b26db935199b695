import { humanDuration, parseTimestamp } from "../printers/human-duration";

// One HumanDuration for get and describe: the printers own it.
export { humanDuration };

/** translateTimestampSince: `<unknown>` for a missing timestamp, else the HumanDuration since it. */
export function timestampSince(timestamp: string | undefined | null, now: number): string {
  const t = parseTimestamp(timestamp);
  if (t === undefined) return "<unknown>";
  return humanDuration(now - t);
}
