import type { PodTemplateSpec } from "../util/objects";

/** apimachinery util/rand alphanums: no vowels, no 0/1/3, so generated names never spell words. */
const ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

/**
 * controller.ComputeHash: fnv32a over the pod template (plus the collision count as 8 little-endian bytes),
 * printed in decimal and passed through rand.SafeEncodeString. Upstream hashes Go's spew dump of the typed
 * struct; we hash a canonical JSON of the template, so the characters and length have the real shape
 * ({4..9,b,c,d,f}, up to 10) and a template change gives a new hash, but the exact value differs from a real cluster.
 */
export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
  let h = fnv32aString(0x811c9dc5, canonicalJson(template));
  if (collisionCount !== undefined && collisionCount !== null) {
    const bytes = [collisionCount & 0xff, (collisionCount >>> 8) & 0xff, (collisionCount >>> 16) & 0xff, (collisionCount >>> 24) & 0xff, 0, 0, 0, 0];
    for (const b of bytes) h = fnvStep(h, b);
  }
  return safeEncodeString(String(h >>> 0));
}

/** rand.SafeEncodeString: each character c becomes alphanums[c % 27]. */
export function safeEncodeString(s: string): string {
  let out = "";
  for (const ch of s) out += ALPHANUMS[ch.codePointAt(0)! % ALPHANUMS.length];
  return out;
}

function fnvStep(h: number, byte: number): number {
  return Math.imul((h ^ byte) >>> 0, 0x01000193) >>> 0;
}

function fnv32aString(h: number, s: string): number {
  // Hash the UTF-8 bytes, as Go's hasher sees them.
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) h = fnvStep(h, cp);
    else if (cp < 0x800) {
      h = fnvStep(h, 0xc0 | (cp >> 6));
      h = fnvStep(h, 0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      h = fnvStep(h, 0xe0 | (cp >> 12));
      h = fnvStep(h, 0x80 | ((cp >> 6) & 0x3f));
      h = fnvStep(h, 0x80 | (cp & 0x3f));
    } else {
      h = fnvStep(h, 0xf0 | (cp >> 18));
      h = fnvStep(h, 0x80 | ((cp >> 12) & 0x3f));
      h = fnvStep(h, 0x80 | ((cp >> 6) & 0x3f));
      h = fnvStep(h, 0x80 | (cp & 0x3f));
    }
  }
  return h;
}

/** JSON with object keys sorted, so the hash does not depend on the order fields were written in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}
