import { parseTimestamp } from "../printers/human-duration";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * Go's time.RFC1123Z layout ("Mon, 02 Jan 2006 15:04:05 -0700") in UTC, as kubectl prints API timestamps.
 * A missing timestamp is Go's zero time, which kubectl prints as "Mon, 01 Jan 0001 00:00:00 +0000".
 */
export function rfc1123z(timestamp: string | undefined | null): string {
  const ms = parseTimestamp(timestamp);
  if (ms === undefined) return "Mon, 01 Jan 0001 00:00:00 +0000";
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}
