import type { KubeObject } from "../types";
import type { ResourceDef } from "../registry";
import { defaultPod, defaultPodSpec } from "./pod-defaults";

type Obj = Record<string, unknown>;

function template(spec: Obj): Obj | undefined {
  const t = spec.template as Obj | undefined;
  if (!t || typeof t !== "object") return undefined;
  const ts = (t.spec ?? undefined) as Obj | undefined;
  if (ts && typeof ts === "object") defaultPodSpec(ts);
  return t;
}

/** The defaulting a v1.32 API server applies on decode, per kind (object mutated in place). */
export function applyDefaults(r: ResourceDef, obj: KubeObject): void {
  const spec = (obj.spec && typeof obj.spec === "object" ? obj.spec : undefined) as Obj | undefined;
  switch (r.resource) {
    case "pods":
      defaultPod(obj as unknown as Obj);
      break;
    case "replicasets":
      if (spec) {
        spec.replicas ??= 1;
        spec.minReadySeconds ??= undefined;
        template(spec);
      }
      break;
    case "replicationcontrollers":
      if (spec) {
        spec.replicas ??= 1;
        const t = template(spec);
        const tLabels = ((t?.metadata as Obj | undefined)?.labels ?? undefined) as Record<string, string> | undefined;
        // RCs take selector and labels from the template when they are left out (core/v1 defaults).
        if (tLabels && (!spec.selector || Object.keys(spec.selector as object).length === 0)) spec.selector = { ...tLabels };
        if (tLabels && (!obj.metadata.labels || Object.keys(obj.metadata.labels).length === 0)) obj.metadata.labels = { ...tLabels };
      }
      break;
    case "deployments":
      if (spec) {
        spec.replicas ??= 1;
        const strategy = (spec.strategy ?? {}) as Obj;
        strategy.type ??= "RollingUpdate";
        if (strategy.type === "RollingUpdate") {
          const ru = (strategy.rollingUpdate ?? {}) as Obj;
          ru.maxUnavailable ??= "25%";
          ru.maxSurge ??= "25%";
          strategy.rollingUpdate = ru;
        }
        spec.strategy = strategy;
        spec.revisionHistoryLimit ??= 10;
        spec.progressDeadlineSeconds ??= 600;
        template(spec);
      }
      break;
    case "daemonsets":
      if (spec) {
        const strategy = (spec.updateStrategy ?? {}) as Obj;
        strategy.type ??= "RollingUpdate";
        if (strategy.type === "RollingUpdate") {
          const ru = (strategy.rollingUpdate ?? {}) as Obj;
          ru.maxUnavailable ??= 1;
          ru.maxSurge ??= 0;
          strategy.rollingUpdate = ru;
        }
        spec.updateStrategy = strategy;
        spec.revisionHistoryLimit ??= 10;
        template(spec);
      }
      break;
    case "services":
      if (spec) defaultService(spec);
      break;
    case "secrets":
      (obj as Obj).type ??= "Opaque";
      break;
    case "nodes":
      break;
  }
  if (spec) for (const k of Object.keys(spec)) if (spec[k] === undefined) delete spec[k];
}

function defaultService(spec: Obj): void {
  spec.type ??= "ClusterIP";
  spec.sessionAffinity ??= "None";
  const ports = (Array.isArray(spec.ports) ? spec.ports : []) as Obj[];
  for (const p of ports) {
    if (!p || typeof p !== "object") continue;
    p.protocol ??= "TCP";
    p.targetPort ??= p.port;
  }
  if (spec.type === "ExternalName") return;
  spec.internalTrafficPolicy ??= "Cluster";
  if (spec.type === "NodePort" || spec.type === "LoadBalancer") spec.externalTrafficPolicy ??= "Cluster";
  if (spec.type === "LoadBalancer") spec.allocateLoadBalancerNodePorts ??= true;
  spec.ipFamilies ??= ["IPv4"];
  spec.ipFamilyPolicy ??= "SingleStack";
}
