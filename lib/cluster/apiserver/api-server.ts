import type { KubeList, KubeObject, ObjectMeta, ResourceInfo, Status, WatchEvent, WatchEventType } from "../api/types";
import type { ApiClient, ApiResult, ApiWarnings, DeleteOptions, ListOptions, PatchType, Scale, WatchOptions, WriteOptions } from "./api-client";
import type { Clock } from "../runtime/clock";
import { rfc3339 } from "../runtime/clock";
import type { SeededRandom } from "../runtime/random";
import type { TraceEntry } from "../runtime/component-context";
import { apiVersionOf, discoveryList, resourceDef, type ResourceDef } from "../api/registry";
import { deepCopy, isPlainObject, jsonEqual, jsonLengthUpperBound, toJson } from "../api/object-util";
import * as errors from "../api/status";
import { parseLabelSelector, matchesRequirements, type Requirement, requirementsOf, formatRequirements } from "../api/selectors/label-selector";
import { parseFieldSelector, matchesFields, type FieldTerm } from "../api/selectors/field-selector";
import { decodeBody } from "../api/decode/decode";
import { applyDefaults } from "../api/defaults/apply-defaults";
import { validateCreate, validateUpdate } from "../api/validation/validate";
import { Store, type StoreEvent } from "./store";
import { applyPatch } from "./patch";
import { ServiceAllocator } from "./service-allocator";
import { prepareForCreate, prepareForUpdate, admit } from "./strategies";

export interface ApiServerEnv {
  store: Store;
  clock: Clock;
  random: SeededRandom;
  trace(entry: Omit<TraceEntry, "time">): void;
}

interface Watcher {
  resource: string;
  namespace: string | undefined;
  labels: Requirement[];
  fields: FieldTerm[];
  listener: (event: WatchEvent) => void;
  active: boolean;
  /** Set when the only selector is `spec.nodeName=<node>` (a kubelet's watch): a cheap pre-filter for fan-out. */
  nodeName?: string;
}

function nodeNameOf(obj: KubeObject | undefined): string | undefined {
  return (obj?.spec as { nodeName?: string } | undefined)?.nodeName;
}

type Result<T> = ApiResult<T> & ApiWarnings;

/** Kubernetes' generateName alphabet (apimachinery util/rand): no vowels, no 0/1/3. */
export const NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
/** etcd's default request limit (--max-request-bytes 1.5 MiB) and the apiserver's body limit (3 MiB). */
const ETCD_LIMIT = 1.5 * 1024 * 1024;
const BODY_LIMIT = 3 * 1024 * 1024;
const IMMORTAL_NAMESPACES = new Set(["default", "kube-system", "kube-public"]);

/**
 * A body the engine's own components built already in decoded form (the event recorder's Events, a kubelet's
 * status): create and updateStatus skip decoding it, which would only copy it. Creates are still validated (an
 * Event about an object with a very long name is refused, as the real server refuses it). Only engine code that
 * imports this module can mark a body; kubectl and the shell reach the server through lib/cluster/index.ts.
 * One slot, not a set: a body is marked right before the call that takes it.
 */
let trustedSlot: object | undefined;

/** Mark `body` as built by the engine in its stored form (see trustedSlot). The server takes ownership of it. */
export function trustedBody<T extends object>(body: T): T {
  trustedSlot = body;
  return body;
}

/** Whether `body` is the one just marked trusted (the mark is used up either way). */
function takeTrusted(body: unknown): boolean {
  const trusted = body !== undefined && body === trustedSlot;
  trustedSlot = undefined;
  return trusted;
}

function fail(status: Status): { ok: false; status: Status } {
  return { ok: false, status };
}

/**
 * The kube-apiserver of the simulated cluster: decode (strict), admission, defaulting, validation, then
 * a write to the store; watches are fanned out from the store's change feed. Every entry point checks
 * its input and answers with a Status instead of throwing.
 */
export class ApiServer {
  readonly store: Store;
  private readonly clock: Clock;
  private readonly random: SeededRandom;
  private readonly traceFn: ApiServerEnv["trace"];
  /** Watchers per resource; each array is replaced, never changed, so a dispatch can walk it while watches come and go. */
  private readonly watchers = new Map<string, readonly Watcher[]>();
  private readonly pending: StoreEvent[] = [];
  private dispatching = false;
  readonly services: ServiceAllocator;
  /** Listeners that threw while handling a watch event (kept for tests; the write itself succeeded). */
  readonly listenerErrors: unknown[] = [];
  /** Called after every stored change has been delivered to the watchers. */
  readonly changeListeners = new Set<() => void>();
  /**
   * While the cluster is being laid out, objects are stamped as if created this long before "now", so
   * kubeadm's objects show the cluster's age (set back to 0 once the cluster is up).
   */
  backdateMs = 0;

  constructor(env: ApiServerEnv) {
    this.store = env.store;
    this.clock = env.clock;
    this.random = env.random;
    this.traceFn = env.trace;
    this.services = new ServiceAllocator(env.random);
    this.store.onEvent((e) => this.enqueue(e));
  }

  /** An ApiClient bound to `actor` (the name shown in the trace). */
  client(actor: string): ApiClient {
    // Each method re-checks its arguments: clients may be called from untyped code (the shell, JSON input).
    return {
      actor,
      discovery: () => discoveryList(),
      create: (resource, namespace, body, opts) => this.guard(() => this.create(actor, resource, namespace, body, opts)),
      get: (resource, namespace, name) => this.guard(() => this.get(resource, namespace, name)),
      list: (resource, namespace, opts) => this.guard(() => this.list(resource, namespace, opts)),
      update: (resource, namespace, name, body, opts) => this.guard(() => this.update(actor, resource, namespace, name, body, opts, "update")),
      updateStatus: (resource, namespace, name, body) => this.guard(() => this.updateStatus(actor, resource, namespace, name, body)),
      patch: (resource, namespace, name, type, patch, opts) => this.guard(() => this.patch(actor, resource, namespace, name, type, patch, opts)),
      delete: (resource, namespace, name, opts) => this.guard(() => this.delete(actor, resource, namespace, name, opts)),
      getScale: (resource, namespace, name) => this.guard(() => this.getScale(resource, namespace, name)),
      updateScale: (resource, namespace, name, replicas, opts) => this.guard(() => this.updateScale(actor, resource, namespace, name, replicas, opts)),
      bind: (namespace, podName, nodeName) => this.guard(() => this.bind(actor, namespace, podName, nodeName)),
      watch: (resource, namespace, opts, listener) => this.watch(resource, namespace, opts, listener),
    };
  }

  /** Last line of defence: a bug in the server becomes a 500 Status, never an exception in the caller. */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      return fail(errors.internalError(e instanceof Error ? e.message : String(e))) as T;
    }
  }

  // ---------------------------------------------------------------- reads

  get(resource: string, namespace: string | undefined, name: string): ApiResult<KubeObject> {
    const r = resourceDef(String(resource));
    if (!r) return fail(errors.notFoundResource());
    if (typeof name !== "string" || name === "") return fail(errors.badRequest("resource name may not be empty"));
    const obj = this.store.get(r.resource, this.nsOf(r, namespace), name);
    return obj ? { ok: true, value: obj } : fail(errors.notFound(r, name));
  }

  list(resource: string, namespace: string | undefined, opts: ListOptions = {}): ApiResult<KubeList> {
    const r = resourceDef(String(resource));
    if (!r) return fail(errors.notFoundResource());
    const sel = this.selectors(r, opts);
    if (!sel.ok) return sel;
    const ns = r.namespaced && typeof namespace === "string" ? namespace : undefined;
    // One object's events (what describe asks for): start from the store's index instead of every event.
    const about = r.resource === "events" ? sel.fields.find((f) => f.field === "involvedObject.name" && !f.negate) : undefined;
    const all = about ? this.store.eventsAbout(about.value, ns) : this.store.list(r.resource, ns);
    const items = sel.labels.length === 0 && sel.fields.length === 0 ? all.slice() : all.filter((o) => this.matches(o, sel.labels, sel.fields));
    return {
      ok: true,
      value: { apiVersion: apiVersionOf(r), kind: `${r.kind}List`, metadata: { resourceVersion: String(this.store.currentRevision()) }, items },
    };
  }

  private selectors(r: ResourceDef, opts: ListOptions | undefined): { ok: true; labels: Requirement[]; fields: FieldTerm[] } | { ok: false; status: Status } {
    const o = isPlainObject(opts) ? opts : {};
    let labels: Requirement[] = [];
    let fields: FieldTerm[] = [];
    if (typeof o.labelSelector === "string") {
      const p = parseLabelSelector(o.labelSelector);
      if (!p.ok) return fail(errors.badRequest(p.error));
      labels = p.requirements;
    }
    if (typeof o.fieldSelector === "string") {
      const p = parseFieldSelector(r.resource, o.fieldSelector);
      if (!p.ok) return fail(errors.badRequest(p.error));
      fields = p.terms;
    }
    return { ok: true, labels, fields };
  }

  private matches(o: KubeObject, labels: Requirement[], fields: FieldTerm[]): boolean {
    return matchesRequirements(labels, o.metadata.labels) && matchesFields(fields, o);
  }

  // ---------------------------------------------------------------- watch

  watch(resource: string, namespace: string | undefined, opts: WatchOptions, listener: (event: WatchEvent) => void): () => void {
    const r = resourceDef(String(resource));
    if (!r || typeof listener !== "function") return () => {};
    const sel = this.selectors(r, opts);
    if (!sel.ok) return () => {};
    const w: Watcher = {
      resource: r.resource,
      namespace: r.namespaced && typeof namespace === "string" ? namespace : undefined,
      labels: sel.labels,
      fields: sel.fields,
      listener,
      active: true,
    };
    const only = sel.labels.length === 0 && sel.fields.length === 1 ? sel.fields[0] : undefined;
    if (r.resource === "pods" && only && only.field === "spec.nodeName" && !only.negate && only.value !== "") w.nodeName = only.value;
    const o = isPlainObject(opts) ? opts : {};
    const since = typeof o.resourceVersion === "string" && /^\d+$/.test(o.resourceVersion) ? Number(o.resourceVersion) : undefined;
    const replay = since !== undefined && since > 0 ? this.store.eventsSince(since) : undefined;
    if (o.sendInitialEvents || (since !== undefined && since > 0 && !replay)) {
      for (const obj of this.store.list(r.resource, w.namespace)) {
        if (this.matches(obj, w.labels, w.fields)) this.deliver(w, "ADDED", obj);
      }
    } else if (replay) {
      for (const e of replay) this.route(w, e);
    }
    this.watchers.set(w.resource, [...(this.watchers.get(w.resource) ?? []), w]);
    return () => {
      w.active = false;
      const rest = (this.watchers.get(w.resource) ?? []).filter((x) => x !== w);
      this.watchers.set(w.resource, rest);
    };
  }

  private enqueue(e: StoreEvent): void {
    this.pending.push(e);
    if (this.dispatching) return; // a listener wrote during dispatch: deliver after the current event
    this.dispatching = true;
    try {
      while (this.pending.length > 0) {
        const next = this.pending.shift()!;
        for (const w of this.watchers.get(next.resource) ?? []) if (w.active) this.route(w, next);
        for (const l of [...this.changeListeners]) {
          try {
            l();
          } catch (err) {
            this.listenerErrors.push(err);
          }
        }
      }
    } finally {
      this.dispatching = false;
    }
  }

  /** Send one store change to one watcher, turning selector moves into ADDED/DELETED like the watch cache. */
  private route(w: Watcher, e: StoreEvent): void {
    if (w.resource !== e.resource) return;
    if (w.namespace !== undefined && w.namespace !== e.namespace) return;
    // 50 kubelets each watching their own node's pods: skip the selector work for everyone else's pods.
    if (w.nodeName !== undefined && w.nodeName !== nodeNameOf(e.object) && w.nodeName !== nodeNameOf(e.prev)) return;
    const now = this.matches(e.object, w.labels, w.fields);
    if (e.type !== "MODIFIED" || !e.prev || (w.labels.length === 0 && w.fields.length === 0)) {
      if (now) this.deliverEvent(w, (e.shared ??= Object.freeze({ type: e.type, object: e.object })));
      return;
    }
    const before = this.matches(e.prev, w.labels, w.fields);
    if (now && before) this.deliver(w, "MODIFIED", e.object);
    else if (now) this.deliver(w, "ADDED", e.object);
    else if (before) this.deliver(w, "DELETED", e.object);
  }

  private deliver(w: Watcher, type: WatchEventType, object: KubeObject): void {
    this.deliverEvent(w, { type, object });
  }

  private deliverEvent(w: Watcher, event: WatchEvent): void {
    try {
      w.listener(event);
    } catch (err) {
      this.listenerErrors.push(err);
      this.traceFn({ component: "kube-apiserver", action: "error", message: `watch listener failed: ${err instanceof Error ? err.message : String(err)}` });
    }
  }

  // ---------------------------------------------------------------- create

  create(actor: string, resource: string, namespace: string | undefined, body: unknown, opts: WriteOptions = {}): Result<KubeObject> {
    const trusted = takeTrusted(body);
    const r = resourceDef(String(resource));
    if (!r) return fail(errors.notFoundResource());
    const o = isPlainObject(opts) ? opts : {};
    const decoded = trusted ? { ok: true as const, obj: body as KubeObject, warnings: [] as string[] } : this.decode(r, body, o);
    if (!decoded.ok) return decoded;
    const obj = decoded.obj;
    const warnings = decoded.warnings;
    const meta = obj.metadata;

    if (r.namespaced) {
      const requested = typeof namespace === "string" && namespace !== "" ? namespace : undefined;
      if (requested && meta.namespace && meta.namespace !== requested) {
        return fail(errors.badRequest("the namespace of the provided object does not match the namespace sent on the request"));
      }
      meta.namespace = requested ?? meta.namespace ?? "default";
    } else {
      delete meta.namespace;
    }
    for (const f of ["uid", "resourceVersion", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "managedFields", "selfLink"] as const) {
      delete (meta as Record<string, unknown>)[f];
    }
    if (!meta.name && meta.generateName) meta.name = this.generateName(r, meta);

    if (r.namespaced) {
      const ns = this.store.get("namespaces", "", meta.namespace!);
      const nsDef = resourceDef("namespaces")!;
      if (!ns) return fail(errors.notFound(nsDef, meta.namespace!));
      if (ns.metadata.deletionTimestamp || (ns.status as { phase?: string } | undefined)?.phase === "Terminating") {
        return fail(
          errors.forbidden(r, meta.name ?? "", `unable to create new content in namespace ${meta.namespace} because it is being terminated`),
        );
      }
    }

    prepareForCreate(r, obj);
    const admitted = admit(r, obj, { store: this.store, random: this.random });
    if (admitted) return fail(admitted);
    applyDefaults(r, obj);
    const errs = validateCreate(r, obj);
    if (errs.length > 0) return fail(errors.invalid(r.kind, r.group, meta.name ?? "", errs));

    const nsKey = this.nsOf(r, meta.namespace);
    if (this.store.get(r.resource, nsKey, meta.name!)) return fail(errors.alreadyExists(r, meta.name!));

    if (r.resource === "services") {
      const allocErrs = this.services.allocate(obj, undefined, this.store, !!o.dryRun);
      if (allocErrs.length > 0) return fail(errors.invalid(r.kind, r.group, meta.name!, allocErrs));
    }

    meta.uid = this.random.uuid();
    meta.creationTimestamp = rfc3339(this.clock.now() - this.backdateMs);
    if (r.hasGeneration) meta.generation = 1;
    if (o.dryRun) return { ok: true, value: obj, ...(warnings.length ? { warnings } : {}) };

    const rv = this.store.nextRevision();
    meta.resourceVersion = String(rv);
    this.store.put(r.resource, nsKey, meta.name!, obj, rv);
    this.traceWrite(actor, "created", r, obj);
    return { ok: true, value: this.store.get(r.resource, nsKey, meta.name!)!, ...(warnings.length ? { warnings } : {}) };
  }

  private generateName(r: ResourceDef, meta: ObjectMeta): string {
    const base = meta.generateName!.length > 58 ? meta.generateName!.slice(0, 58) : meta.generateName!;
    const ns = this.nsOf(r, meta.namespace);
    // Retry on collision, as the apiserver does since RetryGenerateName (GA in 1.32).
    for (let i = 0; i < 8; i++) {
      const name = base + this.random.string(5, NAME_ALPHABET);
      if (!this.store.get(r.resource, ns, name)) return name;
    }
    return base + this.random.string(5, NAME_ALPHABET);
  }

  // ---------------------------------------------------------------- update / patch / status

  update(
    actor: string,
    resource: string,
    namespace: string | undefined,
    name: string,
    body: unknown,
    opts: WriteOptions = {},
    verb: "update" | "patch" = "update",
    preDecoded?: { obj: KubeObject; warnings: string[] },
  ): Result<KubeObject> {
    const r = resourceDef(String(resource));
    if (!r) return fail(errors.notFoundResource());
    if (typeof name !== "string" || name === "") return fail(errors.badRequest("resource name may not be empty"));
    const o = isPlainObject(opts) ? opts : {};
    let decoded: { obj: KubeObject; warnings: string[] };
    if (preDecoded) decoded = preDecoded;
    else {
      const d = this.decode(r, body, o);
      if (!d.ok) return d;
      decoded = d;
    }
    const obj = decoded.obj;
    const warnings = decoded.warnings;
    const meta = obj.metadata;
    if (meta.name === undefined || meta.name === "") meta.name = name;
    if (meta.name !== name) return fail(errors.badRequest(`the name of the object (${meta.name}) does not match the name on the URL (${name})`));
    const nsKey = this.nsOf(r, namespace ?? meta.namespace);
    if (r.namespaced) {
      if (meta.namespace && meta.namespace !== nsKey) {
        return fail(errors.badRequest("the namespace of the provided object does not match the namespace sent on the request"));
      }
      meta.namespace = nsKey;
    } else delete meta.namespace;

    const old = this.store.get(r.resource, nsKey, name);
    if (!old) {
      if (verb === "update" && (r.resource === "leases" || r.resource === "events" || r.resource === "endpoints")) {
        return this.create(actor, r.resource, namespace, obj, opts);
      }
      return fail(errors.notFound(r, name));
    }
    if (meta.resourceVersion !== undefined && meta.resourceVersion !== "" && meta.resourceVersion !== old.metadata.resourceVersion) {
      return fail(errors.conflict(r, name, errors.MODIFIED_CONFLICT));
    }
    if (meta.uid && meta.uid !== old.metadata.uid) {
      return fail(errors.conflict(r, name, `Precondition failed: UID in precondition: ${meta.uid}, UID in object meta: ${old.metadata.uid}`));
    }
    // System-owned metadata comes from the stored object, whatever the client sent.
    meta.uid = old.metadata.uid;
    meta.creationTimestamp = old.metadata.creationTimestamp;
    meta.resourceVersion = old.metadata.resourceVersion;
    if (old.metadata.deletionTimestamp) {
      meta.deletionTimestamp = old.metadata.deletionTimestamp;
      if (old.metadata.deletionGracePeriodSeconds !== undefined) meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    } else {
      delete meta.deletionTimestamp;
      delete meta.deletionGracePeriodSeconds;
    }
    delete (meta as Record<string, unknown>).managedFields;
    if (r.hasGeneration) meta.generation = old.metadata.generation ?? 1;
    else delete meta.generation;
    if (meta.generateName === undefined && old.metadata.generateName !== undefined) meta.generateName = old.metadata.generateName;

    prepareForUpdate(r, obj, old);
    applyDefaults(r, obj);
    if (r.resource === "services") this.services.keepAllocated(obj, old);
    const errs = validateUpdate(r, obj, old);
    if (errs.length > 0) return fail(errors.invalid(r.kind, r.group, name, errs));
    if (r.resource === "services") {
      const allocErrs = this.services.allocate(obj, old, this.store, !!o.dryRun);
      if (allocErrs.length > 0) return fail(errors.invalid(r.kind, r.group, name, allocErrs));
    }
    if (r.hasGeneration && !jsonEqual(specOf(obj), specOf(old))) meta.generation = (old.metadata.generation ?? 1) + 1;

    // A write that changes nothing is not stored and bumps no resourceVersion (as etcd3's GuaranteedUpdate).
    if (jsonEqual(obj, old)) return { ok: true, value: old, ...(warnings.length ? { warnings } : {}) };
    if (o.dryRun) return { ok: true, value: obj, ...(warnings.length ? { warnings } : {}) };
    return this.commitUpdate(actor, r, nsKey, obj, verb === "patch" ? "patched" : "updated", warnings);
  }

  /** Store an update; an object marked for deletion whose finalizers are all gone is removed instead. */
  private commitUpdate(actor: string, r: ResourceDef, nsKey: string, obj: KubeObject, action: string, warnings: string[] = []): Result<KubeObject> {
    const meta = obj.metadata;
    const rv = this.store.nextRevision();
    meta.resourceVersion = String(rv);
    if (meta.deletionTimestamp && (meta.finalizers ?? []).length === 0 && !namespaceFinalizers(r, obj) && !(meta.deletionGracePeriodSeconds ?? 0)) {
      this.store.remove(r.resource, nsKey, meta.name!, obj, rv);
      this.traceWrite(actor, "deleted", r, obj);
      return { ok: true, value: obj, ...(warnings.length ? { warnings } : {}) };
    }
    this.store.put(r.resource, nsKey, meta.name!, obj, rv);
    this.traceWrite(actor, action, r, obj);
    return { ok: true, value: this.store.get(r.resource, nsKey, meta.name!)!, ...(warnings.length ? { warnings } : {}) };
  }

  updateStatus(actor: string, resource: string, namespace: string | undefined, name: string, body: unknown): ApiResult<KubeObject> {
    // A kubelet's status is built in its stored form (trustedBody): nothing to decode at all.
    const marked = takeTrusted(body);
    const r = resourceDef(String(resource));
    if (!r) return fail(errors.notFoundResource());
    if (!r.hasStatus) return fail(errors.notFoundResource());
    if (typeof name !== "string" || name === "") return fail(errors.badRequest("resource name may not be empty"));
    const nsKey = this.nsOf(r, namespace);
    const stored = this.store.get(r.resource, nsKey, name);
    // A component sending the stored object back with a new status ({ ...stored, status }, what kubelets do
    // thousands of times): everything but status was decoded when it was stored, so decode just the status.
    const echo = !!stored && sameButStatus(body, stored);
    const trusted = echo && marked;
    const d = trusted
      ? { ok: true as const, obj: body as KubeObject }
      : this.decode(r, echo ? { apiVersion: stored.apiVersion, kind: stored.kind, metadata: {}, status: (body as KubeObject).status } : body, { fieldValidation: "Ignore" });
    if (!d.ok) return d;
    const old = stored;
    if (!old) return fail(errors.notFound(r, name));
    const rvIn = echo ? undefined : d.obj.metadata.resourceVersion;
    if (rvIn && rvIn !== old.metadata.resourceVersion) return fail(errors.conflict(r, name, errors.MODIFIED_CONFLICT));
    // The status subresource changes status only (metadata and spec stay as stored). Only the top of metadata
    // is copied: commitUpdate writes the resourceVersion into it; everything below is frozen and shared.
    const next = { ...old, metadata: { ...old.metadata } } as KubeObject;
    if (d.obj.status === undefined) delete next.status;
    else next.status = d.obj.status;
    if (r.resource === "namespaces") {
      // Namespace status carries the phase the server owns.
      (next.status as Record<string, unknown>) = { ...(next.status as object), phase: (old.status as { phase?: string })?.phase ?? "Active" };
    }
    if (jsonEqual(next, old)) return { ok: true, value: old };
    return this.commitUpdate(actor, r, nsKey, next, "status updated");
  }

  patch(actor: string, resource: string, namespace: string | undefined, name: string, type: PatchType, patch: unknown, opts: WriteOptions = {}): Result<KubeObject> {
    const r = resourceDef(String(resource));
    if (!r) return fail(errors.notFoundResource());
    if (typeof name !== "string" || name === "") return fail(errors.badRequest("resource name may not be empty"));
    const nsKey = this.nsOf(r, namespace);
    const old = this.store.get(r.resource, nsKey, name);
    if (!old) return fail(errors.notFound(r, name));
    const pj = toJson(patch);
    if (!pj.ok) return fail(errors.badRequest(pj.error));
    if (type !== "merge" && type !== "strategic" && type !== "json") {
      return fail({ ...errors.badRequest(`the server does not support patch type ${String(type)}`), reason: "UnsupportedMediaType", code: 415 });
    }
    const patched = applyPatch(type, old, pj.value, r.kind);
    if (!patched.ok) return fail(patched.status);
    const o: WriteOptions = isPlainObject(opts) ? opts : {};
    const mode = o.fieldValidation === "Warn" || o.fieldValidation === "Ignore" ? o.fieldValidation : "Strict";
    const d = decodeBody(r, patched.value, mode);
    if (!d.ok) {
      if (d.unknownFields) {
        // patch.go reports a strategic patch as the Go map it decoded (%+v); a merge or JSON patch as the
        // patched object's JSON, which json-patch re-marshals from a Go map (keys sorted).
        const shown = type === "strategic" ? goFormat(pj.value) : sortedJson(patched.value);
        return fail(
          errors.invalid("", "", "", [
            { reason: "FieldValueInvalid", field: "patch", message: `Invalid value: ${JSON.stringify(shown)}: strict decoding error: ${d.unknownFields.join(", ")}` },
          ]),
        );
      }
      return fail(d.status);
    }
    const obj = d.obj;
    if (!obj.metadata.resourceVersion) obj.metadata.resourceVersion = old.metadata.resourceVersion;
    return this.update(actor, r.resource, namespace, name, undefined, o, "patch", { obj, warnings: d.warnings });
  }

  // ---------------------------------------------------------------- delete

  delete(actor: string, resource: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): ApiResult<KubeObject> {
    const r = resourceDef(String(resource));
    if (!r) return fail(errors.notFoundResource());
    if (typeof name !== "string" || name === "") return fail(errors.badRequest("resource name may not be empty"));
    const o = isPlainObject(opts) ? opts : {};
    const nsKey = this.nsOf(r, namespace);
    const old = this.store.get(r.resource, nsKey, name);
    if (!old) return fail(errors.notFound(r, name));
    if (typeof o.preconditionsUid === "string" && o.preconditionsUid !== old.metadata.uid) {
      return fail(errors.conflict(r, name, `Precondition failed: UID in precondition: ${o.preconditionsUid}, UID in object meta: ${old.metadata.uid}`));
    }
    if (o.gracePeriodSeconds !== undefined && (typeof o.gracePeriodSeconds !== "number" || !Number.isInteger(o.gracePeriodSeconds))) {
      return fail(errors.badRequest("gracePeriodSeconds must be an integer"));
    }
    const policy = o.propagationPolicy;
    if (policy !== undefined && policy !== "Background" && policy !== "Foreground" && policy !== "Orphan") {
      return fail(
        errors.invalid("DeleteOptions", "", "", [
          { reason: "FieldValueNotSupported", field: "propagationPolicy", message: `Unsupported value: "${String(policy)}": supported values: "Foreground", "Background", "Orphan", "nil"` },
        ]),
      );
    }
    if (r.resource === "namespaces" && IMMORTAL_NAMESPACES.has(name)) {
      return fail(errors.forbidden(r, name, "this namespace may not be deleted"));
    }

    const next = deepCopy(old) as KubeObject;
    const meta = next.metadata;
    const now = this.clock.now();
    let changed = false;
    const finalizers = [...(meta.finalizers ?? [])];
    if (policy === "Foreground" || policy === "Orphan") {
      const f = policy === "Foreground" ? "foregroundDeletion" : "orphan";
      const other = policy === "Foreground" ? "orphan" : "foregroundDeletion";
      const i = finalizers.indexOf(other);
      if (i >= 0) finalizers.splice(i, 1);
      if (!finalizers.includes(f)) finalizers.push(f);
    }
    if (!jsonEqual(finalizers, meta.finalizers ?? [])) {
      meta.finalizers = finalizers;
      changed = true;
    }

    // Graceful deletion (pods only): keep the pod, marked, until the kubelet confirms with grace 0.
    let grace = 0;
    if (r.resource === "pods") {
      const spec = (next.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
      const phase = (next.status as { phase?: string } | undefined)?.phase;
      grace = o.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30;
      if (grace < 0) grace = 1;
      // Unscheduled or finished pods have nothing to stop: they go at once.
      if (!spec.nodeName || phase === "Succeeded" || phase === "Failed") grace = 0;
      if (o.gracePeriodSeconds === 0) grace = 0;
      if (meta.deletionTimestamp && meta.deletionGracePeriodSeconds !== undefined && grace >= meta.deletionGracePeriodSeconds && grace !== 0) {
        // Already terminating with a shorter or equal grace period: nothing to change.
        grace = meta.deletionGracePeriodSeconds;
      }
    }

    const hasFinalizers = finalizers.length > 0 || namespaceFinalizers(r, next);
    if (grace > 0 || hasFinalizers) {
      if (!meta.deletionTimestamp || (grace > 0 && grace < (meta.deletionGracePeriodSeconds ?? Infinity))) {
        meta.deletionTimestamp = rfc3339(now + grace * 1000);
        meta.deletionGracePeriodSeconds = grace;
        changed = true;
      } else if (grace === 0 && hasFinalizers && meta.deletionGracePeriodSeconds !== 0 && r.resource === "pods") {
        meta.deletionGracePeriodSeconds = 0;
        changed = true;
      }
      if (r.resource === "namespaces") {
        const st = { ...((next.status as object) ?? {}), phase: "Terminating" };
        if (!jsonEqual(st, next.status)) {
          next.status = st;
          changed = true;
        }
      }
      if (!(grace === 0 && !hasFinalizers)) {
        if (o.dryRun || !changed) return { ok: true, value: o.dryRun ? next : old };
        return this.commitUpdate(actor, r, nsKey, next, grace > 0 ? "marked for deletion" : "marked for deletion");
      }
    }
    if (o.dryRun) return { ok: true, value: old };
    const rv = this.store.nextRevision();
    meta.resourceVersion = String(rv);
    this.store.remove(r.resource, nsKey, name, next, rv);
    if (r.resource === "services") this.services.release(next);
    this.traceWrite(actor, "deleted", r, next);
    return { ok: true, value: next };
  }

  // ---------------------------------------------------------------- scale / binding

  getScale(resource: string, namespace: string | undefined, name: string): ApiResult<Scale> {
    const r = resourceDef(String(resource));
    if (!r || !r.hasScale) return fail(errors.notFoundResource());
    const got = this.get(r.resource, namespace, name);
    if (!got.ok) return got;
    return { ok: true, value: scaleOf(r, got.value) };
  }

  updateScale(actor: string, resource: string, namespace: string | undefined, name: string, replicas: number, opts: WriteOptions = {}): ApiResult<Scale> {
    const r = resourceDef(String(resource));
    if (!r || !r.hasScale) return fail(errors.notFoundResource());
    const got = this.get(r.resource, namespace, name);
    if (!got.ok) return got;
    if (typeof replicas !== "number" || !Number.isInteger(replicas)) {
      return fail(errors.badRequest(`Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal ${typeof replicas === "string" ? "string" : "number"} into Go struct field ScaleSpec.spec.replicas of type int32`));
    }
    if (replicas < 0) {
      return fail(
        errors.invalid("Scale", "autoscaling", name, [
          { reason: "FieldValueInvalid", field: "spec.replicas", message: `Invalid value: ${replicas}: must be greater than or equal to 0` },
        ]),
      );
    }
    const next = deepCopy(got.value) as KubeObject;
    (next.spec as Record<string, unknown>).replicas = replicas;
    const res = this.update(actor, r.resource, namespace, name, next, { ...(isPlainObject(opts) ? opts : {}), fieldValidation: "Ignore" });
    if (!res.ok) return res;
    return { ok: true, value: scaleOf(r, res.value) };
  }

  bind(actor: string, namespace: string, podName: string, nodeName: string): ApiResult<KubeObject> {
    const r = resourceDef("pods")!;
    if (typeof podName !== "string" || podName === "") return fail(errors.badRequest("resource name may not be empty"));
    if (typeof nodeName !== "string" || nodeName === "") {
      return fail(
        errors.invalid("Binding", "", podName, [{ reason: "FieldValueRequired", field: "target.name", message: "Required value" }]),
      );
    }
    const nsKey = this.nsOf(r, namespace);
    const old = this.store.get("pods", nsKey, podName);
    if (!old) return fail(errors.notFound(r, podName));
    const spec = (old.spec ?? {}) as { nodeName?: string };
    const bindingRes = { ...r, resource: "pods/binding", group: "" } as ResourceInfo;
    if (old.metadata.deletionTimestamp) {
      return fail(errors.conflict(bindingRes, podName, `pod ${podName} is being deleted, cannot be assigned to a host`));
    }
    if (spec.nodeName) {
      return fail(errors.conflict(bindingRes, podName, `pod ${podName} is already assigned to node "${spec.nodeName}"`));
    }
    // Copy only what changes (the stored parts below are frozen and shared): binding is one write per pod.
    const oldStatus = (old.status ?? {}) as { conditions?: Record<string, unknown>[] };
    const conditions = (oldStatus.conditions ?? []).filter((c) => c.type !== "PodScheduled");
    conditions.push({ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: rfc3339(this.clock.now()) });
    const next = { ...old, metadata: { ...old.metadata }, spec: { ...(old.spec as object), nodeName }, status: { ...oldStatus, conditions } } as KubeObject;
    return this.commitUpdate(actor, r, nsKey, next, "bound");
  }

  // ---------------------------------------------------------------- helpers

  /** Cluster-scoped kinds live under namespace ""; a namespaced call without one means "default". */
  private nsOf(r: ResourceDef, namespace: string | undefined): string {
    if (!r.namespaced) return "";
    return typeof namespace === "string" && namespace !== "" ? namespace : "default";
  }

  private decode(r: ResourceDef, body: unknown, opts: WriteOptions): { ok: true; obj: KubeObject; warnings: string[] } | { ok: false; status: Status } {
    if (!isPlainObject(body)) {
      return fail(errors.badRequest(`${r.kind} in version "${r.version}" cannot be handled as a ${r.kind}: the body must be a JSON object`));
    }
    const j = toJson(body);
    if (!j.ok) return fail(errors.badRequest(`${r.kind} in version "${r.version}" cannot be handled as a ${r.kind}: json: ${j.error}`));
    // Serializing every body just to measure it is what most writes would pay for; only a big one is measured.
    const size = jsonLengthUpperBound(j.value) <= ETCD_LIMIT ? 0 : JSON.stringify(j.value).length;
    if (size > BODY_LIMIT) return fail(errors.tooLarge(BODY_LIMIT));
    if (size > ETCD_LIMIT) return fail(errors.etcdTooLarge());
    const mode = opts.fieldValidation === "Warn" || opts.fieldValidation === "Ignore" ? opts.fieldValidation : "Strict";
    const d = decodeBody(r, j.value, mode);
    if (!d.ok) return fail(d.status);
    return { ok: true, obj: d.obj, warnings: d.warnings };
  }

  private traceWrite(actor: string, action: string, r: ResourceDef, obj: KubeObject): void {
    const ns = obj.metadata.namespace;
    const name = obj.metadata.name ?? "";
    const what = `${r.singular} ${ns ? `${ns}/` : ""}${name}`;
    const verb = action === "deleted" ? "removed" : "stored";
    this.traceFn({
      component: "kube-apiserver",
      action,
      message: `kube-apiserver ${verb} ${what} ${verb === "removed" ? "from" : "in"} etcd (${action} by ${actor})`,
      object: { kind: r.kind, ...(ns ? { namespace: ns } : {}), name },
    });
  }
}

/** Is `body` the stored object with (at most) a different status: every other top-level field the very same value? */
function sameButStatus(body: unknown, stored: KubeObject): boolean {
  if (!isPlainObject(body)) return false;
  const b = body as Record<string, unknown>;
  const o = stored as unknown as Record<string, unknown>;
  for (const k of Object.keys(b)) if (k !== "status" && b[k] !== o[k]) return false;
  for (const k of Object.keys(o)) if (k !== "status" && !(k in b)) return false;
  return true;
}

function specOf(o: KubeObject): unknown {
  const { metadata: _m, status: _s, ...rest } = o;
  return rest;
}

/** A namespace stays while spec.finalizers (the namespace controller's "kubernetes") is not empty. */
function namespaceFinalizers(r: ResourceDef, obj: KubeObject): boolean {
  if (r.resource !== "namespaces") return false;
  return (((obj.spec as { finalizers?: string[] } | undefined)?.finalizers) ?? []).length > 0;
}

function scaleOf(r: ResourceDef, obj: KubeObject): Scale {
  const spec = (obj.spec ?? {}) as { replicas?: number; selector?: unknown };
  const status = (obj.status ?? {}) as { replicas?: number };
  let selector: string | undefined;
  if (r.resource === "replicationcontrollers") {
    const sel = (spec.selector ?? {}) as Record<string, string>;
    selector = Object.keys(sel).sort().map((k) => `${k}=${sel[k]}`).join(",");
  } else {
    const reqs = requirementsOf(spec.selector as never);
    selector = reqs ? formatRequirements(reqs) : "";
  }
  return {
    apiVersion: "autoscaling/v1",
    kind: "Scale",
    metadata: {
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
      creationTimestamp: obj.metadata.creationTimestamp,
    },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0, ...(selector ? { selector } : {}) },
  };
}

/** Go's %v of a decoded JSON value ("map[spec:map[replicas:3]]"), as patch errors print it. */
/** JSON with object keys sorted, as Go's encoding/json writes a map[string]interface{}. */
function sortedJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(",")}]`;
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sortedJson(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

export function goFormat(v: unknown): string {
  if (v === null) return "<nil>";
  if (Array.isArray(v)) return `[${v.map(goFormat).join(" ")}]`;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o).sort().map((k) => `${k}:${goFormat(o[k])}`).join(" ")}]`;
  }
  return String(v);
}
