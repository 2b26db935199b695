import type { WatchEvent } from "../../api/types";
import type { Pod } from "./objects";
import { controllerRefOf } from "./owner";

/** One bucket of pods keyed by name, with the name-sorted view rebuilt only when membership changes. */
class Bucket {
  readonly pods = new Map<string, Pod>();
  private sorted: string[] | undefined;

  set(name: string, pod: Pod): void {
    if (!this.pods.has(name)) this.sorted = undefined;
    this.pods.set(name, pod);
  }

  delete(name: string): void {
    if (this.pods.delete(name)) this.sorted = undefined;
  }

  /** Pods in name order: the order a list of the namespace returns them (etcd key order). */
  list(): Pod[] {
    this.sorted ??= [...this.pods.keys()].sort();
    return this.sorted.map((n) => this.pods.get(n)!);
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
    const owned = this.byOwner.get(`${namespace}/${ownerUid}`)?.list() ?? [];
    const orphans = this.orphans.get(namespace)?.list() ?? [];
    if (orphans.length === 0) return owned;
    if (owned.length === 0) return orphans;
    const out: Pod[] = [];
    let i = 0;
    let j = 0;
    while (i < owned.length || j < orphans.length) {
      if (j >= orphans.length || (i < owned.length && (owned[i].metadata.name ?? "") < (orphans[j].metadata.name ?? ""))) out.push(owned[i++]);
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
