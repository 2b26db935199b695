/**
 * lib/kubectl/explain/api-types.ts is a plain table so kubectl needs no engine internals; this keeps it equal to
 * the engine's decoding schemas (the server's Go types). On a mismatch, update the table from the diff.
 * (A test may read the engine's schemas directly: it checks the seam, it does not ship.)
 */
import type { z } from "zod";
import { describe, expect, it } from "vitest";
import { createCluster } from "../cluster/index";
import { goInfo } from "../cluster/api/schemas/go-types";
import { schemaFor } from "../cluster/api/schemas/schema-for";
import { API_TYPES, schemaNameFor, structSchemaName } from "../kubectl/explain/api-types";

interface Def {
  type?: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  getter?: () => z.ZodType;
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The api-types.ts table the engine's zod schemas imply. */
function engineTypes(): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  const type = (s: z.ZodType, group: string): string => {
    const info = goInfo(s);
    if (info?.go === "quantity") return "io.k8s.apimachinery.pkg.api.resource.Quantity";
    if (info?.go === "intorstring") return "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    if (info?.go === "int32" || info?.go === "int64") return info.go;
    if (info?.go === "struct") {
      const name = structSchemaName(info.name, group);
      if (!out[name]) {
        out[name] = {}; // against cycles
        const fields: Record<string, string> = {};
        for (const [k, v] of Object.entries(defOf(s).shape ?? {})) fields[k] = type(v, group);
        out[name] = fields;
      }
      return name;
    }
    const d = defOf(s);
    switch (d.type) {
      case "optional":
      case "nullable":
      case "default":
      case "readonly":
        return type(d.innerType!, group);
      case "pipe":
        return type(d.in!, group);
      case "lazy":
        return type(d.getter!(), group);
      case "array":
        return `[]${type(d.element!, group)}`;
      case "record":
        return `map[string]${type(d.valueType!, group)}`;
      case "string":
      case "enum":
      case "literal":
        return "string";
      case "number":
        return "number";
      case "boolean":
        return "boolean";
      case "object":
        return "object";
      default:
        return "any";
    }
  };
  for (const r of createCluster({ seed: 1 }).client().discovery()) {
    const s = schemaFor(r.kind);
    if (s) expect(type(s, r.group)).toBe(schemaNameFor(r));
  }
  return out;
}

describe("api-types.ts", () => {
  it("lists every struct the served kinds reach, with the engine's fields and types", () => {
    const engine = engineTypes();
    expect(Object.keys(API_TYPES).sort()).toEqual(Object.keys(engine).sort());
    for (const [name, fields] of Object.entries(engine)) expect({ [name]: API_TYPES[name] }).toEqual({ [name]: fields });
  });
});
