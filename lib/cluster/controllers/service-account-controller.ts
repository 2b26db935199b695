import type { ComponentContext } from "../runtime/component-context";
import type { Reconciler } from "../runtime/sim-loop";
import { WorkQueue } from "../runtime/work-queue";

const COMPONENT = "serviceaccount-controller";

/** The serviceaccount controller: every active namespace has a ServiceAccount named `default`. */
export function createServiceAccountController(ctx: ComponentContext): Reconciler {
  const client = ctx.client;
  const queue = new WorkQueue(COMPONENT);
  client.watch("namespaces", undefined, { sendInitialEvents: true }, (e) => {
    if (e.type !== "DELETED") queue.add(e.object.metadata.name ?? "");
  });
  client.watch("serviceaccounts", undefined, {}, (e) => {
    if (e.type === "DELETED" && e.object.metadata.name === "default") queue.add(e.object.metadata.namespace ?? "");
  });

  function reconcile(ns: string): void {
    const got = client.get("namespaces", undefined, ns);
    if (!got.ok || got.value.metadata.deletionTimestamp) return;
    if (client.get("serviceaccounts", ns, "default").ok) return;
    const res = client.create("serviceaccounts", ns, { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: ns } });
    if (res.ok) ctx.trace({ component: COMPONENT, action: "created", message: `created ServiceAccount default in namespace ${ns}`, object: { kind: "ServiceAccount", namespace: ns, name: "default" } });
  }

  return { queue, reconcile };
}
