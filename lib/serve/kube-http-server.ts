/**
 * The simulated cluster over the Kubernetes HTTP API, so that a real kubectl (or any client-go program) can drive
 * it. Node-only (node:http); the engine never imports this. Everything goes through the cluster's public ApiClient.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApiClient, Cluster, FieldValidation, KubeObject, PatchType, PropagationPolicy, ResourceInfo, Status, WatchEvent } from "../cluster/index";
import { createClockDriver, type ClockDriver, type ClockMode } from "./clock-driver";
import {
  apiGroupDocument,
  apiGroupListDocument,
  apiResourceListDocument,
  apiVersionsDocument,
  hasGroupVersion,
  subresourcesOf,
  versionDocument,
} from "./discovery-documents";
import { kubeconfigYaml } from "./kubeconfig-yaml";
import { decodeKubernetesProtobuf, isKubernetesProtobuf } from "./protobuf/decode-k8s-protobuf";
import { openApiV3Document, openApiV3Root } from "./openapi-documents";
import { OPENAPI_V2_CONTENT_TYPE, openApiV2Document } from "./openapi-v2-document";
import { parseApiPath, type ResourcePath } from "./request-path";
import { failure, notFoundPath, methodNotSupported } from "./status-responses";
import { toTable, wantedRepresentation, type IncludeObject } from "./table-response";

export interface KubeHttpServerOptions {
  cluster: Cluster;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** How virtual time moves while serving (default: real time at speed 1). */
  clock?: ClockMode;
}

export interface KubeHttpServer {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  /** A kubeconfig that points kubectl at this server. */
  kubeconfig(): string;
  /** Requests served so far (for tests and `--serve` logs). */
  readonly requests: number;
  /** Serve another cluster from now on (open watches end). Lets tests reuse one server, and kubectl's discovery cache. */
  useCluster(next: Cluster): void;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

export async function startKubeHttpServer(opts: KubeHttpServerOptions): Promise<KubeHttpServer> {
  let cluster = opts.cluster;
  let client = cluster.client("kubectl");
  const clock = createClockDriver(() => cluster, opts.clock ?? { mode: "realtime", speed: 1 });
  const watches = new Set<() => void>();
  let requests = 0;
  let url = "";

  const server: Server = createServer((req, res) => {
    requests++;
    clock.requestStarted(req.method ?? "GET", req.url ?? "/", req.socket);
    readBody(req)
      .then((raw) => handle(req, res, raw))
      .catch((e: unknown) => send(res, 500, failure(500, "InternalError", `Internal error occurred: ${e instanceof Error ? e.message : String(e)}`)))
      .finally(() => clock.requestEnded());
  });

  function handle(req: IncomingMessage, res: ServerResponse, raw: Buffer): void {
    const body = raw.toString("utf8");
    const u = new URL(req.url ?? "/", "http://localhost");
    const method = req.method ?? "GET";
    const path = parseApiPath(u.pathname);
    const resources = client.discovery();
    switch (path.type) {
      case "version":
        return send(res, 200, versionDocument());
      case "api":
        return send(res, 200, apiVersionsDocument(url.replace(/^https?:\/\//, "")));
      case "apis":
        return send(res, 200, apiGroupListDocument(resources));
      case "group": {
        const doc = apiGroupDocument(resources, path.group);
        return doc ? send(res, 200, doc) : send(res, 404, notFoundPath());
      }
      case "groupVersion":
        if (!hasGroupVersion(resources, path.group, path.version)) return send(res, 404, notFoundPath());
        return send(res, 200, apiResourceListDocument(resources, path.group, path.version));
      case "openapiV3Root":
        return send(res, 200, openApiV3Root(resources));
      case "openapiV3": {
        if (!hasGroupVersion(resources, path.group, path.version)) return send(res, 404, notFoundPath());
        return send(res, 200, openApiV3Document(resources, path.group, path.version));
      }
      case "openapiV2":
        res.writeHead(200, { "Content-Type": OPENAPI_V2_CONTENT_TYPE, "Cache-Control": "no-cache, private" });
        return void res.end(openApiV2Document());
      case "resource":
        return serveResource(req, res, u, method, path, raw, body, resources);
      default:
        return send(res, 404, notFoundPath());
    }
  }

  function serveResource(req: IncomingMessage, res: ServerResponse, u: URL, method: string, p: ResourcePath, raw: Buffer, body: string, resources: ResourceInfo[]): void {
    const info = resources.find((r) => r.group === p.group && r.version === p.version && r.resource === p.resource);
    if (!info && method === "GET" && p.group === "" && p.name === undefined && p.resource in ALWAYS_EMPTY) {
      // `kubectl describe namespace` lists these through its typed client; a cluster without any answers empty lists.
      return send(res, 200, { kind: ALWAYS_EMPTY[p.resource], apiVersion: "v1", metadata: { resourceVersion: "0" }, items: [] });
    }
    if (!info) return send(res, 404, notFoundPath());
    if (p.subresource && !subresourcesOf(info.resource).includes(p.subresource)) return send(res, 404, notFoundPath());
    if (!info.namespaced && p.namespace !== undefined) return send(res, 404, notFoundPath());
    const q = u.searchParams;
    const ns = info.namespaced ? p.namespace : undefined;
    const write = writeOptions(q);
    const rep = wantedRepresentation(req.headers.accept);
    const include = (q.get("includeObject") as IncludeObject | null) ?? "Metadata";

    const respondObject = (code: number, obj: KubeObject, warnings?: string[]) => {
      if (rep === "Table") return send(res, code, toTable([obj], { apiVersion: obj.apiVersion, kind: obj.kind, now: cluster.now(), include }), warnings);
      if (rep === "PartialObjectMetadata") return send(res, code, { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: obj.metadata }, warnings);
      return send(res, code, obj, warnings);
    };
    const result = (r: { ok: true; value: KubeObject; warnings?: string[] } | { ok: false; status: Status }, code = 200) => {
      if (!r.ok) return send(res, r.status.code, r.status);
      clock.wrote();
      return respondObject(code, r.value, r.warnings);
    };
    const parsed = (): { ok: true; value: unknown } | { ok: false } => {
      if (isKubernetesProtobuf(raw)) {
        const d = decodeKubernetesProtobuf(raw);
        if (d.ok) return d;
        send(res, 415, failure(415, "UnsupportedMediaType", `the body of the request was in an unknown format: ${d.error}`));
        return { ok: false };
      }
      try {
        return { ok: true, value: JSON.parse(body) };
      } catch (e) {
        send(res, 400, failure(400, "BadRequest", `couldn't get version/kind; json parse error: ${(e as Error).message}`));
        return { ok: false };
      }
    };

    const isWatch = p.watchPrefix || q.get("watch") === "true" || q.get("watch") === "1";
    if (p.name === undefined) {
      // Collection
      if (method === "GET" && isWatch) return serveWatch(req, res, q, info, ns, rep, include, undefined);
      if (method === "GET") {
        const r = client.list(info.resource, ns, listOptions(q));
        if (!r.ok) return send(res, r.status.code, r.status);
        if (rep === "Table") {
          return send(res, 200, toTable(r.value.items, { apiVersion: apiVersionOf(info), kind: info.kind, now: cluster.now(), include, resourceVersion: r.value.metadata.resourceVersion }));
        }
        if (rep === "PartialObjectMetadataList") {
          return send(res, 200, {
            kind: "PartialObjectMetadataList",
            apiVersion: "meta.k8s.io/v1",
            metadata: r.value.metadata,
            items: r.value.items.map((o) => ({ kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: o.metadata })),
          });
        }
        return send(res, 200, r.value);
      }
      if (method === "POST") {
        const b = parsed();
        if (!b.ok) return;
        const bodyNs = (b.value as { metadata?: { namespace?: string } } | null)?.metadata?.namespace;
        if (ns !== undefined && bodyNs && bodyNs !== ns) {
          return send(res, 400, failure(400, "BadRequest", "the namespace of the provided object does not match the namespace sent on the request"));
        }
        return result(client.create(info.resource, ns, b.value, write), 201);
      }
      if (method === "DELETE") {
        const r = client.list(info.resource, ns, listOptions(q));
        if (!r.ok) return send(res, r.status.code, r.status);
        const del = deleteOptions(q, body);
        const items: KubeObject[] = [];
        for (const o of r.value.items) {
          const d = client.delete(info.resource, o.metadata.namespace, o.metadata.name ?? "", del);
          if (d.ok) items.push(d.value);
        }
        clock.wrote();
        return send(res, 200, { ...r.value, items });
      }
      return send(res, 405, methodNotSupported(info, method));
    }

    const name = p.name;
    if (p.subresource === "log") {
      if (method !== "GET") return send(res, 405, methodNotSupported(info, method));
      return serveLog(res, q, ns ?? "default", name);
    }
    if (p.subresource === "scale") {
      if (method === "GET") return sendScale(res, client.getScale(info.resource, ns, name));
      if (method === "PUT" || method === "PATCH") {
        const b = parsed();
        if (!b.ok) return;
        const replicas = (b.value as { spec?: { replicas?: unknown } } | null)?.spec?.replicas;
        if (method === "PATCH" && replicas === undefined) return sendScale(res, client.getScale(info.resource, ns, name));
        const r = client.updateScale(info.resource, ns, name, replicas as number, write);
        if (r.ok) clock.wrote();
        return sendScale(res, r);
      }
      return send(res, 405, methodNotSupported(info, method));
    }
    if (p.subresource === "status") {
      if (method === "GET") return result(client.get(info.resource, ns, name));
      if (method === "PUT") {
        const b = parsed();
        if (!b.ok) return;
        return result(client.updateStatus(info.resource, ns, name, b.value));
      }
      return send(res, 405, methodNotSupported(info, method));
    }
    if (p.subresource) return send(res, 405, methodNotSupported(info, method));

    switch (method) {
      case "GET":
        if (isWatch) return serveWatch(req, res, q, info, ns, rep, include, name);
        return result(client.get(info.resource, ns, name));
      case "PUT": {
        const b = parsed();
        if (!b.ok) return;
        return result(client.update(info.resource, ns, name, b.value, write));
      }
      case "PATCH": {
        const type = patchType(req.headers["content-type"]);
        if (!type) {
          return send(res, 415, failure(415, "UnsupportedMediaType", `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json`));
        }
        const b = parsed();
        if (!b.ok) return;
        return result(client.patch(info.resource, ns, name, type, b.value, write));
      }
      case "DELETE":
        return result(client.delete(info.resource, ns, name, deleteOptions(q, body)));
      default:
        return send(res, 405, methodNotSupported(info, method));
    }
  }

  function serveLog(res: ServerResponse, q: URLSearchParams, ns: string, pod: string): void {
    const got = client.get("pods", ns, pod);
    if (!got.ok) return send(res, got.status.code, got.status);
    const container = q.get("container") ?? undefined;
    const r = cluster.logs(ns, pod, { container, previous: q.get("previous") === "true" });
    if (!r.ok) return send(res, 400, failure(400, "BadRequest", r.message));
    let text = r.text;
    const tail = q.get("tailLines");
    if (tail !== null && /^\d+$/.test(tail)) {
      const lines = text.split("\n");
      if (lines[lines.length - 1] === "") lines.pop();
      const n = Number(tail);
      text = n === 0 ? "" : lines.slice(-n).map((l) => `${l}\n`).join("");
    }
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end(text);
  }

  function sendScale(res: ServerResponse, r: ReturnType<ApiClient["getScale"]>): void {
    if (!r.ok) return send(res, r.status.code, r.status);
    send(res, 200, r.value);
  }

  function serveWatch(
    req: IncomingMessage,
    res: ServerResponse,
    q: URLSearchParams,
    info: ResourceInfo,
    ns: string | undefined,
    rep: ReturnType<typeof wantedRepresentation>,
    include: IncludeObject,
    name: string | undefined,
  ): void {
    const list = listOptions(q);
    if (name !== undefined) list.fieldSelector = [list.fieldSelector, `metadata.name=${name}`].filter(Boolean).join(",");
    const rv = q.get("resourceVersion") ?? "";
    const sendInitial = q.get("sendInitialEvents");
    // An unset or "0" resourceVersion starts with the current state as ADDED events, as the watch cache does.
    const initial = sendInitial === "true" || (sendInitial !== "false" && (rv === "" || rv === "0"));
    res.writeHead(200, { "Content-Type": "application/json", "Transfer-Encoding": "chunked", "Cache-Control": "no-cache, private" });
    res.flushHeaders();
    let first = true;
    const encode = (e: WatchEvent): object => {
      if (rep !== "Table") return e;
      const t = toTable([e.object], { apiVersion: e.object.apiVersion, kind: e.object.kind, now: cluster.now(), include, noHeaders: !first });
      first = false;
      return { type: e.type, object: t };
    };
    const buffered: WatchEvent[] = [];
    let started = false;
    const unsubscribe = client.watch(info.resource, ns, { ...list, resourceVersion: rv && rv !== "0" ? rv : undefined, sendInitialEvents: initial }, (e) => {
      if (!started) buffered.push(e);
      else res.write(JSON.stringify(encode(e)) + "\n");
    });
    started = true;
    for (const e of buffered) res.write(JSON.stringify(encode(e)) + "\n");
    if (sendInitial === "true" && q.get("allowWatchBookmarks") === "true") {
      const listed = client.list(info.resource, ns, list);
      const resourceVersion = listed.ok ? listed.value.metadata.resourceVersion : "0";
      res.write(
        JSON.stringify({
          type: "BOOKMARK",
          object: { kind: info.kind, apiVersion: apiVersionOf(info), metadata: { resourceVersion, annotations: { "k8s.io/initial-events-end": "true" } } },
        }) + "\n",
      );
    }
    const timeout = Number(q.get("timeoutSeconds") ?? "");
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      if (timer) clearTimeout(timer);
      unsubscribe();
      watches.delete(stop);
      clock.watchEnded();
      if (!res.writableEnded) res.end();
    };
    watches.add(stop);
    clock.watchStarted();
    if (Number.isFinite(timeout) && timeout > 0) timer = setTimeout(stop, timeout * 1000);
    // The request's own "close" has fired already (its body was read); the response's fires when the client goes.
    res.on("close", stop);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://${opts.host ?? "127.0.0.1"}:${port}`;
  clock.start();

  return {
    url,
    port,
    kubeconfig: () => kubeconfigYaml(url),
    get requests() {
      return requests;
    },
    useCluster(next) {
      for (const stop of [...watches]) stop();
      cluster = next;
      client = next.client("kubectl");
    },
    close: () =>
      new Promise<void>((resolve) => {
        clock.stop();
        for (const stop of [...watches]) stop();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Kinds the simulator does not model but kubectl reads in passing: served as always-empty lists. */
const ALWAYS_EMPTY: Record<string, string> = { resourcequotas: "ResourceQuotaList", limitranges: "LimitRangeList" };

function apiVersionOf(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, code: number, body: unknown, warnings?: string[]): void {
  const headers: Record<string, string | string[]> = { "Content-Type": "application/json", "Cache-Control": "no-cache, private" };
  if (warnings && warnings.length > 0) headers.Warning = warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  res.writeHead(code, headers);
  res.end(JSON.stringify(body));
}

function listOptions(q: URLSearchParams): { labelSelector?: string; fieldSelector?: string } {
  const o: { labelSelector?: string; fieldSelector?: string } = {};
  const l = q.get("labelSelector");
  const f = q.get("fieldSelector");
  if (l) o.labelSelector = l;
  if (f) o.fieldSelector = f;
  return o;
}

function writeOptions(q: URLSearchParams): { dryRun?: boolean; fieldValidation?: FieldValidation; fieldManager?: string } {
  const fv = q.get("fieldValidation");
  return {
    ...(q.getAll("dryRun").includes("All") ? { dryRun: true } : {}),
    // Without the parameter a v1.32 server warns about unknown fields (fieldValidation defaults to Warn).
    fieldValidation: fv === "Strict" || fv === "Warn" || fv === "Ignore" ? fv : "Warn",
    ...(q.get("fieldManager") ? { fieldManager: q.get("fieldManager")! } : {}),
  };
}

function deleteOptions(q: URLSearchParams, body: string): { dryRun?: boolean; gracePeriodSeconds?: number; propagationPolicy?: PropagationPolicy } {
  let b: Json = {};
  if (body.trim()) {
    try {
      const v = JSON.parse(body) as unknown;
      if (v && typeof v === "object") b = v as Json;
    } catch {
      // A malformed body is ignored like an absent one; the query parameters still apply.
    }
  }
  const grace = q.get("gracePeriodSeconds") ?? (typeof b.gracePeriodSeconds === "number" ? String(b.gracePeriodSeconds) : null);
  const policy = q.get("propagationPolicy") ?? (typeof b.propagationPolicy === "string" ? b.propagationPolicy : null);
  const dry = q.getAll("dryRun").includes("All") || (Array.isArray(b.dryRun) && b.dryRun.includes("All"));
  return {
    ...(dry ? { dryRun: true } : {}),
    ...(grace !== null && grace !== "" ? { gracePeriodSeconds: Number(grace) } : {}),
    ...(policy ? { propagationPolicy: policy as PropagationPolicy } : {}),
  };
}

function patchType(contentType: string | undefined): PatchType | undefined {
  const t = (contentType ?? "").split(";")[0].trim();
  if (t === "application/merge-patch+json") return "merge";
  if (t === "application/strategic-merge-patch+json") return "strategic";
  if (t === "application/json-patch+json") return "json";
  return undefined;
}

export type { ClockDriver };
