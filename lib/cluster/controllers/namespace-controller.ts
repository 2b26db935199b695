import type { ComponentContext } from "../runtime/component-context";
import { rfc3339 } from "../runtime/clock";
import type { Reconciler } from "../runtime/sim-loop";
import { WorkQueue } from "../runtime/work-queue";
import { deepEqual } from "./util/clone";
import type { Condition, Namespace } from "./util/objects";

const COMPONENT = "namespace-controller";
/** Without a pod deletion to wake it, a terminating namespace is looked at again after this long. */
const RECHECK_MS = 5000;

/**
 * The namespace controller (pkg/controller/namespace): a Namespace with a deletionTimestamp is emptied of every
 * namespaced object, then its `kubernetes` finalizer is removed and the API server lets it go.
 */
export function createNamespaceController(ctx: ComponentContext): Reconciler {
  const client = ctx.client;
  const queue = new WorkQueue(COMPONENT);
  const terminating = new Set<string>();

  client.watch("namespaces", undefined, { sendInitialEvents: true }, (e) => {
    const name = e.object.metadata.name ?? "";
    if (e.type === "DELETED") {
      terminating.delete(name);
      return;
    }
    if (e.object.metadata.deletionTimestamp) {
      terminating.add(name);
      queue.add(name);
    }
  });
  // Pods leave last (their kubelets stop them): each one gone may be the last thing holding the namespace.
  client.watch("pods", undefined, {}, (e) => {
    const ns = e.object.metadata.namespace ?? "";
    if (e.type === "DELETED" && terminating.has(ns)) queue.add(ns);
  });

  function reconcile(name: string): void {
    // Re-read: it may have been finalized already.
    const got = client.get("namespaces", undefined, name);
    if (!got.ok) return;
    const ns = got.value as Namespace;
    if (!ns.metadata.deletionTimestamp) return;

    const remaining: { resource: string; group: string; count: number }[] = [];
    for (const info of client.discovery()) {
      if (!info.namespaced || !info.verbs.includes("list") || !info.verbs.includes("delete") || info.resource.includes("/")) continue;
      const list = client.list(info.resource, name);
      if (!list.ok) continue;
      for (const item of list.value.items) {
        if (item.metadata.deletionTimestamp) continue;
        client.delete(info.resource, name, item.metadata.name ?? "", { preconditionsUid: item.metadata.uid });
      }
      const left = client.list(info.resource, name);
      if (left.ok && left.value.items.length > 0) remaining.push({ resource: info.resource, group: info.group, count: left.value.items.length });
    }

    if (remaining.length > 0) {
      setConditions(ns, remaining);
      ctx.loop.after(RECHECK_MS, `${COMPONENT} ${name}`, () => queue.add(name));
      return;
    }
    const finalizers = (ns.spec?.finalizers ?? []).filter((f) => f !== "kubernetes");
    const res = client.update("namespaces", undefined, name, { ...ns, spec: { ...(ns.spec ?? {}), finalizers } });
    if (res.ok) ctx.trace({ component: COMPONENT, action: "finalized", message: `namespace ${name} is empty: removed finalizer kubernetes`, object: { kind: "Namespace", name } });
    else if (res.status.reason === "Conflict") queue.add(name);
  }

  /** The five deletion conditions `kubectl describe ns` shows while content remains. */
  function setConditions(ns: Namespace, remaining: { resource: string; group: string; count: number }[]): void {
    const now = rfc3339(ctx.clock.now());
    const prev = ns.status?.conditions ?? [];
    const remainingText = remaining
      .map((r) => `${r.resource}.${r.group} has ${r.count} resource instances`)
      .sort()
      .join(", ");
    const want: Omit<Condition, "lastTransitionTime">[] = [
      { type: "NamespaceDeletionDiscoveryFailure", status: "False", reason: "ResourcesDiscovered", message: "All resources successfully discovered" },
      { type: "NamespaceDeletionGroupVersionParsingFailure", status: "False", reason: "ParsedGroupVersions", message: "All legacy kube types successfully parsed" },
      { type: "NamespaceDeletionContentFailure", status: "False", reason: "ContentDeleted", message: "All content successfully deleted, may be waiting on finalization" },
      { type: "NamespaceContentRemaining", status: "True", reason: "SomeResourcesRemain", message: `Some resources are remaining: ${remainingText}` },
      { type: "NamespaceFinalizersRemaining", status: "False", reason: "ContentHasNoFinalizers", message: "All content-preserving finalizers finished" },
    ];
    const conditions: Condition[] = want.map((c) => {
      const old = prev.find((p) => p.type === c.type);
      const t = old && old.status === c.status ? old.lastTransitionTime : now;
      return { type: c.type, status: c.status, lastTransitionTime: t, reason: c.reason, message: c.message };
    });
    if (deepEqual(prev, conditions)) return;
    client.updateStatus("namespaces", undefined, ns.metadata.name ?? "", { ...ns, status: { ...(ns.status ?? {}), conditions } });
  }

  return { queue, reconcile };
}
