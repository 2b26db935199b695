/**
 * The four static pod manifests `kubeadm init` (v1.32) writes to /etc/kubernetes/manifests, as text,
 * with kubeadm's field order (it marshals the Pod struct, so keys come out sorted) and its flags
 * sorted alphabetically.
 */

export const KUBERNETES_VERSION = "v1.32.4";
export const ETCD_IMAGE = "registry.k8s.io/etcd:3.5.16-0";
export const POD_SUBNET = "10.244.0.0/16";
export const SERVICE_SUBNET = "10.96.0.0/12";

function flags(list: string[]): string {
  return list.map((f) => `    - ${f}`).join("\n");
}

interface HostPathVolume {
  name: string;
  path: string;
  type: "DirectoryOrCreate" | "FileOrCreate";
  mountPath?: string;
  readOnly?: boolean;
}

function mounts(vols: HostPathVolume[]): string {
  return [...vols]
    .sort((a, b) => (a.mountPath ?? a.path).localeCompare(b.mountPath ?? b.path))
    .map((v) => `    - mountPath: ${v.mountPath ?? v.path}\n      name: ${v.name}${v.readOnly ? "\n      readOnly: true" : ""}`)
    .join("\n");
}

function volumes(vols: HostPathVolume[]): string {
  return [...vols]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((v) => `  - hostPath:\n      path: ${v.path}\n      type: ${v.type}\n    name: ${v.name}`)
    .join("\n");
}

function probe(kind: string, host: string, path: string, port: number, scheme: "HTTP" | "HTTPS", failureThreshold: number, initialDelay: boolean, period = 10): string {
  return [
    `    ${kind}:`,
    `      failureThreshold: ${failureThreshold}`,
    "      httpGet:",
    `        host: ${host}`,
    `        path: ${path}`,
    `        port: ${port}`,
    `        scheme: ${scheme}`,
    ...(initialDelay ? ["      initialDelaySeconds: 10"] : []),
    `      periodSeconds: ${period}`,
    "      timeoutSeconds: 15",
  ].join("\n");
}

function pod(opts: { name: string; annotations?: Record<string, string>; command: string[]; image: string; probes: string[]; requests: string[]; vols: HostPathVolume[] }): string {
  const ann = opts.annotations
    ? `  annotations:\n${Object.entries(opts.annotations)
        .map(([k, v]) => `    ${k}: ${v}`)
        .join("\n")}\n`
    : "";
  const [liveness, readiness, startup] = opts.probes;
  return `apiVersion: v1
kind: Pod
metadata:
${ann}  creationTimestamp: null
  labels:
    component: ${opts.name}
    tier: control-plane
  name: ${opts.name}
  namespace: kube-system
spec:
  containers:
  - command:
${flags(opts.command)}
    image: ${opts.image}
    imagePullPolicy: IfNotPresent
${liveness}
    name: ${opts.name}
${readiness ? `${readiness}\n` : ""}    resources:
      requests:
${opts.requests.map((r) => `        ${r}`).join("\n")}
${startup}
    volumeMounts:
${mounts(opts.vols)}
  hostNetwork: true
  priority: 2000001000
  priorityClassName: system-node-critical
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  volumes:
${volumes(opts.vols)}
status: {}
`;
}

const CA_VOLUMES: HostPathVolume[] = [
  { name: "ca-certs", path: "/etc/ssl/certs", type: "DirectoryOrCreate", readOnly: true },
  { name: "etc-ca-certificates", path: "/etc/ca-certificates", type: "DirectoryOrCreate", readOnly: true },
  { name: "k8s-certs", path: "/etc/kubernetes/pki", type: "DirectoryOrCreate", readOnly: true },
  { name: "usr-local-share-ca-certificates", path: "/usr/local/share/ca-certificates", type: "DirectoryOrCreate", readOnly: true },
  { name: "usr-share-ca-certificates", path: "/usr/share/ca-certificates", type: "DirectoryOrCreate", readOnly: true },
];

export function etcdManifest(node: string, ip: string): string {
  return pod({
    name: "etcd",
    annotations: { "kubeadm.kubernetes.io/etcd.advertise-client-urls": `https://${ip}:2379` },
    command: [
      "etcd",
      `--advertise-client-urls=https://${ip}:2379`,
      "--cert-file=/etc/kubernetes/pki/etcd/server.crt",
      "--client-cert-auth=true",
      "--data-dir=/var/lib/etcd",
      "--experimental-initial-corrupt-check=true",
      "--experimental-watch-progress-notify-interval=5s",
      `--initial-advertise-peer-urls=https://${ip}:2380`,
      `--initial-cluster=${node}=https://${ip}:2380`,
      "--key-file=/etc/kubernetes/pki/etcd/server.key",
      `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`,
      "--listen-metrics-urls=http://127.0.0.1:2381",
      `--listen-peer-urls=https://${ip}:2380`,
      `--name=${node}`,
      "--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt",
      "--peer-client-cert-auth=true",
      "--peer-key-file=/etc/kubernetes/pki/etcd/peer.key",
      "--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt",
      "--snapshot-count=10000",
      "--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt",
    ],
    image: ETCD_IMAGE,
    probes: [
      probe("livenessProbe", "127.0.0.1", "/livez", 2381, "HTTP", 8, true),
      probe("readinessProbe", "127.0.0.1", "/readyz", 2381, "HTTP", 3, false, 1),
      probe("startupProbe", "127.0.0.1", "/readyz", 2381, "HTTP", 24, true),
    ],
    requests: ["cpu: 100m", "memory: 100Mi"],
    vols: [
      { name: "etcd-certs", path: "/etc/kubernetes/pki/etcd", type: "DirectoryOrCreate" },
      { name: "etcd-data", path: "/var/lib/etcd", type: "DirectoryOrCreate" },
    ],
  });
}

/** kube-apiserver flags, as in the reference (§6.8) with this node's address. */
export function apiServerFlags(ip: string): string[] {
  return [
    "kube-apiserver",
    `--advertise-address=${ip}`,
    "--allow-privileged=true",
    "--authorization-mode=Node,RBAC",
    "--client-ca-file=/etc/kubernetes/pki/ca.crt",
    "--enable-admission-plugins=NodeRestriction",
    "--enable-bootstrap-token-auth=true",
    "--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt",
    "--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt",
    "--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key",
    "--etcd-servers=https://127.0.0.1:2379",
    "--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt",
    "--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key",
    "--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname",
    "--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt",
    "--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key",
    "--requestheader-allowed-names=front-proxy-client",
    "--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt",
    "--requestheader-extra-headers-prefix=X-Remote-Extra-",
    "--requestheader-group-headers=X-Remote-Group",
    "--requestheader-username-headers=X-Remote-User",
    "--secure-port=6443",
    "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
    "--service-account-key-file=/etc/kubernetes/pki/sa.pub",
    "--service-account-signing-key-file=/etc/kubernetes/pki/sa.key",
    `--service-cluster-ip-range=${SERVICE_SUBNET}`,
    "--tls-cert-file=/etc/kubernetes/pki/apiserver.crt",
    "--tls-private-key-file=/etc/kubernetes/pki/apiserver.key",
  ];
}

export function apiServerManifest(ip: string): string {
  return pod({
    name: "kube-apiserver",
    annotations: { "kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint": `${ip}:6443` },
    command: apiServerFlags(ip),
    image: `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`,
    probes: [
      probe("livenessProbe", ip, "/livez", 6443, "HTTPS", 8, true),
      probe("readinessProbe", ip, "/readyz", 6443, "HTTPS", 3, false, 1),
      probe("startupProbe", ip, "/livez", 6443, "HTTPS", 24, true),
    ],
    requests: ["cpu: 250m"],
    vols: CA_VOLUMES,
  });
}

export function controllerManagerManifest(): string {
  return pod({
    name: "kube-controller-manager",
    command: [
      "kube-controller-manager",
      "--allocate-node-cidrs=true",
      "--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf",
      "--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf",
      "--bind-address=127.0.0.1",
      "--client-ca-file=/etc/kubernetes/pki/ca.crt",
      `--cluster-cidr=${POD_SUBNET}`,
      "--cluster-name=kubernetes",
      "--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt",
      "--cluster-signing-key-file=/etc/kubernetes/pki/ca.key",
      "--controllers=*,bootstrapsigner,tokencleaner",
      "--kubeconfig=/etc/kubernetes/controller-manager.conf",
      "--leader-elect=true",
      "--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt",
      "--root-ca-file=/etc/kubernetes/pki/ca.crt",
      "--service-account-private-key-file=/etc/kubernetes/pki/sa.key",
      `--service-cluster-ip-range=${SERVICE_SUBNET}`,
      "--use-service-account-credentials=true",
    ],
    image: `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`,
    probes: [probe("livenessProbe", "127.0.0.1", "/healthz", 10257, "HTTPS", 8, true), "", probe("startupProbe", "127.0.0.1", "/healthz", 10257, "HTTPS", 24, true)],
    requests: ["cpu: 200m"],
    vols: [
      ...CA_VOLUMES,
      { name: "flexvolume-dir", path: "/usr/libexec/kubernetes/kubelet-plugins/volume/exec", type: "DirectoryOrCreate" },
      { name: "kubeconfig", path: "/etc/kubernetes/controller-manager.conf", type: "FileOrCreate", readOnly: true },
    ],
  });
}

export function schedulerManifest(): string {
  return pod({
    name: "kube-scheduler",
    command: [
      "kube-scheduler",
      "--authentication-kubeconfig=/etc/kubernetes/scheduler.conf",
      "--authorization-kubeconfig=/etc/kubernetes/scheduler.conf",
      "--bind-address=127.0.0.1",
      "--kubeconfig=/etc/kubernetes/scheduler.conf",
      "--leader-elect=true",
    ],
    image: `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`,
    probes: [probe("livenessProbe", "127.0.0.1", "/healthz", 10259, "HTTPS", 8, true), "", probe("startupProbe", "127.0.0.1", "/healthz", 10259, "HTTPS", 24, true)],
    requests: ["cpu: 100m"],
    vols: [{ name: "kubeconfig", path: "/etc/kubernetes/scheduler.conf", type: "FileOrCreate", readOnly: true }],
  });
}
