import type { KubeObject } from "../../../cluster/index";

/**
 * Objects reconstructing the cluster of the reference transcripts (transcripts/readonly.txt), so the describe
 * goldens can be compared with real kubectl v1.32 output. Times are chosen so that, at NOW, every age matches.
 */
export const NOW = Date.parse("2026-11-25T09:47:48Z");

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
/** A timestamp `seconds` before NOW. */
export const ago = (seconds: number) => iso(NOW - seconds * 1000);

const API_ACCESS = "kube-api-access-x7k2p";

export function apiAccessVolume(): Record<string, unknown> {
  return {
    name: API_ACCESS,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
        { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
        { downwardAPI: { items: [{ path: "namespace", fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" } }] } },
      ],
    },
  };
}

export const DEFAULT_TOLERATIONS = [
  { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
  { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
];

interface PodOptions {
  name: string;
  image: string;
  labels?: Record<string, string>;
  uid?: string;
  nodeName?: string;
  hostIP?: string;
  podIP?: string;
  startTime?: string;
  phase?: string;
  conditions?: [string, string][];
  containerStatus?: Record<string, unknown>;
  owner?: { kind: string; name: string; uid: string; apiVersion?: string };
  created?: string;
  namespace?: string;
  resources?: Record<string, unknown>;
}

/** A defaulted pod as the API serves it after admission (service account volume, default tolerations). */
export function pod(o: PodOptions): KubeObject {
  const containerName = o.name.replace(/-[a-z0-9]{5}$/, "").replace(/-[a-z0-9]{10}$/, "");
  const status: Record<string, unknown> = { phase: o.phase ?? "Running", qosClass: o.resources ? undefined : "BestEffort" };
  if (o.hostIP) status.hostIP = o.hostIP;
  if (o.podIP) {
    status.podIP = o.podIP;
    status.podIPs = [{ ip: o.podIP }];
  }
  if (o.startTime) status.startTime = o.startTime;
  if (o.conditions) status.conditions = o.conditions.map(([type, s]) => ({ type, status: s, lastProbeTime: null, lastTransitionTime: o.startTime }));
  if (o.containerStatus) status.containerStatuses = [{ name: o.containerStatus.name ?? containerName, ...o.containerStatus }];
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: o.name,
      namespace: o.namespace ?? "default",
      uid: o.uid ?? `uid-${o.name}`,
      creationTimestamp: o.created ?? o.startTime ?? ago(60),
      labels: o.labels,
      ownerReferences: o.owner ? [{ apiVersion: o.owner.apiVersion ?? "apps/v1", kind: o.owner.kind, name: o.owner.name, uid: o.owner.uid, controller: true, blockOwnerDeletion: true }] : undefined,
    },
    spec: {
      containers: [
        {
          name: (o.containerStatus?.name as string) ?? containerName,
          image: o.image,
          imagePullPolicy: "Always",
          resources: o.resources ?? {},
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
          volumeMounts: [{ name: API_ACCESS, readOnly: true, mountPath: "/var/run/secrets/kubernetes.io/serviceaccount" }],
        },
      ],
      dnsPolicy: "ClusterFirst",
      enableServiceLinks: true,
      nodeName: o.nodeName,
      preemptionPolicy: "PreemptLowerPriority",
      priority: 0,
      restartPolicy: "Always",
      schedulerName: "default-scheduler",
      securityContext: {},
      serviceAccount: "default",
      serviceAccountName: "default",
      terminationGracePeriodSeconds: 30,
      tolerations: DEFAULT_TOLERATIONS,
      volumes: [apiAccessVolume()],
    },
    status,
  };
}

interface EventOptions {
  object: KubeObject;
  type?: "Normal" | "Warning";
  reason: string;
  message: string;
  component: string;
  /** Seconds before NOW of the first and last occurrence. */
  first: number;
  last?: number;
  count?: number;
  /** Pod events carry no kind filter in kubectl, but the event still names the kind. */
}

let eventSeq = 0;

/** A core/v1 Event as the recorder writes it (aggregated: count, firstTimestamp, lastTimestamp). */
export function event(o: EventOptions): KubeObject {
  const m = o.object.metadata;
  eventSeq++;
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: `${m.name}.${(0x180000000 + eventSeq).toString(16)}`, namespace: m.namespace ?? "default", uid: `ev-${eventSeq}`, creationTimestamp: ago(o.first) },
    involvedObject: { apiVersion: o.object.apiVersion, kind: o.object.kind, name: m.name, namespace: m.namespace, uid: m.uid },
    reason: o.reason,
    message: o.message,
    source: { component: o.component },
    firstTimestamp: ago(o.first),
    lastTimestamp: ago(o.last ?? o.first),
    count: o.count ?? 1,
    type: o.type ?? "Normal",
    eventTime: null,
    reportingComponent: o.component,
    reportingInstance: "",
  };
}

const RUNNING_CONDITIONS: [string, string][] = [
  ["PodReadyToStartContainers", "True"],
  ["Initialized", "True"],
  ["Ready", "True"],
  ["ContainersReady", "True"],
  ["PodScheduled", "True"],
];
const NOT_READY_CONDITIONS: [string, string][] = [
  ["PodReadyToStartContainers", "True"],
  ["Initialized", "True"],
  ["Ready", "False"],
  ["ContainersReady", "False"],
  ["PodScheduled", "True"],
];

export const nginxPod = pod({
  name: "nginx",
  image: "nginx",
  labels: { run: "nginx" },
  nodeName: "node01",
  hostIP: "192.168.1.11",
  podIP: "10.244.1.4",
  startTime: "2026-11-25T09:42:46Z",
  created: ago(304),
  conditions: RUNNING_CONDITIONS,
  containerStatus: {
    containerID: "containerd://8e3b1f0c2a7d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f",
    image: "docker.io/library/nginx:latest",
    imageID: "docker.io/library/nginx@sha256:c15da6c91de8d2f436196f3a768483ad32c258ed4e1beb3d367a27ed67253e66",
    ready: true,
    restartCount: 0,
    started: true,
    state: { running: { startedAt: "2026-11-25T09:42:56Z" } },
  },
});

export const nginxEvents = [
  event({ object: nginxPod, reason: "Scheduled", message: "Successfully assigned default/nginx to node01", component: "default-scheduler", first: 303 }),
  event({ object: nginxPod, reason: "Pulling", message: 'Pulling image "nginx"', component: "kubelet", first: 302 }),
  event({ object: nginxPod, reason: "Pulled", message: 'Successfully pulled image "nginx" in 2.51s (2.51s including waiting). Image size: 72195292 bytes.', component: "kubelet", first: 299 }),
  event({ object: nginxPod, reason: "Created", message: "Created container nginx", component: "kubelet", first: 299 }),
  event({ object: nginxPod, reason: "Started", message: "Started container nginx", component: "kubelet", first: 299 }),
];

export const badimagePod = pod({
  name: "badimage",
  image: "nginxx",
  labels: { run: "badimage" },
  nodeName: "node01",
  hostIP: "192.168.1.11",
  podIP: "10.244.1.7",
  phase: "Pending",
  startTime: "2026-11-25T09:46:11Z",
  created: ago(99),
  conditions: NOT_READY_CONDITIONS,
  containerStatus: { image: "nginxx", imageID: "", ready: false, restartCount: 0, started: false, state: { waiting: { reason: "ImagePullBackOff", message: 'Back-off pulling image "nginxx"' } } },
});

const PULL_FAILURE =
  'Failed to pull image "nginxx": failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';

export const badimageEvents = [
  event({ object: badimagePod, reason: "Scheduled", message: "Successfully assigned default/badimage to node01", component: "default-scheduler", first: 98 }),
  event({ object: badimagePod, reason: "Pulling", message: 'Pulling image "nginxx"', component: "kubelet", first: 97, last: 53, count: 3 }),
  event({ object: badimagePod, type: "Warning", reason: "Failed", message: PULL_FAILURE, component: "kubelet", first: 96, last: 52, count: 3 }),
  event({ object: badimagePod, type: "Warning", reason: "Failed", message: "Error: ErrImagePull", component: "kubelet", first: 96, last: 52, count: 3 }),
  event({ object: badimagePod, reason: "BackOff", message: 'Back-off pulling image "nginxx"', component: "kubelet", first: 95, last: 13, count: 4 }),
  event({ object: badimagePod, type: "Warning", reason: "Failed", message: "Error: ImagePullBackOff", component: "kubelet", first: 95, last: 13, count: 4 }),
];

export const bigpodPod = (() => {
  const p = pod({ name: "bigpod", image: "nginx", labels: { run: "bigpod" }, phase: "Pending", created: ago(48), conditions: [["PodScheduled", "False"]] });
  return p;
})();

export const bigpodEvents = [
  event({
    object: bigpodPod,
    type: "Warning",
    reason: "FailedScheduling",
    message:
      "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
    component: "default-scheduler",
    first: 48,
  }),
];

export const crashyPod = pod({
  name: "crashy",
  image: "busybox",
  labels: { run: "crashy" },
  nodeName: "node01",
  hostIP: "192.168.1.11",
  podIP: "10.244.1.8",
  startTime: "2026-11-25T09:36:06Z",
  created: ago(11 * 60 + 42),
  conditions: NOT_READY_CONDITIONS,
  containerStatus: {
    image: "docker.io/library/busybox:latest",
    ready: false,
    restartCount: 5,
    started: false,
    state: { waiting: { reason: "CrashLoopBackOff", message: "back-off 2m40s restarting failed container=crashy pod=crashy_default(uid-crashy)" } },
    lastState: { terminated: { exitCode: 0, reason: "Completed", startedAt: "2026-11-25T09:45:41Z", finishedAt: "2026-11-25T09:45:42Z", containerID: "containerd://0a1b" } },
  },
});

const FRONTEND_UID = "uid-rs-frontend";

export const frontendRS: KubeObject = {
  apiVersion: "apps/v1",
  kind: "ReplicaSet",
  metadata: { name: "frontend", namespace: "default", uid: FRONTEND_UID, creationTimestamp: ago(20 * 60 + 30), labels: { app: "guestbook", tier: "frontend" } },
  spec: {
    replicas: 3,
    selector: { matchLabels: { tier: "frontend" } },
    template: {
      metadata: { labels: { tier: "frontend" } },
      spec: {
        containers: [{ name: "nginx", image: "nginx", imagePullPolicy: "Always", resources: {}, terminationMessagePath: "/dev/termination-log", terminationMessagePolicy: "File" }],
        dnsPolicy: "ClusterFirst",
        restartPolicy: "Always",
        schedulerName: "default-scheduler",
        securityContext: {},
        terminationGracePeriodSeconds: 30,
      },
    },
  },
  status: { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 },
};

export const frontendPods = ["frontend-8xkqz", "frontend-b7p2w", "frontend-zq5lm"].map((name, i) =>
  pod({
    name,
    image: "nginx",
    labels: { tier: "frontend" },
    nodeName: "node01",
    hostIP: "192.168.1.11",
    podIP: `10.244.1.${20 + i}`,
    startTime: ago(20 * 60 + 20),
    created: ago(20 * 60 + 20),
    conditions: RUNNING_CONDITIONS,
    owner: { kind: "ReplicaSet", name: "frontend", uid: FRONTEND_UID },
    containerStatus: { name: "nginx", ready: true, restartCount: 0, state: { running: { startedAt: ago(20 * 60) } } },
  }),
);

export const frontendEvents = frontendPods.map((p) =>
  event({ object: frontendRS, reason: "SuccessfulCreate", message: `Created pod: ${p.metadata.name}`, component: "replicaset-controller", first: 20 * 60 + 20 }),
);

export const myappRC: KubeObject = {
  apiVersion: "v1",
  kind: "ReplicationController",
  metadata: { name: "myapp-rc", namespace: "default", uid: "uid-rc-myapp", creationTimestamp: ago(30 * 60), labels: { app: "myapp" } },
  spec: {
    replicas: 3,
    selector: { app: "myapp" },
    template: {
      metadata: { labels: { app: "myapp", type: "front-end" } },
      spec: { containers: [{ name: "nginx-container", image: "nginx", imagePullPolicy: "Always", resources: {} }], restartPolicy: "Always" },
    },
  },
  status: { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 },
};

const WEB_UID = "uid-deploy-web";
const webTemplate = (hash?: string) => ({
  metadata: { labels: hash ? { app: "web", "pod-template-hash": hash } : { app: "web" } },
  spec: {
    containers: [{ name: "nginx", image: "nginx:1.27", imagePullPolicy: "IfNotPresent", resources: {}, terminationMessagePath: "/dev/termination-log", terminationMessagePolicy: "File" }],
    dnsPolicy: "ClusterFirst",
    restartPolicy: "Always",
    schedulerName: "default-scheduler",
    securityContext: {},
    terminationGracePeriodSeconds: 30,
  },
});

export const webDeployment: KubeObject = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "default", uid: WEB_UID, generation: 1, creationTimestamp: "2026-11-25T07:46:06Z", labels: { app: "web" }, annotations: { "deployment.kubernetes.io/revision": "1" } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: "web" } },
    strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } },
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
    template: webTemplate(),
  },
  status: {
    observedGeneration: 1,
    replicas: 2,
    updatedReplicas: 2,
    readyReplicas: 2,
    availableReplicas: 2,
    conditions: [
      { type: "Available", status: "True", reason: "MinimumReplicasAvailable", message: "Deployment has minimum availability." },
      { type: "Progressing", status: "True", reason: "NewReplicaSetAvailable", message: 'ReplicaSet "web-5d8f7b9c6d" has successfully progressed.' },
    ],
  },
};

export const webRS: KubeObject = {
  apiVersion: "apps/v1",
  kind: "ReplicaSet",
  metadata: {
    name: "web-5d8f7b9c6d",
    namespace: "default",
    uid: "uid-rs-web",
    creationTimestamp: "2026-11-25T07:46:06Z",
    labels: { app: "web", "pod-template-hash": "5d8f7b9c6d" },
    annotations: { "deployment.kubernetes.io/desired-replicas": "2", "deployment.kubernetes.io/max-replicas": "3", "deployment.kubernetes.io/revision": "1" },
    ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: WEB_UID, controller: true, blockOwnerDeletion: true }],
  },
  spec: { replicas: 2, selector: { matchLabels: { app: "web", "pod-template-hash": "5d8f7b9c6d" } }, template: webTemplate("5d8f7b9c6d") },
  status: { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 },
};

export const kubernetesService: KubeObject = {
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: "kubernetes", namespace: "default", uid: "uid-svc-kubernetes", creationTimestamp: "2026-11-22T07:43:12Z", labels: { component: "apiserver", provider: "kubernetes" } },
  spec: {
    clusterIP: "10.96.0.1",
    clusterIPs: ["10.96.0.1"],
    internalTrafficPolicy: "Cluster",
    ipFamilies: ["IPv4"],
    ipFamilyPolicy: "SingleStack",
    ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }],
    sessionAffinity: "None",
    type: "ClusterIP",
  },
  status: { loadBalancer: {} },
};

export const kubernetesSlice: KubeObject = {
  apiVersion: "discovery.k8s.io/v1",
  kind: "EndpointSlice",
  metadata: { name: "kubernetes", namespace: "default", labels: { "kubernetes.io/service-name": "kubernetes", "endpointslice.kubernetes.io/managed-by": "endpointslicemirroring-controller.k8s.io" } },
  addressType: "IPv4",
  endpoints: [{ addresses: ["192.168.1.10"], conditions: { ready: true } }],
  ports: [{ name: "https", port: 6443, protocol: "TCP" }],
};

const NODE_LABELS = (name: string) => ({
  "beta.kubernetes.io/arch": "amd64",
  "beta.kubernetes.io/os": "linux",
  "kubernetes.io/arch": "amd64",
  "kubernetes.io/hostname": name,
  "kubernetes.io/os": "linux",
});

const NODE_ANNOTATIONS = {
  "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock",
  "node.alpha.kubernetes.io/ttl": "0",
  "volumes.kubernetes.io/controller-managed-attach-detach": "true",
};

const condition = (type: string, status: string, reason: string, message: string, transition: string) => ({
  type,
  status,
  lastHeartbeatTime: "2026-11-25T09:47:26Z",
  lastTransitionTime: transition,
  reason,
  message,
});

export const node01: KubeObject = {
  apiVersion: "v1",
  kind: "Node",
  metadata: { name: "node01", uid: "uid-node01", creationTimestamp: "2026-11-22T07:52:46Z", labels: NODE_LABELS("node01"), annotations: NODE_ANNOTATIONS },
  spec: { podCIDR: "10.244.1.0/24", podCIDRs: ["10.244.1.0/24"] },
  status: {
    capacity: { cpu: "2", "ephemeral-storage": "20134592Ki", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: "4005020Ki", pods: "110" },
    allocatable: { cpu: "2", "ephemeral-storage": "18556039957", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: "3902620Ki", pods: "110" },
    conditions: [
      condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", "2026-11-22T07:52:51Z"),
      condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", "2026-11-22T07:52:51Z"),
      condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", "2026-11-22T07:52:51Z"),
      condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", "2026-11-22T07:53:26Z"),
    ],
    addresses: [
      { type: "InternalIP", address: "192.168.1.11" },
      { type: "Hostname", address: "node01" },
    ],
    nodeInfo: {
      machineID: "2f4c1b8e9d0a4e6f8b7c6d5e4f3a2b1c",
      systemUUID: "2f4c1b8e-9d0a-4e6f-8b7c-6d5e4f3a2b1c",
      bootID: "7a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
      kernelVersion: "5.15.0-1071-gcp",
      osImage: "Ubuntu 22.04.5 LTS",
      operatingSystem: "linux",
      architecture: "amd64",
      containerRuntimeVersion: "containerd://1.7.24",
      kubeletVersion: "v1.32.4",
      kubeProxyVersion: "",
    },
  },
};

export const node01Lease: KubeObject = {
  apiVersion: "coordination.k8s.io/v1",
  kind: "Lease",
  metadata: { name: "node01", namespace: "kube-node-lease", uid: "uid-lease-node01", creationTimestamp: "2026-11-22T07:52:47Z" },
  spec: { holderIdentity: "node01", leaseDurationSeconds: 40, renewTime: "2026-11-25T09:47:50.000000Z" },
};

export const defaultNamespace: KubeObject = {
  apiVersion: "v1",
  kind: "Namespace",
  metadata: { name: "default", uid: "uid-ns-default", creationTimestamp: "2026-11-22T07:43:10Z", labels: { "kubernetes.io/metadata.name": "default" } },
  spec: { finalizers: ["kubernetes"] },
  status: { phase: "Active" },
};
