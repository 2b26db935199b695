/** `kubectl create configmap` and `kubectl create secret generic` objects. */
import type { GeneratorResult } from "./generator-result";
import { base64Encode } from "./base64";

export function generateConfigMap(name: string, data: Record<string, string>): GeneratorResult {
  const object: Record<string, unknown> = { kind: "ConfigMap", apiVersion: "v1", metadata: { name, creationTimestamp: null } };
  if (Object.keys(data).length > 0) object.data = { ...data };
  return { ok: true, object: object as never };
}

export function generateSecret(name: string, data: Record<string, string>, type: string): GeneratorResult {
  const object: Record<string, unknown> = { kind: "Secret", apiVersion: "v1", metadata: { name, creationTimestamp: null } };
  const keys = Object.keys(data);
  if (keys.length > 0) object.data = Object.fromEntries(keys.map((k) => [k, base64Encode(data[k])]));
  if (type) object.type = type;
  return { ok: true, object: object as never };
}
