import type { ApiClient } from "../../cluster/index";
import { describeEvents, searchEvents } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { controllerOf } from "./owner";
import { formatPodStatusCounts, podStatusForController } from "./pod-status-counts";
import { describePodTemplate } from "./pod-template";
import { LEVEL_0, LEVEL_1, PrefixWriter } from "./prefix-writer";
import { formatLabelSelector, formatLabels, labelSelectorString, type LabelSelector } from "./selectors";

type Obj = Record<string, any>;

function writeControllerConditions(w: PrefixWriter, conditions: Obj[] | undefined): void {
  if (!conditions || conditions.length === 0) return;
  w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
  w.write(LEVEL_1, "----\t------\t------\n");
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
}

/** ReplicaSetDescriber (apps/v1). */
export function describeReplicaSet(client: ApiClient, rs: Obj, now: number, showEvents: boolean): string {
  const meta: Obj = rs.metadata ?? {};
  const selector: LabelSelector | undefined = rs.spec?.selector;
  const counts = podStatusForController(client, meta.namespace, labelSelectorString(selector), meta.uid);
  const events = showEvents ? searchEvents(client, { kind: "ReplicaSet", name: meta.name, namespace: meta.namespace, uid: meta.uid }) : undefined;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${meta.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ""}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(selector)}\n`);
  printLabelsMultiline(w, "Labels", meta.labels);
  printAnnotationsMultiline(w, "Annotations", meta.annotations);
  const controlledBy = controllerOf(meta);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
  w.write(LEVEL_0, "Pods Status:\t");
  w.write(LEVEL_0, `${formatPodStatusCounts(counts)}\n`);
  describePodTemplate(rs.spec?.template, w);
  writeControllerConditions(w, rs.status?.conditions);
  if (events) describeEvents(events, w, now);
  return w.toString();
}

/** ReplicationControllerDescriber (core/v1): the selector is a plain map. */
export function describeReplicationController(client: ApiClient, rc: Obj, now: number, showEvents: boolean): string {
  const meta: Obj = rc.metadata ?? {};
  const selector: Record<string, string> = rc.spec?.selector ?? {};
  const counts = podStatusForController(client, meta.namespace, labelSelectorString({ matchLabels: selector }), meta.uid);
  const events = showEvents ? searchEvents(client, { kind: "ReplicationController", name: meta.name, namespace: meta.namespace, uid: meta.uid }) : undefined;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${meta.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ""}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabels(selector)}\n`);
  printLabelsMultiline(w, "Labels", meta.labels);
  printAnnotationsMultiline(w, "Annotations", meta.annotations);
  w.write(LEVEL_0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec?.replicas ?? 1} desired\n`);
  w.write(LEVEL_0, `Pods Status:\t${formatPodStatusCounts(counts)}\n`);
  describePodTemplate(rc.spec?.template, w);
  writeControllerConditions(w, rc.status?.conditions);
  if (events) describeEvents(events, w, now);
  return w.toString();
}
