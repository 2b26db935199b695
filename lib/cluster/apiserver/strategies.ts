import type { KubeObject, Status } from "../api/types";
import type { ResourceDef } from "../api/registry";
import type { SeededRandom } from "../runtime/random";
import { deepCopy } from "../api/object-util";
import type { Store } from "./store";
import { NAME_ALPHABET_FOR_VOLUMES } from "./names";
import { podQosClass } from "../api/defaults/pod-qos";

type Obj = Record<string, unknown>;

/** What each kind's registry strategy does before a create: reset status, set server-owned fields. */
export function prepareForCreate(r: ResourceDef, obj: KubeObject): void {
  switch (r.resource) {
    case "pods":
      // Clients may not invent status; the server starts every pod Pending with its QoS class.
      obj.status = { phase: "Pending", qosClass: podQosClass((obj.spec ?? {}) as Obj) };
      break;
    case "replicasets":
    case "replicationcontrollers":
      obj.status = { replicas: 0 };
      break;
    case "deployments":
      obj.status = {};
      break;
    case "daemonsets":
      obj.status = { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 };
      break;
    case "services":
      obj.status = { loadBalancer: {} };
      break;
    case "namespaces": {
      obj.status = { phase: "Active" };
      const spec = (obj.spec ?? {}) as Obj;
      spec.finalizers = ["kubernetes"];
      obj.spec = spec;
      namespaceLabel(obj);
      break;
    }
  }
}

/** Before an update: the main resource never changes status (that is the /status subresource's job). */
export function prepareForUpdate(r: ResourceDef, obj: KubeObject, old: KubeObject): void {
  if (r.hasStatus) {
    if (old.status === undefined) delete obj.status;
    else obj.status = deepCopy(old.status);
  }
  if (r.resource === "namespaces") namespaceLabel(obj);
}

function namespaceLabel(obj: KubeObject): void {
  // NamespaceDefaultLabelName (GA 1.22): every namespace carries its own name as a label.
  obj.metadata.labels = { ...(obj.metadata.labels ?? {}), "kubernetes.io/metadata.name": obj.metadata.name ?? "" };
}

const SA_MOUNT = "/var/run/secrets/kubernetes.io/serviceaccount";
const MIRROR = "kubernetes.io/config.mirror";

/**
 * Admission for pods as a kubeadm API server runs it (ServiceAccount, DefaultTolerationSeconds, Priority):
 * returns a Status to reject, undefined to admit (the object is mutated in place).
 */
export function admit(r: ResourceDef, obj: KubeObject, env: { store: Store; random: SeededRandom }): Status | undefined {
  if (r.resource !== "pods") return undefined;
  const spec = (obj.spec ?? {}) as Obj;
  obj.spec = spec;
  const mirror = !!obj.metadata.annotations?.[MIRROR];

  // Priority admission: the two system classes kubeadm pods use, 0 for everything else.
  const pc = spec.priorityClassName;
  if (spec.priority === undefined) {
    spec.priority = pc === "system-node-critical" ? 2000001000 : pc === "system-cluster-critical" ? 2000000000 : 0;
  }
  if (spec.preemptionPolicy === undefined) spec.preemptionPolicy = "PreemptLowerPriority";

  // DefaultTolerationSeconds: tolerate not-ready/unreachable for 300 s unless the pod says otherwise.
  const tolerations = Array.isArray(spec.tolerations) ? (spec.tolerations as Obj[]) : [];
  for (const key of ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]) {
    const has = tolerations.some(
      (t) => (t.key === key || (t.key === undefined && t.operator === "Exists")) && (t.effect === undefined || t.effect === "" || t.effect === "NoExecute"),
    );
    if (!has) tolerations.push({ key, operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 });
  }
  spec.tolerations = tolerations;

  if (mirror) return undefined;
  // ServiceAccount admission: default account, and the projected token volume mounted in every container.
  if (!spec.serviceAccountName) spec.serviceAccountName = (spec.serviceAccount as string | undefined) || "default";
  spec.serviceAccount = spec.serviceAccountName;
  const sa = env.store.get("serviceaccounts", obj.metadata.namespace ?? "default", String(spec.serviceAccountName));
  const automount = spec.automountServiceAccountToken ?? (sa as { automountServiceAccountToken?: boolean } | undefined)?.automountServiceAccountToken ?? true;
  if (automount === false) return undefined;
  const containers = [...((spec.initContainers as Obj[] | undefined) ?? []), ...((spec.containers as Obj[] | undefined) ?? [])];
  const volumes = Array.isArray(spec.volumes) ? (spec.volumes as Obj[]) : [];
  if (containers.every((c) => ((c.volumeMounts as Obj[] | undefined) ?? []).some((m) => m.mountPath === SA_MOUNT))) return undefined;
  const volName = `kube-api-access-${env.random.string(5, NAME_ALPHABET_FOR_VOLUMES)}`;
  volumes.push({
    name: volName,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
        { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
        { downwardAPI: { items: [{ path: "namespace", fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" } }] } },
      ],
    },
  });
  spec.volumes = volumes;
  for (const c of containers) {
    const mounts = Array.isArray(c.volumeMounts) ? (c.volumeMounts as Obj[]) : [];
    if (!mounts.some((m) => m.mountPath === SA_MOUNT)) mounts.push({ name: volName, readOnly: true, mountPath: SA_MOUNT });
    c.volumeMounts = mounts;
  }
  return undefined;
}
