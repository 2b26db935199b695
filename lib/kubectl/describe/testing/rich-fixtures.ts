import type { KubeObject } from "../../../cluster/index";
import { DEFAULT_TOLERATIONS, ago, apiAccessVolume, event } from "./fixtures";

/** A pod using most container features: init container, ports, probes, resources, env of every kind, volumes. */
export const richPod: KubeObject = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: {
    name: "web-7d4b9c8f5-abcde",
    namespace: "shop",
    uid: "uid-rich",
    creationTimestamp: ago(3600),
    labels: { app: "web", "pod-template-hash": "7d4b9c8f5" },
    annotations: { "kubectl.kubernetes.io/last-applied-configuration": "{}", note: "hello" },
    ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-7d4b9c8f5", uid: "uid-rs", controller: true }],
  },
  spec: {
    initContainers: [
      {
        name: "init-db",
        image: "busybox:1.36",
        command: ["sh", "-c", "until nslookup db; do sleep 2; done"],
        volumeMounts: [{ name: "kube-api-access-x7k2p", readOnly: true, mountPath: "/var/run/secrets/kubernetes.io/serviceaccount" }],
      },
    ],
    containers: [
      {
        name: "app",
        image: "nginx:1.27",
        ports: [
          { containerPort: 80, protocol: "TCP" },
          { containerPort: 443, protocol: "TCP" },
        ],
        resources: { limits: { memory: "128Mi", cpu: "500m" }, requests: { memory: "64Mi", cpu: "0.25" } },
        livenessProbe: { httpGet: { path: "/healthz", port: 80, scheme: "HTTP" }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
        readinessProbe: { tcpSocket: { port: 80 }, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 },
        envFrom: [{ configMapRef: { name: "app-config" } }, { secretRef: { name: "app-secret", optional: true }, prefix: "S_" }],
        env: [
          { name: "PLAIN", value: "value" },
          { name: "POD_NAME", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.name" } } },
          { name: "CPU_LIMIT", valueFrom: { resourceFieldRef: { resource: "limits.cpu" } } },
          { name: "PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } },
          { name: "MODE", valueFrom: { configMapKeyRef: { name: "app-config", key: "mode", optional: true } } },
        ],
        volumeMounts: [
          { name: "kube-api-access-x7k2p", readOnly: true, mountPath: "/var/run/secrets/kubernetes.io/serviceaccount" },
          { name: "data", mountPath: "/data", subPath: "web" },
        ],
      },
    ],
    nodeName: "node01",
    nodeSelector: { disktype: "ssd" },
    priority: 0,
    serviceAccountName: "default",
    tolerations: [{ key: "dedicated", operator: "Equal", value: "web", effect: "NoSchedule" }, ...DEFAULT_TOLERATIONS],
    volumes: [
      { name: "data", emptyDir: {} },
      { name: "config", configMap: { name: "app-config", defaultMode: 420 } },
      { name: "certs", secret: { secretName: "tls", defaultMode: 420 } },
      { name: "host", hostPath: { path: "/var/log", type: "Directory" } },
      apiAccessVolume(),
    ],
  },
  status: {
    phase: "Running",
    hostIP: "192.168.1.11",
    podIP: "10.244.1.9",
    podIPs: [{ ip: "10.244.1.9" }],
    startTime: "2026-11-25T08:47:48Z",
    conditions: [
      { type: "PodReadyToStartContainers", status: "True" },
      { type: "Initialized", status: "True" },
      { type: "Ready", status: "True" },
      { type: "ContainersReady", status: "True" },
      { type: "PodScheduled", status: "True" },
    ],
    initContainerStatuses: [
      {
        name: "init-db",
        containerID: "containerd://aaa",
        image: "docker.io/library/busybox:1.36",
        imageID: "docker.io/library/busybox@sha256:111",
        ready: true,
        restartCount: 0,
        state: { terminated: { exitCode: 0, reason: "Completed", startedAt: "2026-11-25T08:47:50Z", finishedAt: "2026-11-25T08:47:52Z", containerID: "containerd://aaa" } },
      },
    ],
    containerStatuses: [
      {
        name: "app",
        containerID: "containerd://bbb",
        image: "docker.io/library/nginx:1.27",
        imageID: "docker.io/library/nginx@sha256:222",
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: "2026-11-25T08:47:55Z" } },
      },
    ],
  },
};

/** A kubeadm static pod's mirror: controlled by its Node; its events carry the config uid. */
export const staticPod: KubeObject = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: {
    name: "etcd-controlplane",
    namespace: "kube-system",
    uid: "uid-mirror",
    creationTimestamp: "2026-11-22T07:43:20Z",
    labels: { component: "etcd", tier: "control-plane" },
    annotations: { "kubernetes.io/config.mirror": "cfg-hash-1", "kubernetes.io/config.source": "file" },
    ownerReferences: [{ apiVersion: "v1", kind: "Node", name: "controlplane", uid: "uid-cp", controller: true }],
  },
  spec: {
    containers: [{ name: "etcd", image: "registry.k8s.io/etcd:3.5.16-0", resources: { requests: { cpu: "100m", memory: "100Mi" } } }],
    nodeName: "controlplane",
    priority: 2000001000,
    priorityClassName: "system-node-critical",
    hostNetwork: true,
    securityContext: { seccompProfile: { type: "RuntimeDefault" } },
    tolerations: [{ operator: "Exists", effect: "NoExecute" }],
  },
  status: {
    phase: "Running",
    hostIP: "192.168.1.10",
    podIP: "192.168.1.10",
    podIPs: [{ ip: "192.168.1.10" }],
    startTime: "2026-11-22T07:43:15Z",
    qosClass: "Burstable",
    conditions: [{ type: "Ready", status: "True" }],
    containerStatuses: [{ name: "etcd", containerID: "containerd://ccc", image: "registry.k8s.io/etcd:3.5.16-0", imageID: "registry.k8s.io/etcd@sha256:333", ready: true, restartCount: 0, state: { running: { startedAt: "2026-11-22T07:43:16Z" } } }],
  },
};

export const staticPodEvents = [
  // the kubelet reports a static pod's events against the config uid, not the mirror's uid
  event({ object: { ...staticPod, metadata: { ...staticPod.metadata, uid: "cfg-hash-1" } }, reason: "Pulled", message: 'Container image "registry.k8s.io/etcd:3.5.16-0" already present on machine', component: "kubelet", first: 300 }),
  event({ object: staticPod, reason: "Ignored", message: "mirror uid is not what kubectl asks for", component: "kubelet", first: 200 }),
];
