/**
 * How `etcdctl get` prints a stored value. The API server stores built-in kinds as protobuf behind a "k8s\0"
 * magic (runtime.Unknown: TypeMeta, raw bytes, encoding); etcdctl writes those bytes as they are. We build a
 * protobuf-shaped byte string from the object and keep what a terminal shows legibly (printable ASCII, newlines).
 * Custom resources are stored as JSON and print as JSON.
 */
import { utf8Bytes } from "./util";

const BUILTIN_GROUPS = new Set([
  "apps", "batch", "autoscaling", "policy", "rbac.authorization.k8s.io", "networking.k8s.io", "storage.k8s.io", "coordination.k8s.io",
  "discovery.k8s.io", "events.k8s.io", "scheduling.k8s.io", "node.k8s.io", "certificates.k8s.io", "admissionregistration.k8s.io", "flowcontrol.apiserver.k8s.io",
]);

function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
}


function field(num: number, payload: number[]): number[] {
  return [(num << 3) | 2, ...varint(payload.length), ...payload];
}

/** A length-delimited encoding of a JSON value: keys become fields numbered in order (shape, not the real schema). */
function encode(v: unknown): number[] {
  if (v === null || v === undefined) return [];
  if (typeof v !== "object") return utf8Bytes(String(v));
  if (Array.isArray(v)) return v.flatMap((x) => field(1, encode(x)));
  return Object.values(v as Record<string, unknown>).flatMap((x, i) => (Array.isArray(x) ? x.flatMap((e) => field(i + 1, encode(e))) : field(i + 1, encode(x))));
}

function printable(bytes: number[]): string {
  let out = "";
  for (const b of bytes) if (b === 0x0a || (b >= 0x20 && b < 0x7f)) out += String.fromCharCode(b);
  return out;
}

export function etcdValueText(value: string): string {
  let obj: { apiVersion?: string; kind?: string } | undefined;
  try {
    obj = JSON.parse(value) as { apiVersion?: string; kind?: string };
  } catch {
    return value;
  }
  if (!obj || typeof obj !== "object" || !obj.apiVersion || !obj.kind) return value;
  const group = obj.apiVersion.includes("/") ? obj.apiVersion.split("/")[0] : "";
  if (group !== "" && !BUILTIN_GROUPS.has(group)) return value.replace(/\n\s*/g, "");
  const { apiVersion, kind, ...rest } = obj as Record<string, unknown>;
  const typeMeta = [...field(1, utf8Bytes(String(apiVersion))), ...field(2, utf8Bytes(String(kind)))];
  const raw = encode(rest);
  const bytes = [...utf8Bytes("k8s"), 0, ...field(1, typeMeta), ...field(2, raw), ...field(3, []), ...field(4, [])];
  return printable(bytes);
}
