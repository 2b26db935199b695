import type { WatchEvent } from "../../api/types";
import type { Pod } from "./objects";
import { controllerRefOf } from "./owner";
import { podFacts, type PodFacts } from "./pod-facts";

/** One cached pod with what syncs read from it, worked out once per version of the pod. */
export class PodEntry {
  private f: PodFacts | undefined;
  constructor(public pod: Pod) {}

  get facts(): PodFacts {
    return (this.f ??= podFacts(this.pod));
  }

  replace(pod: Pod): void {
    this.pod = pod;
    this.f = undefined;
  }
}

/** One bucket of pods keyed by name, with the name-sorted view rebuilt only when membership changes. */
class Bucket {
  readonly entries = new Map<string, PodEntry>();
  private sorted: PodEntry[] | undefined;

  set(name: string, pod: Pod): void {
    const entry = this.entries.get(name);
    if (entry) {
      entry.replace(pod);
      return;
    }
    this.sorted = undefined;
    this.entries.set(name, new PodEntry(pod));
  }

  delete(name: string): void {
    if (this.entries.delete(name)) this.sorted = undefined;
  }

  /** Entries in name order: the order a list of the namespace returns them (etcd key order). Shared: do not mutate. */
  list(): readonly PodEntry[] {
    this.sorted ??= [...this.entries.keys()].sort().map((n) => this.entries.get(n)!);
    return this.sorted;
  }
}

/**
 * An informer-style cache of pods kept by a pods watch, indexed by namespace and controller uid, so a
 * controller's sync reads only its own pods and the namespace's orphans instead of listing every pod.
 */
export class PodOwnerIndex {
  private readonly byOwner = new Map<string, Bucket>();
  private readonly orphans = new Map<string, Bucket>();
  /** Where each pod ("ns/name") currently sits, so a change that moves it can leave the old bucket. */
  private readonly location = new Map<string, Bucket>();

  /** Apply one watch event; call it from the pods watch before anything reads the index. */
  apply(e: WatchEvent): void {
    const pod = e.object as Pod;
    const ns = pod.metadata.namespace ?? "";
    const name = pod.metadata.name ?? "";
    const key = `${ns}/${name}`;
    const old = this.location.get(key);
    if (e.type === "DELETED") {
      old?.delete(name);
      this.location.delete(key);
      return;
    }
    const uid = controllerRefOf(pod)?.uid;
    const bucket = uid ? bucketOf(this.byOwner, `${ns}/${uid}`) : bucketOf(this.orphans, ns);
    if (old && old !== bucket) old.delete(name);
    bucket.set(name, pod);
    this.location.set(key, bucket);
  }

  /** The pods a list of `namespace` would return that `ownerUid` controls or nobody controls, in name order. */
  candidates(namespace: string, ownerUid: string): Pod[] {
    return this.candidateEntries(namespace, ownerUid).map((e) => e.pod);
  }

  /** candidates() as cache entries (with their facts). Shared: do not mutate the array. */
  candidateEntries(namespace: string, ownerUid: string): readonly PodEntry[] {
    const owned = this.byOwner.get(`${namespace}/${ownerUid}`)?.list() ?? [];
    const orphans = this.orphans.get(namespace)?.list() ?? [];
    if (orphans.length === 0) return owned;
    if (owned.length === 0) return orphans;
    const out: PodEntry[] = [];
    let i = 0;
    let j = 0;
    while (i < owned.length || j < orphans.length) {
      if (j >= orphans.length || (i < owned.length && (owned[i].pod.metadata.name ?? "") < (orphans[j].pod.metadata.name ?? ""))) out.push(owned[i++]);
      else out.push(orphans[j++]);
    }
    return out;
  }
}

function bucketOf(map: Map<string, Bucket>, key: string): Bucket {
  let b = map.get(key);
  if (!b) {
    b = new Bucket();
    map.set(key, b);
  }
  return b;
}
