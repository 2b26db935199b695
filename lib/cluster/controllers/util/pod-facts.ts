import type { OwnerReference } from "../../api/types";
import { parseTime } from "../../runtime/clock";
import type { Pod } from "./objects";
import { controllerRefOf } from "./owner";
import { isPodActive } from "./pod-state";

/**
 * What a replica controller reads from one pod on every sync, worked out once per version of the pod (the pod
 * cache keeps it beside the pod), so a sync over thousands of unchanged pods does not walk their conditions again.
 */
export interface PodFacts {
  ref: OwnerReference | undefined;
  active: boolean;
  ready: boolean;
  /** When Ready turned True (ms), NaN when unknown. */
  readySince: number;
  /** Memo of the last selector / template label set (a frozen stored object, by identity) and the answer. */
  selector?: unknown;
  selected?: boolean;
  templateLabels?: unknown;
  fullyLabeled?: boolean;
}

export function podFacts(pod: Pod): PodFacts {
  let ready = false;
  let readySince = Number.NaN;
  for (const c of pod.status?.conditions ?? []) {
    if (c.type !== "Ready") continue;
    ready = c.status === "True";
    if (ready) readySince = parseTime(c.lastTransitionTime);
    break;
  }
  return { ref: controllerRefOf(pod), active: isPodActive(pod), ready, readySince };
}

/** Does `matches` accept the pod's labels? Remembered per selector object, which a stored owner keeps across syncs. */
export function selectedBy(pod: Pod, f: PodFacts, selector: unknown, matches: (labels: Record<string, string> | undefined) => boolean): boolean {
  // Only a frozen selector is remembered, so a hit needs no freeze check (frozen objects stay frozen).
  if (f.selector !== undefined && f.selector === selector) return f.selected!;
  const selected = matches(pod.metadata.labels);
  f.selector = isFrozenObject(selector) ? selector : undefined;
  f.selected = selected;
  return selected;
}

/** Does the pod carry every label of the template (fullyLabeledReplicas)? Remembered per label-set object. */
export function fullyLabeled(pod: Pod, f: PodFacts, templateLabels: Record<string, string> | undefined): boolean {
  if (f.templateLabels !== undefined && f.templateLabels === templateLabels) return f.fullyLabeled!;
  const labels = pod.metadata.labels ?? {};
  let full = true;
  for (const k in templateLabels ?? {}) {
    if (labels[k] !== templateLabels![k]) {
      full = false;
      break;
    }
  }
  f.templateLabels = isFrozenObject(templateLabels) ? templateLabels : undefined;
  f.fullyLabeled = full;
  return full;
}

/** Only a frozen (stored) object can stand for its contents by identity. */
function isFrozenObject(v: unknown): boolean {
  return typeof v === "object" && v !== null && Object.isFrozen(v);
}
