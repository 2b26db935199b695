/** Bash arrays: sparse indexed arrays and associative arrays that iterate in bash's own hash order. */
import { utf8Bytes } from "./commands/util";

/** An indexed array: sparse, listed by ascending index (`a[5]=x` on an empty array leaves 0..4 unset). */
export class IndexedArray {
  readonly kind = "indexed";
  private items = new Map<number, string>();
  /** False after `declare -a a` until the first assignment (`declare -p` then prints no `=()`). */
  assigned = false;

  get size(): number {
    return this.items.size;
  }
  /** Highest set index, -1 when empty: negative subscripts count back from one past it. */
  get maxIndex(): number {
    let m = -1;
    for (const k of this.items.keys()) if (k > m) m = k;
    return m;
  }
  keys(): number[] {
    return [...this.items.keys()].sort((a, b) => a - b);
  }
  values(): string[] {
    return this.keys().map((k) => this.items.get(k)!);
  }
  entries(): [number, string][] {
    return this.keys().map((k) => [k, this.items.get(k)!]);
  }
  get(i: number): string | undefined {
    return this.items.get(i);
  }
  set(i: number, v: string): void {
    this.assigned = true;
    this.items.set(i, v);
  }
  delete(i: number): void {
    this.items.delete(i);
  }
  clear(): void {
    this.assigned = true;
    this.items.clear();
  }
  clone(): IndexedArray {
    const c = new IndexedArray();
    c.items = new Map(this.items);
    c.assigned = this.assigned;
    return c;
  }
}

interface Bucket {
  key: string;
  value: string;
  hash: number;
}

/** bash's hash_string (hashlib.c): 32-bit FNV-1 over the bytes, each byte sign-extended as a C `char`. */
export function bashHash(s: string): number {
  let h = 2166136261;
  for (const b of utf8Bytes(s)) {
    h = Math.imul(h, 16777619) >>> 0;
    h = (h ^ (b > 127 ? b - 256 : b)) >>> 0;
  }
  return h;
}


/** Buckets of a new associative array (assoc.h ASSOC_HASH_BUCKETS). */
const ASSOC_BUCKETS = 1024;

/**
 * An associative array kept exactly like bash's hash table, so `${!m[@]}` and `declare -p m` list keys in
 * the same order as bash 5.2: bucket by bucket, newest first within a bucket; the table grows fourfold
 * once it holds twice as many entries as buckets, rehashing old buckets in order (hashlib.c).
 */
export class AssocArray {
  readonly kind = "assoc";
  private buckets: (Bucket[] | undefined)[] = new Array(ASSOC_BUCKETS);
  private count = 0;
  assigned = false;

  get size(): number {
    return this.count;
  }
  private find(key: string): Bucket | undefined {
    const h = bashHash(key);
    return this.buckets[h & (this.buckets.length - 1)]?.find((b) => b.hash === h && b.key === key);
  }
  get(key: string): string | undefined {
    return this.find(key)?.value;
  }
  set(key: string, value: string): void {
    this.assigned = true;
    const found = this.find(key);
    if (found) {
      found.value = value;
      return;
    }
    if (this.count >= this.buckets.length * 2) this.rehash(this.buckets.length * 4);
    const hash = bashHash(key);
    const i = hash & (this.buckets.length - 1);
    (this.buckets[i] ??= []).unshift({ key, value, hash });
    this.count++;
  }
  private rehash(n: number): void {
    const old = this.buckets;
    this.buckets = new Array(n);
    for (const list of old) for (const b of list ?? []) (this.buckets[b.hash & (n - 1)] ??= []).unshift(b);
  }
  delete(key: string): void {
    const h = bashHash(key);
    const list = this.buckets[h & (this.buckets.length - 1)];
    const at = list?.findIndex((b) => b.hash === h && b.key === key) ?? -1;
    if (at >= 0) {
      list!.splice(at, 1);
      this.count--;
    }
  }
  clear(): void {
    this.assigned = true;
    this.buckets = new Array(ASSOC_BUCKETS);
    this.count = 0;
  }
  entries(): [string, string][] {
    const out: [string, string][] = [];
    for (const list of this.buckets) for (const b of list ?? []) out.push([b.key, b.value]);
    return out;
  }
  keys(): string[] {
    return this.entries().map(([k]) => k);
  }
  values(): string[] {
    return this.entries().map(([, v]) => v);
  }
  clone(): AssocArray {
    const c = new AssocArray();
    c.buckets = this.buckets.map((l) => l?.map((b) => ({ ...b })));
    c.count = this.count;
    c.assigned = this.assigned;
    return c;
  }
}

export type ShellArray = IndexedArray | AssocArray;

const ANSI_C: Record<string, string> = { "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x07": "\\a", "\b": "\\b", "\x1b": "\\E", "\f": "\\f", "\v": "\\v", "\\": "\\\\", "'": "\\'" };

/** A value as `declare -p` quotes it: `"..."`, or `$'...'` when it holds control characters (bash's ansic_quote). */
export function declareQuote(v: string): string {
  if (!/[\x00-\x1f\x7f]/.test(v)) return `"${v.replace(/(["\\$`])/g, "\\$1")}"`;
  return `$'${v.replace(/[\x00-\x1f\x7f\\']/g, (c) => ANSI_C[c] ?? "\\" + c.charCodeAt(0).toString(8).padStart(3, "0"))}'`;
}

/** The `(...)` of `declare -p`: `([0]="x" [2]="y")`, and for associative arrays `([k]="v" )` (bash's trailing blank). */
export function formatArrayValue(a: ShellArray): string {
  if (a.kind === "indexed") return `(${a.entries().map(([k, v]) => `[${k}]=${declareQuote(v)}`).join(" ")})`;
  if (a.size === 0) return "()";
  // Keys with shell metacharacters (or a lone * or @) are double-quoted, as assoc_to_assign does.
  const key = (k: string) => (/[ \t\n'"\\|&;()<>!{}*[\]?^$`]/.test(k) || /^[#~]/.test(k) || k === "@" ? declareQuote(k) : k);
  return `(${a.entries().map(([k, v]) => `[${key(k)}]=${declareQuote(v)} `).join("")})`;
}
