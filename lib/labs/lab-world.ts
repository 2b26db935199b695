import type { ApiClient, Cluster, KubeObject, ResourceInfo } from "../cluster/index";
import { isFsError } from "../cluster/index";

/**
 * What checks may see: the cluster through its API (read-only use), the hosts' files, and the commands
 * the learner typed. Grading never changes the cluster.
 */
export interface LabWorld {
  cluster: Cluster;
  client: ApiClient;
  /** Command lines the learner ran (for the rare `commandUsed` check). */
  commands: readonly string[];
}

export function createLabWorld(cluster: Cluster, commands: readonly string[] = []): LabWorld {
  return { cluster, client: cluster.client("shipyard-grader"), commands };
}

/** Resolve "po", "pod", "pods", "rs", "deployment.apps" the way kubectl does. */
export function resolveKind(world: LabWorld, kind: string): ResourceInfo | undefined {
  const k = kind.toLowerCase().split(".")[0];
  return world.client
    .discovery()
    .find((r) => r.resource === k || r.singular === k || r.kind.toLowerCase() === k || r.shortNames.includes(k));
}

export function getObject(world: LabWorld, kind: string, name: string, namespace = "default"): KubeObject | undefined {
  const info = resolveKind(world, kind);
  if (!info) return undefined;
  const r = world.client.get(info.resource, info.namespaced ? namespace : undefined, name);
  return r.ok ? r.value : undefined;
}

export function listObjects(world: LabWorld, kind: string, namespace: string | undefined, selector?: string): KubeObject[] {
  const info = resolveKind(world, kind);
  if (!info) return [];
  const r = world.client.list(info.resource, info.namespaced ? namespace : undefined, selector ? { labelSelector: selector } : {});
  return r.ok ? r.value.items : [];
}

export function readHostFile(world: LabWorld, host: string, path: string): string | undefined {
  const fs = world.cluster.fs(host);
  if (!fs) return undefined;
  const content = fs.readFile(path);
  return isFsError(content) ? undefined : content;
}
