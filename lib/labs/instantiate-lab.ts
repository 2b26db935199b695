import { z } from "zod";
import { LabParamSchema, LabSchema, type Lab } from "./lab-schema";

/**
 * A lab file as written: `{{param}}` placeholders may stand anywhere (even where a number is expected),
 * so the file is validated after the parameters are filled in, once per attempt.
 */
export interface LabTemplate {
  id: string;
  /** Where it came from, for error messages. */
  file: string;
  raw: Record<string, unknown>;
  /** The lab as instantiated with its own seed (for listings and the verifier). */
  lab: Lab;
}

/** A lab for one attempt: parameters drawn from the seed and substituted everywhere. */
export interface LabAttempt {
  lab: Lab;
  seed: number;
  params: Record<string, string | number>;
}

export class LabFormatError extends Error {
  override name = "LabFormatError";
}

/** mulberry32: a tiny seeded generator, so the same seed always gives the same attempt. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g;
const WHOLE = /^\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}$/;

function substitute(value: unknown, params: Record<string, string | number>, missing: Set<string>): unknown {
  if (typeof value === "string") {
    // A string that is exactly one placeholder keeps the parameter's type (replicas: "{{n}}" -> 5).
    const whole = WHOLE.exec(value);
    if (whole && whole[1] in params) return params[whole[1]];
    return value.replace(PLACEHOLDER, (m, name: string) => {
      if (!(name in params)) {
        missing.add(name);
        return m;
      }
      return String(params[name]);
    });
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, params, missing));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, params, missing)]));
  return value;
}

const ParamsSchema = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), LabParamSchema);

function issuesText(file: string, error: z.ZodError, prefix = ""): string {
  return error.issues.map((i) => `${file}: ${prefix}${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`).join("\n");
}

/** Draw parameters from `seed` and return the validated lab. Errors name the file and field. */
export function instantiate(template: Pick<LabTemplate, "file" | "raw">, seed?: number): LabAttempt {
  const raw = template.raw;
  const setup = (raw.setup ?? {}) as Record<string, unknown>;
  const paramsSpec = ParamsSchema.safeParse(setup.params ?? {});
  if (!paramsSpec.success) throw new LabFormatError(issuesText(template.file, paramsSpec.error, "setup.params."));
  const attemptSeed = seed ?? (typeof setup.seed === "number" ? setup.seed : 1);
  const random = seeded(attemptSeed ^ 0x5eed);
  const params: Record<string, string | number> = {};
  for (const [name, spec] of Object.entries(paramsSpec.data)) {
    if ("pick" in spec) params[name] = spec.pick[Math.floor(random() * spec.pick.length)];
    else params[name] = spec.int.min + Math.floor(random() * (spec.int.max - spec.int.min + 1));
  }
  const missing = new Set<string>();
  const filled = substitute({ ...raw, setup: { ...setup, seed: attemptSeed } }, params, missing);
  if (missing.size) {
    throw new LabFormatError(`${template.file}: unknown parameter(s) ${[...missing].map((m) => `{{${m}}}`).join(", ")}: declare them under setup.params`);
  }
  const parsed = LabSchema.safeParse(filled);
  if (!parsed.success) throw new LabFormatError(issuesText(template.file, parsed.error));
  return { lab: parsed.data, seed: attemptSeed, params };
}

/** A lab for an attempt with the given seed (default: the lab's own). */
export function instantiateLab(template: LabTemplate, seed?: number): LabAttempt {
  return instantiate(template, seed);
}
