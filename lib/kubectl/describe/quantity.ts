/**
 * Just enough of apimachinery's resource.Quantity for describe: parse, add, compare, and print in canonical
 * form like Quantity.String(): 1000 -> "1k", 1500 -> "1500", 1024Mi -> "1Gi", 0.5 -> "500m".
 * Values are exact: unscaled BigInt times 10^scale.
 */
export type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";

export interface Quantity {
  unscaled: bigint;
  scale: number;
  format: QuantityFormat;
}

const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIX = new Map(Object.entries(DECIMAL).map(([k, v]) => [v, k]));
const BINARY_SUFFIX = new Map(Object.entries(BINARY).map(([k, v]) => [v, k]));

export const ZERO_QUANTITY: Quantity = { unscaled: 0n, scale: 0, format: "DecimalSI" };

/** Parse "250m", "1.5Gi", "2", "1e3". Returns undefined for malformed input. */
export function parseQuantity(input: string | number | undefined | null): Quantity | undefined {
  if (input === undefined || input === null) return undefined;
  const s = String(input).trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/.exec(s);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return undefined;
  const [, sign, whole, frac = "", suffix] = m;
  let unscaled = BigInt((whole || "0") + frac);
  let scale = -frac.length;
  let format: QuantityFormat;
  if (suffix in BINARY) {
    unscaled *= 1024n ** BigInt(BINARY[suffix]);
    format = "BinarySI";
  } else if (suffix in DECIMAL) {
    scale += DECIMAL[suffix];
    format = "DecimalSI";
  } else if (/^[eE][+-]?\d+$/.test(suffix)) {
    scale += Number(suffix.slice(1));
    format = "DecimalExponent";
  } else {
    return undefined;
  }
  if (sign === "-") unscaled = -unscaled;
  // Quantities keep nano precision at most, rounding up (away from zero for positives).
  if (scale < -9) {
    const div = 10n ** BigInt(-9 - scale);
    const q = unscaled / div;
    unscaled = q * div === unscaled ? q : unscaled > 0n ? q + 1n : q;
    scale = -9;
  }
  return { unscaled, scale, format };
}

function align(a: Quantity, b: Quantity): [bigint, bigint, number] {
  const scale = Math.min(a.scale, b.scale);
  return [a.unscaled * 10n ** BigInt(a.scale - scale), b.unscaled * 10n ** BigInt(b.scale - scale), scale];
}

/** q + y; a zero q takes y's format (Quantity.Add). */
export function addQuantity(q: Quantity, y: Quantity): Quantity {
  const [a, b, scale] = align(q, y);
  return { unscaled: a + b, scale, format: q.unscaled === 0n ? y.format : q.format };
}

export function compareQuantity(q: Quantity, y: Quantity): number {
  const [a, b] = align(q, y);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Value rounded up to an integer scale of 10^-n: ScaledValue. */
function scaledValue(q: Quantity, scale: number): bigint {
  if (q.scale >= scale) return q.unscaled * 10n ** BigInt(q.scale - scale);
  const div = 10n ** BigInt(scale - q.scale);
  const r = q.unscaled / div;
  return r * div === q.unscaled || q.unscaled < 0n ? r : r + 1n;
}

/** Quantity.MilliValue (rounded up). */
export function milliValue(q: Quantity): number {
  return Number(scaledValue(q, -3));
}

/** Quantity.Value (rounded up to an integer). */
export function quantityValue(q: Quantity): number {
  return Number(scaledValue(q, 0));
}

/** Canonical string, as Quantity.String(). */
export function formatQuantity(q: Quantity): string {
  if (q.unscaled === 0n) return "0";
  let format = q.format;
  if (format === "BinarySI") {
    const abs = q.unscaled < 0n ? -q.unscaled : q.unscaled;
    const isSmall = compareQuantity({ unscaled: abs, scale: q.scale, format }, { unscaled: 1024n, scale: 0, format }) < 0;
    const isInteger = q.scale >= 0 || q.unscaled % 10n ** BigInt(-q.scale) === 0n;
    if (isSmall || !isInteger) format = "DecimalSI";
  }
  if (format === "BinarySI") {
    let value = scaledValue(q, 0);
    let exp = 0;
    while (value !== 0n && value % 1024n === 0n && exp < 6) {
      value /= 1024n;
      exp++;
    }
    return `${value}${BINARY_SUFFIX.get(exp) ?? ""}`;
  }
  let amount = q.unscaled;
  let exponent = q.scale;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exponent++;
  }
  const mod = exponent % 3;
  if (mod === 1 || mod === -2) {
    amount *= 10n;
    exponent--;
  } else if (mod === 2 || mod === -1) {
    amount *= 100n;
    exponent -= 2;
  }
  if (format === "DecimalSI") {
    const suffix = DECIMAL_SUFFIX.get(exponent);
    if (suffix !== undefined) return `${amount}${suffix}`;
  }
  return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
}

/** Parse then print canonically; unparsable input is echoed back. */
export function canonicalQuantity(value: unknown): string {
  const q = parseQuantity(value as string);
  return q ? formatQuantity(q) : String(value);
}
