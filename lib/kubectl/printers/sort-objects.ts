import type { KubeObject } from "../../cluster/index";
import { findJsonPathResults } from "./jsonpath/print-jsonpath";
import { parseJsonPath } from "./jsonpath/parse-jsonpath";
import { PrinterError } from "./printer-error";
import { relaxedJsonPathExpression } from "./relaxed-json-path";

/** fvbommel/sortorder.NaturalLess: digit runs compare as numbers ("pod-2" < "pod-10"). */
export function naturalLess(a: string, b: string): boolean {
  const isDigit = (c: string) => c >= "0" && c <= "9";
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const d1 = isDigit(a[i]);
    const d2 = isDigit(b[j]);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (a[i] !== b[j]) return a[i] < b[j];
      i++;
      j++;
      continue;
    }
    while (i < a.length && a[i] === "0") i++;
    while (j < b.length && b[j] === "0") j++;
    const nz1 = i;
    const nz2 = j;
    while (i < a.length && isDigit(a[i])) i++;
    while (j < b.length && isDigit(b[j])) j++;
    if (i - nz1 !== j - nz2) return i - nz1 < j - nz2;
    const n1 = a.slice(nz1, i);
    const n2 = b.slice(nz2, j);
    if (n1 !== n2) return n1 < n2;
    if (nz1 !== nz2) return nz1 < nz2;
  }
  return a.length < b.length;
}

const SUFFIX: Record<string, number> = {
  "": 1, n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** resource.ParseQuantity, as a number (enough to order "100m" before "1" before "2Gi"). */
function parseQuantity(s: string): number | undefined {
  const m = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  const suffix = m[2] ?? "";
  if (/^[eE]/.test(suffix)) return n * 10 ** Number(suffix.slice(1));
  return n * SUFFIX[suffix];
}

/** kubectl's isLess over the first value found (numbers, strings as quantities or naturally, lists item-wise). */
function isLess(a: unknown, b: unknown): boolean {
  if (a === null && b === null) return false;
  if (a === null) return true;
  if (b === null) return false;
  if (typeof a === "number" && typeof b === "number") return a < b;
  if (typeof a === "string" && typeof b === "string") {
    const qa = parseQuantity(a);
    const qb = parseQuantity(b);
    if (qa !== undefined && qb !== undefined) return qa < qb;
    return naturalLess(a, b);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (!isLess(a[i], b[i])) return false;
    return true;
  }
  if (typeof a === "boolean" && typeof b === "boolean") throw new PrinterError("unsortable type: bool");
  if (typeof a === "object" && a !== null) throw new PrinterError("unsortable type: map[string]interface {}");
  return false;
}

/**
 * `--sort-by=FIELD`: a sorted copy. FIELD may be `.metadata.name` or `{.metadata.name}`; objects where it finds
 * nothing come first. Throws PrinterError `couldn't find any field with path "{.x}" in the list of objects` when
 * it finds nothing in any object.
 */
export function sortObjects<T extends KubeObject>(objects: readonly T[], sortBy: string): T[] {
  const field = relaxedJsonPathExpression(sortBy);
  try {
    parseJsonPath(field);
  } catch (e) {
    throw new PrinterError(`sorting error: ${(e as Error).message}`);
  }
  const keyed = objects.map((o) => {
    const v = findJsonPathResults(field, o);
    return { o, found: v.length > 0 && v[0].length > 0, value: v[0]?.[0] };
  });
  if (objects.length > 0 && !keyed.some((k) => k.found)) throw new PrinterError(`couldn't find any field with path ${JSON.stringify(field)} in the list of objects`);
  // Go's sort.Sort is not stable; a stable sort keeps ties in server order, which is what users usually see.
  return keyed
    .sort((x, y) => {
      const lt = (p: typeof x, q: typeof x) => (!p.found ? true : !q.found ? false : isLess(p.value, q.value));
      if (lt(x, y) && !lt(y, x)) return -1;
      if (lt(y, x) && !lt(x, y)) return 1;
      return 0;
    })
    .map((k) => k.o);
}
