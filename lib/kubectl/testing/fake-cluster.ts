/** A Cluster stand-in for tests that need no engine: discovery only, every other call answers NotFound. */
import type { ApiClient, Cluster, ResourceInfo, Status } from "../../cluster/index";
import { memoryFs } from "./memory-fs";

const notFound: Status = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: "not found", reason: "NotFound", code: 404 };

function info(resource: string, kind: string, group: string, namespaced: boolean, shortNames: string[], categories?: string[]): ResourceInfo {
  return { resource, singular: kind.toLowerCase(), kind, group, version: "v1", namespaced, shortNames, verbs: ["create", "delete", "get", "list", "patch", "update", "watch"], ...(categories ? { categories } : {}) };
}

export const FAKE_DISCOVERY: ResourceInfo[] = [
  info("configmaps", "ConfigMap", "", true, ["cm"]),
  info("namespaces", "Namespace", "", false, ["ns"]),
  info("nodes", "Node", "", false, ["no"]),
  info("pods", "Pod", "", true, ["po"], ["all"]),
  info("replicationcontrollers", "ReplicationController", "", true, ["rc"], ["all"]),
  info("secrets", "Secret", "", true, []),
  info("services", "Service", "", true, ["svc"], ["all"]),
  info("deployments", "Deployment", "apps", true, ["deploy"], ["all"]),
  info("replicasets", "ReplicaSet", "apps", true, ["rs"], ["all"]),
];

export function fakeCluster(files: Record<string, string> = {}): Cluster {
  const fs = memoryFs(files);
  const fail = () => ({ ok: false as const, status: notFound });
  const client: ApiClient = {
    actor: "kubectl",
    discovery: () => FAKE_DISCOVERY,
    create: fail,
    get: fail,
    list: fail,
    update: fail,
    updateStatus: fail,
    patch: fail,
    delete: fail,
    getScale: fail,
    updateScale: fail,
    bind: fail,
    watch: () => () => {},
  };
  let now = Date.UTC(2026, 10, 25, 10, 0, 0);
  return {
    options: { seed: 1, nodeMonitorGracePeriodSeconds: 50 },
    client: () => client,
    now: () => now,
    runUntilIdle: () => {},
    advance: (ms: number) => {
      now += ms;
    },
    nextEventAt: () => undefined,
    hosts: () => ["controlplane"],
    fs: () => fs,
    kubelet: () => undefined,
    processes: () => [],
    logs: () => ({ ok: false, message: "not found" }),
    schedulingDecisions: () => [],
    trace: () => [],
    onTrace: () => () => {},
    onChange: () => () => {},
    snapshot: () => ({ version: 1 }),
  } as unknown as Cluster;
}
