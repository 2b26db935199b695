import type { KubeObject } from "../api/types";
import type { ComponentContext } from "../runtime/component-context";
import type { Reconciler } from "../runtime/sim-loop";
import { WorkQueue } from "../runtime/work-queue";
import { deepEqual } from "./util/clone";
import { selectedPods, servicesForPodChanges, shouldBeInEndpoints, triggerTime } from "./endpoints-controller";
import { findPort } from "./util/find-port";
import { keyOf, splitKey } from "./util/keys";
import type { Service } from "./util/objects";
import { newControllerRef } from "./util/owner";
import { isPodReady } from "./util/pod-state";

const COMPONENT = "endpointslice-controller";
const SERVICE_NAME = "kubernetes.io/service-name";
const MANAGED_BY = "endpointslice.kubernetes.io/managed-by";
const MANAGER = "endpointslice-controller.k8s.io";

/**
 * The EndpointSlice controller (pkg/controller/endpointslice): one IPv4 slice per selecting Service, named
 * "<service>-<5 random>" by the API server, owned by the Service, with ready/serving/terminating conditions.
 */
export function createEndpointSliceController(ctx: ComponentContext): Reconciler {
  const client = ctx.client;
  const queue = new WorkQueue(COMPONENT);
  client.watch("services", undefined, { sendInitialEvents: true }, (e) => queue.add(keyOf(e.object)));
  client.watch("pods", undefined, {}, servicesForPodChanges(client, queue));
  client.watch("endpointslices", undefined, {}, (e) => {
    const svc = e.object.metadata.labels?.[SERVICE_NAME];
    if (svc && e.object.metadata.labels?.[MANAGED_BY] === MANAGER) queue.add(`${e.object.metadata.namespace}/${svc}`);
  });

  function reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const svcRes = client.get("services", namespace, name);
    const slices = client.list("endpointslices", namespace, { labelSelector: `${SERVICE_NAME}=${name},${MANAGED_BY}=${MANAGER}` });
    const existing = slices.ok ? slices.value.items : [];
    if (!svcRes.ok || !(svcRes.value as Service).spec.selector) {
      // The garbage collector removes slices of deleted services; a service that lost its selector: drop them here.
      if (svcRes.ok) for (const s of existing) client.delete("endpointslices", namespace, s.metadata.name ?? "");
      return;
    }
    const svc = svcRes.value as Service;
    const pods = selectedPods(client, svc).filter((p) => shouldBeInEndpoints(p, true));
    const ports = (svc.spec.ports ?? []).map((sp) => ({ name: sp.name ?? "", port: pods.length ? findPort(pods[0], sp) : undefined, protocol: sp.protocol ?? "TCP" }));
    const endpoints = pods
      .filter((p) => (svc.spec.ports ?? []).every((sp) => findPort(p, sp) !== undefined))
      .map((p) => {
        const terminating = !!p.metadata.deletionTimestamp;
        const ready = isPodReady(p);
        return {
          addresses: [p.status!.podIP!],
          conditions: { ready: (ready || svc.spec.publishNotReadyAddresses === true) && !terminating, serving: ready, terminating },
          ...(p.spec.nodeName ? { nodeName: p.spec.nodeName } : {}),
          targetRef: { kind: "Pod", namespace: p.metadata.namespace, name: p.metadata.name, uid: p.metadata.uid },
        };
      });
    const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}), [MANAGED_BY]: MANAGER, [SERVICE_NAME]: name };
    if (svc.spec.clusterIP === "None") labels["service.kubernetes.io/headless"] = "";
    const portList = ports.map((p) => ({ name: p.name, ...(p.port !== undefined ? { port: p.port } : {}), protocol: p.protocol }));

    const [current, ...extra] = existing;
    for (const s of extra) client.delete("endpointslices", namespace, s.metadata.name ?? "");
    if (current) {
      const cur = current as KubeObject & { endpoints?: unknown[]; ports?: unknown[] };
      if (deepEqual(cur.endpoints ?? [], endpoints) && deepEqual(cur.ports ?? [], portList) && deepEqual(cur.metadata.labels, labels)) return;
      const annotations = { ...(cur.metadata.annotations ?? {}), "endpoints.kubernetes.io/last-change-trigger-time": triggerTime(svc, pods) };
      client.update("endpointslices", namespace, cur.metadata.name ?? "", { ...cur, metadata: { ...cur.metadata, labels, annotations }, endpoints, ports: portList });
      return;
    }
    client.create("endpointslices", namespace, {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: {
        generateName: `${name}-`,
        namespace,
        labels,
        annotations: { "endpoints.kubernetes.io/last-change-trigger-time": triggerTime(svc, pods) },
        ownerReferences: [newControllerRef(svc)],
      },
      addressType: "IPv4",
      endpoints,
      ports: portList,
    });
  }

  return { queue, reconcile };
}
