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
export function toJson(value: unknown): { ok: true; value: Json } | { ok: false; error: string } {
  try {
    return { ok: true, value: copyJson(value, []) };
  } catch (e) {
    if (e instanceof NotJson) return { ok: false, error: e.message };
    throw e;
  }
}

class NotJson extends Error {}

/** toJson's walk: returns the copy, throws NotJson on the first bad member; `ancestors` spots cycles. */
function copyJson(value: unknown, ancestors: unknown[]): Json {
  if (value === null) return null;
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (!Number.isFinite(value)) throw new NotJson(`unsupported value: ${String(value)}`);
      return value;
    case "object": {
      if (ancestors.includes(value)) throw new NotJson("unsupported value: encountered a cycle");
      ancestors.push(value);
      let out: Json;
      if (Array.isArray(value)) {
        const arr: Json[] = new Array(value.length);
        for (let i = 0; i < value.length; i++) arr[i] = copyJson(value[i] === undefined ? null : value[i], ancestors);
        out = arr;
      } else {
        if (!isPlainObject(value)) throw new NotJson("unsupported type: not a JSON object");
        const obj: { [key: string]: Json } = {};
        for (const key of Object.keys(value)) {
          const member = value[key];
          if (member === undefined) continue;
          obj[key] = copyJson(member, ancestors);
        }
        out = obj;
      }
      ancestors.pop();
      return out;
    }
    default:
      throw new NotJson(`unsupported type: ${typeof value}`);
  }
}

/**
 * An upper bound of JSON.stringify(value).length that allocates nothing (every string char counted as its
 * longest escape): when it is under a limit, the exact length is too, and the body need not be serialized.
 */
export function jsonLengthUpperBound(value: Json): number {
  if (value === null) return 4;
  switch (typeof value) {
    case "string":
      return 2 + 6 * value.length;
    case "boolean":
      return 5;
    case "number":
      return 24;
    default:
      break;
  }
  let n = 2;
  if (Array.isArray(value)) {
    for (const v of value) n += 1 + jsonLengthUpperBound(v);
    return n;
  }
  for (const k in value) n += 4 + 6 * k.length + jsonLengthUpperBound(value[k]);
  return n;
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
    // for-in, not Object.keys: every stored write freezes its new parts, and a keys array per object adds up.
    for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Structural equality of JSON values (key order ignored). Allocates nothing: it runs on every status write. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const isArray = Array.isArray(a);
  if (isArray !== Array.isArray(b)) return false;
  if (isArray) {
    const aa = a as unknown[];
    const bb = b as unknown[];
    if (aa.length !== bb.length) return false;
    for (let i = 0; i < aa.length; i++) if (!jsonEqual(aa[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let count = 0;
  for (const k in ao) {
    if (!hasOwn.call(ao, k)) continue;
    if (!hasOwn.call(bo, k) || !jsonEqual(ao[k], bo[k])) return false;
    count++;
  }
  for (const k in bo) if (hasOwn.call(bo, k)) count--;
  return count === 0;
}

/** Object keys sorted, recursively: the order the real server's JSON (struct order aside) is compared in. */
export function sortKeys<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => sortKeys(v)) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out as T;
}
