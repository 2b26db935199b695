import type { ApiClient } from "../../cluster/index";
import { describeContainers, describeResources, type EnvResolver } from "./containers";
import { describeEvents, searchEvents, type CoreEvent } from "./events";
import { timestampSince } from "./human-duration";
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from "./multiline";
import { LEVEL_0, LEVEL_1, PrefixWriter } from "./prefix-writer";
import { podQOS } from "./qos";
import { rfc1123z } from "./time-format";
import { describeTopologySpreadConstraints } from "./topology-spread";
import { describeVolumes } from "./volumes";
import { controllerOf } from "./owner";

type Obj = Record<string, any>;

const MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";

/** fieldpath.ExtractFieldPathAsString for the paths a downward-API env var may use. */
function podEnvResolver(pod: Obj): EnvResolver {
  return (env) => {
    const path: string = env.valueFrom?.fieldRef?.fieldPath ?? "";
    const sub = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
    if (sub) return pod.metadata?.[sub[1]]?.[sub[2]] ?? "";
    switch (path) {
      case "metadata.name":
        return pod.metadata?.name ?? "";
      case "metadata.namespace":
        return pod.metadata?.namespace ?? "";
      case "metadata.uid":
        return pod.metadata?.uid ?? "";
      case "spec.nodeName":
        return pod.spec?.nodeName ?? "";
      case "spec.serviceAccountName":
        return pod.spec?.serviceAccountName ?? "";
      case "status.hostIP":
        return pod.status?.hostIP ?? "";
      case "status.podIP":
        return pod.status?.podIP ?? "";
      case "status.podIPs":
        return (pod.status?.podIPs ?? []).map((p: Obj) => p.ip).join(",");
      case "status.hostIPs":
        return (pod.status?.hostIPs ?? []).map((p: Obj) => p.ip).join(",");
      default:
        return "";
    }
  };
}

/** PodDescriber. Events are matched by name, namespace and uid (a mirror pod's events use its config uid). */
export function describePod(client: ApiClient, pod: Obj, now: number, showEvents: boolean): string {
  const meta: Obj = pod.metadata ?? {};
  const spec: Obj = pod.spec ?? {};
  const status: Obj = pod.status ?? {};
  let events: CoreEvent[] | undefined;
  if (showEvents) {
    const mirrorUid = meta.annotations?.[MIRROR_POD_ANNOTATION];
    events = searchEvents(client, { name: meta.name, namespace: meta.namespace, uid: mirrorUid ?? meta.uid });
  }

  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${meta.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ""}\n`);
  if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  if (!spec.nodeName) w.write(LEVEL_0, "Node:\t<none>\n");
  else w.write(LEVEL_0, `Node:\t${spec.nodeName}/${status.hostIP ?? ""}\n`);
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  printLabelsMultiline(w, "Labels", meta.labels);
  printAnnotationsMultiline(w, "Annotations", meta.annotations);
  if (meta.deletionTimestamp && status.phase !== "Failed" && status.phase !== "Succeeded") {
    // The deletion timestamp lies in the future, so this really prints "<invalid>", as kubectl does.
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${timestampSince(meta.deletionTimestamp, now)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${status.phase ?? ""}\n`);
  }
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  const seccomp = spec.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type ?? ""}\n`);
    if (seccomp.type === "Localhost") w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ""}\n`);
  }
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ""}\n`);
  const podIPs: Obj[] = status.podIPs ?? [];
  if (podIPs.length === 0) {
    w.write(LEVEL_0, "IPs:\t<none>\n");
  } else {
    w.write(LEVEL_0, "IPs:\n");
    for (const ip of podIPs) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
  }
  const controlledBy = controllerOf(meta);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if (spec.resources) {
    w.write(LEVEL_0, "Resources:\n");
    describeResources(spec.resources, w, LEVEL_1);
  }
  const resolver = podEnvResolver(pod);
  if ((spec.initContainers ?? []).length > 0) describeContainers("Init Containers", spec.initContainers, status.initContainerStatuses, resolver, w, "");
  describeContainers("Containers", spec.containers, status.containerStatuses, resolver, w, "");
  if ((spec.ephemeralContainers ?? []).length > 0) describeContainers("Ephemeral Containers", spec.ephemeralContainers, status.ephemeralContainerStatuses, resolver, w, "");
  const conditions: Obj[] = status.conditions ?? [];
  if ((spec.readinessGates ?? []).length > 0) {
    w.write(LEVEL_0, "Readiness Gates:\n  Type\tStatus\n");
    for (const g of spec.readinessGates as Obj[]) {
      const c = conditions.find((x) => x.type === g.conditionType);
      w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : "<none>"} \n`);
    }
  }
  if (conditions.length > 0) {
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\n");
    for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(spec.volumes, w, "");
  w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`);
  printLabelsMultiline(w, "Node-Selectors", spec.nodeSelector);
  printTolerationsMultiline(w, "Tolerations", spec.tolerations);
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, "");
  if (events) describeEvents(events, w, now);
  return w.toString();
}
