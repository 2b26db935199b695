import type { ApiClient } from "../../cluster/index";
import { printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { LEVEL_0, LEVEL_1, PrefixWriter } from "./prefix-writer";
import { canonicalQuantity } from "./quantity";
import { rfc1123z } from "./time-format";

type Obj = Record<string, any>;

const SCOPE_HELP: Record<string, string> = {
  Terminating: "Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.",
  NotTerminating: "Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.",
  BestEffort: "Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.",
  NotBestEffort: "Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.",
};

/** A real v1.32 server always serves quotas and limit ranges; a simulator without them shows none. */
function listOrEmpty(client: ApiClient, resource: string, namespace: string): Obj[] {
  const res = client.list(resource, namespace);
  return res.ok ? (res.value.items as Obj[]) : [];
}

function describeResourceQuotas(quotas: Obj[], w: PrefixWriter): void {
  if (quotas.length === 0) {
    w.write(LEVEL_0, "No resource quota.\n");
    return;
  }
  w.write(LEVEL_0, "Resource Quotas\n");
  for (const q of [...quotas].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
    w.write(LEVEL_1, `Name:\t${q.metadata.name}\n`);
    const scopes: string[] = [...(q.spec?.scopes ?? [])].sort();
    if (scopes.length > 0) {
      w.write(LEVEL_1, `Scopes:\t${scopes.join(", ")}\n`);
      for (const s of scopes) if (SCOPE_HELP[s]) w.write(LEVEL_1, `* ${SCOPE_HELP[s]}\n`);
    }
    w.write(LEVEL_1, "Resource\tUsed\tHard\n");
    w.write(LEVEL_1, "--------\t---\t---\n");
    const hard: Obj = q.status?.hard ?? {};
    const used: Obj = q.status?.used ?? {};
    for (const r of Object.keys(hard).sort()) w.write(LEVEL_1, `${r}\t${canonicalQuantity(used[r] ?? "0")}\t${canonicalQuantity(hard[r])}\n`);
  }
}

function describeLimitRanges(ranges: Obj[], w: PrefixWriter): void {
  if (ranges.length === 0) {
    w.write(LEVEL_0, "No LimitRange resource.\n");
    return;
  }
  w.write(LEVEL_0, "Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n");
  w.write(LEVEL_0, " ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n");
  for (const lr of ranges) {
    for (const item of (lr.spec?.limits ?? []) as Obj[]) {
      const names = new Set<string>();
      for (const k of ["max", "min", "default", "defaultRequest", "maxLimitRequestRatio"]) for (const n of Object.keys(item[k] ?? {})) names.add(n);
      for (const n of names) {
        const v = (k: string) => (item[k]?.[n] !== undefined ? canonicalQuantity(item[k][n]) : "-");
        w.write(LEVEL_0, ` ${item.type}\t${n}\t${v("min")}\t${v("max")}\t${v("defaultRequest")}\t${v("default")}\t${v("maxLimitRequestRatio")}\n`);
      }
    }
  }
}

/** NamespaceDescriber: Status, Conditions while terminating, then quotas and limit ranges. No events. */
export function describeNamespace(client: ApiClient, ns: Obj): string {
  const meta: Obj = ns.metadata ?? {};
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${meta.name}\n`);
  printLabelsMultiline(w, "Labels", meta.labels);
  printAnnotationsMultiline(w, "Annotations", meta.annotations);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ""}\n`);
  const conditions: Obj[] = ns.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, "Conditions:\n");
    w.write(LEVEL_1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n");
    w.write(LEVEL_1, "----\t------\t------------------\t------\t-------\n");
    for (const c of conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ""}\t${c.message ?? ""}\n`);
  }
  w.write(LEVEL_0, "\n");
  describeResourceQuotas(listOrEmpty(client, "resourcequotas", meta.name), w);
  w.write(LEVEL_0, "\n");
  describeLimitRanges(listOrEmpty(client, "limitranges", meta.name), w);
  return w.toString();
}
