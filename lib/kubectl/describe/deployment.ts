import type { ApiClient } from "../../cluster/index";
import { describeEvents, searchEvents } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { isControlledBy } from "./owner";
import { describePodTemplate } from "./pod-template";
import { LEVEL_0, LEVEL_1, PrefixWriter } from "./prefix-writer";
import { rfc1123z } from "./time-format";
import { labelSelectorString } from "./selectors";
import { semanticEqual } from "./semantic-equal";

type Obj = Record<string, any>;

const HASH_LABEL = "pod-template-hash";

function withoutHash(template: Obj | undefined): Obj {
  const t = JSON.parse(JSON.stringify(template ?? {}));
  if (t.metadata?.labels) delete t.metadata.labels[HASH_LABEL];
  return t;
}

/** deploymentutil.GetAllReplicaSets: the owned RSs, oldest first; the new one has the deployment's template. */
export function deploymentReplicaSets(client: ApiClient, d: Obj): { oldRSs: Obj[]; newRS: Obj | undefined } | undefined {
  const meta: Obj = d.metadata ?? {};
  const selector = labelSelectorString(d.spec?.selector);
  const res = client.list("replicasets", meta.namespace, selector ? { labelSelector: selector } : {});
  if (!res.ok) return undefined;
  const owned = (res.value.items as Obj[]).filter((rs) => isControlledBy(rs.metadata, meta.uid));
  owned.sort((a, b) => {
    const ta = Date.parse(a.metadata?.creationTimestamp ?? "") || 0;
    const tb = Date.parse(b.metadata?.creationTimestamp ?? "") || 0;
    if (ta !== tb) return ta - tb;
    return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
  });
  const target = withoutHash(d.spec?.template);
  const newRS = owned.find((rs) => semanticEqual(withoutHash(rs.spec?.template), target));
  const oldRSs = owned.filter((rs) => rs !== newRS);
  return { oldRSs, newRS };
}

function printReplicaSets(list: Obj[]): string {
  const s = list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`).join(", ");
  return s === "" ? "<none>" : s;
}

/** DeploymentDescriber. */
export function describeDeployment(client: ApiClient, d: Obj, now: number, showEvents: boolean): string {
  const meta: Obj = d.metadata ?? {};
  const spec: Obj = d.spec ?? {};
  const st: Obj = d.status ?? {};
  const events = showEvents ? searchEvents(client, { kind: "Deployment", name: meta.name, namespace: meta.namespace, uid: meta.uid }) : undefined;
  const sets = deploymentReplicaSets(client, d);
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${meta.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ""}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
  printLabelsMultiline(w, "Labels", meta.labels);
  printAnnotationsMultiline(w, "Annotations", meta.annotations);
  w.write(LEVEL_0, `Selector:\t${labelSelectorString(spec.selector)}\n`);
  w.write(
    LEVEL_0,
    `Replicas:\t${spec.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ""}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
  const ru = spec.strategy?.rollingUpdate;
  if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? 0} max unavailable, ${ru.maxSurge ?? 0} max surge\n`);
  describePodTemplate(spec.template, w);
  const conditions: Obj[] = st.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
    w.write(LEVEL_1, "----\t------\t------\n");
    for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
  }
  if (sets && (sets.oldRSs.length > 0 || sets.newRS)) {
    w.write(LEVEL_0, `OldReplicaSets:\t${printReplicaSets(sets.oldRSs)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${printReplicaSets(sets.newRS ? [sets.newRS] : [])}\n`);
  }
  if (events) describeEvents(events, w, now);
  return w.toString();
}
