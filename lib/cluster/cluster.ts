import type { Cluster, ClusterOptions, ClusterSnapshot, KubeletControl, NodeConfig, ProcessInfo, SchedulingDecision } from "./cluster-types";
import type { KubeObject } from "./api/types";
import type { ComponentContext, TraceEntry } from "./runtime/component-context";
import type { HostFs } from "./hosts/host-fs";
import type { Kubelet } from "./kubelet";
import type { HeartbeatState } from "./kubelet/node-agent";
import type { Reconciler } from "./runtime/sim-loop";
import { VirtualClock } from "./runtime/clock";
import { SeededRandom } from "./runtime/random";
import { SimLoop } from "./runtime/sim-loop";
import { Store } from "./apiserver/store";
import { ApiServer } from "./apiserver/api-server";
import { startEventTtl } from "./events/event-ttl";
import { ClusterEventRecorder } from "./events/event-recorder";
import { createVirtualFs, type VirtualFs } from "./hosts/virtual-fs";
import { startControllers } from "./controllers";
import { startScheduler } from "./scheduler";
import { controlPlaneHealthy, startKubelet } from "./kubelet";
import { ParsedFiles } from "./kubelet/parsed-files";
import { gateReconciler, type GatedReconciler } from "./runtime/gated-reconciler";
import { bootstrapCluster, type BootstrapNode } from "./bootstrap";
import { isPlainObject } from "./api/object-util";

/** 2026-11-25T10:00:00Z */
export const DEFAULT_START_TIME = Date.UTC(2026, 10, 25, 10, 0, 0);
const DAY = 24 * 60 * 60 * 1000;
/** How long the components run, for real, while the cluster is laid out (image pulls, first syncs). */
const WARMUP_MS = 2 * 60 * 1000;
const TRACE_KEEP = 10_000;

interface HostPlan {
  config: NodeConfig;
  controlPlane: boolean;
  podCIDR: string;
  internalIP: string;
}

function planHosts(opts: ClusterOptions): HostPlan[] {
  const cp: NodeConfig = { name: "controlplane", ...(opts.controlPlane ?? {}) } as NodeConfig;
  const workers = opts.workers ?? [{ name: "node01" }];
  return [cp, ...workers].map((config, i) => ({
    config,
    controlPlane: i === 0,
    podCIDR: `10.244.${i}.0/24`,
    internalIP: `192.168.121.${i + 2}`,
  }));
}

interface Built {
  cluster: Cluster;
  api: ApiServer;
  loop: SimLoop;
  clock: VirtualClock;
  finishInit(): void;
}

/**
 * Wire a cluster: clock, loop, seeded streams, store + API server, then the components through their
 * factories. `restore` (when given) loads a snapshot instead of bootstrapping.
 */
function build(opts: ClusterOptions, restore?: SnapshotData): Built {
  const seed = opts.seed ?? 1;
  const startTime = opts.startTime ?? DEFAULT_START_TIME;
  const clusterAgeMs = opts.clusterAgeMs ?? 3 * DAY;
  const grace = opts.nodeMonitorGracePeriodSeconds ?? 50;
  const warmup = Math.min(WARMUP_MS, clusterAgeMs);
  const clock = new VirtualClock(restore ? restore.now : startTime - warmup);
  const loop = new SimLoop(clock);
  const root = new SeededRandom(seed);
  const streams = new Map<string, SeededRandom>();
  const stream = (label: string): SeededRandom => {
    let s = streams.get(label);
    if (!s) {
      s = root.fork(label);
      if (restore?.random[label] !== undefined) s.setState(restore.random[label]);
      streams.set(label, s);
    }
    return s;
  };

  const traceEntries: TraceEntry[] = [];
  let traceBase = restore?.traceLength ?? 0;
  const traceListeners = new Set<(e: TraceEntry) => void>();
  const trace = (e: Omit<TraceEntry, "time">) => {
    // Spelled out rather than spread: this runs for every write and every component step.
    const entry: TraceEntry = e.object
      ? { time: clock.now(), component: e.component, action: e.action, message: e.message, object: e.object }
      : { time: clock.now(), component: e.component, action: e.action, message: e.message };
    traceEntries.push(entry);
    if (traceEntries.length > TRACE_KEEP * 1.5) {
      const drop = traceEntries.length - TRACE_KEEP;
      traceEntries.splice(0, drop);
      traceBase += drop;
    }
    if (traceListeners.size > 0) for (const l of [...traceListeners]) l(entry);
  };

  const store = new Store();
  if (restore) store.load(restore.store);
  const api = new ApiServer({ store, clock, random: stream("kube-apiserver"), trace });

  const hosts = planHosts(opts);
  const fss = new Map<string, VirtualFs>();
  for (const h of hosts) {
    const fs = createVirtualFs(h.config.name, clock);
    const data = restore?.fs[h.config.name];
    if (data !== undefined) fs.restore(data);
    fss.set(h.config.name, fs);
  }

  if (!restore) {
    api.backdateMs = clusterAgeMs - warmup;
    const nodes: BootstrapNode[] = hosts.map((h) => ({ ...h, fs: fss.get(h.config.name)! }));
    bootstrapCluster({ client: api.client("kubeadm"), nodes, clock, random: stream("kubeadm"), createdAt: startTime - clusterAgeMs });
    if (!store.get("namespaces", "", "default")) fallbackBootstrap(api, hosts);
  }

  const contextFor = (name: string): ComponentContext => {
    const client = api.client(name);
    return {
      client,
      loop,
      clock,
      random: stream(name),
      trace: (e) => trace(e),
      recorder: new ClusterEventRecorder(client, clock),
    };
  };

  // etcd's leases on Events: not a controller, so it runs whatever state the control-plane pods are in.
  startEventTtl(contextFor("kube-apiserver"));

  const kubelets = new Map<string, Kubelet>();
  const controlPlaneHost = hosts.find((h) => h.controlPlane)?.config.name ?? "";
  const gates: GatedReconciler[] = [];
  // The scheduler and the controllers run inside static pods: while the control-plane kubelet reports one
  // broken (bad image, bad flag), its work waits, and resumes once the pod runs again.
  const gated = (r: Reconciler, component: "kube-scheduler" | "kube-controller-manager") => {
    const g = gateReconciler(r, () => controlPlaneHealthy(kubelets.get(controlPlaneHost), component));
    gates.push(g);
    loop.register(g.reconciler);
  };
  // kube-controller-manager's --root-ca-file: the cluster CA kubeadm wrote (a restored cluster reads the same file).
  const caFile = controlPlaneHost ? fss.get(controlPlaneHost)?.readFile("/etc/kubernetes/pki/ca.crt") : undefined;
  const rootCACert = typeof caFile === "string" ? caFile : undefined;
  for (const r of startControllers(contextFor, { nodeMonitorGracePeriodSeconds: grace, rootCACert })) gated(r, "kube-controller-manager");
  const decisions: SchedulingDecision[] = [...(restore?.decisions ?? [])];
  const scheduler = startScheduler(contextFor("kube-scheduler"), (d) => {
    decisions.push(d);
    if (decisions.length > 500) decisions.splice(0, decisions.length - 500);
  });
  if (scheduler) gated(scheduler, "kube-scheduler");
  const parsedFiles = new ParsedFiles(restore?.parsedFiles);
  for (const h of hosts) {
    const k = startKubelet(contextFor(`kubelet/${h.config.name}`), {
      ...h,
      node: h.config,
      fs: fss.get(h.config.name)!,
      backdateMs: () => api.backdateMs,
      resumed: restore?.heartbeats?.[h.config.name],
      files: parsedFiles,
    });
    if (!k) continue;
    kubelets.set(h.config.name, k);
    loop.register(k.reconciler);
    if (restore && restore.kubelets[h.config.name] === false) k.stop();
  }

  const changeListeners = new Set<() => void>();
  api.changeListeners.add(() => {
    for (const g of gates) g.release();
    if (changeListeners.size > 0) for (const l of [...changeListeners]) l();
  });

  const cluster: Cluster = {
    options: { seed, nodeMonitorGracePeriodSeconds: grace },
    client: (actor = "kubectl") => api.client(actor),
    now: () => clock.now(),
    runUntilIdle: () => loop.runUntilIdle(),
    advance: (ms: number) => loop.advance(typeof ms === "number" && Number.isFinite(ms) ? ms : 0),
    nextEventAt: () => loop.nextTimerAt(),
    hosts: () => hosts.map((h) => h.config.name),
    fs: (host: string): HostFs | undefined => fss.get(host),
    kubelet: (host: string): KubeletControl | undefined => kubelets.get(host),
    processes: (host: string): ProcessInfo[] => kubelets.get(host)?.processes() ?? [],
    logs: (namespace, pod, o = {}) => podLogs(api, kubelets, namespace, pod, o),
    schedulingDecisions: () => decisions,
    trace: (from = 0) => traceEntries.slice(Math.max(0, from - traceBase)),
    onTrace: (l) => {
      traceListeners.add(l);
      return () => traceListeners.delete(l);
    },
    onChange: (l) => {
      changeListeners.add(l);
      return () => changeListeners.delete(l);
    },
    snapshot: (): ClusterSnapshot => {
      // Streams a restored cluster never drew from (kubeadm's) keep the state they were restored with.
      const random: Record<string, number> = { ...(restore?.random ?? {}) };
      for (const label of streams.keys()) random[label] = streams.get(label)!.getState();
      const sortedRandom: Record<string, number> = {};
      for (const label of Object.keys(random).sort()) sortedRandom[label] = random[label];
      const fs: Record<string, unknown> = {};
      for (const [h, f] of fss) fs[h] = f.serialize();
      const kl: Record<string, boolean> = {};
      const heartbeats: Record<string, HeartbeatState> = {};
      for (const [h, k] of kubelets) {
        kl[h] = k.active;
        const hb = k.heartbeat();
        if (hb) heartbeats[h] = hb;
      }
      const data: SnapshotData = {
        options: { ...opts, seed, startTime, clusterAgeMs, nodeMonitorGracePeriodSeconds: grace },
        now: clock.now(),
        store: store.dump(),
        random: sortedRandom,
        fs,
        kubelets: kl,
        heartbeats,
        parsedFiles: parsedFiles.save(),
        decisions: decisions.slice(),
        traceLength: traceBase + traceEntries.length,
      };
      return { version: 1, ...data } as ClusterSnapshot;
    },
    etcd: () => ({ keys: (prefix: string) => store.keys(String(prefix ?? "")), get: (key: string) => store.getKey(String(key)) }),
  };

  const finishInit = () => {
    loop.runUntilIdle();
    loop.advance(Math.max(0, startTime - clock.now()));
    api.backdateMs = 0;
    // The cluster is days old: the start-up events have long expired (event TTL is 1 h).
    const kubeadm = api.client("kubeadm");
    const events = kubeadm.list("events", undefined);
    if (events.ok) for (const e of events.value.items) kubeadm.delete("events", e.metadata.namespace, e.metadata.name!);
    loop.runUntilIdle();
  };
  return { cluster, api, loop, clock, finishInit };
}

/** When the bootstrap helper lays down nothing: the four kubeadm namespaces and the Node objects. */
function fallbackBootstrap(api: ApiServer, hosts: HostPlan[]): void {
  const c = api.client("kubeadm");
  for (const ns of ["default", "kube-node-lease", "kube-public", "kube-system"]) {
    c.create("namespaces", undefined, { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } });
  }
  for (const h of hosts) {
    const labels: Record<string, string> = {
      "beta.kubernetes.io/arch": "amd64",
      "beta.kubernetes.io/os": "linux",
      "kubernetes.io/arch": "amd64",
      "kubernetes.io/hostname": h.config.name,
      "kubernetes.io/os": "linux",
      ...(h.controlPlane ? { "node-role.kubernetes.io/control-plane": "", "node.kubernetes.io/exclude-from-external-load-balancers": "" } : {}),
      ...(h.config.labels ?? {}),
    };
    const taints = h.config.taints ?? (h.controlPlane ? [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" as const }] : []);
    const capacity = { cpu: h.config.cpu ?? "2", memory: h.config.memory ?? "4005324Ki", pods: h.config.pods ?? "110", "ephemeral-storage": "101203180Ki" };
    c.create("nodes", undefined, {
      apiVersion: "v1",
      kind: "Node",
      metadata: { name: h.config.name, labels },
      spec: { podCIDR: h.podCIDR, podCIDRs: [h.podCIDR], ...(taints.length ? { taints } : {}) },
      status: {
        capacity,
        allocatable: capacity,
        addresses: [
          { type: "InternalIP", address: h.internalIP },
          { type: "Hostname", address: h.config.name },
        ],
        conditions: [],
      },
    });
  }
}

interface SnapshotData {
  options: ClusterOptions;
  now: number;
  store: { revision: number; objects: [string, KubeObject][] };
  random: Record<string, number>;
  fs: Record<string, unknown>;
  kubelets: Record<string, boolean>;
  /** Each running kubelet's heartbeat position (absent in older snapshots: the kubelets then beat afresh). */
  heartbeats?: Record<string, HeartbeatState>;
  /** The kubelets' YAML files, parsed (absent in older snapshots: they are parsed again). */
  parsedFiles?: Record<string, unknown>;
  decisions: SchedulingDecision[];
  traceLength: number;
}

function podLogs(
  api: ApiServer,
  kubelets: Map<string, Kubelet>,
  namespace: string,
  podName: string,
  o: { container?: string; previous?: boolean },
): { ok: true; text: string; container: string } | { ok: false; message: string } {
  const got = api.get("pods", namespace, podName);
  if (!got.ok) return { ok: false, message: got.status.message };
  const pod = got.value as KubeObject & {
    spec?: { nodeName?: string; containers?: { name: string }[]; initContainers?: { name: string }[] };
    status?: { containerStatuses?: { name: string; state?: { waiting?: { reason?: string } } }[] };
  };
  const names = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].map((c) => c.name);
  const container = o.container ?? pod.spec?.containers?.[0]?.name ?? "";
  if (!names.includes(container)) return { ok: false, message: `container ${container} is not valid for pod ${podName}` };
  const kubelet = pod.spec?.nodeName ? kubelets.get(pod.spec.nodeName) : undefined;
  const text = kubelet?.logs(namespace, podName, container, !!o.previous);
  if (text !== undefined) return { ok: true, text, container };
  if (o.previous) return { ok: false, message: `previous terminated container "${container}" in pod "${podName}" not found` };
  const waiting = pod.status?.containerStatuses?.find((s) => s.name === container)?.state?.waiting?.reason ?? "ContainerCreating";
  return { ok: false, message: `container "${container}" in pod "${podName}" is waiting to start: ${waiting}` };
}

/** Create a kubeadm-style cluster (control plane + workers), settled at `startTime`. */
export function createCluster(opts: ClusterOptions = {}): Cluster {
  const b = build(isPlainObject(opts) ? opts : {});
  b.finishInit();
  return b.cluster;
}

/** Rebuild a cluster from `snapshot()`; components re-derive their timers from the stored state. */
export function restoreCluster(snapshot: unknown): Cluster | { error: string } {
  if (!isPlainObject(snapshot) || snapshot.version !== 1) return { error: "not a cluster snapshot (version 1)" };
  const s = snapshot as unknown as SnapshotData;
  if (!isPlainObject(s.store) || !Array.isArray(s.store.objects) || typeof s.now !== "number" || !isPlainObject(s.options)) {
    return { error: "malformed cluster snapshot" };
  }
  try {
    const b = build(s.options, { ...s, random: s.random ?? {}, fs: s.fs ?? {}, kubelets: s.kubelets ?? {}, decisions: s.decisions ?? [], traceLength: s.traceLength ?? 0 });
    b.loop.runUntilIdle();
    return b.cluster;
  } catch (e) {
    return { error: `cannot restore snapshot: ${e instanceof Error ? e.message : String(e)}` };
  }
}
