import type { KubeObject, WatchEvent, WatchEventType } from "../api/types";
import { RESOURCES, resourceDef } from "../api/registry";
import { deepFreeze } from "../api/object-util";

export interface StoreEvent {
  /** The global resourceVersion this change was written at. */
  rv: number;
  type: WatchEventType;
  resource: string;
  /** "" for cluster-scoped objects. */
  namespace: string;
  object: KubeObject;
  /** The state before a MODIFIED change (watchers with selectors need it to send ADDED/DELETED on a move). */
  prev?: KubeObject;
  /** The watch event every watcher that sees this change as it is receives (one frozen object, not one per watcher). */
  shared?: Readonly<WatchEvent>;
}

/** How many past changes a watch may resume from (etcd keeps ~5 minutes; we keep a count). */
const HISTORY = 5_000;

/**
 * The etcd of the simulated cluster: frozen objects indexed by resource, then namespace, then name, plus
 * one global revision counter (the resourceVersion) and a bounded history of changes for watches that
 * resume from a resourceVersion. It knows nothing of validation: the API server decides what is written.
 */
interface IndexedEvent {
  /** "namespace\u0000name": sorts as a list of events does. */
  key: string;
  namespace: string;
  obj: KubeObject;
}

export class Store {
  private revision = 0;
  private readonly data = new Map<string, Map<string, Map<string, KubeObject>>>();
  /** Sorted-list cache per resource (key "resource") and per resource+namespace ("resource\u0000ns"). */
  private readonly sorted = new Map<string, KubeObject[]>();
  private readonly history: StoreEvent[] = [];
  private historyStart = 0;
  /**
   * Events by the name of the object they are about: `kubectl describe` asks for one object's events, once per
   * object described, and a scan of every event each time would be quadratic. The list-ordered view of each
   * is kept until an event comes or goes.
   */
  private readonly eventsByInvolved = new Map<string, { entries: Map<string, IndexedEvent>; sorted?: IndexedEvent[] }>();
  private listener: ((e: StoreEvent) => void) | undefined;

  constructor() {
    for (const r of RESOURCES) this.data.set(r.resource, new Map());
  }

  onEvent(listener: (e: StoreEvent) => void): void {
    this.listener = listener;
  }

  /** The current revision (resourceVersion of the last write). */
  currentRevision(): number {
    return this.revision;
  }

  /** Reserve the next revision for a write. */
  nextRevision(): number {
    return ++this.revision;
  }

  get(resource: string, namespace: string, name: string): KubeObject | undefined {
    return this.data.get(resource)?.get(namespace)?.get(name);
  }

  /** Objects sorted by namespace, then name (etcd key order). `namespace` undefined: all. Shared, frozen. */
  list(resource: string, namespace: string | undefined): readonly KubeObject[] {
    const byNs = this.data.get(resource);
    if (!byNs) return [];
    const cacheKey = namespace === undefined ? resource : `${resource}\u0000${namespace}`;
    const hit = this.sorted.get(cacheKey);
    if (hit) return hit;
    let out: KubeObject[];
    if (namespace === undefined) {
      out = [];
      for (const ns of [...byNs.keys()].sort()) out.push(...this.list(resource, ns));
    } else {
      const names = byNs.get(namespace);
      out = names ? [...names.keys()].sort().map((n) => names.get(n)!) : [];
    }
    this.sorted.set(cacheKey, out);
    return out;
  }

  count(resource: string, namespace?: string): number {
    const byNs = this.data.get(resource);
    if (!byNs) return 0;
    if (namespace !== undefined) return byNs.get(namespace)?.size ?? 0;
    let n = 0;
    for (const m of byNs.values()) n += m.size;
    return n;
  }

  /** Write an object (already carrying its resourceVersion `rv`). */
  put(resource: string, namespace: string, name: string, obj: KubeObject, rv: number): void {
    const byNs = this.data.get(resource)!;
    let names = byNs.get(namespace);
    if (!names) {
      names = new Map();
      byNs.set(namespace, names);
    }
    const prev = names.get(name);
    if (resource === "events") this.indexEvent(namespace, name, prev, obj);
    const type: WatchEventType = prev ? "MODIFIED" : "ADDED";
    if (!prev) this.invalidate(resource, namespace);
    else this.replaceInCache(resource, namespace, prev, obj);
    names.set(name, deepFreeze(obj));
    this.record({ rv, type, resource, namespace, object: obj, ...(prev ? { prev } : {}) });
  }

  /** Remove an object; `last` is its final state (with the deletion's resourceVersion). */
  remove(resource: string, namespace: string, name: string, last: KubeObject, rv: number): void {
    const names = this.data.get(resource)?.get(namespace);
    if (!names?.has(name)) return;
    if (resource === "events") this.indexEvent(namespace, name, names.get(name), undefined);
    names.delete(name);
    if (names.size === 0) this.data.get(resource)!.delete(namespace);
    this.invalidate(resource, namespace);
    this.record({ rv, type: "DELETED", resource, namespace, object: deepFreeze(last) });
  }

  /** Changes after `rv`, or undefined when that revision is older than the kept history. */
  eventsSince(rv: number): StoreEvent[] | undefined {
    if (rv < this.historyStart) return undefined;
    return this.history.filter((e) => e.rv > rv);
  }

  /** Sorted etcd keys under a prefix ("/registry/pods/default/"). */
  keys(prefix: string): string[] {
    const out: string[] = [];
    for (const r of RESOURCES) {
      for (const [ns, names] of this.data.get(r.resource)!) {
        const base = r.namespaced ? `${r.etcdPrefix}/${ns}/` : `${r.etcdPrefix}/`;
        if (!base.startsWith(prefix) && !prefix.startsWith(base)) continue;
        for (const name of names.keys()) {
          const key = base + name;
          if (key.startsWith(prefix)) out.push(key);
        }
      }
    }
    return out.sort();
  }

  /** The JSON value stored at an etcd key. */
  getKey(key: string): string | undefined {
    for (const r of RESOURCES) {
      if (!key.startsWith(r.etcdPrefix + "/")) continue;
      const rest = key.slice(r.etcdPrefix.length + 1).split("/");
      const [ns, name] = r.namespaced ? rest : ["", rest[0]];
      if (rest.length !== (r.namespaced ? 2 : 1)) continue;
      const obj = this.get(r.resource, ns, name);
      if (obj) return JSON.stringify(obj);
    }
    return undefined;
  }

  /** Every object, for snapshots: [resource, object] in key order. */
  dump(): { revision: number; objects: [string, KubeObject][] } {
    const objects: [string, KubeObject][] = [];
    for (const r of RESOURCES) for (const o of this.list(r.resource, undefined)) objects.push([r.resource, o]);
    return { revision: this.revision, objects };
  }

  /** Load a dump (no watch events: restore happens before any component watches). */
  load(dump: { revision: number; objects: [string, KubeObject][] }): void {
    for (const [resource, obj] of dump.objects) {
      const r = resourceDef(resource);
      if (!r) continue;
      const ns = r.namespaced ? (obj.metadata.namespace ?? "") : "";
      const byNs = this.data.get(resource)!;
      let names = byNs.get(ns);
      if (!names) byNs.set(ns, (names = new Map()));
      names.set(obj.metadata.name ?? "", deepFreeze(obj));
      if (resource === "events") this.indexEvent(ns, obj.metadata.name ?? "", undefined, obj);
    }
    this.sorted.clear();
    this.revision = dump.revision;
    this.historyStart = dump.revision;
  }

  /** Events about objects named `involvedName`, in list order (namespace, then name); `namespace` undefined: all. */
  eventsAbout(involvedName: string, namespace: string | undefined): KubeObject[] {
    const bucket = this.eventsByInvolved.get(involvedName);
    if (!bucket) return [];
    bucket.sorted ??= [...bucket.entries.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const out: KubeObject[] = [];
    for (const e of bucket.sorted) if (namespace === undefined || e.namespace === namespace) out.push(e.obj);
    return out;
  }

  private indexEvent(namespace: string, name: string, before: KubeObject | undefined, after: KubeObject | undefined): void {
    const key = `${namespace}\u0000${name}`;
    const about = (o: KubeObject | undefined) => (o as { involvedObject?: { name?: unknown } } | undefined)?.involvedObject?.name;
    const was = about(before);
    const now = about(after);
    if (typeof was === "string" && was !== now) {
      const bucket = this.eventsByInvolved.get(was);
      if (bucket?.entries.delete(key)) {
        bucket.sorted = undefined;
        if (bucket.entries.size === 0) this.eventsByInvolved.delete(was);
      }
    }
    if (typeof now === "string") {
      let bucket = this.eventsByInvolved.get(now);
      if (!bucket) this.eventsByInvolved.set(now, (bucket = { entries: new Map() }));
      const entry = bucket.entries.get(key);
      // A new version of an indexed event (a count bump) keeps its place in the sorted view.
      if (entry) entry.obj = after!;
      else {
        bucket.entries.set(key, { key, namespace, obj: after! });
        bucket.sorted = undefined;
      }
    }
  }

  private record(e: StoreEvent): void {
    this.history.push(e);
    // Trim in chunks: dropping one entry per write would move the whole array every time.
    if (this.history.length > HISTORY * 1.25) {
      const dropped = this.history.splice(0, this.history.length - HISTORY);
      this.historyStart = dropped[dropped.length - 1].rv;
    }
    this.listener?.(e);
  }

  private invalidate(resource: string, namespace: string): void {
    this.sorted.delete(resource);
    this.sorted.delete(`${resource}\u0000${namespace}`);
  }

  /** A modification keeps the order: swap the object in the cached arrays instead of re-sorting. */
  private replaceInCache(resource: string, namespace: string, old: KubeObject, obj: KubeObject): void {
    for (const key of [resource, `${resource}\u0000${namespace}`]) {
      const arr = this.sorted.get(key);
      if (!arr) continue;
      const i = sortedIndexOf(arr, old);
      if (i >= 0) arr[i] = obj;
      else this.sorted.delete(key);
    }
  }
}

/** Where `obj` sits in a cached list (ordered by namespace, then name), by binary search; -1 when absent. */
function sortedIndexOf(arr: readonly KubeObject[], obj: KubeObject): number {
  const ns = obj.metadata.namespace ?? "";
  const name = obj.metadata.name ?? "";
  let lo = 0;
  let hi = arr.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = arr[mid];
    const mns = m.metadata.namespace ?? "";
    const mname = m.metadata.name ?? "";
    if (m === obj) return mid;
    if (mns < ns || (mns === ns && mname < name)) lo = mid + 1;
    else if (mns > ns || mname > name) hi = mid - 1;
    else return arr.indexOf(obj);
  }
  return -1;
}
