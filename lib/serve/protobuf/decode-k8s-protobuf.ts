/**
 * Decodes a Kubernetes protobuf body (`application/vnd.kubernetes.protobuf`: "k8s\0" + runtime.Unknown) into the
 * JSON object the API would have received as JSON. kubectl's typed clients (`kubectl create deployment|service|
 * namespace|configmap|secret ...`) always send protobuf for built-in kinds, with no JSON fallback.
 * Field numbers and types come from the real descriptors (k8s-proto-table.json, see generate-proto-table.ts).
 */
import TABLE from "./k8s-proto-table.json";
import { readFields, type WireField } from "./wire";

type Field = [name: string, type: number, repeated: 0 | 1, typeName?: string];
type Message = Record<string, Field> & { map?: 1 };
const MESSAGES = TABLE as unknown as Record<string, Message>;

const MAGIC = [0x6b, 0x38, 0x73, 0x00];
const td = new TextDecoder();

const META = "k8s.io.apimachinery.pkg.apis.meta.v1";
/** Pointer fields whose zero value means something (gogo encodes non-pointer zero scalars too; JSON omits them). */
const KEEP_ZERO = new Set(["replicas"]);

export function isKubernetesProtobuf(body: Uint8Array): boolean {
  return body.length >= 4 && MAGIC.every((b, i) => body[i] === b);
}

/** proto message name for an apiVersion/kind ("apps/v1", "Deployment" -> k8s.io.api.apps.v1.Deployment). */
function messageFor(apiVersion: string, kind: string): string | undefined {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const pkg = group === "" ? "core" : group.replace(/\.k8s\.io$/, "");
  const name = `k8s.io.api.${pkg}.${version}.${kind}`;
  if (MESSAGES[name]) return name;
  const meta = `${META}.${kind}`;
  return MESSAGES[meta] ? meta : undefined;
}

export function decodeKubernetesProtobuf(body: Uint8Array): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  try {
    if (!isKubernetesProtobuf(body)) return { ok: false, error: "not a Kubernetes protobuf message" };
    const unknown = readFields(body.subarray(4));
    const typeMeta = unknown.find((f) => f.no === 1);
    const raw = unknown.find((f) => f.no === 2)?.value as Uint8Array | undefined;
    const tm = typeMeta ? readFields(typeMeta.value as Uint8Array) : [];
    const apiVersion = tm.find((f) => f.no === 1) ? td.decode(tm.find((f) => f.no === 1)!.value as Uint8Array) : "";
    const kind = tm.find((f) => f.no === 2) ? td.decode(tm.find((f) => f.no === 2)!.value as Uint8Array) : "";
    const msg = messageFor(apiVersion, kind);
    if (!msg) return { ok: false, error: `no protobuf type for ${apiVersion}, Kind=${kind}` };
    const value = decodeMessage(msg, raw ?? new Uint8Array());
    return { ok: true, value: { apiVersion, kind, ...(value as Record<string, unknown>) } };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

function rfc3339(seconds: bigint, nanos: bigint, micro: boolean): string {
  const d = new Date(Number(seconds) * 1000);
  const base = d.toISOString().replace(/\.\d{3}Z$/, "");
  return micro ? `${base}.${String(Number(nanos) / 1000).padStart(6, "0")}Z` : `${base}Z`;
}

function decodeSpecial(type: string, fields: WireField[]): unknown {
  const get = (n: number) => fields.find((f) => f.no === n)?.value;
  switch (type) {
    case `${META}.Time`:
    case `${META}.MicroTime`: {
      const s = (get(1) as bigint | undefined) ?? 0n;
      const n = (get(2) as bigint | undefined) ?? 0n;
      if (s === 0n && n === 0n) return undefined;
      return rfc3339(s, n, type.endsWith("MicroTime"));
    }
    case "k8s.io.apimachinery.pkg.util.intstr.IntOrString": {
      const isString = ((get(1) as bigint | undefined) ?? 0n) === 1n;
      if (isString) return td.decode((get(3) as Uint8Array | undefined) ?? new Uint8Array());
      return toInt32(((get(2) as bigint | undefined) ?? 0n));
    }
    case "k8s.io.apimachinery.pkg.api.resource.Quantity":
      return td.decode((get(1) as Uint8Array | undefined) ?? new Uint8Array());
    case "k8s.io.apimachinery.pkg.runtime.RawExtension": {
      const raw = get(1) as Uint8Array | undefined;
      return raw ? JSON.parse(td.decode(raw)) : undefined;
    }
    case `${META}.Duration`:
      return `${Number((get(1) as bigint | undefined) ?? 0n) / 1e9}s`;
  }
  return NOT_SPECIAL;
}
const NOT_SPECIAL = Symbol("not special");

function toInt32(v: bigint): number {
  return Number(BigInt.asIntN(32, v));
}

function scalar(type: number, v: bigint | Uint8Array): unknown {
  switch (type) {
    case 9:
      return td.decode(v as Uint8Array);
    case 12:
      return Buffer.from(v as Uint8Array).toString("base64");
    case 8:
      return v !== 0n;
    case 5:
      return toInt32(v as bigint);
    case 3:
    case 4:
    case 13:
      return Number(BigInt.asIntN(64, v as bigint));
    case 17:
    case 18: {
      const n = v as bigint;
      return Number((n >> 1n) ^ -(n & 1n));
    }
    case 1: {
      const b = new DataView(new ArrayBuffer(8));
      b.setBigUint64(0, v as bigint, true);
      return b.getFloat64(0, true);
    }
    case 2: {
      const b = new DataView(new ArrayBuffer(4));
      b.setUint32(0, Number(v), true);
      return b.getFloat32(0, true);
    }
  }
  return undefined;
}

function isZero(v: unknown): boolean {
  return v === "" || v === 0 || v === false;
}

function decodeMessage(type: string, bytes: Uint8Array): unknown {
  const fields = readFields(bytes);
  const special = decodeSpecial(type, fields);
  if (special !== NOT_SPECIAL) return special;
  const def = MESSAGES[type];
  if (!def) return {};
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const fd = def[String(f.no)];
    if (!fd) continue;
    const [name, ftype, repeated, typeName] = fd;
    let value: unknown;
    if (ftype === 11 && typeName) {
      const sub = MESSAGES[typeName];
      if (sub?.map) {
        const entry = readFields(f.value as Uint8Array);
        const k = entry.find((e) => e.no === 1);
        const v = entry.find((e) => e.no === 2);
        const key = k ? String(scalar(sub["1"][1], k.value)) : "";
        const vf = sub["2"];
        const val = vf[1] === 11 && vf[3] ? decodeMessage(vf[3], (v?.value as Uint8Array) ?? new Uint8Array()) : v ? scalar(vf[1], v.value) : vf[1] === 9 ? "" : undefined;
        const map = (out[name] ??= {}) as Record<string, unknown>;
        map[key] = val;
        continue;
      }
      value = decodeMessage(typeName, f.value as Uint8Array);
    } else if (f.wireType === 2 && ftype !== 9 && ftype !== 12) {
      // packed repeated scalars
      const packed = readPacked(ftype, f.value as Uint8Array);
      (out[name] ??= []) as unknown[];
      (out[name] as unknown[]).push(...packed);
      continue;
    } else {
      value = scalar(ftype, f.value);
      if (!repeated && isZero(value) && !KEEP_ZERO.has(name)) continue;
    }
    if (value === undefined) continue;
    if (repeated) ((out[name] ??= []) as unknown[]).push(value);
    else out[name] = value;
  }
  return out;
}

function readPacked(type: number, bytes: Uint8Array): unknown[] {
  const out: unknown[] = [];
  let p = 0;
  while (p < bytes.length) {
    if (type === 1 || type === 2) {
      const width = type === 1 ? 8 : 4;
      let v = 0n;
      for (let i = width - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[p + i]);
      out.push(scalar(type, v));
      p += width;
      continue;
    }
    let v = 0n;
    let shift = 0n;
    for (;;) {
      const b = bytes[p++];
      v |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) break;
      shift += 7n;
    }
    out.push(scalar(type, v));
  }
  return out;
}
