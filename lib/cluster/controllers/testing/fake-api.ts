import type { KubeList, KubeObject, ResourceInfo, Status, StatusReason, WatchEvent } from "../../api/types";
import type { ApiClient, ApiResult, DeleteOptions, ListOptions, WatchOptions } from "../../apiserver/api-client";
import { rfc3339, VirtualClock } from "../../runtime/clock";
import type { ComponentContext, EventType, TraceEntry } from "../../runtime/component-context";
import { SeededRandom } from "../../runtime/random";
import { SimLoop } from "../../runtime/sim-loop";
import { clone } from "../util/clone";

/**
 * A small in-memory API server for controller unit tests, until (and beside) the real one: enough of the
 * semantics the controllers rely on (generateName, uid, resourceVersion, generation, finalizers and
 * propagation finalizers, synchronous watch). Not a model of the real server's validation or defaulting.
 */
const KINDS: [resource: string, kind: string, apiVersion: string, namespaced: boolean][] = [
  ["pods", "Pod", "v1", true],
  ["replicationcontrollers", "ReplicationController", "v1", true],
  ["services", "Service", "v1", true],
  ["endpoints", "Endpoints", "v1", true],
  ["namespaces", "Namespace", "v1", false],
  ["nodes", "Node", "v1", false],
  ["serviceaccounts", "ServiceAccount", "v1", true],
  ["configmaps", "ConfigMap", "v1", true],
  ["events", "Event", "v1", true],
  ["replicasets", "ReplicaSet", "apps/v1", true],
  ["deployments", "Deployment", "apps/v1", true],
  ["daemonsets", "DaemonSet", "apps/v1", true],
  ["endpointslices", "EndpointSlice", "discovery.k8s.io/v1", true],
  ["leases", "Lease", "coordination.k8s.io/v1", true],
];

const NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

export interface RecordedEvent {
  involved: { kind: string; namespace?: string; name: string };
  type: EventType;
  reason: string;
  message: string;
  component: string;
}

export class FakeApi {
  readonly clock: VirtualClock;
  readonly loop: SimLoop;
  readonly random: SeededRandom;
  readonly events: RecordedEvent[] = [];
  readonly traces: TraceEntry[] = [];
  /** Pods are removed at once on delete unless this is set (then they stay Terminating, as with a kubelet). */
  gracefulPods = false;
  /** Make every create of this resource fail with this Status until cleared. */
  failCreate: { resource: string; status: Status } | undefined;
  /** Creates attempted per resource (including refused ones). */
  readonly createAttempts = new Map<string, number>();
  private rv = 1;
  private readonly objects = new Map<string, KubeObject>();
  private readonly listeners = new Set<{ resource: string; namespace?: string; fn: (e: WatchEvent) => void }>();

  constructor(startMs = Date.parse("2026-11-25T10:00:00Z"), seed = 7) {
    this.clock = new VirtualClock(startMs);
    this.loop = new SimLoop(this.clock);
    this.random = new SeededRandom(seed);
  }

  client(actor = "test"): ApiClient {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const api = this;
    return {
      actor,
      discovery: () => api.discovery(),
      create: (r, ns, body) => api.create(r, ns, body),
      get: (r, ns, name) => api.get(r, ns, name),
      list: (r, ns, opts) => api.list(r, ns, opts),
      update: (r, ns, name, body) => api.update(r, ns, name, body, false),
      updateStatus: (r, ns, name, body) => api.update(r, ns, name, body, true),
      patch: (r, ns, name, _type, patch) => {
        const cur = api.get(r, ns, name);
        if (!cur.ok) return cur;
        return api.update(r, ns, name, mergePatch(clone(cur.value), patch), false);
      },
      delete: (r, ns, name, opts) => api.delete(r, ns, name, opts),
      getScale: () => fail("NotFound", 404, "scale not supported by the fake"),
      updateScale: () => fail("NotFound", 404, "scale not supported by the fake"),
      bind: (ns, pod, node) => {
        const cur = api.get("pods", ns, pod);
        if (!cur.ok) return cur;
        const p = clone(cur.value);
        (p.spec as Record<string, unknown>).nodeName = node;
        return api.update("pods", ns, pod, p, false);
      },
      watch: (r, ns, opts, fn) => api.watch(r, ns, opts, fn),
    };
  }

  context(component: string): ComponentContext {
    return {
      client: this.client(component),
      loop: this.loop,
      clock: this.clock,
      random: this.random.fork(component),
      trace: (e) => this.traces.push({ ...e, time: this.clock.now() }),
      recorder: {
        event: (involved, type, reason, message, source) => {
          this.events.push({
            involved: { kind: involved.kind, namespace: involved.metadata.namespace, name: involved.metadata.name ?? "" },
            type,
            reason,
            message,
            component: source.component,
          });
        },
      },
    };
  }

  discovery(): ResourceInfo[] {
    return KINDS.map(([resource, kind, apiVersion, namespaced]) => {
      const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
      return { resource, singular: kind.toLowerCase(), kind, group, version, namespaced, shortNames: [], verbs: ["create", "delete", "get", "list", "patch", "update", "watch"] };
    });
  }

  /** Store an object as is (fixtures): fills uid, resourceVersion, creationTimestamp when missing. */
  seed(resource: string, obj: KubeObject): KubeObject {
    const res = this.create(resource, obj.metadata.namespace, obj);
    if (!res.ok) throw new Error(res.status.message);
    return res.value;
  }

  all(resource: string, namespace?: string): KubeObject[] {
    const r = this.list(resource, namespace);
    return r.ok ? r.value.items : [];
  }

  private info(resource: string) {
    return KINDS.find((k) => k[0] === resource);
  }

  private storeKey(resource: string, ns: string | undefined, name: string): string {
    const info = this.info(resource);
    return info && info[3] ? `${resource}/${ns ?? ""}/${name}` : `${resource}//${name}`;
  }

  create(resource: string, namespace: string | undefined, body: unknown): ApiResult<KubeObject> {
    const info = this.info(resource);
    if (!info) return fail("NotFound", 404, `the server could not find the requested resource`);
    this.createAttempts.set(resource, (this.createAttempts.get(resource) ?? 0) + 1);
    if (this.failCreate?.resource === resource) return { ok: false, status: this.failCreate.status };
    const obj = clone(body) as KubeObject;
    obj.apiVersion ??= info[2];
    obj.kind ??= info[1];
    obj.metadata ??= {};
    if (info[3]) obj.metadata.namespace = namespace ?? obj.metadata.namespace ?? "default";
    else delete obj.metadata.namespace;
    if (!obj.metadata.name && obj.metadata.generateName) {
      obj.metadata.name = obj.metadata.generateName.slice(0, 58) + this.random.string(5, NAME_ALPHABET);
    }
    const name = obj.metadata.name ?? "";
    const key = this.storeKey(resource, obj.metadata.namespace, name);
    if (this.objects.has(key)) return fail("AlreadyExists", 409, `${resource} "${name}" already exists`, { name, kind: resource });
    obj.metadata.uid ??= this.random.uuid();
    obj.metadata.creationTimestamp ??= rfc3339(this.clock.now());
    obj.metadata.resourceVersion = String(++this.rv);
    if ("spec" in obj && resource !== "pods" && resource !== "nodes" && resource !== "namespaces") obj.metadata.generation ??= 1;
    this.objects.set(key, obj);
    this.emit(resource, { type: "ADDED", object: clone(obj) });
    return { ok: true, value: clone(obj) };
  }

  get(resource: string, namespace: string | undefined, name: string): ApiResult<KubeObject> {
    const obj = this.objects.get(this.storeKey(resource, namespace, name));
    if (!obj) return fail("NotFound", 404, `${resource} "${name}" not found`, { name, kind: resource });
    return { ok: true, value: clone(obj) };
  }

  list(resource: string, namespace: string | undefined, opts?: ListOptions): ApiResult<KubeList> {
    const info = this.info(resource);
    if (!info) return fail("NotFound", 404, "the server could not find the requested resource");
    const items: KubeObject[] = [];
    for (const [key, obj] of this.objects) {
      if (!key.startsWith(`${resource}/`)) continue;
      if (namespace !== undefined && info[3] && obj.metadata.namespace !== namespace) continue;
      if (opts?.labelSelector && !matchesSimpleSelector(opts.labelSelector, obj.metadata.labels ?? {})) continue;
      if (opts?.fieldSelector && !matchesFieldSelector(opts.fieldSelector, obj)) continue;
      items.push(clone(obj));
    }
    items.sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
    return { ok: true, value: { apiVersion: info[2], kind: `${info[1]}List`, metadata: { resourceVersion: String(this.rv) }, items } };
  }

  update(resource: string, namespace: string | undefined, name: string, body: unknown, statusOnly: boolean): ApiResult<KubeObject> {
    const key = this.storeKey(resource, namespace, name);
    const cur = this.objects.get(key);
    if (!cur) return fail("NotFound", 404, `${resource} "${name}" not found`, { name, kind: resource });
    const next = clone(body) as KubeObject;
    if (next.metadata.resourceVersion && next.metadata.resourceVersion !== cur.metadata.resourceVersion) {
      return fail("Conflict", 409, `Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`);
    }
    let stored: KubeObject;
    if (statusOnly) {
      stored = { ...clone(cur), status: next.status };
    } else {
      stored = { ...next, status: cur.status };
      stored.metadata = { ...next.metadata, uid: cur.metadata.uid, creationTimestamp: cur.metadata.creationTimestamp, deletionTimestamp: cur.metadata.deletionTimestamp, namespace: cur.metadata.namespace, name };
      if (cur.metadata.generation !== undefined) {
        stored.metadata.generation = JSON.stringify(cur.spec) === JSON.stringify(next.spec) ? cur.metadata.generation : cur.metadata.generation + 1;
      }
      if (resource === "namespaces" && !statusOnly) stored.status = cur.status;
    }
    stored.metadata.resourceVersion = String(++this.rv);
    if (stored.metadata.deletionTimestamp && (stored.metadata.finalizers ?? []).length === 0 && !namespaceHoldsFinalizer(resource, stored)) {
      this.objects.delete(key);
      this.emit(resource, { type: "DELETED", object: clone(stored) });
      return { ok: true, value: clone(stored) };
    }
    this.objects.set(key, stored);
    this.emit(resource, { type: "MODIFIED", object: clone(stored) });
    return { ok: true, value: clone(stored) };
  }

  delete(resource: string, namespace: string | undefined, name: string, opts?: DeleteOptions): ApiResult<KubeObject> {
    const key = this.storeKey(resource, namespace, name);
    const cur = this.objects.get(key);
    if (!cur) return fail("NotFound", 404, `${resource} "${name}" not found`, { name, kind: resource });
    if (opts?.preconditionsUid && opts.preconditionsUid !== cur.metadata.uid) return fail("Conflict", 409, "uid precondition failed");
    const obj = clone(cur);
    const finalizers = [...(obj.metadata.finalizers ?? [])];
    if (opts?.propagationPolicy === "Foreground" && !finalizers.includes("foregroundDeletion")) finalizers.push("foregroundDeletion");
    if (opts?.propagationPolicy === "Orphan" && !finalizers.includes("orphan")) finalizers.push("orphan");
    const graceful = resource === "pods" && this.gracefulPods && opts?.gracePeriodSeconds !== 0 && !obj.metadata.deletionTimestamp;
    if (finalizers.length > 0 || graceful || namespaceHoldsFinalizer(resource, obj)) {
      if (obj.metadata.deletionTimestamp && !graceful && finalizers.length === (obj.metadata.finalizers ?? []).length) return { ok: true, value: obj };
      obj.metadata.finalizers = finalizers.length ? finalizers : undefined;
      obj.metadata.deletionTimestamp ??= rfc3339(this.clock.now());
      if (resource === "pods") obj.metadata.deletionGracePeriodSeconds = opts?.gracePeriodSeconds ?? 30;
      if (resource === "namespaces") obj.status = { ...(obj.status as object), phase: "Terminating" };
      obj.metadata.resourceVersion = String(++this.rv);
      this.objects.set(key, obj);
      this.emit(resource, { type: "MODIFIED", object: clone(obj) });
      return { ok: true, value: clone(obj) };
    }
    this.objects.delete(key);
    this.emit(resource, { type: "DELETED", object: clone(obj) });
    return { ok: true, value: clone(obj) };
  }

  watch(resource: string, namespace: string | undefined, opts: WatchOptions, fn: (e: WatchEvent) => void): () => void {
    const l = { resource, namespace, fn };
    this.listeners.add(l);
    if (opts.sendInitialEvents) {
      const r = this.list(resource, namespace);
      if (r.ok) for (const o of r.value.items) fn({ type: "ADDED", object: o });
    }
    return () => this.listeners.delete(l);
  }

  private emit(resource: string, event: WatchEvent): void {
    for (const l of [...this.listeners]) {
      if (l.resource !== resource) continue;
      if (l.namespace !== undefined && event.object.metadata.namespace !== l.namespace) continue;
      l.fn(clone(event));
    }
  }
}

function namespaceHoldsFinalizer(resource: string, obj: KubeObject): boolean {
  return resource === "namespaces" && ((obj.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).length > 0;
}

function fail(reason: StatusReason, code: number, message: string, details?: Status["details"]): { ok: false; status: Status } {
  return { ok: false, status: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, details, code } };
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = typeof target === "object" && target !== null && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

function matchesSimpleSelector(selector: string, labels: Record<string, string>): boolean {
  return selector.split(",").every((part) => {
    const ne = part.split("!=");
    if (ne.length === 2) return labels[ne[0]] !== ne[1];
    const eq = part.split("=");
    if (eq.length === 2) return labels[eq[0]] === eq[1];
    return part in labels;
  });
}

function matchesFieldSelector(selector: string, obj: KubeObject): boolean {
  return selector.split(",").every((part) => {
    const [path, value] = part.split("=");
    let cur: unknown = obj;
    for (const seg of path.split(".")) cur = (cur as Record<string, unknown> | undefined)?.[seg];
    return (cur ?? "") === value;
  });
}
