import type { KubeObject } from "../api/types";
import type { ComponentContext } from "../runtime/component-context";
import type { Reconciler } from "../runtime/sim-loop";
import { WorkQueue } from "../runtime/work-queue";
import { computeHash } from "./deployment/pod-template-hash";
import { clone, deepEqual } from "./util/clone";
import { keyOf, splitKey } from "./util/keys";
import { selectorMatches } from "./util/label-selector";
import { podFitsNode } from "./util/node-affinity";
import type { DaemonSet, Node, Pod, PodSpec, Toleration } from "./util/objects";
import { controllerRefOf, newControllerRef } from "./util/owner";
import { podFromTemplate } from "./util/pod-from-template";
import { isPodActive, isPodAvailable, isPodReady } from "./util/pod-state";
import { scaledValue } from "./deployment/deployment-util";
import { slowStartBatch } from "./util/slow-start";
import { toleratesAll } from "./util/taints";

const COMPONENT = "daemonset-controller";

/** util.AddOrUpdateDaemonPodTolerations: what every daemon pod tolerates, so node trouble never evicts it. */
function daemonTolerations(spec: PodSpec): Toleration[] {
  const add: Toleration[] = [
    { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" },
    { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" },
    { key: "node.kubernetes.io/disk-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/memory-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/pid-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" },
  ];
  if (spec.hostNetwork) add.push({ key: "node.kubernetes.io/network-unavailable", operator: "Exists", effect: "NoSchedule" });
  const out = [...(spec.tolerations ?? [])];
  for (const t of add) if (!out.some((o) => o.key === t.key && o.effect === t.effect && o.operator === t.operator)) out.push(t);
  return out;
}

/**
 * The DaemonSet controller (pkg/controller/daemon): one pod per eligible node, pinned to its node by a
 * required node affinity on metadata.name (the default scheduler then binds it), rolled on template change
 * with maxUnavailable.
 */
export function createDaemonSetController(ctx: ComponentContext): Reconciler {
  const client = ctx.client;
  const queue = new WorkQueue(COMPONENT);
  const event = (obj: KubeObject, type: "Normal" | "Warning", reason: string, message: string) => ctx.recorder.event(obj, type, reason, message, { component: COMPONENT });

  const enqueueAll = () => {
    const all = client.list("daemonsets", undefined);
    if (all.ok) for (const ds of all.value.items) queue.add(keyOf(ds));
  };
  client.watch("daemonsets", undefined, { sendInitialEvents: true }, (e) => queue.add(keyOf(e.object)));
  client.watch("nodes", undefined, {}, (e) => {
    // Only label, taint and existence changes matter; heartbeats do not.
    if (e.type !== "MODIFIED") return enqueueAll();
    const key = e.object.metadata.name ?? "";
    const sig = JSON.stringify([e.object.metadata.labels, (e.object as Node).spec?.taints, (e.object as Node).spec?.unschedulable]);
    if (nodeSignatures.get(key) !== sig) {
      nodeSignatures.set(key, sig);
      enqueueAll();
    }
  });
  const nodeSignatures = new Map<string, string>();
  client.watch("pods", undefined, {}, (e) => {
    const ref = controllerRefOf(e.object);
    if (ref?.kind === "DaemonSet") queue.add(`${e.object.metadata.namespace}/${ref.name}`);
  });

  function reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const got = client.get("daemonsets", namespace, name);
    if (!got.ok) return;
    const ds = got.value as DaemonSet;
    const nodesRes = client.list("nodes", undefined);
    const podsRes = client.list("pods", namespace);
    if (!nodesRes.ok || !podsRes.ok) return;
    const nodes = nodesRes.value.items as Node[];
    const hash = computeHash(ds.spec.template, (ds.status as { collisionCount?: number } | undefined)?.collisionCount);
    const generation = String(ds.metadata.generation ?? 1);

    // Our pods by node (adopting orphans that match, as ClaimPods does).
    const byNode = new Map<string, Pod[]>();
    for (const p of podsRes.value.items as Pod[]) {
      const ref = controllerRefOf(p);
      let mine = ref?.uid === ds.metadata.uid;
      if (!ref && selectorMatches(ds.spec.selector, p.metadata.labels) && !p.metadata.deletionTimestamp && !ds.metadata.deletionTimestamp) {
        mine = client.patch("pods", namespace, p.metadata.name ?? "", "merge", { metadata: { ownerReferences: [...(p.metadata.ownerReferences ?? []), newControllerRef(ds)] } }).ok;
      }
      if (!mine) continue;
      const node = podNodeName(p);
      if (!byNode.has(node)) byNode.set(node, []);
      byNode.get(node)!.push(p);
    }

    const toCreate: string[] = [];
    const toDelete: Pod[] = [];
    let desired = 0;
    let current = 0;
    let misscheduled = 0;
    const should = new Set<string>();
    for (const node of nodes) {
      const nodeName = node.metadata.name ?? "";
      const pods = (byNode.get(nodeName) ?? []).filter((p) => !p.metadata.deletionTimestamp);
      if (shouldRun(ds, node)) {
        should.add(nodeName);
        desired++;
        if (pods.length > 0) current++;
        const live = pods.filter((p) => p.status?.phase !== "Failed");
        for (const p of pods) if (p.status?.phase === "Failed") toDelete.push(p);
        if (live.length === 0) toCreate.push(nodeName);
        else if (live.length > 1) {
          // Keep the oldest; the rest are surplus.
          const sorted = [...live].sort((a, b) => (a.metadata.creationTimestamp ?? "").localeCompare(b.metadata.creationTimestamp ?? ""));
          toDelete.push(...sorted.slice(1));
        }
      } else if (pods.length > 0) {
        misscheduled++;
        toDelete.push(...pods);
      }
    }
    if (ds.metadata.deletionTimestamp) return;

    // Rolling update: replace out-of-date pods while at most maxUnavailable are unavailable.
    if ((ds.spec.updateStrategy?.type ?? "RollingUpdate") === "RollingUpdate") {
      const maxUnavailable = Math.max(1, scaledValue(ds.spec.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1, desired, true));
      let unavailable = 0;
      const old: Pod[] = [];
      for (const nodeName of should) {
        const pods = (byNode.get(nodeName) ?? []).filter(isPodActive);
        if (pods.length === 0 || !pods.some((p) => isPodAvailable(p, ds.spec.minReadySeconds ?? 0, ctx.clock.now()))) unavailable++;
        for (const p of pods) if (p.metadata.labels?.["controller-revision-hash"] !== hash) old.push(p);
      }
      for (const p of old.sort((a, b) => Number(isPodReady(a)) - Number(isPodReady(b)))) {
        const ready = isPodAvailable(p, ds.spec.minReadySeconds ?? 0, ctx.clock.now());
        if (!ready) toDelete.push(p);
        else if (unavailable < maxUnavailable) {
          toDelete.push(p);
          unavailable++;
        }
      }
    }

    for (const p of new Set(toDelete)) {
      const res = client.delete("pods", namespace, p.metadata.name ?? "", { preconditionsUid: p.metadata.uid });
      if (res.ok) event(ds, "Normal", "SuccessfulDelete", `Deleted pod: ${p.metadata.name}`);
      else if (res.status.reason !== "NotFound") event(ds, "Warning", "FailedDelete", `Error deleting: ${res.status.message}`);
    }
    let i = 0;
    slowStartBatch(toCreate.length, 1, () => {
      const nodeName = toCreate[i++];
      const res = client.create("pods", namespace, daemonPod(ds, nodeName, hash, generation));
      if (!res.ok) {
        event(ds, "Warning", "FailedCreate", `Error creating: ${res.status.message}`);
        return false;
      }
      event(ds, "Normal", "SuccessfulCreate", `Created pod: ${res.value.metadata.name}`);
      ctx.trace({ component: COMPONENT, action: "created", message: `DaemonSet ${name} created pod ${res.value.metadata.name} for node ${nodeName}`, object: { kind: "Pod", namespace, name: res.value.metadata.name ?? "" } });
      return true;
    });

    updateStatus(ds, should, byNode, hash, { desired, current, misscheduled });
  }

  function updateStatus(ds: DaemonSet, should: Set<string>, byNode: Map<string, Pod[]>, hash: string, counts: { desired: number; current: number; misscheduled: number }): void {
    const now = ctx.clock.now();
    let ready = 0;
    let available = 0;
    let updated = 0;
    for (const nodeName of should) {
      const pods = (byNode.get(nodeName) ?? []).filter(isPodActive);
      if (pods.some(isPodReady)) ready++;
      if (pods.some((p) => isPodAvailable(p, ds.spec.minReadySeconds ?? 0, now))) available++;
      if (pods.some((p) => p.metadata.labels?.["controller-revision-hash"] === hash)) updated++;
    }
    const status: Record<string, unknown> = {
      currentNumberScheduled: counts.current,
      numberMisscheduled: counts.misscheduled,
      desiredNumberScheduled: counts.desired,
      numberReady: ready,
    };
    if (ds.metadata.generation) status.observedGeneration = ds.metadata.generation;
    if (updated) status.updatedNumberScheduled = updated;
    if (available) status.numberAvailable = available;
    if (counts.desired - available > 0) status.numberUnavailable = counts.desired - available;
    if (deepEqual(ds.status ?? {}, status)) return;
    client.updateStatus("daemonsets", ds.metadata.namespace, ds.metadata.name ?? "", { ...ds, status });
  }

  return { queue, reconcile };
}

/** NodeShouldRunDaemonPod: the node admits the daemon pod by selector/affinity and its taints are tolerated. */
function shouldRun(ds: DaemonSet, node: Node): boolean {
  const spec = { ...ds.spec.template.spec, tolerations: daemonTolerations(ds.spec.template.spec) };
  if (spec.nodeName && spec.nodeName !== node.metadata.name) return false;
  if (!podFitsNode(spec, node)) return false;
  return toleratesAll(spec.tolerations, node.spec?.taints ?? [], ["NoSchedule", "NoExecute"]);
}

function podNodeName(p: Pod): string {
  if (p.spec.nodeName) return p.spec.nodeName;
  for (const term of p.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of term.matchFields ?? []) if (f.key === "metadata.name" && f.operator === "In" && f.values?.length === 1) return f.values[0];
  }
  return "";
}

/** The daemon pod for one node: template + revision labels, node-name affinity, daemon tolerations. */
function daemonPod(ds: DaemonSet, nodeName: string, hash: string, generation: string): KubeObject {
  const template = clone(ds.spec.template);
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), "controller-revision-hash": hash, "pod-template-generation": generation } };
  const pod = podFromTemplate(template, ds);
  const spec = pod.spec as PodSpec;
  // ReplaceDaemonSetPodNodeNameNodeAffinity: the node-name term replaces any other required terms.
  const affinity = spec.affinity ?? {};
  spec.affinity = {
    ...affinity,
    nodeAffinity: {
      ...(affinity.nodeAffinity ?? {}),
      requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: [nodeName] }] }] },
    },
  };
  spec.tolerations = daemonTolerations(spec);
  return pod;
}
