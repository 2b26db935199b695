import type { KubeObject } from "../api/types";

type Labels = Record<string, string>;

/** A Pod manifest as a learner writes it (nothing defaulted). */
export function podManifest(name: string, opts: { image?: string; labels?: Labels; namespace?: string; nodeName?: string; containers?: Record<string, unknown>[] } = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, ...(opts.namespace ? { namespace: opts.namespace } : {}), ...(opts.labels ? { labels: opts.labels } : {}) },
    spec: {
      containers: opts.containers ?? [{ name: "nginx", image: opts.image ?? "nginx" }],
      ...(opts.nodeName ? { nodeName: opts.nodeName } : {}),
    },
  };
}

/** An apps/v1 ReplicaSet manifest selecting `labels`. */
export function replicaSetManifest(name: string, opts: { replicas?: number; labels?: Labels; image?: string } = {}): KubeObject {
  const labels = opts.labels ?? { app: name };
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name, labels },
    spec: {
      replicas: opts.replicas ?? 3,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: "nginx", image: opts.image ?? "nginx" }] } },
    },
  };
}

export function deploymentManifest(name: string, opts: { replicas?: number; image?: string } = {}): KubeObject {
  const labels = { app: name };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, labels },
    spec: {
      replicas: opts.replicas ?? 1,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: "nginx", image: opts.image ?? "nginx" }] } },
    },
  };
}

export function serviceManifest(name: string, opts: { port?: number; targetPort?: number | string; type?: string; selector?: Labels; nodePort?: number } = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name },
    spec: {
      ...(opts.type ? { type: opts.type } : {}),
      selector: opts.selector ?? { app: name },
      ports: [
        {
          port: opts.port ?? 80,
          ...(opts.targetPort !== undefined ? { targetPort: opts.targetPort } : {}),
          ...(opts.nodePort !== undefined ? { nodePort: opts.nodePort } : {}),
        },
      ],
    },
  };
}

export function nodeManifest(name: string, labels: Labels = {}): KubeObject {
  return { apiVersion: "v1", kind: "Node", metadata: { name, labels: { "kubernetes.io/hostname": name, ...labels } }, spec: {}, status: {} };
}

export function namespaceManifest(name: string): KubeObject {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name } };
}
