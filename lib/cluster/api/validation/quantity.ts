const SUFFIX: Record<string, number> = {
  "": 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
  Ei: 1024 ** 6,
};

/** A resource.Quantity as a number ("500m" -> 0.5, "1Gi" -> 1073741824); undefined when malformed. */
export function parseQuantity(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v !== "string") return undefined;
  const m = /^([+-]?[0-9.]+)(([eE][-+]?[0-9]+)|[a-zA-Z]*)$/.exec(v.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  if (!Number.isFinite(n) || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(m[1])) return undefined;
  if (m[3]) return n * 10 ** Number(m[3].slice(1));
  const mult = SUFFIX[m[2]];
  return mult === undefined ? undefined : n * mult;
}
