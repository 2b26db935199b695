import { describeContainers } from "./containers";
import { printLabelsMultiline, printAnnotationsMultiline, printTolerationsMultiline } from "./multiline";
import { LEVEL_0, LEVEL_1, type PrefixWriter } from "./prefix-writer";
import { describeTopologySpreadConstraints } from "./topology-spread";
import { describeVolumes } from "./volumes";

type Obj = Record<string, any>;

/**
 * DescribePodTemplate: the "Pod Template:" block shared by ReplicaSet, ReplicationController, Deployment,
 * DaemonSet (and Job/StatefulSet). Container names get one extra space ("   nginx:").
 */
export function describePodTemplate(template: Obj | undefined | null, w: PrefixWriter): void {
  w.write(LEVEL_0, "Pod Template:\n");
  if (!template) {
    w.write(LEVEL_1, "<unset>");
    return;
  }
  const meta: Obj = template.metadata ?? {};
  const spec: Obj = template.spec ?? {};
  printLabelsMultiline(w, "  Labels", meta.labels);
  if (Object.keys(meta.annotations ?? {}).length > 0) printAnnotationsMultiline(w, "  Annotations", meta.annotations);
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) describeContainers("Init Containers", spec.initContainers, undefined, undefined, w, "  ");
  describeContainers("Containers", spec.containers, undefined, undefined, w, "  ");
  describeVolumes(spec.volumes, w, "  ");
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, "  ");
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, "  Node-Selectors", spec.nodeSelector);
  printTolerationsMultiline(w, "  Tolerations", spec.tolerations);
}
