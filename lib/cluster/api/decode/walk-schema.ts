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
 * A schema taken apart once for decoding: every write decodes its body, so the zod definitions are read
 * (unwrapped, looked up, shaped) once per schema instead of once per field of every body.
 */
type Plan =
  | { kind: "quantity" | "intorstring" | "loose" | "any" | "string" | "boolean"; schema: z.ZodType }
  | { kind: "number"; schema: z.ZodType; limit: number }
  | { kind: "array"; schema: z.ZodType; element: z.ZodType; elementIsStruct: boolean }
  | { kind: "record"; schema: z.ZodType; value: z.ZodType }
  | { kind: "object"; schema: z.ZodType; shape: Record<string, z.ZodType>; struct: string | undefined };

const plans = new WeakMap<z.ZodType, Plan>();

function planOf(schema: z.ZodType): Plan {
  let p = plans.get(schema);
  if (!p) plans.set(schema, (p = makePlan(schema)));
  return p;
}

function makePlan(schema: z.ZodType): Plan {
  const s = unwrap(schema);
  const gi = goInfo(s);
  const d = defOf(s);
  if (gi?.go === "quantity") return { kind: "quantity", schema: s };
  if (gi?.go === "intorstring") return { kind: "intorstring", schema: s };
  if (gi?.go === "struct" && gi.loose) return { kind: "loose", schema: s };
  switch (d.type) {
    case "unknown":
    case "any":
      return { kind: "any", schema: s };
    case "string":
      return { kind: "string", schema: s };
    case "boolean":
      return { kind: "boolean", schema: s };
    case "number":
      return { kind: "number", schema: s, limit: 2 ** (gi?.go === "int64" ? 63 : 31) };
    case "array":
      return { kind: "array", schema: s, element: d.element as z.ZodType, elementIsStruct: isStructSchema(d.element as z.ZodType) };
    case "record":
      return { kind: "record", schema: s, value: d.valueType as z.ZodType };
    case "object":
      return { kind: "object", schema: s, shape: d.shape as Record<string, z.ZodType>, struct: gi?.go === "struct" ? gi.name : undefined };
    default:
      // Unions are only used through the goInfo types above; anything else passes as it is.
      return { kind: "any", schema: s };
  }
}

/**
 * Where a value sits, as a chain built only as deep as the walk goes; the dotted strings are made only for the
 * rare error or unknown field. `go` is the Go field path (array and map steps do not extend it).
 */
interface Path {
  up: Path | undefined;
  /** "name" for a field, "[0]" / "[key]" for an element. */
  step: string;
  field: boolean;
}

function pathText(p: Path | undefined): string {
  const parts: string[] = [];
  for (let cur = p; cur; cur = cur.up) parts.push(cur.field && cur.up ? `.${cur.step}` : cur.step);
  return parts.reverse().join("");
}

function goPathText(p: Path | undefined): string {
  const parts: string[] = [];
  for (let cur = p; cur; cur = cur.up) if (cur.field) parts.push(cur.step);
  return parts.reverse().join(".");
}

/**
 * Decode `value` against `schema`: returns a fresh copy with nulls dropped (Go's zero values are omitted),
 * collects unknown fields of strict structs, and stops at the first type error.
 */
export function walkSchema(schema: z.ZodType, value: Json, rootStruct: string): WalkResult {
  const ctx: Ctx = { unknown: [] };
  const out = walk(schema, value, undefined, rootStruct, ctx);
  return { value: out, unknown: ctx.unknown, ...(ctx.typeError ? { typeError: ctx.typeError } : {}) };
}

function typeErr(ctx: Ctx, plan: Plan, path: Path | undefined, struct: string, shown: string): undefined {
  ctx.typeError = `json: cannot unmarshal ${shown} into Go struct field ${struct}.${goPathText(path)} of type ${goTypeName(plan.schema)}`;
  return undefined;
}

function walk(schema: z.ZodType, value: Json, path: Path | undefined, struct: string, ctx: Ctx): Json | undefined {
  if (ctx.typeError) return undefined;
  if (value === null) return undefined;
  const plan = planOf(schema);
  switch (plan.kind) {
    case "quantity":
      if (typeof value === "number") return value;
      if (typeof value !== "string") return typeErr(ctx, plan, path, struct, jsonKind(value));
      if (!QUANTITY.test(value.trim())) {
        ctx.typeError = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
        return undefined;
      }
      return value;
    case "intorstring":
      if (typeof value === "string") return value;
      if (typeof value === "number" && Number.isInteger(value)) return value;
      return typeErr(ctx, plan, path, struct, typeof value === "number" ? `number ${value}` : jsonKind(value));
    case "loose":
      return isPlainObject(value) ? value : typeErr(ctx, plan, path, struct, jsonKind(value));
    case "any":
      return value;
    case "string":
      return typeof value === "string" ? value : typeErr(ctx, plan, path, struct, jsonKind(value));
    case "boolean":
      return typeof value === "boolean" ? value : typeErr(ctx, plan, path, struct, jsonKind(value));
    case "number":
      if (typeof value !== "number") return typeErr(ctx, plan, path, struct, jsonKind(value));
      if (!Number.isInteger(value) || Math.abs(value) >= plan.limit) return typeErr(ctx, plan, path, struct, `number ${value}`);
      return value;
    case "array": {
      if (!Array.isArray(value)) return typeErr(ctx, plan, path, struct, jsonKind(value));
      const out: Json[] = new Array(value.length);
      for (let i = 0; i < value.length; i++) {
        const r = walk(plan.element, value[i], { up: path, step: `[${i}]`, field: false }, struct, ctx);
        out[i] = r === undefined ? (plan.elementIsStruct ? {} : null) : r;
      }
      return out;
    }
    case "record": {
      if (!isPlainObject(value)) return typeErr(ctx, plan, path, struct, jsonKind(value));
      const src = value as { [k: string]: Json };
      const out: { [k: string]: Json } = {};
      for (const k in src) {
        const v = src[k];
        const r = walk(plan.value, v, { up: path, step: `[${k}]`, field: false }, struct, ctx);
        if (r !== undefined) out[k] = r;
        else if (v === null) out[k] = "";
      }
      return out;
    }
    case "object": {
      if (!isPlainObject(value)) return typeErr(ctx, plan, path, struct, jsonKind(value));
      const src = value as { [k: string]: Json };
      const name = plan.struct ?? struct;
      const out: { [k: string]: Json } = {};
      for (const k in src) {
        const field = Object.prototype.hasOwnProperty.call(plan.shape, k) ? plan.shape[k] : undefined;
        const here: Path = { up: path, step: k, field: true };
        if (!field) {
          ctx.unknown.push(pathText(here));
          continue;
        }
        const r = walk(field, src[k], here, name, ctx);
        if (r !== undefined) out[k] = r;
      }
      return out;
    }
  }
}

function isStructSchema(s: z.ZodType): boolean {
  return defOf(unwrap(s)).type === "object";
}
