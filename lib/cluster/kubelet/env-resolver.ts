import type { ApiClient } from "../apiserver/api-client";
import { expandVars } from "./expand-vars";

type Json = Record<string, any>;

export type EnvResult = { ok: true; env: Record<string, string> } | { ok: false; message: string };

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Decode a Secret's base64 value (UTF-8 text assumed; the engine has no atob). */
export function decodeBase64(b64: string): string {
  const clean = b64.replace(/[^A-Za-z0-9+/]/g, "");
  const bytes: number[] = [];
  for (let i = 0; i + 1 < clean.length; i += 4) {
    const n = (B64.indexOf(clean[i]) << 18) | (B64.indexOf(clean[i + 1]) << 12) | ((B64.indexOf(clean[i + 2] ?? "A") & 63) << 6) | (B64.indexOf(clean[i + 3] ?? "A") & 63);
    bytes.push((n >> 16) & 255);
    if (i + 2 < clean.length) bytes.push((n >> 8) & 255);
    if (i + 3 < clean.length) bytes.push(n & 255);
  }
  let out = "";
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) out += String.fromCharCode(b);
    else if (b >= 0xc0 && b < 0xe0) out += String.fromCharCode(((b & 31) << 6) | (bytes[++i] & 63));
    else if (b >= 0xe0 && b < 0xf0) out += String.fromCharCode(((b & 15) << 12) | ((bytes[++i] & 63) << 6) | (bytes[++i] & 63));
    else {
      const cp = ((b & 7) << 18) | ((bytes[++i] & 63) << 12) | ((bytes[++i] & 63) << 6) | (bytes[++i] & 63);
      out += String.fromCodePoint(cp);
    }
  }
  return out;
}

/**
 * The container's environment as the kubelet builds it (makeEnvironmentVariables): envFrom first, then env,
 * with fieldRefs, ConfigMap and Secret keys resolved. A missing, non-optional source is a
 * CreateContainerConfigError with the kubelet's message.
 */
export function resolveEnv(client: ApiClient, namespace: string, spec: { env?: Json[]; envFrom?: Json[] }, fields: Record<string, string>): EnvResult {
  const env: Record<string, string> = {};
  const cache = new Map<string, Json | undefined>();
  const source = (kind: "configmaps" | "secrets", name: string): Json | undefined => {
    const key = `${kind}/${name}`;
    if (!cache.has(key)) {
      const got = client.get(kind, namespace, name);
      cache.set(key, got.ok ? (got.value as Json) : undefined);
    }
    return cache.get(key);
  };
  const value = (kind: "configmaps" | "secrets", obj: Json, k: string): string | undefined => {
    if (kind === "secrets") {
      if (obj.data?.[k] !== undefined) return decodeBase64(String(obj.data[k]));
      return obj.stringData?.[k];
    }
    return obj.data?.[k] ?? (obj.binaryData?.[k] !== undefined ? decodeBase64(String(obj.binaryData[k])) : undefined);
  };
  const noun = (kind: "configmaps" | "secrets") => (kind === "secrets" ? "secret" : "configmap");
  const kindName = (kind: "configmaps" | "secrets") => (kind === "secrets" ? "Secret" : "ConfigMap");

  for (const from of spec.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    const kind = from.configMapRef ? "configmaps" : "secrets";
    if (!ref?.name) continue;
    const obj = source(kind, ref.name);
    if (!obj) {
      if (ref.optional) continue;
      return { ok: false, message: `${noun(kind)} "${ref.name}" not found` };
    }
    const keys = Object.keys({ ...(obj.data ?? {}), ...(kind === "secrets" ? (obj.stringData ?? {}) : (obj.binaryData ?? {})) });
    for (const k of keys) env[`${from.prefix ?? ""}${k}`] = value(kind, obj, k) ?? "";
  }
  for (const e of spec.env ?? []) {
    if (!e?.name) continue;
    const vf = e.valueFrom;
    if (!vf) {
      env[e.name] = expandVars(String(e.value ?? ""), env);
      continue;
    }
    if (vf.fieldRef) {
      env[e.name] = fields[vf.fieldRef.fieldPath] ?? "";
      continue;
    }
    if (vf.resourceFieldRef) {
      env[e.name] = "0";
      continue;
    }
    const ref = vf.configMapKeyRef ?? vf.secretKeyRef;
    const kind = vf.configMapKeyRef ? "configmaps" : "secrets";
    if (!ref?.name) continue;
    const obj = source(kind, ref.name);
    if (!obj) {
      if (ref.optional) continue;
      return { ok: false, message: `${noun(kind)} "${ref.name}" not found` };
    }
    const v = value(kind, obj, ref.key);
    if (v === undefined) {
      if (ref.optional) continue;
      return { ok: false, message: `couldn't find key ${ref.key} in ${kindName(kind)} ${namespace}/${ref.name}` };
    }
    env[e.name] = v;
  }
  return { ok: true, env };
}
