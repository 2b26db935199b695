import type { AnswerSource } from "./lab-schema";
import { getObject, listObjects, type LabWorld } from "./lab-world";
import { readPath } from "./object-path";
import { podPhase } from "./pod-state";

/** The expected answer, computed now (state questions follow the cluster and the attempt's parameters). */
export function resolveAnswer(world: LabWorld, source: AnswerSource, params: Record<string, string | number>): string | undefined {
  if ("value" in source) return String(source.value);
  if ("param" in source) return params[source.param] === undefined ? undefined : String(params[source.param]);
  if ("count" in source) {
    const c = source.count;
    const items = listObjects(world, c.kind, c.allNamespaces ? undefined : (c.namespace ?? "default"), c.selector).filter(
      (o) => !o.metadata.deletionTimestamp && (c.phase === undefined || podPhase(o) === c.phase),
    );
    return String(items.length);
  }
  const f = source.field;
  const obj = getObject(world, f.kind, f.name, f.namespace ?? "default");
  if (!obj) return undefined;
  const values = readPath(obj, f.path);
  return values.length ? values.map(String).join(",") : undefined;
}

/** Answers compare trimmed, with surrounding quotes removed; case only where the question says so. */
export function normalizeAnswer(value: string, ignoreCase: boolean): string {
  const v = value.trim().replace(/^(["'])(.*)\1$/, "$2").trim();
  return ignoreCase ? v.toLowerCase() : v;
}
