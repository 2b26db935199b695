import type { KubeObject, Status, WatchEvent } from "../../api/types";
import type { ApiClient, ApiResult, DeleteOptions, ListOptions, WatchOptions } from "../../apiserver/api-client";
import { rfc3339, VirtualClock } from "../../runtime/clock";
import type { ComponentContext, EventType, TraceEntry } from "../../runtime/component-context";
import { SeededRandom } from "../../runtime/random";
import { SimLoop } from "../../runtime/sim-loop";

/** An Event as the fake recorder keeps it (what `kubectl describe` would list). */
export interface RecordedEvent {
  time: number;
  object: string;
  type: EventType;
  reason: string;
  message: string;
  host?: string;
  fieldPath?: string;
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

const CLUSTER_SCOPED = new Set(["nodes", "namespaces"]);

function status(code: number, reason: Status["reason"], message: string): Status {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code };
}

/**
 * A small in-memory API server for the kubelet's unit tests (the real one lives in lib/cluster/apiserver):
 * resourceVersions, synchronous watch, graceful pod deletion, status subresource.
 */
export class FakeApi {
  readonly objects = new Map<string, KubeObject>();
  private rv = 1;
  private uid = 0;
  private readonly watchers: { resource: string; fn: (e: WatchEvent) => void }[] = [];
  writes: { actor: string; verb: string; resource: string; name: string; time: number }[] = [];

  constructor(readonly clock: { now(): number }) {}

  private key(resource: string, ns: string | undefined, name: string): string {
    return CLUSTER_SCOPED.has(resource) ? `${resource}//${name}` : `${resource}/${ns ?? "default"}/${name}`;
  }

  private emit(resource: string, type: WatchEvent["type"], object: KubeObject): void {
    for (const w of [...this.watchers]) if (w.resource === resource) w.fn({ type, object: clone(object) });
  }

  client(actor: string): ApiClient {
    const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
    const notFound = (resource: string, name: string) => ({ ok: false as const, status: status(404, "NotFound", `${resource} "${name}" not found`) });
    const rec = (verb: string, resource: string, name: string) => this.writes.push({ actor, verb, resource, name, time: this.clock.now() });
    return {
      actor,
      discovery: () => [],
      create: (resource, ns, body) => {
        const obj = clone(body) as KubeObject;
        if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = `${obj.metadata.generateName}${(++this.uid).toString(36).padStart(5, "x")}`;
        const k = this.key(resource, ns ?? obj.metadata.namespace, obj.metadata.name!);
        if (this.objects.has(k)) return { ok: false, status: status(409, "AlreadyExists", `${resource} "${obj.metadata.name}" already exists`) };
        if (!CLUSTER_SCOPED.has(resource)) obj.metadata.namespace = ns ?? obj.metadata.namespace ?? "default";
        obj.metadata.uid = `uid-${++this.uid}`;
        obj.metadata.resourceVersion = String(++this.rv);
        obj.metadata.creationTimestamp = rfc3339(this.clock.now());
        this.objects.set(k, obj);
        rec("create", resource, obj.metadata.name!);
        this.emit(resource, "ADDED", obj);
        return ok(clone(obj));
      },
      get: (resource, ns, name) => {
        const o = this.objects.get(this.key(resource, ns, name));
        return o ? ok(clone(o)) : notFound(resource, name);
      },
      list: (resource, ns, opts?: ListOptions) => {
        let items = [...this.objects.entries()].filter(([k]) => k.startsWith(`${resource}/`)).map(([, o]) => clone(o));
        if (ns !== undefined && !CLUSTER_SCOPED.has(resource)) items = items.filter((o) => o.metadata.namespace === ns);
        const fs = opts?.fieldSelector?.match(/^spec\.nodeName=(.*)$/);
        if (fs) items = items.filter((o) => (o.spec as { nodeName?: string } | undefined)?.nodeName === fs[1]);
        return ok({ apiVersion: "v1", kind: "List", metadata: { resourceVersion: String(this.rv) }, items });
      },
      update: (resource, ns, name, body) => this.write(resource, ns, name, body, false, () => rec("update", resource, name)),
      updateStatus: (resource, ns, name, body) => this.write(resource, ns, name, body, true, () => rec("updateStatus", resource, name)),
      patch: () => ({ ok: false, status: status(405, "MethodNotAllowed", "not supported by the fake") }),
      delete: (resource, ns, name, opts?: DeleteOptions) => {
        const k = this.key(resource, ns, name);
        const o = this.objects.get(k);
        if (!o) return notFound(resource, name);
        rec("delete", resource, name);
        const grace = opts?.gracePeriodSeconds ?? ((o.spec as { terminationGracePeriodSeconds?: number } | undefined)?.terminationGracePeriodSeconds ?? 30);
        if (resource === "pods" && grace > 0 && (o.spec as { nodeName?: string }).nodeName) {
          if (!o.metadata.deletionTimestamp) {
            o.metadata.deletionTimestamp = rfc3339(this.clock.now() + grace * 1000);
            o.metadata.deletionGracePeriodSeconds = grace;
            o.metadata.resourceVersion = String(++this.rv);
            this.emit(resource, "MODIFIED", o);
          }
          return ok(clone(o));
        }
        this.objects.delete(k);
        o.metadata.resourceVersion = String(++this.rv);
        this.emit(resource, "DELETED", o);
        return ok(clone(o));
      },
      getScale: () => ({ ok: false, status: status(405, "MethodNotAllowed", "no") }),
      updateScale: () => ({ ok: false, status: status(405, "MethodNotAllowed", "no") }),
      bind: (ns, pod, node) => {
        const o = this.objects.get(this.key("pods", ns, pod));
        if (!o) return notFound("pods", pod);
        (o.spec as Record<string, unknown>).nodeName = node;
        o.metadata.resourceVersion = String(++this.rv);
        this.emit("pods", "MODIFIED", o);
        return ok(clone(o));
      },
      watch: (resource, _ns, _opts: WatchOptions, listener) => {
        const w = { resource, fn: listener };
        this.watchers.push(w);
        return () => {
          const i = this.watchers.indexOf(w);
          if (i >= 0) this.watchers.splice(i, 1);
        };
      },
    };
  }

  private write(resource: string, ns: string | undefined, name: string, body: unknown, statusOnly: boolean, rec: () => void): ApiResult<KubeObject> {
    const k = this.key(resource, ns, name);
    const cur = this.objects.get(k);
    if (!cur) return { ok: false, status: status(404, "NotFound", `${resource} "${name}" not found`) };
    const next = clone(body) as KubeObject;
    if (next.metadata.resourceVersion && next.metadata.resourceVersion !== cur.metadata.resourceVersion) {
      return { ok: false, status: status(409, "Conflict", `Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`) };
    }
    const merged: KubeObject = statusOnly ? { ...cur, status: next.status } : { ...next, status: cur.status, metadata: { ...next.metadata, uid: cur.metadata.uid, creationTimestamp: cur.metadata.creationTimestamp, deletionTimestamp: cur.metadata.deletionTimestamp } };
    merged.metadata = { ...merged.metadata, resourceVersion: String(++this.rv) };
    this.objects.set(k, merged);
    rec();
    this.emit(resource, "MODIFIED", merged);
    return { ok: true, value: clone(merged) };
  }
}

/** A full component context over a FakeApi, with a recorder and trace that tests can read. */
export function fakeContext(startMs = Date.UTC(2026, 10, 25, 10, 0, 0), seed = 7) {
  const clock = new VirtualClock(startMs);
  const loop = new SimLoop(clock);
  const api = new FakeApi(clock);
  const events: RecordedEvent[] = [];
  const traces: TraceEntry[] = [];
  const contextFor = (actor: string): ComponentContext => ({
    client: api.client(actor),
    loop,
    clock,
    random: new SeededRandom(seed).fork(actor),
    trace: (e) => traces.push({ ...e, time: clock.now() }),
    recorder: {
      event: (involved, type, reason, message, source, fieldPath) =>
        events.push({ time: clock.now(), object: `${involved.kind.toLowerCase()}/${involved.metadata.name}`, type, reason, message, host: source.host, fieldPath }),
    },
  });
  return { clock, loop, api, events, traces, contextFor };
}
