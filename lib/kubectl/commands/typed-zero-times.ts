/**
 * Commands that decode into Go structs (typed clients: `create deployment`, `set image`, ...) print zero
 * `metav1.Time` fields as `null`; pod templates carry no creationTimestamp, so kubectl prints
 * `creationTimestamp: null` under `spec.template.metadata` (and the CronJob job template).
 */
import type { KubeObject } from "../../cluster/index";

type Loose = Record<string, unknown>;

// ObjectMeta's Go field order up to creationTimestamp, so `-o json` places it where kubectl does.
const BEFORE = ["name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation"];

function withNullTimestamp(meta: Loose | undefined): Loose {
  const m = meta ?? {};
  if ("creationTimestamp" in m) return m;
  const out: Loose = {};
  for (const k of BEFORE) if (k in m) out[k] = m[k];
  out.creationTimestamp = null;
  for (const [k, v] of Object.entries(m)) if (!(k in out)) out[k] = v;
  return out;
}

function fixTemplate(holder: Loose | undefined): void {
  const template = holder?.template as Loose | undefined;
  if (template && typeof template === "object") template.metadata = withNullTimestamp(template.metadata as Loose | undefined);
}

export function withTypedZeroTimes(obj: KubeObject): KubeObject {
  const copy = JSON.parse(JSON.stringify(obj)) as Loose;
  const spec = copy.spec as Loose | undefined;
  if (!spec || typeof spec !== "object") return obj;
  fixTemplate(spec);
  const jobTemplate = spec.jobTemplate as Loose | undefined;
  if (jobTemplate && typeof jobTemplate === "object") {
    jobTemplate.metadata = withNullTimestamp(jobTemplate.metadata as Loose | undefined);
    fixTemplate(jobTemplate.spec as Loose | undefined);
  }
  return copy as unknown as KubeObject;
}
