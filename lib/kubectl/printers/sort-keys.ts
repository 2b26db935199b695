/**
 * Sorts object keys in place by UTF-16 code units, the order Go's encoders write map keys in (what
 * `Array.prototype.sort()` does by default, without its per-comparison string conversion). The printers sort
 * the keys of every object they write, so this is on the hot path of `-o yaml` and `-o json`.
 */
export function sortKeys(keys: string[]): string[] {
  if (keys.length > 16) return keys.sort(byCodeUnits);
  // Few keys (nearly every object): an insertion sort without comparator calls, no moves when in order already.
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i];
    let j = i - 1;
    if (keys[j] < k) continue;
    while (j >= 0 && keys[j] > k) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
