/**
 * Reads a value by a simple path: "spec.replicas", "spec.containers[0].image", "metadata.labels.app",
 * "spec.containers[*].image" (all values), "metadata.annotations['kubernetes.io/change-cause']".
 * Returns every value found (an empty list when the path does not exist).
 */
export function readPath(root: unknown, path: string): unknown[] {
  const segments = parsePath(path);
  let current: unknown[] = [root];
  for (const seg of segments) {
    const next: unknown[] = [];
    for (const value of current) {
      if (value === null || value === undefined) continue;
      if (seg === "*") {
        if (Array.isArray(value)) next.push(...value);
        else if (typeof value === "object") next.push(...Object.values(value));
      } else if (typeof seg === "number") {
        if (Array.isArray(value)) {
          const v = value[seg < 0 ? value.length + seg : seg];
          if (v !== undefined) next.push(v);
        }
      } else if (typeof value === "object" && !Array.isArray(value) && seg in (value as object)) {
        next.push((value as Record<string, unknown>)[seg]);
      }
    }
    current = next;
  }
  return current;
}

export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /\.?([^.[\]]+)|\[(-?\d+|\*)\]|\[['"]([^'"]+)['"]\]/g;
  let m: RegExpExecArray | null;
  const trimmed = path.replace(/^\./, "");
  while ((m = re.exec(trimmed))) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(m[2] === "*" ? "*" : Number(m[2]));
    else out.push(m[3]);
  }
  return out;
}

/** How a value reads in an explanation: strings bare, others as JSON, missing as "(not set)". */
export function show(value: unknown): string {
  if (value === undefined) return "(not set)";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}
