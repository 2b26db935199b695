/** Virtual time in epoch milliseconds. It moves only when the engine's loop advances it. */
export interface Clock {
  now(): number;
}

export class VirtualClock implements Clock {
  private current: number;

  constructor(startMs: number) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  /** Only the loop calls this; time never goes backwards. */
  set(ms: number): void {
    if (ms > this.current) this.current = ms;
  }
}

/** RFC 3339 at second precision, as the API serves timestamps ("2026-11-25T10:00:00Z"). */
export function rfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  // Thousands of writes stamp the same few seconds: remember the last one formatted.
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  }
  return lastText;
}
let lastSecond = Number.NaN;
let lastText = "";

/** Parse an API timestamp back to epoch ms (NaN when malformed). */
export function parseTime(value: string | undefined): number {
  if (!value) return Number.NaN;
  if (value !== lastParsed) {
    lastParsed = value;
    lastParsedMs = Date.parse(value);
  }
  return lastParsedMs;
}
let lastParsed = "";
let lastParsedMs = Number.NaN;
