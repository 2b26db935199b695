import type { KubeObject, Status, WatchEvent } from "../../api/types";
import type { ApiClient, ApiResult } from "../../apiserver/api-client";
import { VirtualClock, rfc3339 } from "../../runtime/clock";
import type { ComponentContext, EventType, TraceEntry } from "../../runtime/component-context";
import { SeededRandom } from "../../runtime/random";
import { SimLoop } from "../../runtime/sim-loop";

export interface RecordedEvent {
  involved: string;
  type: EventType;
  reason: string;
  message: string;
  component: string;
  time: number;
}

function notFound(name: string): { ok: false; status: Status } {
  return { ok: false, status: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: `pods "${name}" not found`, reason: "NotFound", code: 404 } };
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/**
 * A tiny in-memory API for the scheduler's own tests, until a real cluster is at hand: objects keyed by
 * resource and namespace/name, synchronous watches, binding, and graceful pod deletion on request.
 */
export class FakeCluster {
  readonly clock = new VirtualClock(Date.UTC(2026, 10, 25, 10, 0, 0));
  readonly loop = new SimLoop(this.clock);
  readonly events: RecordedEvent[] = [];
  readonly traces: Omit<TraceEntry, "time">[] = [];
  private readonly objects = new Map<string, KubeObject>();
  private readonly watchers: { resource: string; fn: (e: WatchEvent) => void }[] = [];
  private rv = 1;
  /** Pod deletes set deletionTimestamp (as with a kubelet still running) instead of removing at once. */
  gracefulPodDelete = false;

  private key(resource: string, ns: string | undefined, name: string): string {
    return `${resource}|${ns ?? ""}|${name}`;
  }

  private emit(resource: string, type: WatchEvent["type"], obj: KubeObject): void {
    for (const w of this.watchers) if (w.resource === resource) w.fn({ type, object: clone(obj) });
  }

  put(resource: string, obj: KubeObject): KubeObject {
    const k = this.key(resource, obj.metadata.namespace, obj.metadata.name ?? "");
    const existed = this.objects.has(k);
    const stored = clone(obj);
    stored.metadata.resourceVersion = String(++this.rv);
    this.objects.set(k, stored);
    this.emit(resource, existed ? "MODIFIED" : "ADDED", stored);
    return clone(stored);
  }

  remove(resource: string, ns: string | undefined, name: string): void {
    const k = this.key(resource, ns, name);
    const obj = this.objects.get(k);
    if (!obj) return;
    this.objects.delete(k);
    this.emit(resource, "DELETED", obj);
  }

  read(resource: string, ns: string | undefined, name: string): KubeObject | undefined {
    const o = this.objects.get(this.key(resource, ns, name));
    return o && clone(o);
  }

  all(resource: string): KubeObject[] {
    return [...this.objects.entries()].filter(([k]) => k.startsWith(`${resource}|`)).map(([, v]) => clone(v));
  }

  client(actor = "kube-scheduler"): ApiClient {
    return this.makeClient(actor, this);
  }

  private makeClient(actor: string, self: FakeCluster): ApiClient {
    const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
    const unsupported = () => ({ ok: false as const, status: notFound("unsupported").status });
    return {
      actor,
      discovery: () => [],
      create: (resource, _ns, body) => ok(self.put(resource, body as KubeObject)),
      get: (resource, ns, name) => {
        const o = self.read(resource, ns, name);
        return o ? ok(o) : notFound(name);
      },
      list: (resource, ns) => ok({ apiVersion: "v1", kind: "List", metadata: { resourceVersion: String(self.rv) }, items: self.all(resource).filter((o) => ns === undefined || o.metadata.namespace === ns) }),
      update: (resource, _ns, _name, body) => ok(self.put(resource, body as KubeObject)),
      updateStatus: (resource, ns, name, body) => {
        const o = self.read(resource, ns, name);
        if (!o) return notFound(name);
        return ok(self.put(resource, { ...o, status: (body as KubeObject).status }));
      },
      patch: unsupported,
      delete: (resource, ns, name) => {
        const o = self.read(resource, ns, name);
        if (!o) return notFound(name);
        if (resource === "pods" && self.gracefulPodDelete && (o.spec as { nodeName?: string }).nodeName) {
          o.metadata.deletionTimestamp = rfc3339(self.clock.now() + 30_000);
          return ok(self.put(resource, o));
        }
        self.remove(resource, ns, name);
        return ok(o);
      },
      getScale: unsupported,
      updateScale: unsupported,
      bind: (ns, podName, nodeName) => {
        const o = self.read("pods", ns, podName);
        if (!o) return notFound(podName);
        const spec = o.spec as { nodeName?: string };
        if (spec.nodeName) {
          return { ok: false, status: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: `pod ${podName} is already assigned to node "${spec.nodeName}"`, reason: "Conflict", code: 409 } };
        }
        spec.nodeName = nodeName;
        const status = (o.status ?? {}) as { conditions?: unknown[] };
        status.conditions = [...(status.conditions ?? []).filter((c) => (c as { type: string }).type !== "PodScheduled"), { type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: rfc3339(self.clock.now()) }];
        o.status = status;
        return ok(self.put("pods", o));
      },
      watch: (resource, _ns, opts, listener) => {
        const w = { resource, fn: listener };
        self.watchers.push(w);
        if (opts.sendInitialEvents) for (const o of self.all(resource)) listener({ type: "ADDED", object: o });
        return () => {
          const i = self.watchers.indexOf(w);
          if (i >= 0) self.watchers.splice(i, 1);
        };
      },
    };
  }

  context(seed = 1): ComponentContext {
    return {
      client: this.client(),
      loop: this.loop,
      clock: this.clock,
      random: new SeededRandom(seed),
      trace: (e) => this.traces.push(e),
      recorder: {
        event: (involved, type, reason, message, source) =>
          this.events.push({ involved: `${involved.metadata.namespace}/${involved.metadata.name}`, type, reason, message, component: source.component, time: this.clock.now() }),
      },
    };
  }
}
