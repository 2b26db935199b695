/**
 * Resource quantities as the API writes them ("500m", "1Gi", "128974848", "1e3", "0.5"), read exactly:
 * the digits become a BigInt so "0.1" cpu is 100 millicores, not 100.00000000000001.
 */
const SUFFIX: Record<string, { base: 2 | 10; exp: number }> = {
  Ki: { base: 2, exp: 10 },
  Mi: { base: 2, exp: 20 },
  Gi: { base: 2, exp: 30 },
  Ti: { base: 2, exp: 40 },
  Pi: { base: 2, exp: 50 },
  Ei: { base: 2, exp: 60 },
  n: { base: 10, exp: -9 },
  u: { base: 10, exp: -6 },
  m: { base: 10, exp: -3 },
  "": { base: 10, exp: 0 },
  k: { base: 10, exp: 3 },
  M: { base: 10, exp: 6 },
  G: { base: 10, exp: 9 },
  T: { base: 10, exp: 12 },
  P: { base: 10, exp: 15 },
  E: { base: 10, exp: 18 },
};

const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)([eE][+-]?\d+|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/;

/** A parsed quantity: value = sign * digits * 10^scale10 * 2^scale2. */
interface Exact {
  negative: boolean;
  digits: bigint;
  scale10: number;
  scale2: number;
}

function parseExact(text: string): Exact | undefined {
  const m = QUANTITY.exec(text.trim());
  if (!m) return undefined;
  const [, sign, number, suffix = ""] = m;
  const [whole, fraction = ""] = number.split(".");
  const digits = BigInt((whole || "0") + fraction);
  let scale10 = -fraction.length;
  let scale2 = 0;
  if (/^[eE]/.test(suffix)) scale10 += Number(suffix.slice(1));
  else {
    const s = SUFFIX[suffix];
    if (s.base === 2) scale2 = s.exp;
    else scale10 += s.exp;
  }
  return { negative: sign === "-", digits, scale10, scale2 };
}

/** value * 10^extra10, rounded up (away from zero) to an integer, as resource.Quantity.ScaledValue does. */
function scaled(q: Exact, extra10: number): number {
  let num = q.digits * 2n ** BigInt(q.scale2);
  let den = 1n;
  const e = q.scale10 + extra10;
  if (e >= 0) num *= 10n ** BigInt(e);
  else den = 10n ** BigInt(-e);
  let out = num / den;
  if (num % den !== 0n) out += 1n;
  return Number(q.negative ? -out : out);
}

/** Whether the text is a valid Kubernetes quantity. */
export function isQuantity(text: unknown): text is string {
  return typeof text === "string" && parseExact(text) !== undefined;
}

/** Integer value (bytes, pods), rounded up like Quantity.Value(); undefined when malformed. */
export function quantityValue(text: unknown): number | undefined {
  if (typeof text === "number") return Math.ceil(text);
  if (typeof text !== "string") return undefined;
  const q = parseExact(text);
  return q && scaled(q, 0);
}

/** Value in thousandths (millicores), rounded up like Quantity.MilliValue(); undefined when malformed. */
export function quantityMilliValue(text: unknown): number | undefined {
  if (typeof text === "number") return Math.ceil(text * 1000);
  if (typeof text !== "string") return undefined;
  const q = parseExact(text);
  return q && scaled(q, 3);
}
