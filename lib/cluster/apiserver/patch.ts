import type { KubeObject, Status } from "../api/types";
import type { PatchType } from "./api-client";
import { deepCopy, isPlainObject, jsonEqual, type Json } from "../api/object-util";
import { badRequest } from "../api/status";

type Obj = { [key: string]: Json };
type PatchResult = { ok: true; value: Json } | { ok: false; status: Status };

function unprocessable(message: string): Status {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason: "Invalid", code: 422 };
}

/** Apply a patch of the given type to a stored object; returns the patched JSON (not yet decoded). */
export function applyPatch(type: PatchType, current: KubeObject, patch: Json, kind: string): PatchResult {
  const base = deepCopy(current) as unknown as Json;
  if (type === "json") return jsonPatch(base, patch);
  if (!isPlainObject(patch)) return { ok: false, status: badRequest(`json: cannot unmarshal ${jsonType(patch)} into Go value of type map[string]interface {}`) };
  if (type === "merge") return { ok: true, value: mergePatch(base, patch) };
  try {
    return { ok: true, value: strategicMerge(base as Obj, patch as Obj, [], kind) };
  } catch (e) {
    return { ok: false, status: badRequest(e instanceof Error ? e.message : String(e)) };
  }
}

function jsonType(v: Json): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "object") return "object";
  return typeof v === "boolean" ? "bool" : typeof v;
}

/** RFC 7386 JSON merge patch: objects merge recursively, null deletes, anything else replaces. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isPlainObject(patch)) return deepCopy(patch);
  const out: Obj = isPlainObject(target) ? { ...(target as Obj) } : {};
  for (const [k, v] of Object.entries(patch as Obj)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k] ?? null, v);
  }
  return out;
}

// ------------------------------------------------------------------ strategic merge patch

/**
 * Merge keys of the list fields kubectl patches (the `patchMergeKey` tags in k8s.io/api), keyed by the
 * field name and, where the same name means different lists, its parent.
 */
function mergeKeyFor(path: string[], field: string): string | "primitive" | undefined {
  const parent = path[path.length - 1];
  switch (field) {
    case "containers":
    case "initContainers":
    case "ephemeralContainers":
    case "env":
    case "volumes":
    case "imagePullSecrets":
      return "name";
    case "ports":
      return parent === "containers" || parent === "initContainers" ? "containerPort" : "port";
    case "volumeMounts":
      return "mountPath";
    case "volumeDevices":
      return "devicePath";
    case "ownerReferences":
      return "uid";
    case "conditions":
      return "type";
    case "hostAliases":
      return "ip";
    case "finalizers":
      return "primitive";
    case "addresses":
      return parent === "status" ? "type" : undefined;
    default:
      return undefined;
  }
}

function strategicMerge(target: Obj, patch: Obj, path: string[], kind: string): Obj {
  if (patch.$patch === "replace") {
    const { $patch: _p, ...rest } = patch;
    return stripDirectives(rest) as Obj;
  }
  if (patch.$patch === "delete") return {};
  const out: Obj = { ...target };
  const retain = Array.isArray(patch.$retainKeys) ? (patch.$retainKeys as string[]) : undefined;
  for (const [k, v] of Object.entries(patch)) {
    if (k === "$patch" || k === "$retainKeys") continue;
    if (k.startsWith("$setElementOrder/")) continue;
    if (k.startsWith("$deleteFromPrimitiveList/")) {
      const field = k.slice("$deleteFromPrimitiveList/".length);
      const drop = Array.isArray(v) ? v : [];
      if (Array.isArray(out[field])) out[field] = (out[field] as Json[]).filter((x) => !drop.some((d) => jsonEqual(d, x)));
      continue;
    }
    if (v === null) {
      delete out[k];
      continue;
    }
    const cur = out[k];
    if (Array.isArray(v)) {
      const key = mergeKeyFor(path, k);
      if (key === "primitive") {
        const merged = Array.isArray(cur) ? [...(cur as Json[])] : [];
        for (const x of v) if (!merged.some((m) => jsonEqual(m, x))) merged.push(x);
        out[k] = merged;
      } else if (key && Array.isArray(cur)) {
        out[k] = mergeList(cur as Json[], v, key, [...path, k], kind);
        const order = patch[`$setElementOrder/${k}`];
        if (Array.isArray(order)) out[k] = reorder(out[k] as Json[], order, key);
      } else {
        out[k] = (stripDirectives(v) as Json[]).filter((x) => !(isPlainObject(x) && (x as Obj).$patch === "delete"));
      }
    } else if (isPlainObject(v)) {
      out[k] = isPlainObject(cur) ? strategicMerge(cur as Obj, v as Obj, [...path, k], kind) : (stripDirectives(v) as Json);
    } else {
      out[k] = v;
    }
  }
  if (retain) for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];
  return out;
}

function mergeList(cur: Json[], patch: Json[], key: string, path: string[], kind: string): Json[] {
  const out = cur.map((x) => x);
  for (const item of patch) {
    if (!isPlainObject(item)) {
      throw new Error(`unable to find api field in struct ${kind} for the json field "${path[path.length - 1]}"`);
    }
    const p = item as Obj;
    const id = p[key];
    const i = out.findIndex((x) => isPlainObject(x) && jsonEqual((x as Obj)[key], id));
    if (p.$patch === "delete") {
      if (i >= 0) out.splice(i, 1);
      continue;
    }
    if (p.$patch === "replace") {
      const { $patch: _p, ...rest } = p;
      if (i >= 0) out[i] = stripDirectives(rest) as Json;
      else out.push(stripDirectives(rest) as Json);
      continue;
    }
    if (i >= 0) out[i] = strategicMerge(out[i] as Obj, p, path, kind);
    else out.push(stripDirectives(p) as Json);
  }
  return out;
}

function reorder(list: Json[], order: Json[], key: string): Json[] {
  const idx = (x: Json) => order.findIndex((o) => isPlainObject(o) && isPlainObject(x) && jsonEqual((o as Obj)[key], (x as Obj)[key]));
  const known = list.filter((x) => idx(x) >= 0).sort((a, b) => idx(a) - idx(b));
  const rest = list.filter((x) => idx(x) < 0);
  return [...known, ...rest];
}

function stripDirectives(v: Json): Json {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (!isPlainObject(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v as Obj)) {
    if (k.startsWith("$")) continue;
    if (x === null) continue;
    out[k] = stripDirectives(x);
  }
  return out;
}

// ------------------------------------------------------------------ JSON patch (RFC 6902)

function parsePointer(p: string): string[] | undefined {
  if (p === "") return [];
  if (!p.startsWith("/")) return undefined;
  return p
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function jsonPatch(doc: Json, ops: Json): PatchResult {
  if (!Array.isArray(ops)) return { ok: false, status: badRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch") };
  let cur: Json = doc;
  for (const raw of ops) {
    if (!isPlainObject(raw)) return { ok: false, status: badRequest("json: cannot unmarshal into Go value of type jsonpatch.Operation") };
    const op = raw as Obj;
    const path = typeof op.path === "string" ? parsePointer(op.path) : undefined;
    const kind = op.op;
    if (typeof kind !== "string") return { ok: false, status: unprocessable("Unexpected kind: unknown") };
    if (!path) return { ok: false, status: unprocessable(`${kind} operation does not apply: doc is missing path: ${String(op.path)}`) };
    const res = applyOp(cur, kind, path, op);
    if (typeof res === "string") return { ok: false, status: unprocessable(res) };
    cur = res.doc;
  }
  return { ok: true, value: cur };
}

function getAt(doc: Json, path: string[]): Json | undefined {
  let cur: Json | undefined = doc;
  for (const seg of path) {
    if (Array.isArray(cur)) cur = /^\d+$/.test(seg) ? cur[Number(seg)] : undefined;
    else if (isPlainObject(cur)) cur = Object.prototype.hasOwnProperty.call(cur, seg) ? (cur as Obj)[seg] : undefined;
    else return undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

function applyOp(doc: Json, op: string, path: string[], raw: Obj): { doc: Json } | string {
  const pstr = String(raw.path);
  const setAt = (d: Json, p: string[], value: Json, insert: boolean): { doc: Json } | string => {
    if (p.length === 0) return { doc: value };
    const parent = getAt(d, p.slice(0, -1));
    const last = p[p.length - 1];
    if (Array.isArray(parent)) {
      const i = last === "-" ? parent.length : /^\d+$/.test(last) ? Number(last) : NaN;
      if (Number.isNaN(i) || i > parent.length || (!insert && i >= parent.length)) return `${op} operation does not apply: doc is missing path: ${pstr}`;
      if (insert) parent.splice(i, 0, value);
      else parent[i] = value;
      return { doc: d };
    }
    if (isPlainObject(parent)) {
      if (!insert && !Object.prototype.hasOwnProperty.call(parent, last)) return `${op} operation does not apply: doc is missing key: ${pstr}`;
      (parent as Obj)[last] = value;
      return { doc: d };
    }
    return `${op} operation does not apply: doc is missing path: ${pstr}`;
  };
  const removeAt = (d: Json, p: string[]): { doc: Json; removed: Json } | string => {
    const parent = getAt(d, p.slice(0, -1));
    const last = p[p.length - 1];
    if (Array.isArray(parent) && /^\d+$/.test(last) && Number(last) < parent.length) {
      const [removed] = parent.splice(Number(last), 1);
      return { doc: d, removed };
    }
    if (isPlainObject(parent) && Object.prototype.hasOwnProperty.call(parent, last)) {
      const removed = (parent as Obj)[last];
      delete (parent as Obj)[last];
      return { doc: d, removed };
    }
    return `remove operation does not apply: doc is missing path: "${pstr}"`;
  };
  switch (op) {
    case "add":
      if (!("value" in raw)) return "Unexpected value";
      return setAt(doc, path, deepCopy(raw.value), true);
    case "replace":
      if (!("value" in raw)) return "Unexpected value";
      return setAt(doc, path, deepCopy(raw.value), false);
    case "remove": {
      if (path.length === 0) return `remove operation does not apply: doc is missing path: "${pstr}"`;
      const r = removeAt(doc, path);
      return typeof r === "string" ? r : { doc: r.doc };
    }
    case "test": {
      const v = getAt(doc, path);
      return v !== undefined && jsonEqual(v, raw.value) ? { doc } : `testing value ${pstr} failed: test failed`;
    }
    case "move":
    case "copy": {
      const from = typeof raw.from === "string" ? parsePointer(raw.from) : undefined;
      if (!from) return `${op} operation does not apply: doc is missing from path: ${String(raw.from)}`;
      const v = getAt(doc, from);
      if (v === undefined) return `${op} operation does not apply: doc is missing from path: ${String(raw.from)}`;
      let d = doc;
      if (op === "move") {
        const r = removeAt(d, from);
        if (typeof r === "string") return r;
        d = r.doc;
      }
      return setAt(d, path, deepCopy(v), true);
    }
    default:
      return `Unexpected kind: ${op}`;
  }
}
