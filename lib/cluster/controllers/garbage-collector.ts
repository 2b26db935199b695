import type { KubeObject, OwnerReference, ResourceInfo } from "../api/types";
import type { PropagationPolicy } from "../apiserver/api-client";
import type { ComponentContext } from "../runtime/component-context";
import type { Reconciler } from "../runtime/sim-loop";
import { WorkQueue } from "../runtime/work-queue";

const COMPONENT = "garbage-collector";
const FOREGROUND = "foregroundDeletion";
const ORPHAN = "orphan";

interface GraphNode {
  info: ResourceInfo;
  namespace?: string;
  name: string;
  owners: OwnerReference[];
  deleting: boolean;
  finalizers: string[];
}

/**
 * The garbage collector (pkg/controller/garbagecollector): a graph of owner → dependents by uid, fed by
 * watches on every resource. Work-queue keys are uids. Dependents whose owners are gone are deleted
 * (Background); owners deleted with Foreground wait for their blocking dependents; Orphan strips the
 * ownerReferences from the dependents first.
 */
export function createGarbageCollector(ctx: ComponentContext): Reconciler {
  const client = ctx.client;
  const queue = new WorkQueue(COMPONENT);
  const graph = new Map<string, GraphNode>();
  const dependents = new Map<string, Set<string>>();
  const infos = client.discovery().filter((r) => r.verbs.includes("watch") && r.verbs.includes("delete") && r.resource !== "events" && !r.resource.includes("/"));
  const byKind = new Map(infos.map((r) => [`${r.group}/${r.kind}`, r]));

  const link = (owner: string, dep: string) => {
    let s = dependents.get(owner);
    if (!s) dependents.set(owner, (s = new Set()));
    s.add(dep);
  };
  const unlink = (owner: string, dep: string) => dependents.get(owner)?.delete(dep);

  for (const info of infos) {
    client.watch(info.resource, undefined, { sendInitialEvents: true }, (e) => {
      const meta = e.object.metadata;
      const uid = meta.uid;
      if (!uid) return;
      const prev = graph.get(uid);
      const owners = meta.ownerReferences ?? [];
      // Most events are status writes: same owners (often the very same stored array), nothing to relink.
      const ownersChanged = !prev || (prev.owners !== owners && JSON.stringify(prev.owners) !== JSON.stringify(owners));
      if (e.type !== "DELETED" && prev && !ownersChanged) {
        const deleting = !!meta.deletionTimestamp;
        const wasDeleting = prev.deleting;
        prev.owners = owners;
        prev.deleting = deleting;
        prev.finalizers = meta.finalizers ?? [];
        if (owners.length && wasDeleting !== deleting) queue.add(uid);
        if (deleting && (prev.finalizers.includes(FOREGROUND) || prev.finalizers.includes(ORPHAN))) queue.add(uid);
        return;
      }
      for (const r of prev?.owners ?? []) unlink(r.uid, uid);
      if (e.type === "DELETED") {
        graph.delete(uid);
        // Its dependents may now be dangling; owners waiting in foreground deletion may be unblocked.
        for (const dep of dependents.get(uid) ?? []) queue.add(dep);
        for (const r of prev?.owners ?? meta.ownerReferences ?? []) if (graph.get(r.uid)?.deleting) queue.add(r.uid);
        return;
      }
      const node: GraphNode = {
        info,
        namespace: meta.namespace,
        name: meta.name ?? "",
        owners,
        deleting: !!meta.deletionTimestamp,
        finalizers: meta.finalizers ?? [],
      };
      graph.set(uid, node);
      for (const r of node.owners) link(r.uid, uid);
      if (node.owners.length && (ownersChanged || prev?.deleting !== node.deleting)) queue.add(uid);
      if (node.deleting && (node.finalizers.includes(FOREGROUND) || node.finalizers.includes(ORPHAN))) queue.add(uid);
      if (ownersChanged) for (const r of prev?.owners ?? []) if (graph.get(r.uid)?.deleting) queue.add(r.uid);
    });
  }

  function resolve(ref: OwnerReference): ResourceInfo | undefined {
    const group = ref.apiVersion.includes("/") ? ref.apiVersion.split("/")[0] : "";
    return byKind.get(`${group}/${ref.kind}`);
  }

  function reconcile(uid: string): void {
    const node = graph.get(uid);
    if (!node) return;
    // Re-read: the graph is a cache; decisions are made on the stored object.
    const got = client.get(node.info.resource, node.namespace, node.name);
    if (!got.ok || got.value.metadata.uid !== uid) return;
    const obj = got.value;
    const meta = obj.metadata;
    const finalizers = meta.finalizers ?? [];

    if (meta.deletionTimestamp) {
      if (finalizers.includes(ORPHAN)) {
        orphanDependents(uid);
        removeFinalizer(node, obj, ORPHAN);
        return;
      }
      if (finalizers.includes(FOREGROUND)) {
        const deps = [...(dependents.get(uid) ?? [])].filter((d) => graph.has(d));
        const blocking = deps.filter((d) => graph.get(d)!.owners.some((r) => r.uid === uid && r.blockOwnerDeletion));
        if (blocking.length === 0) {
          removeFinalizer(node, obj, FOREGROUND);
          return;
        }
        for (const d of deps) if (!graph.get(d)!.deleting) queue.add(d);
      }
      return;
    }

    const owners = meta.ownerReferences ?? [];
    if (owners.length === 0) return;
    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const ref of owners) {
      const info = resolve(ref);
      if (!info) {
        solid.push(ref);
        continue;
      }
      const owner = client.get(info.resource, info.namespaced ? meta.namespace : undefined, ref.name);
      if (!owner.ok) {
        if (owner.status.reason === "NotFound") dangling.push(ref);
        else solid.push(ref);
        continue;
      }
      if (owner.value.metadata.uid !== ref.uid) dangling.push(ref);
      else if (owner.value.metadata.deletionTimestamp && (owner.value.metadata.finalizers ?? []).includes(FOREGROUND)) waiting.push(ref);
      else solid.push(ref);
    }

    if (solid.length > 0) {
      // Still owned: only drop the references that no longer hold it.
      const drop = new Set([...dangling, ...waiting].map((r) => r.uid));
      if (drop.size === 0) return;
      const kept = owners.filter((r) => !drop.has(r.uid));
      client.patch(node.info.resource, node.namespace, node.name, "merge", { metadata: { ownerReferences: kept, uid } });
      return;
    }

    let policy: PropagationPolicy;
    if (waiting.length > 0 && (dependents.get(uid)?.size ?? 0) > 0) policy = "Foreground";
    else if (finalizers.includes(ORPHAN)) policy = "Orphan";
    else if (finalizers.includes(FOREGROUND)) policy = "Foreground";
    else policy = "Background";
    const res = client.delete(node.info.resource, node.namespace, node.name, { propagationPolicy: policy, preconditionsUid: uid });
    if (res.ok) {
      const owner = (waiting[0] ?? dangling[0]) as OwnerReference;
      ctx.trace({
        component: COMPONENT,
        action: "deleted",
        message: `deleted ${node.info.kind} ${node.name}: its owner ${owner.kind} ${owner.name} is ${waiting.length ? "being deleted (foreground)" : "gone"}`,
        object: { kind: node.info.kind, namespace: node.namespace, name: node.name },
      });
    }
  }

  function orphanDependents(ownerUid: string): void {
    for (const d of [...(dependents.get(ownerUid) ?? [])]) {
      const node = graph.get(d);
      if (!node) continue;
      const kept = node.owners.filter((r) => r.uid !== ownerUid);
      client.patch(node.info.resource, node.namespace, node.name, "merge", { metadata: { ownerReferences: kept.length ? kept : null, uid: d } });
    }
  }

  function removeFinalizer(node: GraphNode, obj: KubeObject, finalizer: string): void {
    const rest = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    const res = client.update(node.info.resource, node.namespace, node.name, { ...obj, metadata: { ...obj.metadata, finalizers: rest.length ? rest : undefined } });
    if (!res.ok && res.status.reason === "Conflict") queue.add(obj.metadata.uid ?? "");
  }

  return { queue, reconcile };
}
