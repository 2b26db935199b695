import type { z } from "zod";
import { goInfo } from "../schemas/go-types";
import { isPlainObject, type Json } from "../object-util";

export interface WalkResult {
  value: Json | undefined;
  /** Paths of unknown fields, as the strict decoder prints them ("spec.containers[0].imagee"). */
  unknown: string[];
  /** The first type error, worded like Go's encoding/json. */
  typeError?: string;
}

const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

interface Ctx {
  unknown: string[];
  typeError?: string;
}

type Def = { type: string; [k: string]: unknown };

function defOf(s: z.ZodType): Def {
  return (s as unknown as { _zod: { def: Def } })._zod.def;
}

function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (;;) {
    const d = defOf(cur);
    if (d.type === "optional" || d.type === "nullable" || d.type === "default" || d.type === "readonly" || d.type === "prefault") {
      cur = d.innerType as z.ZodType;
    } else if (d.type === "lazy") {
      cur = (d.getter as () => z.ZodType)();
    } else return cur;
  }
}

function jsonKind(v: Json): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "object") return "object";
  if (typeof v === "boolean") return "bool";
  return typeof v;
}

/** The Go type name of a schema, as reflect prints it ("int32", "v1.Container", "[]v1.Container"). */
function goTypeName(s: z.ZodType): string {
  const u = unwrap(s);
  const gi = goInfo(u);
  if (gi) {
    if (gi.go === "struct") return `v1.${gi.name}`;
    if (gi.go === "quantity") return "resource.Quantity";
    if (gi.go === "intorstring") return "intstr.IntOrString";
    return gi.go;
  }
  const d = defOf(u);
  switch (d.type) {
    case "string":
      return "string";
    case "boolean":
      return "bool";
    case "number":
      return "int32";
    case "array":
      return `[]${goTypeName(d.element as z.ZodType)}`;
    case "record":
      return `map[string]${goTypeName(d.valueType as z.ZodType)}`;
    default:
      return "interface {}";
  }
}

/**
 * Decode `value` against `schema`: returns a fresh copy with nulls dropped (Go's zero values are omitted),
 * collects unknown fields of strict structs, and stops at the first type error.
 */
export function walkSchema(schema: z.ZodType, value: Json, rootStruct: string): WalkResult {
  const ctx: Ctx = { unknown: [] };
  const out = walk(schema, value, "", "", rootStruct, ctx);
  return { value: out, unknown: ctx.unknown, ...(ctx.typeError ? { typeError: ctx.typeError } : {}) };
}

function walk(schema: z.ZodType, value: Json, path: string, goPath: string, struct: string, ctx: Ctx): Json | undefined {
  if (ctx.typeError) return undefined;
  if (value === null) return undefined;
  const s = unwrap(schema);
  const gi = goInfo(s);
  const d = defOf(s);
  const typeErr = (shown: string) => {
    ctx.typeError = `json: cannot unmarshal ${shown} into Go struct field ${struct}.${goPath} of type ${goTypeName(s)}`;
    return undefined;
  };
  if (gi?.go === "quantity") {
    if (typeof value === "number") return value;
    if (typeof value !== "string") return typeErr(jsonKind(value));
    if (!QUANTITY.test(value.trim())) {
      ctx.typeError = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
      return undefined;
    }
    return value;
  }
  if (gi?.go === "intorstring") {
    if (typeof value === "string") return value;
    if (typeof value === "number" && Number.isInteger(value)) return value;
    return typeErr(typeof value === "number" ? `number ${value}` : jsonKind(value));
  }
  if (gi?.go === "struct" && gi.loose) {
    if (!isPlainObject(value)) return typeErr(jsonKind(value));
    return value;
  }
  switch (d.type) {
    case "unknown":
    case "any":
      return value;
    case "string":
      return typeof value === "string" ? value : typeErr(jsonKind(value));
    case "boolean":
      return typeof value === "boolean" ? value : typeErr(jsonKind(value));
    case "number": {
      if (typeof value !== "number") return typeErr(jsonKind(value));
      const bits = gi?.go === "int64" ? 63 : 31;
      if (!Number.isInteger(value) || Math.abs(value) >= 2 ** bits) return typeErr(`number ${value}`);
      return value;
    }
    case "array": {
      if (!Array.isArray(value)) return typeErr(jsonKind(value));
      const el = d.element as z.ZodType;
      const out: Json[] = [];
      value.forEach((v, i) => {
        const r = walk(el, v, `${path}[${i}]`, goPath, struct, ctx);
        out.push(r === undefined ? (isStructSchema(el) ? {} : null) : r);
      });
      return out;
    }
    case "record": {
      if (!isPlainObject(value)) return typeErr(jsonKind(value));
      const vt = d.valueType as z.ZodType;
      const out: { [k: string]: Json } = {};
      for (const [k, v] of Object.entries(value as { [k: string]: Json })) {
        const r = walk(vt, v, `${path}[${k}]`, goPath, struct, ctx);
        if (r !== undefined) out[k] = r;
        else if (v === null) out[k] = "";
      }
      return out;
    }
    case "object": {
      if (!isPlainObject(value)) return typeErr(jsonKind(value));
      const shape = d.shape as Record<string, z.ZodType>;
      const name = gi?.go === "struct" ? gi.name : struct;
      const out: { [k: string]: Json } = {};
      for (const [k, v] of Object.entries(value as { [k: string]: Json })) {
        const childPath = path ? `${path}.${k}` : k;
        const field = shape[k];
        if (!field) {
          ctx.unknown.push(childPath);
          continue;
        }
        const r = walk(field, v, childPath, goPath ? `${goPath}.${k}` : k, name, ctx);
        if (r !== undefined) out[k] = r;
      }
      return out;
    }
    case "union": {
      // Only used through goInfo types above; accept any of the options' JSON kinds.
      return value;
    }
    default:
      return value;
  }
}

function isStructSchema(s: z.ZodType): boolean {
  return defOf(unwrap(s)).type === "object";
}
