import type { ApiClient, ApiResult, KubeList, KubeObject, ResourceInfo, Status } from "../../../cluster/index";

/** A resource name -> kind table for the kinds the describe tests serve. */
const KINDS: Record<string, { kind: string; group: string; version: string; namespaced: boolean }> = {
  pods: { kind: "Pod", group: "", version: "v1", namespaced: true },
  replicationcontrollers: { kind: "ReplicationController", group: "", version: "v1", namespaced: true },
  services: { kind: "Service", group: "", version: "v1", namespaced: true },
  endpoints: { kind: "Endpoints", group: "", version: "v1", namespaced: true },
  events: { kind: "Event", group: "", version: "v1", namespaced: true },
  namespaces: { kind: "Namespace", group: "", version: "v1", namespaced: false },
  nodes: { kind: "Node", group: "", version: "v1", namespaced: false },
  configmaps: { kind: "ConfigMap", group: "", version: "v1", namespaced: true },
  secrets: { kind: "Secret", group: "", version: "v1", namespaced: true },
  serviceaccounts: { kind: "ServiceAccount", group: "", version: "v1", namespaced: true },
  replicasets: { kind: "ReplicaSet", group: "apps", version: "v1", namespaced: true },
  deployments: { kind: "Deployment", group: "apps", version: "v1", namespaced: true },
  daemonsets: { kind: "DaemonSet", group: "apps", version: "v1", namespaced: true },
  endpointslices: { kind: "EndpointSlice", group: "discovery.k8s.io", version: "v1", namespaced: true },
  leases: { kind: "Lease", group: "coordination.k8s.io", version: "v1", namespaced: true },
  resourcequotas: { kind: "ResourceQuota", group: "", version: "v1", namespaced: true },
  limitranges: { kind: "LimitRange", group: "", version: "v1", namespaced: true },
};

/** The registry entry of a resource, as discovery would give it. */
export function resourceInfo(resource: string): ResourceInfo {
  const k = KINDS[resource];
  if (!k) throw new Error(`fake client: unknown resource ${resource}`);
  return { resource, singular: k.kind.toLowerCase(), kind: k.kind, group: k.group, version: k.version, namespaced: k.namespaced, shortNames: [], verbs: ["get", "list"] };
}

function fieldValue(obj: unknown, path: string): string {
  let cur: any = obj;
  for (const part of path.split(".")) cur = cur?.[part];
  return cur === undefined || cur === null ? "" : String(cur);
}

/** "a=b,c!=d" over dotted paths (what the describers send). */
function matchesFields(obj: KubeObject, selector: string | undefined): boolean {
  if (!selector) return true;
  return selector.split(",").every((term) => {
    const ne = term.indexOf("!=");
    if (ne >= 0) return fieldValue(obj, term.slice(0, ne)) !== term.slice(ne + 2);
    const eq = term.indexOf("=");
    const key = term.slice(0, eq);
    const value = term.slice(eq + 1).replace(/^=/, "");
    return fieldValue(obj, key) === value;
  });
}

/** Equality-based label selectors ("a=b,c!=d", "key", "!key"); enough for the describers' queries. */
function matchesLabels(obj: KubeObject, selector: string | undefined): boolean {
  if (!selector) return true;
  const labels = obj.metadata.labels ?? {};
  return selector.split(",").every((term) => {
    if (term.startsWith("!")) return !(term.slice(1) in labels);
    const ne = term.indexOf("!=");
    if (ne >= 0) return labels[term.slice(0, ne)] !== term.slice(ne + 2);
    const eq = term.indexOf("=");
    if (eq < 0) return term in labels;
    return labels[term.slice(0, eq)] === term.slice(eq + 1).replace(/^=/, "");
  });
}

function notFound(resource: string, name: string): Status {
  const k = KINDS[resource];
  const qualified = k && k.group ? `${resource}.${k.group}` : resource;
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: `${qualified} "${name}" not found`, reason: "NotFound", details: { name, kind: resource }, code: 404 };
}

function unsupported(): never {
  throw new Error("fake client: read-only");
}

export interface FakeClient extends ApiClient {
  /** Every list call made, for asserting the selectors kubectl would send. */
  readonly calls: { resource: string; namespace: string | undefined; labelSelector?: string; fieldSelector?: string }[];
}

/** An ApiClient serving fixed objects, keyed by resource name. Writes throw. */
export function fakeClient(objects: Record<string, KubeObject[]>, options: { missing?: string[] } = {}): FakeClient {
  const calls: FakeClient["calls"] = [];
  const missing = new Set(options.missing ?? []);
  const inNamespace = (o: KubeObject, ns: string | undefined, resource: string) => !KINDS[resource]?.namespaced || ns === undefined || o.metadata.namespace === ns;
  return {
    actor: "kubectl",
    calls,
    discovery: () => Object.keys(KINDS).filter((r) => !missing.has(r)).map(resourceInfo),
    get(resource, namespace, name): ApiResult<KubeObject> {
      const found = (objects[resource] ?? []).find((o) => o.metadata.name === name && inNamespace(o, namespace, resource));
      return found ? { ok: true, value: found } : { ok: false, status: notFound(resource, name) };
    },
    list(resource, namespace, opts = {}): ApiResult<KubeList> {
      calls.push({ resource, namespace, labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector });
      if (missing.has(resource)) return { ok: false, status: { ...notFound(resource, ""), message: "the server could not find the requested resource" } };
      const k = KINDS[resource];
      const items = (objects[resource] ?? []).filter((o) => inNamespace(o, namespace, resource) && matchesLabels(o, opts.labelSelector) && matchesFields(o, opts.fieldSelector));
      return { ok: true, value: { apiVersion: k?.group ? `${k.group}/${k.version}` : "v1", kind: `${k?.kind ?? "Unknown"}List`, metadata: { resourceVersion: "1" }, items } };
    },
    create: unsupported,
    update: unsupported,
    updateStatus: unsupported,
    patch: unsupported,
    delete: unsupported,
    getScale: unsupported,
    updateScale: unsupported,
    bind: unsupported,
    watch: () => () => {},
  };
}
