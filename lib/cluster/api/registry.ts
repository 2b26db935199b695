import type { ResourceInfo } from "./types";

/** A registry entry plus what the server needs internally (etcd key prefix, which fields carry generation). */
export interface ResourceDef extends ResourceInfo {
  /** etcd key prefix without the trailing slash, e.g. "/registry/minions" for nodes. */
  etcdPrefix: string;
  /** metadata.generation is kept and bumped on spec changes (the kinds with a status subresource and a spec). */
  hasGeneration: boolean;
  /** Has a /status subresource: plain updates keep the stored status. */
  hasStatus: boolean;
  /** Has a /scale subresource. */
  hasScale: boolean;
}

const RW = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
const NS_VERBS = ["create", "delete", "get", "list", "patch", "update", "watch"];

function def(
  resource: string,
  singular: string,
  kind: string,
  group: string,
  namespaced: boolean,
  shortNames: string[],
  extra: Partial<ResourceDef> = {},
): ResourceDef {
  return {
    resource,
    singular,
    kind,
    group,
    version: "v1",
    namespaced,
    shortNames,
    verbs: RW,
    etcdPrefix: `/registry/${resource}`,
    hasGeneration: false,
    hasStatus: false,
    hasScale: false,
    ...extra,
  };
}

/**
 * Every kind the simulated API server serves, in `kubectl api-resources` order (core first, then by group).
 * Short names and categories as served by a real v1.32 server's discovery.
 */
export const RESOURCES: readonly ResourceDef[] = [
  def("configmaps", "configmap", "ConfigMap", "", true, ["cm"]),
  def("endpoints", "endpoints", "Endpoints", "", true, ["ep"], { etcdPrefix: "/registry/services/endpoints" }),
  def("events", "event", "Event", "", true, ["ev"]),
  def("namespaces", "namespace", "Namespace", "", false, ["ns"], { verbs: NS_VERBS, hasStatus: true }),
  def("nodes", "node", "Node", "", false, ["no"], { etcdPrefix: "/registry/minions", hasStatus: true }),
  def("pods", "pod", "Pod", "", true, ["po"], { categories: ["all"], hasStatus: true }),
  def("replicationcontrollers", "replicationcontroller", "ReplicationController", "", true, ["rc"], {
    categories: ["all"],
    etcdPrefix: "/registry/controllers",
    hasGeneration: true,
    hasStatus: true,
    hasScale: true,
  }),
  def("secrets", "secret", "Secret", "", true, []),
  def("serviceaccounts", "serviceaccount", "ServiceAccount", "", true, ["sa"]),
  def("services", "service", "Service", "", true, ["svc"], {
    categories: ["all"],
    etcdPrefix: "/registry/services/specs",
    hasStatus: true,
  }),
  def("daemonsets", "daemonset", "DaemonSet", "apps", true, ["ds"], { categories: ["all"], hasGeneration: true, hasStatus: true }),
  def("deployments", "deployment", "Deployment", "apps", true, ["deploy"], {
    categories: ["all"],
    hasGeneration: true,
    hasStatus: true,
    hasScale: true,
  }),
  def("replicasets", "replicaset", "ReplicaSet", "apps", true, ["rs"], {
    categories: ["all"],
    hasGeneration: true,
    hasStatus: true,
    hasScale: true,
  }),
  def("leases", "lease", "Lease", "coordination.k8s.io", true, []),
  def("endpointslices", "endpointslice", "EndpointSlice", "discovery.k8s.io", true, []),
];

const byResource = new Map(RESOURCES.map((r) => [r.resource, r]));
const byKind = new Map(RESOURCES.map((r) => [r.kind, r]));

export function resourceDef(resource: string): ResourceDef | undefined {
  return byResource.get(resource);
}

export function resourceForKind(kind: string): ResourceDef | undefined {
  return byKind.get(kind);
}

/** "v1" or "apps/v1". */
export function apiVersionOf(r: ResourceInfo): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** How errors name a resource: "pods", "replicasets.apps", "leases.coordination.k8s.io". */
export function qualifiedResource(r: ResourceInfo): string {
  return r.group ? `${r.resource}.${r.group}` : r.resource;
}

/** Public discovery view (copies, so callers cannot change the registry). */
export function discoveryList(): ResourceInfo[] {
  return RESOURCES.map((r) => ({
    resource: r.resource,
    singular: r.singular,
    kind: r.kind,
    group: r.group,
    version: r.version,
    namespaced: r.namespaced,
    shortNames: [...r.shortNames],
    verbs: [...r.verbs],
    ...(r.categories ? { categories: [...r.categories] } : {}),
  }));
}
