type Json = unknown;

/**
 * Drop what Go would treat as a zero value (absent, null, "", false, 0, empty map or slice), so two JSON
 * objects compare like apiequality.Semantic.DeepEqual compares the typed structs they decode into.
 */
function prune(v: Json): Json {
  if (Array.isArray(v)) {
    const items = v.map(prune);
    return items.length === 0 ? undefined : items;
  }
  if (v && typeof v === "object") {
    const out: Record<string, Json> = {};
    for (const key of Object.keys(v as object).sort()) {
      const p = prune((v as Record<string, Json>)[key]);
      if (p !== undefined) out[key] = p;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  if (v === null || v === "" || v === false || v === 0) return undefined;
  return v;
}

export function semanticEqual(a: Json, b: Json): boolean {
  return JSON.stringify(prune(a)) === JSON.stringify(prune(b));
}
