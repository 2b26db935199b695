import { jsonEqual } from "../api/object-util";
import { parseTime } from "../runtime/clock";
import type { ComponentContext, EventType } from "../runtime/component-context";
import { containerProgram } from "./container-program";
import { resolveEnv } from "./env-resolver";
import { expandVars } from "./expand-vars";
import { goDuration } from "./go-duration";
import { lookupImage, syntheticHex } from "./image-catalogue";
import type { ImageStore, IpAllocator } from "./node-runtime";
import type { ContainerRecord, ContainerSpec, PodObject, PodRecord } from "./pod-record";
import { buildPodStatus, initContainerDone, initDone } from "./pod-status";
import { BACKOFF_RESET_MS, nextBackoff, STAGE_TIMINGS } from "./stages";

type Json = Record<string, unknown>;

export interface PodWorkerEnv {
  ctx: ComponentContext;
  nodeName: string;
  hostIP: string;
  cpus: number;
  images: ImageStore;
  ips: IpAllocator;
  /** Whether a path exists on the host (control-plane binaries open their files at start). */
  fileExists?(path: string): boolean;
  /** Whether the kubelet process is up (a stopped kubelet makes no progress). */
  active(): boolean;
  /** Ask for a sync of this key through the kubelet's work queue. */
  requestSync(key: string): void;
  /** Write the status to the API object (the mirror pod for static pods). */
  writeStatus(rec: PodRecord, status: Record<string, unknown>): void;
  /** All containers stopped after a deletion: remove the API object (grace 0) or the mirror pod. */
  finished(rec: PodRecord): void;
}

/** imagePullPolicy defaulting: Always for :latest or no tag, IfNotPresent otherwise. */
export function defaultPullPolicy(image: string): "Always" | "IfNotPresent" {
  const last = image.split("/").pop() ?? image;
  if (image.includes("@")) return "IfNotPresent";
  const tag = last.includes(":") ? last.slice(last.indexOf(":") + 1) : "latest";
  return tag === "latest" ? "Always" : "IfNotPresent";
}

function newContainer(spec: ContainerSpec, init: boolean): ContainerRecord {
  return {
    name: spec.name,
    init,
    sidecar: init && spec.restartPolicy === "Always",
    spec,
    stage: "new",
    restartCount: 0,
    pullBackoffMs: 0,
    restartBackoffMs: 0,
    timers: [],
  };
}

/**
 * Runs the pods of one node: the kubelet's pod workers plus the container runtime underneath.
 * Each sync re-reads the record and decides the next step from the stage table (stages.ts); steps that
 * take time run through the loop's timers and end by asking for another sync.
 */
export class PodWorkers {
  readonly records = new Map<string, PodRecord>();
  private pid = 2400;

  constructor(private readonly env: PodWorkerEnv) {}

  private now(): number {
    return this.env.ctx.clock.now();
  }

  private event(rec: PodRecord, c: ContainerRecord | undefined, type: EventType, reason: string, message: string): void {
    const fieldPath = c ? `spec.${c.init ? "initContainers" : "containers"}{${c.name}}` : undefined;
    this.env.ctx.recorder.event(rec.pod, type, reason, message, { component: "kubelet", host: this.env.nodeName }, fieldPath);
  }

  private trace(rec: PodRecord, action: string, message: string): void {
    this.env.ctx.trace({ component: `kubelet/${this.env.nodeName}`, action, message, object: { kind: "Pod", namespace: rec.namespace, name: rec.name } });
  }

  private syncAt(rec: PodRecord, at: number, label: string): void {
    const key = rec.key;
    this.env.ctx.loop.after(at - this.now(), `kubelet/${this.env.nodeName}: ${label} ${key}`, () => this.env.requestSync(key));
  }

  /** Start tracking a pod (first sync) or return the existing record. */
  admit(key: string, pod: PodObject, manifest?: string, statusSource?: PodObject): PodRecord {
    const existing = this.records.get(key);
    if (existing && existing.uid === pod.metadata.uid) {
      existing.pod = pod;
      return existing;
    }
    if (existing) this.forget(existing);
    const rec: PodRecord = {
      key,
      uid: pod.metadata.uid ?? "",
      namespace: pod.metadata.namespace ?? "default",
      name: pod.metadata.name ?? "",
      manifest,
      pod,
      sandboxReady: false,
      startTime: this.now(),
      containers: [...(pod.spec.initContainers ?? []).map((s) => newContainer(s, true)), ...pod.spec.containers.map((s) => newContainer(s, false))],
      killing: false,
      finished: false,
      conditions: {},
    };
    this.records.set(key, rec);
    if (!this.adopt(rec, statusSource ?? pod)) this.trace(rec, "admitted", `pod ${rec.namespace}/${rec.name} admitted on ${this.env.nodeName}`);
    return rec;
  }

  /**
   * Take over a pod that already runs (a restored snapshot): rebuild the runtime's view from the reported
   * status instead of starting again, so IPs, container IDs and restart counts stay.
   */
  private adopt(rec: PodRecord, source: PodObject): boolean {
    const status = source.status as
      | { podIP?: string; startTime?: string; conditions?: { type: string; status: "True" | "False"; lastTransitionTime?: string }[]; containerStatuses?: Json[]; initContainerStatuses?: Json[] }
      | undefined;
    if (!status?.startTime) return false;
    rec.startTime = parseTime(status.startTime);
    for (const cond of status.conditions ?? []) rec.conditions[cond.type] = { status: cond.status, time: parseTime(cond.lastTransitionTime) };
    rec.sandboxReady = rec.conditions.PodReadyToStartContainers?.status === "True" || !!status.podIP;
    if (status.podIP) {
      rec.ip = status.podIP;
      if (!rec.pod.spec.hostNetwork) this.env.ips.reserve(status.podIP);
    }
    const all = [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])];
    const now = this.now();
    for (const c of rec.containers) {
      const cs = all.find((x) => x.name === c.name) as Json | undefined;
      if (!cs) continue;
      c.restartCount = Number(cs.restartCount ?? 0);
      const lookup = lookupImage(c.spec.image);
      if (lookup.kind === "found" && cs.imageID) {
        this.env.images.add(lookup.entry);
        this.setImage(c, lookup);
      }
      const state = (cs.state ?? {}) as Json;
      const last = ((cs.lastState ?? {}) as Json).terminated as Json | undefined;
      const program = c.entry ? containerProgram(c.entry, c.spec) : undefined;
      const id = String(cs.containerID ?? "").replace("containerd://", "");
      const instance = (t: Json | undefined, run: boolean) =>
        program && (t || run)
          ? { containerID: run ? id : String(t?.containerID ?? "").replace("containerd://", ""), startedAt: parseTime(String(t?.startedAt)), program, pid: (this.pid += 17), finishedAt: run ? undefined : parseTime(String(t?.finishedAt)), exitCode: run ? undefined : Number(t?.exitCode ?? 0), reason: run ? undefined : String(t?.reason ?? "") }
          : undefined;
      if (last && program) c.previous = instance(last, false);
      if (state.running && program) {
        c.current = instance(state.running as Json, true);
        c.stage = "running";
        c.readyAt = cs.ready ? now : now + (c.spec.readinessProbe?.initialDelaySeconds ?? 0) * 1000;
        const cur = c.current!;
        if (program.exitAfterMs !== undefined) {
          const left = Math.max(0, cur.startedAt + program.exitAfterMs - now);
          c.timers.push(
            this.env.ctx.loop.after(left, `container ${c.name} of ${rec.key} exits`, () => {
              if (c.current !== cur || c.stage !== "running") return;
              cur.finishedAt = this.now();
              cur.exitCode = program.exitCode;
              cur.reason = program.exitCode === 0 ? "Completed" : "Error";
              c.stage = "exited";
              this.env.requestSync(rec.key);
            }),
          );
        }
      } else if (state.terminated && program) {
        c.current = instance(state.terminated as Json, false);
        c.stage = "exited";
      } else if (last && program) {
        // Waiting after a run (CrashLoopBackOff): keep the last run as current and restart after a back-off.
        c.current = c.previous;
        c.previous = undefined;
        c.stage = "crash-backoff";
        c.restartBackoffMs = 10_000;
        c.backoffUntil = now + 10_000;
        this.syncAt(rec, c.backoffUntil, "restart back-off ends");
      }
    }
    rec.lastStatus = undefined;
    return true;
  }

  /** Drop a pod whose API object is gone (force deletion): containers are killed at once. */
  forget(rec: PodRecord): void {
    for (const c of rec.containers) this.cancelTimers(c);
    rec.op?.cancel();
    for (const c of rec.containers) {
      if (c.current && c.current.finishedAt === undefined) {
        c.current.finishedAt = this.now();
        c.current.exitCode = 137;
        c.current.reason = "Error";
      }
    }
    this.env.ips.release(rec.ip);
    this.records.delete(rec.key);
  }

  private cancelTimers(c: ContainerRecord): void {
    for (const t of c.timers) t();
    c.timers = [];
  }

  /** One level-triggered sync of a pod against its latest object. */
  sync(rec: PodRecord): void {
    if (!this.env.active() || rec.finished) return;
    if (rec.killing) {
      this.tryFinishKill(rec);
      return;
    }
    if (rec.pod.metadata.deletionTimestamp) {
      this.startKill(rec);
      return;
    }
    this.applySpecChanges(rec);
    if (!rec.sandboxReady) {
      if (!rec.op) {
        this.op(rec, "sandbox", STAGE_TIMINGS.sandbox.delayMs, () => {
          rec.sandboxReady = true;
          rec.ip = rec.pod.spec.hostNetwork ? this.env.hostIP : this.env.ips.allocate();
          this.trace(rec, "sandbox", `sandbox for ${rec.namespace}/${rec.name} ready, IP ${rec.ip}`);
        });
      }
      this.writeStatus(rec);
      return;
    }
    if (!initDone(rec)) {
      for (const c of rec.containers.filter((x) => x.init)) {
        if (c.sidecar && c.current) continue;
        if (!c.sidecar && initContainerDone(c)) continue;
        this.progress(rec, c);
        break;
      }
    } else {
      for (const c of rec.containers) {
        if (c.init && !c.sidecar) continue;
        if (this.progress(rec, c) === "busy") break;
      }
    }
    this.writeStatus(rec);
  }

  writeStatus(rec: PodRecord): void {
    const status = buildPodStatus(rec, this.now(), this.env.hostIP);
    // Compared as values, not as serialized text: pods are synced far more often than their status changes.
    if (rec.lastStatus && jsonEqual(status, rec.lastStatus)) return;
    rec.lastStatus = status;
    this.env.writeStatus(rec, status);
  }

  /** Run the pod's one in-flight step (sandbox, pull, create+start) after `delayMs`. */
  private op(rec: PodRecord, label: string, delayMs: number, done: () => void): void {
    const cancel = this.env.ctx.loop.after(delayMs, `kubelet/${this.env.nodeName}: ${label} ${rec.key}`, () => {
      rec.op = undefined;
      done();
      this.env.requestSync(rec.key);
    });
    rec.op = { label, cancel };
  }

  /** A pod update may change container images (the one spec change allowed): restart or retry that container. */
  private applySpecChanges(rec: PodRecord): void {
    const specs = [...(rec.pod.spec.initContainers ?? []), ...rec.pod.spec.containers];
    for (const c of rec.containers) {
      const spec = specs.find((s) => s.name === c.name);
      if (!spec) continue;
      const changed = spec.image !== c.spec.image;
      c.spec = spec;
      if (!changed) continue;
      c.pullBackoffMs = 0;
      c.entry = undefined;
      if (c.stage === "running") {
        this.event(rec, c, "Normal", "Killing", `Container ${c.name} definition changed, will be restarted`);
        this.stopContainer(rec, c, true);
      } else if (c.stage !== "pulling" && c.stage !== "killing" && c.stage !== "image-ready") {
        this.cancelTimers(c);
        c.stage = "new";
        c.waitingMessage = undefined;
      }
    }
  }

  /** The container spec with env resolved (values and fieldRefs) and $(VAR) expanded in command/args, as the kubelet does. */
  private expandedSpec(rec: PodRecord, c: ContainerRecord): { ok: true; spec: ContainerRecord["spec"] } | { ok: false; message: string } {
    const fields: Record<string, string> = {
      "spec.nodeName": this.env.nodeName,
      "metadata.name": rec.name,
      "metadata.namespace": rec.namespace,
      "metadata.uid": rec.uid,
      "status.podIP": rec.ip ?? "",
      "status.hostIP": this.env.hostIP,
      "spec.serviceAccountName": String((rec.pod.spec as { serviceAccountName?: string }).serviceAccountName ?? "default"),
    };
    const resolved = resolveEnv(this.env.ctx.client, rec.namespace, c.spec as { env?: Json[]; envFrom?: Json[] }, fields);
    if (!resolved.ok) return resolved;
    const env = resolved.env;
    // What every container's process sees besides its own env.
    const processEnv = { HOSTNAME: rec.name, KUBERNETES_SERVICE_HOST: "10.96.0.1", KUBERNETES_SERVICE_PORT: "443", HOME: "/root", ...env };
    return {
      ok: true,
      spec: {
        ...c.spec,
        env: Object.entries(processEnv).map(([name, value]) => ({ name, value })),
        command: c.spec.command?.map((a) => expandVars(a, env)),
        args: c.spec.args?.map((a) => expandVars(a, env)),
      },
    };
  }

  /** Advance one container by at most one stage. "busy" when the pod's single step slot is taken. */
  private progress(rec: PodRecord, c: ContainerRecord): "busy" | "ok" {
    const now = this.now();
    switch (c.stage) {
      case "new":
        return this.beginImage(rec, c);
      case "pulling":
        return "busy";
      case "image-ready":
        return this.createStart(rec, c);
      case "pull-failed": {
        const at = (c.backoffUntil ?? now) - c.pullBackoffMs + STAGE_TIMINGS.resync.delayMs;
        if (now < at) {
          this.syncAt(rec, at, "resync");
          return "ok";
        }
        c.stage = "image-backoff";
        c.waitingMessage = `Back-off pulling image "${c.spec.image}": ErrImagePull: ${c.lastPullError ?? ""}`;
        this.event(rec, c, "Normal", "BackOff", `Back-off pulling image "${c.spec.image}"`);
        this.event(rec, c, "Warning", "Failed", "Error: ImagePullBackOff");
        this.syncAt(rec, c.backoffUntil ?? now, "image back-off ends");
        return "ok";
      }
      case "image-backoff":
        if (now < (c.backoffUntil ?? now)) return "ok";
        // The retry pull runs inside the sync: status keeps the last reason (the kubelet's reason cache).
        c.carryWaiting = { reason: "ImagePullBackOff", message: c.waitingMessage };
        c.stage = "new";
        return this.beginImage(rec, c);
      case "exited":
        return this.afterExit(rec, c);
      case "config-error":
        if (now < (c.backoffUntil ?? now)) return "ok";
        c.stage = "new";
        return this.beginImage(rec, c);
      case "crash-backoff":
        if (now < (c.backoffUntil ?? now)) return "ok";
        c.carryWaiting = { reason: "CrashLoopBackOff", message: c.waitingMessage };
        c.stage = "new";
        return this.beginImage(rec, c);
      default:
        return "ok";
    }
  }

  private beginImage(rec: PodRecord, c: ContainerRecord): "busy" | "ok" {
    if (rec.op) return "busy";
    const image = c.spec.image;
    const lookup = lookupImage(image);
    if (lookup.kind === "invalid") {
      c.stage = "invalid-image";
      c.waitingMessage = lookup.message;
      this.event(rec, c, "Warning", "InspectFailed", lookup.message);
      this.event(rec, c, "Warning", "Failed", "Error: InvalidImageName");
      return "ok";
    }
    const policy = c.spec.imagePullPolicy ?? defaultPullPolicy(image);
    const present = lookup.kind === "found" && this.env.images.has(lookup.entry);
    if (policy === "Never" && !present) {
      c.stage = "never-pull";
      c.waitingMessage = `Container image "${image}" is not present with pull policy of Never`;
      this.event(rec, c, "Warning", "ErrImageNeverPull", c.waitingMessage);
      this.event(rec, c, "Warning", "Failed", "Error: ErrImageNeverPull");
      return "ok";
    }
    if (present && policy !== "Always" && lookup.kind === "found") {
      this.event(rec, c, "Normal", "Pulled", `Container image "${image}" already present on machine`);
      this.setImage(c, lookup);
      c.stage = "image-ready";
      return this.createStart(rec, c);
    }
    this.event(rec, c, "Normal", "Pulling", `Pulling image "${image}"`);
    this.trace(rec, "pulling", `pulling image "${image}"`);
    c.stage = "pulling";
    c.waitingMessage = undefined;
    const plan = this.env.images.planPull(lookup.kind === "found" ? lookup.entry : undefined, this.now(), {
      cachedMs: STAGE_TIMINGS.pullCached.delayMs,
      failMs: STAGE_TIMINGS.pullFailure.delayMs,
    });
    this.op(rec, `pull ${image}`, plan.totalMs, () => {
      if (c.stage !== "pulling") return;
      if (c.spec.image !== image) {
        // The spec changed under the pull (kubectl set image): its back-off is per image, so start over now.
        c.stage = "new";
        return;
      }
      if (lookup.kind === "found") {
        this.env.images.add(lookup.entry);
        this.setImage(c, lookup);
        c.stage = "image-ready";
        c.pullBackoffMs = 0;
        const d = goDuration(plan.pullMs);
        this.event(rec, c, "Normal", "Pulled", `Successfully pulled image "${image}" in ${d} (${goDuration(plan.totalMs)} including waiting). Image size: ${lookup.entry.size} bytes.`);
        this.trace(rec, "pulled", `pulled image "${image}" in ${d}`);
      } else {
        c.stage = "pull-failed";
        c.carryWaiting = undefined;
        c.lastPullError = lookup.message;
        c.waitingMessage = lookup.message;
        c.pullBackoffMs = nextBackoff(c.pullBackoffMs);
        c.backoffUntil = this.now() + c.pullBackoffMs;
        this.event(rec, c, "Warning", "Failed", `Failed to pull image "${image}": ${lookup.message}`);
        this.event(rec, c, "Warning", "Failed", "Error: ErrImagePull");
        this.trace(rec, "pull-failed", `failed to pull image "${image}"`);
      }
    });
    return "busy";
  }

  private setImage(c: ContainerRecord, lookup: Extract<ReturnType<typeof lookupImage>, { kind: "found" }>): void {
    c.entry = lookup.entry;
    c.imageName = `${lookup.entry.repository}:${lookup.ref.tag || lookup.entry.tags[0]}`;
    c.imageID = lookup.imageID;
  }

  private createStart(rec: PodRecord, c: ContainerRecord): "busy" | "ok" {
    if (rec.op) return "busy";
    const entry = c.entry;
    if (!entry) {
      c.stage = "new";
      return this.beginImage(rec, c);
    }
    this.op(rec, `start ${c.name}`, STAGE_TIMINGS.createStart.delayMs, () => {
      if (c.stage !== "image-ready") return;
      const now = this.now();
      const expanded = this.expandedSpec(rec, c);
      if (!expanded.ok) {
        // A missing ConfigMap/Secret: the container is not created; the kubelet retries on later syncs.
        c.stage = "config-error";
        c.waitingMessage = expanded.message;
        c.backoffUntil = now + STAGE_TIMINGS.configRetry.delayMs;
        this.event(rec, c, "Warning", "Failed", `Error: ${expanded.message}`);
        this.syncAt(rec, c.backoffUntil, "config retry");
        return;
      }
      const fileExists = this.env.fileExists;
      const program = containerProgram(entry, expanded.spec, fileExists ? { fileExists } : undefined);
      if (c.current) {
        c.previous = c.current;
        c.restartCount++;
      }
      c.current = { containerID: syntheticHex(`${rec.uid}/${c.name}/${c.restartCount}/${this.env.ctx.random.next()}`), startedAt: now, program, pid: this.pid += 17 };
      c.waitingMessage = undefined;
      c.carryWaiting = undefined;
      this.event(rec, c, "Normal", "Created", `Created container ${c.name}`);
      if (program.startError) {
        c.current.finishedAt = now;
        c.current.exitCode = 128;
        c.current.reason = "StartError";
        c.stage = "exited";
        this.event(rec, c, "Warning", "Failed", `Error: ${program.startError}`);
        return;
      }
      this.event(rec, c, "Normal", "Started", `Started container ${c.name}`);
      this.trace(rec, "started", `started container ${c.name} of ${rec.namespace}/${rec.name}`);
      c.stage = "running";
      // Probes are taken to pass at their first run: ready after the longer of the startup and readiness delays.
      const probeDelay = Math.max(c.spec.readinessProbe?.initialDelaySeconds ?? 0, c.spec.startupProbe?.initialDelaySeconds ?? 0) * 1000;
      c.readyAt = now + probeDelay;
      if (probeDelay > 0) c.timers.push(this.env.ctx.loop.after(probeDelay, `kubelet/${this.env.nodeName}: readiness ${rec.key}`, () => this.env.requestSync(rec.key)));
      const instance = c.current;
      if (program.exitAfterMs !== undefined) {
        // The process ends by itself; containerd records it whether or not the kubelet is up.
        c.timers.push(
          this.env.ctx.loop.after(program.exitAfterMs, `container ${c.name} of ${rec.key} exits`, () => {
            if (c.current !== instance || c.stage !== "running") return;
            instance.finishedAt = this.now();
            instance.exitCode = program.exitCode;
            instance.reason = program.exitCode === 0 ? "Completed" : "Error";
            c.stage = "exited";
            this.env.requestSync(rec.key);
          }),
        );
      }
    });
    return "busy";
  }

  /** A container ended: restart per restartPolicy, through CrashLoopBackOff after the first restart. */
  private afterExit(rec: PodRecord, c: ContainerRecord): "busy" | "ok" {
    const inst = c.current;
    if (!inst || inst.finishedAt === undefined) return "ok";
    const podPolicy = rec.pod.spec.restartPolicy ?? "Always";
    const policy = c.sidecar ? "Always" : c.init ? (podPolicy === "Never" ? "Never" : "OnFailure") : podPolicy;
    const restart = policy === "Always" || (policy === "OnFailure" && inst.exitCode !== 0);
    if (!restart) return "ok";
    const now = this.now();
    const noticed = inst.finishedAt + STAGE_TIMINGS.resync.delayMs;
    if (now < noticed) {
      this.syncAt(rec, noticed, "container exit noticed");
      return "ok";
    }
    if (inst.finishedAt - inst.startedAt >= BACKOFF_RESET_MS) c.restartBackoffMs = 0;
    const delay = c.restartBackoffMs;
    c.restartBackoffMs = nextBackoff(c.restartBackoffMs);
    if (delay === 0) {
      c.stage = "new";
      return this.beginImage(rec, c);
    }
    c.stage = "crash-backoff";
    c.backoffUntil = now + delay;
    const podRef = `${rec.name}_${rec.namespace}(${rec.uid})`;
    c.waitingMessage = `back-off ${goDuration(delay)} restarting failed container=${c.name} pod=${podRef}`;
    this.event(rec, c, "Warning", "BackOff", `Back-off restarting failed container ${c.name} in pod ${podRef}`);
    this.syncAt(rec, c.backoffUntil, "restart back-off ends");
    return "ok";
  }

  private gracePeriodSeconds(rec: PodRecord): number {
    return rec.pod.metadata.deletionGracePeriodSeconds ?? rec.pod.spec.terminationGracePeriodSeconds ?? 30;
  }

  /** Send the stop signal; the process exits after its own stop time or is killed when the grace period ends. */
  private stopContainer(rec: PodRecord, c: ContainerRecord, restartAfter: boolean): void {
    const inst = c.current;
    if (!inst) return;
    this.cancelTimers(c);
    c.stage = "killing";
    const graceMs = Math.max(0, this.gracePeriodSeconds(rec)) * 1000;
    const stopMs = inst.program.stopMs;
    const graceful = stopMs !== undefined && stopMs <= graceMs;
    const after = graceful ? stopMs : graceMs;
    c.timers.push(
      this.env.ctx.loop.after(after, `container ${c.name} of ${rec.key} stops`, () => {
        if (c.current !== inst) return;
        inst.finishedAt = this.now();
        inst.exitCode = graceful ? 0 : 137;
        inst.reason = graceful ? "Completed" : "Error";
        inst.stopped = graceful;
        c.stage = restartAfter ? "image-ready" : "exited";
        if (restartAfter) {
          // A definition change restarts at once with the new image (no back-off).
          c.stage = "new";
        }
        this.env.requestSync(rec.key);
      }),
    );
  }

  private startKill(rec: PodRecord): void {
    rec.killing = true;
    rec.op?.cancel();
    rec.op = undefined;
    for (const c of rec.containers) {
      if (c.stage === "running" || c.stage === "killing") {
        if (c.stage === "running") this.event(rec, c, "Normal", "Killing", `Stopping container ${c.name}`);
        this.stopContainer(rec, c, false);
      } else this.cancelTimers(c);
    }
    this.trace(rec, "killing", `stopping pod ${rec.namespace}/${rec.name}`);
    this.tryFinishKill(rec);
  }

  private tryFinishKill(rec: PodRecord): void {
    if (rec.containers.some((c) => c.stage === "killing")) {
      this.writeStatus(rec);
      return;
    }
    rec.finished = true;
    this.writeStatus(rec);
    this.env.ips.release(rec.pod.spec.hostNetwork ? undefined : rec.ip);
    const key = rec.key;
    // The status manager removes the object once the terminal status is written (a PLEG round later).
    this.env.ctx.loop.after(STAGE_TIMINGS.resync.delayMs, `kubelet/${this.env.nodeName}: remove ${key}`, () => {
      if (this.records.get(key) !== rec) return;
      this.records.delete(key);
      this.env.finished(rec);
    });
  }

  /** Re-check every record (after a kubelet restart). */
  keys(): string[] {
    return [...this.records.keys()];
  }
}

