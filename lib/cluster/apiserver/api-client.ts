import type { KubeList, KubeObject, ResourceInfo, Status, WatchEvent } from "../api/types";

/** Every call answers like the Go client: a value or a Status. Nothing a caller sends makes it throw. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: Status };

export type FieldValidation = "Strict" | "Warn" | "Ignore";
export type PropagationPolicy = "Background" | "Foreground" | "Orphan";
export type PatchType = "merge" | "strategic" | "json";

export interface WriteOptions {
  /** Server-side dry run: validate and default, store nothing. */
  dryRun?: boolean;
  /** Unknown fields: Strict -> Invalid/BadRequest error, Warn -> warnings, Ignore -> dropped (default Strict, as kubectl sends). */
  fieldValidation?: FieldValidation;
  /** Name of the client's field manager (kubectl: "kubectl-client-side-apply", "kubectl-edit", ...). */
  fieldManager?: string;
}

export interface ListOptions {
  /** Label selector in kubectl syntax: "app=web,tier!=db", "env in (a,b)", "!key". */
  labelSelector?: string;
  /** Field selector: "metadata.name=x", "status.phase=Running", "spec.nodeName=node01". */
  fieldSelector?: string;
}

export interface DeleteOptions {
  dryRun?: boolean;
  gracePeriodSeconds?: number;
  propagationPolicy?: PropagationPolicy;
  /** Only delete when the stored uid still matches (used by controllers). */
  preconditionsUid?: string;
}

export interface WatchOptions extends ListOptions {
  /** Start after this resourceVersion; events since then are replayed. Omitted: only new events. */
  resourceVersion?: string;
  /** Send an ADDED event for every current object first (what kubectl get -w does). */
  sendInitialEvents?: boolean;
}

export interface Scale {
  apiVersion: "autoscaling/v1";
  kind: "Scale";
  metadata: KubeObject["metadata"];
  spec: { replicas?: number };
  status: { replicas: number; selector?: string };
}

/** Warnings the server attaches to a response (kubectl prints them as "Warning: ..."). */
export interface ApiWarnings {
  warnings?: string[];
}

/**
 * The API server as a client sees it. `resource` is the plural resource name from the registry
 * ("pods", "replicasets"); `namespace` is ignored for cluster-scoped kinds, and `undefined` on list/watch
 * means all namespaces.
 */
export interface ApiClient {
  /** Who is calling: recorded in the activity trace ("kubectl", "replicaset-controller", "kubelet/node01"). */
  readonly actor: string;
  discovery(): ResourceInfo[];
  create(resource: string, namespace: string | undefined, body: unknown, opts?: WriteOptions): ApiResult<KubeObject> & ApiWarnings;
  get(resource: string, namespace: string | undefined, name: string): ApiResult<KubeObject>;
  list(resource: string, namespace: string | undefined, opts?: ListOptions): ApiResult<KubeList>;
  update(resource: string, namespace: string | undefined, name: string, body: unknown, opts?: WriteOptions): ApiResult<KubeObject> & ApiWarnings;
  updateStatus(resource: string, namespace: string | undefined, name: string, body: unknown): ApiResult<KubeObject>;
  patch(resource: string, namespace: string | undefined, name: string, type: PatchType, patch: unknown, opts?: WriteOptions): ApiResult<KubeObject> & ApiWarnings;
  delete(resource: string, namespace: string | undefined, name: string, opts?: DeleteOptions): ApiResult<KubeObject>;
  getScale(resource: string, namespace: string | undefined, name: string): ApiResult<Scale>;
  updateScale(resource: string, namespace: string | undefined, name: string, replicas: number, opts?: WriteOptions): ApiResult<Scale>;
  /** Binding subresource (what the scheduler posts). */
  bind(namespace: string, podName: string, nodeName: string): ApiResult<KubeObject>;
  /** Subscribe to changes; returns an unsubscribe function. Listeners run synchronously after the write. */
  watch(resource: string, namespace: string | undefined, opts: WatchOptions, listener: (event: WatchEvent) => void): () => void;
}
