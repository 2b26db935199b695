import { trustedBody } from "../apiserver/api-server";
import type { WatchEvent } from "../api/types";
import type { ProcessInfo } from "../cluster-types";
import { isFsError, type FsChange } from "../hosts/host-fs";
import type { ComponentContext } from "../runtime/component-context";
import type { CancelTimer } from "../runtime/sim-loop";
import { WorkQueue } from "../runtime/work-queue";
import { IMAGE_CATALOGUE, syntheticHex, type ImageEntry } from "./image-catalogue";
import type { Kubelet, KubeletOptions } from "./index";
import { NodeAgent } from "./node-agent";
import { ImageStore, IpAllocator } from "./node-runtime";
import type { PodObject, PodRecord } from "./pod-record";
import { PodWorkers } from "./pod-worker";
import { containerReady } from "./pod-status";
import { STAGE_TIMINGS } from "./stages";
import { readStaticPods, staticPodPathFromConfig, type ParseYaml, type StaticPod } from "./static-pods";

/** What kubeadm puts on the kubelet's command line (systemd drop-in + kubeadm-flags.env). */
export const KUBELET_COMMAND_LINE =
  "/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.10";

/** Images already on a node of a cluster kubeadm set up some time ago. */
export function preloadedImages(controlPlane: boolean): ImageEntry[] {
  const wanted = controlPlane
    ? ["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kube-proxy", "coredns", "pause"]
    : ["kube-proxy", "coredns", "pause"];
  return IMAGE_CATALOGUE.filter((e) => e.repository.startsWith("registry.k8s.io/") && wanted.some((w) => e.repository.endsWith(`/${w}`)));
}

const MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

function journalTime(ms: number): string {
  const d = new Date(ms);
  const mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.getUTCMonth()];
  const p = (n: number) => String(n).padStart(2, "0");
  return `${mon} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

export function createKubelet(outer: ComponentContext, opts: KubeletOptions): Kubelet {
  // Timestamps read the (possibly back-dated) clock; timers take relative delays, so they are unaffected.
  const backdate = opts.backdateMs;
  const ctx: ComponentContext = backdate ? { ...outer, clock: { now: () => outer.clock.now() - backdate() } } : outer;
  const nodeName = opts.node.name;
  const parseYaml: ParseYaml | undefined = opts.files ? (text) => opts.files!.parse(text) : undefined;
  const queue = new WorkQueue(`kubelet-${nodeName}`);
  const images = new ImageStore();
  for (const e of opts.preloadedImages ?? preloadedImages(opts.controlPlane)) images.add(e);
  // Node-derived rather than drawn from the stream, so a restored cluster sets up the same way.
  const nodeSeed = Number.parseInt(syntheticHex(`kubelet/${nodeName}`, 6), 16);
  const ips = new IpAllocator(opts.podCIDR, nodeSeed);
  const cpus = Number.parseInt(opts.node.cpu ?? "2", 10) || 2;
  let active = true;
  let kubeletPid = 800 + (nodeSeed % 200);
  const journal: string[] = [];
  let staticPods = new Map<string, StaticPod>();
  /** Components whose static pod this kubelet has run (a vanished manifest then reads as unhealthy). */
  const knownComponents = new Set<string>();
  /** resourceVersions this kubelet wrote itself: their watch events need no sync. */
  const ownWrites = new Set<string>();
  let fsTimer: CancelTimer | undefined;
  let staticPodPath: string | undefined;

  const log = (line: string) => {
    journal.push(`${journalTime(ctx.clock.now())} ${nodeName} kubelet[${kubeletPid}]: ${line}`);
    if (journal.length > 500) journal.splice(0, journal.length - 500);
  };

  const workers: PodWorkers = new PodWorkers({
    ctx,
    nodeName,
    hostIP: opts.internalIP,
    cpus,
    images,
    ips,
    active: () => active,
    fileExists: (path) => !isFsError(opts.fs.stat(path)),
    requestSync: (key) => queue.add(key),
    writeStatus: (rec, status) => writeStatus(rec, status),
    finished: (rec) => {
      const opts = rec.manifest ? { gracePeriodSeconds: 0 } : { gracePeriodSeconds: 0, preconditionsUid: rec.uid };
      const got = ctx.client.get("pods", rec.namespace, rec.name);
      if (!got.ok) return;
      if (!rec.manifest && got.value.metadata.uid !== rec.uid) return;
      ctx.client.delete("pods", rec.namespace, rec.name, opts);
      log(`I "Pod deleted" pod="${rec.namespace}/${rec.name}"`);
    },
  });

  function writeStatus(rec: PodRecord, status: Record<string, unknown>): void {
    const got = ctx.client.get("pods", rec.namespace, rec.name);
    if (!got.ok) return;
    const cur = got.value;
    if (rec.manifest ? cur.metadata.annotations?.[MIRROR_ANNOTATION] !== rec.uid : cur.metadata.uid !== rec.uid) return;
    const res = ctx.client.updateStatus("pods", rec.namespace, rec.name, trustedBody({ ...cur, status }));
    if (res.ok && res.value.metadata.resourceVersion) ownWrites.add(res.value.metadata.resourceVersion);
    if (!res.ok) rec.lastStatus = undefined;
  }

  /** The mirror pod of a static pod: created if missing, replaced when the manifest changed. */
  function ensureMirror(sp: StaticPod): PodObject | undefined {
    const got = ctx.client.get("pods", sp.pod.metadata.namespace, sp.pod.metadata.name!);
    if (got.ok) {
      const m = got.value;
      if (m.metadata.annotations?.[MIRROR_ANNOTATION] === sp.hash && !m.metadata.deletionTimestamp) return m as PodObject;
      ctx.client.delete("pods", m.metadata.namespace, m.metadata.name!, { gracePeriodSeconds: 0 });
    }
    const node = ctx.client.get("nodes", undefined, nodeName);
    const { uid: _uid, ...meta } = sp.pod.metadata;
    const body = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        ...meta,
        ownerReferences: node.ok ? [{ apiVersion: "v1", kind: "Node", name: nodeName, uid: node.value.metadata.uid ?? "", controller: true }] : undefined,
      },
      spec: sp.pod.spec,
    };
    const created = ctx.client.create("pods", sp.pod.metadata.namespace, body);
    if (created.ok) {
      const rec = workers.records.get(sp.key);
      if (rec) rec.lastStatus = undefined;
      ctx.trace({ component: `kubelet/${nodeName}`, action: "mirrored", message: `mirror pod ${sp.key} created`, object: { kind: "Pod", namespace: sp.pod.metadata.namespace, name: sp.pod.metadata.name! } });
    } else {
      log(`E "Failed creating a mirror pod" err="${created.status.message}" pod="${sp.key}"`);
    }
    return undefined;
  }

  function syncStatic(key: string): void {
    const sp = staticPods.get(key);
    const rec = workers.records.get(key);
    if (!sp) {
      if (rec && rec.manifest) {
        // The manifest is gone or broken: stop the pod; the mirror pod is deleted when it has stopped.
        if (!rec.pod.metadata.deletionTimestamp) rec.pod = { ...rec.pod, metadata: { ...rec.pod.metadata, deletionTimestamp: new Date(ctx.clock.now()).toISOString(), deletionGracePeriodSeconds: rec.pod.spec.terminationGracePeriodSeconds ?? 30 } };
        workers.sync(rec);
      }
      return;
    }
    const mirror = ensureMirror(sp);
    const r = workers.admit(key, sp.pod, sp.manifest, mirror);
    workers.sync(r);
  }

  function reconcile(key: string): void {
    if (!active) return;
    if (staticPods.has(key) || workers.records.get(key)?.manifest) {
      syncStatic(key);
      return;
    }
    const [namespace, name] = key.split("/");
    const got = ctx.client.get("pods", namespace, name);
    const rec = workers.records.get(key);
    if (!got.ok || (got.value.spec as { nodeName?: string } | undefined)?.nodeName !== nodeName) {
      if (rec) {
        workers.forget(rec);
        log(`I "Pod was deleted and then recreated, skipping status update" pod="${key}"`);
      }
      return;
    }
    const pod = got.value as PodObject;
    if (pod.metadata.annotations?.[MIRROR_ANNOTATION]) return;
    if (rec?.finished && rec.uid === pod.metadata.uid) return;
    const r = workers.admit(key, pod);
    workers.sync(r);
  }

  function onPodEvent(e: WatchEvent): void {
    const pod = e.object as PodObject;
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (pod.metadata.resourceVersion && ownWrites.delete(pod.metadata.resourceVersion)) return;
    if (pod.spec?.nodeName === nodeName || workers.records.has(key) || staticPods.has(key)) queue.add(key);
  }

  function reloadStaticPods(): void {
    const next = staticPodPath ? readStaticPods(opts.fs, nodeName, ctx.clock.now(), staticPodPath, parseYaml) : new Map<string, StaticPod>();
    const keys = new Set([...staticPods.keys(), ...next.keys()]);
    for (const k of keys) {
      const a = staticPods.get(k);
      const b = next.get(k);
      if (a && b && a.hash === b.hash) next.set(k, a);
      else {
        if (a && !b) log(`I "Static pod removed" pod="${k}"`);
        if (b) log(`I "Static pod ${a ? "updated" : "added"}" pod="${k}" source="file"`);
        queue.add(k);
      }
    }
    staticPods = next;
    for (const sp of next.values()) knownComponents.add(sp.component);
  }

  const agent = new NodeAgent(ctx, opts.node, opts.controlPlane, opts.podCIDR, opts.internalIP, images);
  // Only this node's pods (the real kubelet's apiserver source watches with this field selector too);
  // a pod moved off the node still arrives, as DELETED.
  ctx.client.watch("pods", undefined, { fieldSelector: `spec.nodeName=${nodeName}` }, onPodEvent);
  opts.fs.onChange((change: FsChange) => {
    if (!staticPodPath || (!change.path.startsWith(`${staticPodPath}/`) && change.path !== staticPodPath)) return;
    if (fsTimer) return;
    fsTimer = ctx.loop.after(STAGE_TIMINGS.manifestChange.delayMs, `kubelet/${nodeName}: manifests changed`, () => {
      fsTimer = undefined;
      if (active) reloadStaticPods();
    });
  });

  let generation = 0;
  /** Whether this kubelet has come up once in this engine (a restored one resumes the first time). */
  let booted = false;

  /** The service comes up at the next loop step, so a caller can still stop it first (restoring a stopped kubelet). */
  function startUp(): void {
    active = true;
    const g = ++generation;
    ctx.loop.after(0, `kubelet/${nodeName}: start`, () => {
      if (active && g === generation) bootSequence();
    });
  }

  function bootSequence(): void {
    log(`I "Starting kubelet" version="v1.32.4"`);
    staticPodPath = staticPodPathFromConfig(opts.fs, undefined, parseYaml);
    agent.start(booted ? undefined : opts.resumed);
    booted = true;
    reloadStaticPods();
    for (const k of staticPods.keys()) queue.add(k);
    // A fresh status manager has no cache: every pod's status is written again, undoing what the
    // node controller marked (Ready=False) while this kubelet was silent.
    for (const rec of workers.records.values()) rec.lastStatus = undefined;
    for (const k of workers.keys()) queue.add(k);
    const list = ctx.client.list("pods", undefined, { fieldSelector: `spec.nodeName=${nodeName}` });
    if (list.ok) for (const p of list.value.items) queue.add(`${p.metadata.namespace}/${p.metadata.name}`);
  }

  function shutDown(): void {
    if (!active) return;
    log(`I "Shutting down kubelet"`);
    active = false;
    generation++;
    agent.stop();
    images.resetQueue();
    for (const rec of workers.records.values()) {
      // In-flight pulls and starts die with the kubelet; containers already running carry on under containerd.
      if (rec.op) {
        rec.op.cancel();
        rec.op = undefined;
        for (const c of rec.containers) if (c.stage === "pulling") c.stage = "new";
      }
    }
  }

  startUp();

  const kubelet: Kubelet = {
    reconciler: { queue, reconcile },
    heartbeat: () => agent.state(),
    get active() {
      return active;
    },
    stop: shutDown,
    start() {
      if (active) return;
      kubeletPid += 1000 + ctx.random.int(500);
      startUp();
    },
    restart() {
      shutDown();
      kubeletPid += 1000 + ctx.random.int(500);
      startUp();
    },
    processes(): ProcessInfo[] {
      const out: ProcessInfo[] = [{ user: "root", pid: 612, command: "/usr/bin/containerd" }];
      if (active) out.push({ user: "root", pid: kubeletPid, command: KUBELET_COMMAND_LINE });
      for (const rec of workers.records.values()) {
        for (const c of rec.containers) {
          if (c.current && c.current.finishedAt === undefined) out.push({ user: "root", pid: c.current.pid, command: c.current.program.commandLine });
        }
      }
      return out.sort((a, b) => a.pid - b.pid);
    },
    logs(namespace, pod, container, previous) {
      const rec = workers.records.get(`${namespace}/${pod}`);
      const c = rec?.containers.find((x) => x.name === container);
      if (!rec || !c) return undefined;
      const inst = previous ? (c.stage === "running" || c.stage === "killing" || c.stage === "exited" ? c.previous : (c.current?.finishedAt !== undefined ? c.current : c.previous)) : c.current;
      if (!inst) return undefined;
      const end = inst.finishedAt ?? ctx.clock.now();
      const lctx = { startedAt: inst.startedAt, stoppedAt: inst.finishedAt, podIP: rec.ip ?? opts.internalIP, podName: rec.name, cpus };
      const lines = inst.program.logs(lctx, end - inst.startedAt);
      if (inst.stopped) lines.push(...inst.program.stopLogs(lctx));
      return lines.length > 0 ? `${lines.join("\n")}\n` : "";
    },
    journal: () => [...journal],
    // Asked before every controller and scheduler step (the control-plane gate), so it allocates nothing.
    staticPodHealthy(component) {
      if (!knownComponents.has(component)) return undefined;
      const now = ctx.clock.now();
      // Two manifests naming the same component: the last one read decides, as before.
      let healthy = false;
      for (const sp of staticPods.values()) {
        if (sp.component !== component) continue;
        const rec = workers.records.get(sp.key);
        healthy = !!rec && rec.uid === sp.hash && !rec.killing && rec.containers.every((c) => c.init || containerReady(c, now));
      }
      return healthy;
    },
  };
  return kubelet;
}
