/**
 * The legacy discovery documents a v1.32 API server serves (/api, /apis, /api/v1, /apis/<g>/<v>), built from the
 * cluster's public discovery. kubectl asks for the aggregated (apidiscovery.k8s.io/v2) form first; answering
 * with plain application/json makes client-go fall back to these documents, as it does with older servers.
 */
import type { ResourceInfo } from "../cluster/index";

/** Subresources a real v1.32 server lists for the kinds we serve (name -> verbs). */
const SUBRESOURCES: Record<string, Record<string, string[]>> = {
  namespaces: { finalize: ["update"], status: ["get", "patch", "update"] },
  nodes: { proxy: ["create", "delete", "get", "patch", "update"], status: ["get", "patch", "update"] },
  pods: {
    attach: ["create", "get"],
    binding: ["create"],
    ephemeralcontainers: ["get", "patch", "update"],
    eviction: ["create"],
    exec: ["create", "get"],
    log: ["get"],
    portforward: ["create", "get"],
    proxy: ["create", "delete", "get", "patch", "update"],
    status: ["get", "patch", "update"],
  },
  replicationcontrollers: { scale: ["get", "patch", "update"], status: ["get", "patch", "update"] },
  serviceaccounts: { token: ["create"] },
  services: { proxy: ["create", "delete", "get", "patch", "update"], status: ["get", "patch", "update"] },
  daemonsets: { status: ["get", "patch", "update"] },
  deployments: { scale: ["get", "patch", "update"], status: ["get", "patch", "update"] },
  replicasets: { scale: ["get", "patch", "update"], status: ["get", "patch", "update"] },
};

/** Kind of a subresource's body where it differs from the parent's. */
const SUBRESOURCE_KIND: Record<string, { group?: string; version?: string; kind: string }> = {
  scale: { group: "autoscaling", version: "v1", kind: "Scale" },
  binding: { kind: "Binding" },
  eviction: { group: "policy", version: "v1", kind: "Eviction" },
  token: { group: "authentication.k8s.io", version: "v1", kind: "TokenRequest" },
  attach: { kind: "PodAttachOptions" },
  exec: { kind: "PodExecOptions" },
  portforward: { kind: "PodPortForwardOptions" },
  log: { kind: "Pod" },
};

export function subresourcesOf(resource: string): string[] {
  return Object.keys(SUBRESOURCES[resource] ?? {});
}

export function groupVersionOf(r: Pick<ResourceInfo, "group" | "version">): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** Groups in discovery order (core excluded), each with its versions. */
function groups(resources: ResourceInfo[]): { name: string; versions: string[] }[] {
  const out: { name: string; versions: string[] }[] = [];
  for (const r of resources) {
    if (!r.group) continue;
    let g = out.find((x) => x.name === r.group);
    if (!g) out.push((g = { name: r.group, versions: [] }));
    if (!g.versions.includes(r.version)) g.versions.push(r.version);
  }
  return out;
}

export function apiVersionsDocument(serverAddress: string): object {
  return {
    kind: "APIVersions",
    versions: ["v1"],
    serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress }],
  };
}

function apiGroup(g: { name: string; versions: string[] }): object {
  const versions = g.versions.map((v) => ({ groupVersion: `${g.name}/${v}`, version: v }));
  return { name: g.name, versions, preferredVersion: versions[0] };
}

export function apiGroupListDocument(resources: ResourceInfo[]): object {
  return { kind: "APIGroupList", apiVersion: "v1", groups: groups(resources).map(apiGroup) };
}

export function apiGroupDocument(resources: ResourceInfo[], group: string): object | undefined {
  const g = groups(resources).find((x) => x.name === group);
  return g ? { kind: "APIGroup", apiVersion: "v1", ...apiGroup(g) } : undefined;
}

export function hasGroupVersion(resources: ResourceInfo[], group: string, version: string): boolean {
  return resources.some((r) => r.group === group && r.version === version);
}

export function apiResourceListDocument(resources: ResourceInfo[], group: string, version: string): object {
  const list: object[] = [];
  for (const r of resources.filter((x) => x.group === group && x.version === version)) {
    list.push({
      name: r.resource,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.verbs,
      ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
      ...(r.categories ? { categories: r.categories } : {}),
    });
    for (const [sub, verbs] of Object.entries(SUBRESOURCES[r.resource] ?? {})) {
      const k = SUBRESOURCE_KIND[sub];
      list.push({
        name: `${r.resource}/${sub}`,
        singularName: "",
        namespaced: r.namespaced,
        ...(k?.group !== undefined ? { group: k.group, version: k.version } : {}),
        kind: k?.kind ?? r.kind,
        verbs,
      });
    }
  }
  return { kind: "APIResourceList", apiVersion: "v1", groupVersion: groupVersionOf({ group, version }), resources: list };
}

export function versionDocument(): object {
  return {
    major: "1",
    minor: "32",
    gitVersion: "v1.32.4",
    gitCommit: "59526cd4867447956156ae3a602fcbac10ec2ad7",
    gitTreeState: "clean",
    buildDate: "2025-04-22T16:01:28Z",
    goVersion: "go1.23.6",
    compiler: "gc",
    platform: "linux/amd64",
  };
}
