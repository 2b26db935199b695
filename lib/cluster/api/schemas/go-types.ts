import { z } from "zod";

/**
 * zod schemas that also know the Go type behind each JSON field, so the strict decoder can word its
 * errors like the real API server ("cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas
 * of type int32"). Objects are strict: a field not in the shape is an unknown field.
 */
export type GoInfo =
  | { go: "struct"; name: string; loose?: boolean }
  | { go: "int32" | "int64" }
  | { go: "quantity" }
  | { go: "intorstring" };

const info = new WeakMap<z.ZodType, GoInfo>();

export function goInfo(schema: z.ZodType): GoInfo | undefined {
  return info.get(schema);
}

/** A Go struct: `name` is the Go type name without package ("PodSpec"). */
export function goStruct<T extends z.ZodRawShape>(name: string, shape: T) {
  const s = z.strictObject(shape);
  info.set(s, { go: "struct", name });
  return s;
}

/** A struct whose fields we accept without checking (status blocks written by the engine itself). */
export function looseStruct(name: string) {
  const s = z.record(z.string(), z.unknown());
  info.set(s, { go: "struct", name, loose: true });
  return s;
}

export function int32() {
  const s = z.number().int();
  info.set(s, { go: "int32" });
  return s;
}

export function int64() {
  const s = z.number().int();
  info.set(s, { go: "int64" });
  return s;
}

/** resource.Quantity: "500m", "1Gi", or a bare number. */
export function quantity() {
  const s = z.union([z.string(), z.number()]);
  info.set(s, { go: "quantity" });
  return s;
}

/** intstr.IntOrString: 8080 or "http" or "25%". */
export function intOrString() {
  const s = z.union([z.number().int(), z.string()]);
  info.set(s, { go: "intorstring" });
  return s;
}

export const str = () => z.string();
export const bool = () => z.boolean();
export const stringMap = () => z.record(z.string(), z.string());
export const stringList = () => z.array(z.string());
/** Known field we do not model in detail (accepted as is). */
export const any = () => z.unknown();
