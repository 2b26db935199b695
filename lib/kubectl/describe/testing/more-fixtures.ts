import type { KubeObject } from "../../../cluster/index";
import { ago, event, pod } from "./fixtures";

export const opaqueSecret: KubeObject = {
  apiVersion: "v1",
  kind: "Secret",
  metadata: { name: "db", namespace: "default", uid: "uid-secret", creationTimestamp: ago(60) },
  type: "Opaque",
  data: { username: "YWRtaW4=", password: "czNjcjN0IQ==" },
};

export const saTokenSecret: KubeObject = {
  apiVersion: "v1",
  kind: "Secret",
  metadata: { name: "build-robot-token", namespace: "default", annotations: { "kubernetes.io/service-account.name": "build-robot", "kubernetes.io/service-account.uid": "uid-sa" } },
  type: "kubernetes.io/service-account-token",
  data: { "ca.crt": "AAECAwQ=", namespace: "ZGVmYXVsdA==", token: "ZXlKaGJHY2lPaUpTVXpJMU5pSjkuYWJj" },
};

export const gameConfig: KubeObject = {
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name: "game-config", namespace: "default", uid: "uid-cm", creationTimestamp: ago(60) },
  data: { "ui.properties": "color.good=purple\ncolor.bad=yellow", lives: "3" },
  binaryData: { "logo.png": "iVBORw0KGgo=" },
};

export const buildRobot: KubeObject = {
  apiVersion: "v1",
  kind: "ServiceAccount",
  metadata: { name: "build-robot", namespace: "default", uid: "uid-sa", creationTimestamp: ago(60) },
  secrets: [{ name: "build-robot-token" }, { name: "gone" }],
  imagePullSecrets: [{ name: "regcred" }],
};

export const webEndpoints: KubeObject = {
  apiVersion: "v1",
  kind: "Endpoints",
  metadata: { name: "web", namespace: "default", uid: "uid-ep", labels: { app: "web" } },
  subsets: [
    {
      addresses: [{ ip: "10.244.1.5" }, { ip: "10.244.1.6" }],
      notReadyAddresses: [{ ip: "10.244.1.7" }],
      ports: [{ name: "http", port: 80, protocol: "TCP" }],
    },
  ],
};

export const kubeProxyDS: KubeObject = {
  apiVersion: "apps/v1",
  kind: "DaemonSet",
  metadata: { name: "kube-proxy", namespace: "kube-system", uid: "uid-ds", creationTimestamp: ago(86400 * 3), labels: { "k8s-app": "kube-proxy" }, annotations: { "deprecated.daemonset.template.generation": "1" } },
  spec: {
    selector: { matchLabels: { "k8s-app": "kube-proxy" } },
    template: {
      metadata: { labels: { "k8s-app": "kube-proxy" } },
      spec: {
        serviceAccountName: "kube-proxy",
        priorityClassName: "system-node-critical",
        nodeSelector: { "kubernetes.io/os": "linux" },
        containers: [
          {
            name: "kube-proxy",
            image: "registry.k8s.io/kube-proxy:v1.32.4",
            command: ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", "--hostname-override=$(NODE_NAME)"],
            env: [{ name: "NODE_NAME", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "spec.nodeName" } } }],
            volumeMounts: [
              { name: "kube-proxy", mountPath: "/var/lib/kube-proxy" },
              { name: "lib-modules", mountPath: "/lib/modules", readOnly: true },
            ],
          },
        ],
        volumes: [
          { name: "kube-proxy", configMap: { name: "kube-proxy" } },
          { name: "lib-modules", hostPath: { path: "/lib/modules", type: "" } },
        ],
        tolerations: [{ operator: "Exists" }],
      },
    },
  },
  status: { desiredNumberScheduled: 2, currentNumberScheduled: 2, updatedNumberScheduled: 2, numberAvailable: 2, numberMisscheduled: 0, numberReady: 2 },
};

export const kubeProxyPods = ["kube-proxy-d9vqz", "kube-proxy-x2m4p"].map((name) =>
  pod({ name, namespace: "kube-system", image: "registry.k8s.io/kube-proxy:v1.32.4", labels: { "k8s-app": "kube-proxy" }, owner: { kind: "DaemonSet", name: "kube-proxy", uid: "uid-ds" }, created: ago(86400 * 3) }),
);

export const kubeProxyEvents = [event({ object: kubeProxyDS, reason: "SuccessfulCreate", message: "Created pod: kube-proxy-x2m4p", component: "daemonset-controller", first: 86400 * 3 })];

export const controlplane: KubeObject = {
  apiVersion: "v1",
  kind: "Node",
  metadata: {
    name: "controlplane",
    uid: "uid-cp",
    creationTimestamp: "2026-11-22T07:43:10Z",
    labels: { "kubernetes.io/hostname": "controlplane", "node-role.kubernetes.io/control-plane": "", "node.kubernetes.io/exclude-from-external-load-balancers": "" },
  },
  spec: {
    podCIDR: "10.244.0.0/24",
    podCIDRs: ["10.244.0.0/24"],
    unschedulable: true,
    taints: [
      { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule", timeAdded: "2026-11-25T09:00:00Z" },
      { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" },
      { key: "dedicated", value: "infra", effect: "NoExecute" },
    ],
  },
  status: {
    capacity: { cpu: "2", memory: "4005020Ki", pods: "110", "nvidia.com/gpu": "1" },
    allocatable: { cpu: "2", memory: "3902620Ki", pods: "110", "nvidia.com/gpu": "1" },
    conditions: [],
    addresses: [{ type: "InternalIP", address: "192.168.1.10" }],
    nodeInfo: { kubeletVersion: "v1.32.4" },
  },
};

const cpPod = (name: string, resources: Record<string, unknown>) => pod({ name, namespace: "kube-system", image: `registry.k8s.io/${name}`, nodeName: "controlplane", created: "2026-11-22T07:43:20Z", resources });

export const controlplanePods = [
  cpPod("etcd-controlplane", { requests: { cpu: "100m", memory: "100Mi" } }),
  cpPod("kube-apiserver-controlplane", { requests: { cpu: "250m" } }),
  cpPod("coredns-668d6bf9bc-4xq7z", { requests: { cpu: "100m", memory: "70Mi" }, limits: { memory: "170Mi", "nvidia.com/gpu": "1" } }),
];

export const nodeEventsByName = [
  // the kubelet's events name the node by name in involvedObject.uid
  event({ object: { ...controlplane, metadata: { ...controlplane.metadata, uid: "controlplane" } }, reason: "NodeNotSchedulable", message: "Node controlplane status is now: NodeNotSchedulable", component: "kubelet", first: 120 }),
];

export const clusterEvent: KubeObject = event({ object: pod({ name: "nginx", image: "nginx" }), reason: "Scheduled", message: "Successfully assigned default/nginx to node01", component: "default-scheduler", first: 30 });

export const nodePortService: KubeObject = {
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: "web", namespace: "default", uid: "uid-svc-web", creationTimestamp: ago(60), labels: { app: "web" } },
  spec: {
    type: "NodePort",
    selector: { app: "web" },
    clusterIP: "10.96.120.15",
    clusterIPs: ["10.96.120.15"],
    ipFamilies: ["IPv4"],
    ipFamilyPolicy: "SingleStack",
    ports: [{ port: 80, protocol: "TCP", targetPort: "http", nodePort: 30080 }],
    sessionAffinity: "None",
    externalTrafficPolicy: "Cluster",
    internalTrafficPolicy: "Cluster",
  },
};

export const webSlice: KubeObject = {
  apiVersion: "discovery.k8s.io/v1",
  kind: "EndpointSlice",
  metadata: { name: "web-abcde", namespace: "default", labels: { "kubernetes.io/service-name": "web" } },
  addressType: "IPv4",
  endpoints: ["10.244.1.5", "10.244.1.6", "10.244.1.7", "10.244.1.8", "10.244.1.9"].map((ip, i) => ({ addresses: [ip], conditions: { ready: i !== 1 } })),
  ports: [{ name: "", port: 8080, protocol: "TCP" }],
};
