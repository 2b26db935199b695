/**
 * Client-side apply's bookkeeping: the last-applied-configuration annotation (the three-way patch itself is
 * lib/kubectl/patch/three-way-patch.ts).
 */
import type { KubeObject } from "../../cluster/index";

export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** json.Marshal of an unstructured object: keys sorted at every level, compact. */
export function sortedJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(",")}]`;
  if (isObj(v)) {
    return `{${Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sortedJson(v[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v ?? null);
}

/** The object with the annotation removed (what gets stored in the annotation); kubectl leaves `annotations: {}`. */
function withoutLastApplied(obj: KubeObject): KubeObject {
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  return { ...obj, metadata: { ...obj.metadata, annotations } };
}

/** kubectl GetModifiedConfiguration: the object plus the annotation holding its own JSON. */
export function withLastApplied(obj: KubeObject): KubeObject {
  const base = withoutLastApplied(obj);
  const value = `${sortedJson(base)}\n`;
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: value } } };
}

export function lastApplied(obj: KubeObject): Record<string, unknown> | undefined {
  const raw = obj.metadata.annotations?.[LAST_APPLIED];
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw);
    return isObj(v) ? v : undefined;
  } catch {
    return undefined;
  }
}
