import type { FieldError } from "../status";

/** Go's %#v-ish rendering of a value in "Invalid value: <v>" (strings quoted, numbers bare). */
export function goValue(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return `[]string{${v.map((x) => JSON.stringify(String(x))).join(", ")}}`;
  const o = v as Record<string, unknown>;
  return `map[string]string{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(String(o[k]))}`).join(", ")}}`;
}

export function required(field: string, detail = ""): FieldError {
  return { reason: "FieldValueRequired", field, message: detail ? `Required value: ${detail}` : "Required value" };
}

export function invalidValue(field: string, value: unknown, detail: string, rendered?: string): FieldError {
  const shown = rendered ?? goValue(value);
  return { reason: "FieldValueInvalid", field, message: detail ? `Invalid value: ${shown}: ${detail}` : `Invalid value: ${shown}` };
}

export function forbiddenField(field: string, detail: string): FieldError {
  return { reason: "FieldValueForbidden", field, message: `Forbidden: ${detail}` };
}

export function notSupported(field: string, value: unknown, supported: string[]): FieldError {
  return {
    reason: "FieldValueNotSupported",
    field,
    message: `Unsupported value: ${goValue(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(", ")}`,
  };
}

export function duplicate(field: string, value: unknown): FieldError {
  return { reason: "FieldValueDuplicate", field, message: `Duplicate value: ${goValue(value)}` };
}

export function notFoundField(field: string, value: unknown): FieldError {
  return { reason: "FieldValueNotFound", field, message: `Not found: ${goValue(value)}` };
}
