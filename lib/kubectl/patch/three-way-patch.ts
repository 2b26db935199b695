/**
 * kubectl's three-way strategic merge patch (CreateThreeWayMergePatch): changes and additions come from
 * live -> new config, deletions from last-applied -> new config, so fields the server defaulted (and fields other
 * writers set) survive, and lists with merge keys (containers by name, ports, env, volumes) merge item by item.
 */
import { patchMeta } from "./patch-meta";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

interface DiffOptions {
  ignoreDeletions: boolean;
  ignoreChangesAndAdditions: boolean;
  retainKeys?: boolean;
}

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function typeOf(v: unknown): string {
  if (v === null) return "null";
  return Array.isArray(v) ? "array" : typeof v;
}

/** Go's fmt %v of a scalar, the order strategicpatch sorts merge keys and scalar lists by. */
function goString(v: Json | undefined): string {
  return typeof v === "string" ? v : JSON.stringify(v ?? null);
}

function equal(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && equal(a[k], b[k]));
  }
  return false;
}

function diffMaps(original: Obj, modified: Obj, kind: string, path: string[], opts: DiffOptions): Obj {
  const patch: Obj = {};
  const retain: string[] = [];
  for (const [key, mod] of Object.entries(modified)) {
    if (opts.retainKeys && mod !== null) retain.push(key);
    if (!(key in original)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = mod;
      continue;
    }
    const orig = original[key];
    if (key === "$patch") {
      if (orig !== mod) patch[key] = mod;
      continue;
    }
    if (typeOf(orig) !== typeOf(mod)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = mod;
      continue;
    }
    if (isObj(orig) && isObj(mod)) {
      const meta = patchMeta(kind, path, key);
      const sub = diffMaps(orig, mod, kind, [...path, key], { ...opts, retainKeys: meta.retainKeys });
      if (Object.keys(sub).length > 0) patch[key] = sub;
    } else if (Array.isArray(orig) && Array.isArray(mod)) {
      diffSlice(key, orig, mod, patch, kind, path, opts);
    } else if (!opts.ignoreChangesAndAdditions && !equal(orig, mod)) {
      patch[key] = mod;
    }
  }
  if (!opts.ignoreDeletions) for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null;
  const hasNewField = Object.keys(modified).some((k) => !(k in original));
  if (retain.length > 0 && (Object.keys(patch).length > 0 || hasNewField)) patch.$retainKeys = retain.sort();
  return patch;
}

function diffSlice(key: string, orig: Json[], mod: Json[], patch: Obj, kind: string, path: string[], opts: DiffOptions): void {
  const meta = patchMeta(kind, path, key);
  if (meta.mergeKey === undefined) {
    if (!opts.ignoreChangesAndAdditions && !equal(orig, mod)) patch[key] = mod;
    return;
  }
  if (orig.length === 0) {
    if (mod.length > 0 && !opts.ignoreChangesAndAdditions) patch[key] = mod;
    return;
  }
  const itemOpts = { ...opts, retainKeys: meta.retainKeys };
  const mapList = [...orig, ...mod].every(isObj);
  if (mapList && meta.mergeKey) {
    const mk = meta.mergeKey;
    const { changes, deletions } = diffListsOfMaps(orig as Obj[], mod as Obj[], mk, kind, [...path, key], itemOpts);
    const order = (x: Obj) => mod.findIndex((m) => isObj(m) && goString(m[mk]) === goString(x[mk]));
    const list = [...changes.sort((a, b) => order(a) - order(b)), ...deletions];
    if (list.length > 0) patch[key] = list;
    const sameOrder = orig.length === mod.length && mod.every((m, i) => goString((m as Obj)[mk]) === goString((orig[i] as Obj)[mk]));
    if ((!opts.ignoreChangesAndAdditions && (list.length > 0 || !sameOrder)) || (!opts.ignoreDeletions && list.length > 0)) {
      patch[`$setElementOrder/${key}`] = mod.map((m) => ({ [mk]: (m as Obj)[mk] }));
    }
    return;
  }
  // A set of scalars (finalizers): additions merge in, deletions go to a parallel list.
  const has = (list: Json[], v: Json) => list.some((x) => goString(x) === goString(v));
  const adds = opts.ignoreChangesAndAdditions ? [] : mod.filter((v) => !has(orig, v));
  const dels = opts.ignoreDeletions ? [] : [...new Set(orig.filter((v) => !has(mod, v)).map(goString))].sort();
  if (adds.length > 0) patch[key] = adds;
  if (dels.length > 0) patch[`$deleteFromPrimitiveList/${key}`] = dels;
  if ((!opts.ignoreDeletions && dels.length > 0) || (!opts.ignoreChangesAndAdditions && !equal(orig, mod))) patch[`$setElementOrder/${key}`] = mod;
}

function diffListsOfMaps(orig: Obj[], mod: Obj[], mk: string, kind: string, path: string[], opts: DiffOptions): { changes: Obj[]; deletions: Obj[] } {
  const byKey = (list: Obj[]) => new Map(list.map((x) => [goString(x[mk]), x]));
  const o = byKey(orig);
  const m = byKey(mod);
  const changes: Obj[] = [];
  const deletions: Obj[] = [];
  for (const [k, item] of m) {
    const before = o.get(k);
    if (!before) {
      if (!opts.ignoreChangesAndAdditions) changes.push(item);
      continue;
    }
    const sub = diffMaps(before, item, kind, path, opts);
    if (Object.keys(sub).length > 0) changes.push({ ...sub, [mk]: item[mk] });
  }
  if (!opts.ignoreDeletions) {
    for (const k of [...o.keys()].sort()) if (!m.has(k)) deletions.push({ $patch: "delete", [mk]: o.get(k)![mk] });
  }
  return { changes, deletions };
}

/** Combines the deletions patch with the changes patch (strategicpatch.mergeMap without a parallel-list merge). */
function mergePatches(base: Obj, over: Obj, kind: string, path: string[]): Obj {
  const out: Obj = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const cur = out[k];
    if (isObj(cur) && isObj(v)) out[k] = mergePatches(cur, v, kind, [...path, k]);
    else if (Array.isArray(cur) && Array.isArray(v) && patchMeta(kind, path, k).mergeKey) {
      const mk = patchMeta(kind, path, k).mergeKey!;
      const items = [...v];
      for (const d of cur) {
        if (!isObj(d) || !mk) continue;
        const i = items.findIndex((x) => isObj(x) && goString(x[mk]) === goString(d[mk]));
        if (i < 0) items.push(d);
      }
      out[k] = items;
    } else out[k] = v;
  }
  return out;
}

/** The patch taking `current` (live) to `modified` (new config), deleting what `original` (last applied) had. */
export function threeWayMergePatch(original: Obj, modified: Obj, current: Obj, kind: string): Obj {
  const delta = diffMaps(current, modified, kind, [], { ignoreDeletions: true, ignoreChangesAndAdditions: false });
  const deletions = diffMaps(original, modified, kind, [], { ignoreDeletions: false, ignoreChangesAndAdditions: true });
  return mergePatches(deletions, delta, kind, []);
}

/** The patch taking `original` to `modified` (CreateTwoWayMergePatch, what `kubectl edit` sends). */
export function twoWayMergePatch(original: Obj, modified: Obj, kind: string): Obj {
  return diffMaps(original, modified, kind, [], { ignoreDeletions: false, ignoreChangesAndAdditions: false });
}
