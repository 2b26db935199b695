import type { KubeObject } from "../../api/types";
import type { Condition, Pod } from "../util/objects";

/** Fixtures for controller tests: the smallest objects the controllers need, with the API's field names. */
export function replicaSet(name: string, replicas: number, labels: Record<string, string> = { app: name }, image = "nginx"): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name, namespace: "default" },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: "nginx", image }] } } },
  };
}

export function replicationController(name: string, replicas: number, labels: Record<string, string> = { app: name }): KubeObject {
  return {
    apiVersion: "v1",
    kind: "ReplicationController",
    metadata: { name, namespace: "default" },
    spec: { replicas, selector: labels, template: { metadata: { labels }, spec: { containers: [{ name: "nginx", image: "nginx" }] } } },
  };
}

export function deployment(name: string, replicas: number, image = "nginx", labels: Record<string, string> = { app: name }): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "default", labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: "nginx", image }] } },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
  };
}

export function pod(name: string, labels: Record<string, string>, opts: { node?: string; phase?: string; ready?: boolean; readySince?: string; ip?: string; restarts?: number } = {}): Pod {
  const conditions: Condition[] = [];
  if (opts.ready !== undefined) conditions.push({ type: "Ready", status: opts.ready ? "True" : "False", lastTransitionTime: opts.readySince ?? "2026-11-25T09:00:00Z" });
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", labels },
    spec: { containers: [{ name: "nginx", image: "nginx", ports: [{ containerPort: 80, name: "http", protocol: "TCP" }] }], ...(opts.node ? { nodeName: opts.node } : {}) },
    status: {
      phase: opts.phase ?? "Pending",
      ...(conditions.length ? { conditions } : {}),
      ...(opts.ip ? { podIP: opts.ip } : {}),
      ...(opts.restarts !== undefined ? { containerStatuses: [{ name: "nginx", restartCount: opts.restarts }] } : {}),
    },
  };
}

export function node(name: string, extra: Partial<KubeObject> = {}): KubeObject {
  return { apiVersion: "v1", kind: "Node", metadata: { name, labels: { "kubernetes.io/hostname": name } }, spec: {}, status: { conditions: [] }, ...extra };
}
