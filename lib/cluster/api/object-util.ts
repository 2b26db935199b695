/** JSON-shaped values: what the API stores and returns. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Copy a caller's value into fresh JSON (as if it went over the wire): undefined members are dropped,
 * while functions, symbols, bigints, non-finite numbers, class instances and cycles are refused, so a
 * bad body becomes a BadRequest instead of an exception deep in the server.
 */
export function toJson(value: unknown, seen: Set<unknown> = new Set()): { ok: true; value: Json } | { ok: false; error: string } {
  if (value === null) return { ok: true, value: null };
  switch (typeof value) {
    case "string":
    case "boolean":
      return { ok: true, value };
    case "number":
      return Number.isFinite(value) ? { ok: true, value } : { ok: false, error: `unsupported value: ${String(value)}` };
    case "object": {
      if (seen.has(value)) return { ok: false, error: "unsupported value: encountered a cycle" };
      seen.add(value);
      try {
        if (Array.isArray(value)) {
          const out: Json[] = [];
          for (const item of value) {
            const r = toJson(item === undefined ? null : item, seen);
            if (!r.ok) return r;
            out.push(r.value);
          }
          return { ok: true, value: out };
        }
        if (!isPlainObject(value)) return { ok: false, error: "unsupported type: not a JSON object" };
        const out: { [key: string]: Json } = {};
        for (const key of Object.keys(value)) {
          const member = value[key];
          if (member === undefined) continue;
          const r = toJson(member, seen);
          if (!r.ok) return r;
          out[key] = r.value;
        }
        return { ok: true, value: out };
      } finally {
        seen.delete(value);
      }
    }
    default:
      return { ok: false, error: `unsupported type: ${typeof value}` };
  }
}

/** Deep copy of a JSON value (stored objects are frozen; copy one before changing it). */
export function deepCopy<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => deepCopy(v)) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = deepCopy((value as Record<string, unknown>)[key]);
  return out as T;
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Structural equality of JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => jsonEqual(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao);
  if (ak.length !== Object.keys(bo).length) return false;
  return ak.every((k) => Object.prototype.hasOwnProperty.call(bo, k) && jsonEqual(ao[k], bo[k]));
}

/** Object keys sorted, recursively: the order the real server's JSON (struct order aside) is compared in. */
export function sortKeys<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => sortKeys(v)) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out as T;
}
