import type { ApiClient, ApiResult, Cluster, HostFs, KubeList, KubeObject, ProcessInfo, Status } from "../../cluster/index";
// Test support only: the fake gives each host the same filesystem implementation the engine uses.
import { createVirtualFs } from "../../cluster/hosts/virtual-fs";

export interface FakeClusterOptions {
  hosts?: string[];
  /** Objects served by the fake API client, keyed by plural resource ("pods", "services", "endpoints"). */
  objects?: Record<string, KubeObject[]>;
  processes?: Record<string, ProcessInfo[]>;
  /** Kubelet journal lines per host (what an engine kubelet's journal() returns). */
  journal?: Record<string, string[]>;
  /** etcd keys -> values, when the etcd view should exist. */
  etcd?: Record<string, string>;
  startTime?: number;
}

export type FakeCluster = Cluster & { objects: Record<string, KubeObject[]>; kubeletActive: Record<string, boolean> };

function notFound(resource: string, name: string): Status {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: `${resource} "${name}" not found`, reason: "NotFound", details: { name, kind: resource }, code: 404 };
}

function unsupported<T>(): ApiResult<T> {
  return { ok: false, status: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: "not supported by the fake cluster", reason: "MethodNotAllowed", code: 405 } };
}

/** A small stand-in for the engine: hosts with real virtual filesystems, a clock, kubelet switches and a read-only API. */
export function fakeCluster(opts: FakeClusterOptions = {}): FakeCluster {
  let now = opts.startTime ?? Date.UTC(2026, 10, 25, 10, 0, 0);
  const clock = { now: () => now };
  const hosts = opts.hosts ?? ["controlplane", "node01"];
  const fss = new Map<string, HostFs>(hosts.map((h) => [h, createVirtualFs(h, clock)]));
  const objects: Record<string, KubeObject[]> = { ...(opts.objects ?? {}) };
  const kubeletActive: Record<string, boolean> = Object.fromEntries(hosts.map((h) => [h, true]));
  const client: ApiClient = {
    actor: "kubectl",
    discovery: () => [],
    create: () => unsupported(),
    get(resource, namespace, name) {
      const o = (objects[resource] ?? []).find((x) => x.metadata.name === name && (namespace === undefined || (x.metadata.namespace ?? namespace) === namespace));
      return o ? { ok: true, value: JSON.parse(JSON.stringify(o)) as KubeObject } : { ok: false, status: notFound(resource, name) };
    },
    list(resource, namespace, lopts) {
      let items = (objects[resource] ?? []).filter((x) => namespace === undefined || x.metadata.namespace === namespace);
      const fsel = lopts?.fieldSelector?.match(/^spec\.nodeName=(.*)$/);
      if (fsel) items = items.filter((x) => (x as { spec?: { nodeName?: string } }).spec?.nodeName === fsel[1]);
      const list: KubeList = { apiVersion: "v1", kind: "List", metadata: { resourceVersion: "1" }, items: JSON.parse(JSON.stringify(items)) as KubeObject[] };
      return { ok: true, value: list };
    },
    update: () => unsupported(),
    updateStatus: () => unsupported(),
    patch: () => unsupported(),
    delete: () => unsupported(),
    getScale: () => unsupported(),
    updateScale: () => unsupported(),
    bind: () => unsupported(),
    watch: () => () => {},
  };
  const cluster: FakeCluster = {
    objects,
    kubeletActive,
    options: { seed: 1, nodeMonitorGracePeriodSeconds: 50 },
    client: () => client,
    now: () => now,
    runUntilIdle: () => {},
    advance: (ms) => {
      now += ms;
    },
    nextEventAt: () => undefined,
    hosts: () => [...hosts],
    fs: (h) => fss.get(h),
    kubelet: (h) =>
      hosts.includes(h)
        ? Object.assign(
            {
              get active() {
                return kubeletActive[h];
              },
              stop: () => void (kubeletActive[h] = false),
              start: () => void (kubeletActive[h] = true),
              restart: () => void (kubeletActive[h] = true),
            },
            opts.journal?.[h] ? { journal: () => opts.journal![h] } : {},
          )
        : undefined,
    processes: (h) => opts.processes?.[h] ?? [],
    logs: () => ({ ok: false, message: "no logs in the fake" }),
    schedulingDecisions: () => [],
    trace: () => [],
    onTrace: () => () => {},
    onChange: () => () => {},
    snapshot: () => ({ version: 1 }),
    etcd: () => {
      const data = opts.etcd ?? {};
      return { keys: (prefix: string) => Object.keys(data).filter((k) => k.startsWith(prefix)).sort(), get: (k: string) => data[k] };
    },
  };
  return cluster;
}
