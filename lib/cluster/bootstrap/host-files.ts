import type { HostFs } from "../hosts/host-fs";
import type { SeededRandom } from "../runtime/random";
import { apiServerManifest, controllerManagerManifest, etcdManifest, schedulerManifest } from "./static-pod-manifests";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Key material that looks like kubeadm's (PEM, base64) but is seeded filler. */
export class FakePki {
  constructor(private readonly random: SeededRandom) {}

  pem(label: "CERTIFICATE" | "RSA PRIVATE KEY" | "PUBLIC KEY", bytes: number): string {
    const body = this.random.string(Math.ceil((bytes * 4) / 3 / 4) * 4, B64);
    const lines = body.match(/.{1,64}/g) ?? [];
    return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
  }

  /** base64 of a PEM, as kubeconfigs embed certificate data on one line. */
  b64(text: string): string {
    let out = "";
    let i = 0;
    for (; i + 2 < text.length; i += 3) {
      const n = (text.charCodeAt(i) << 16) | (text.charCodeAt(i + 1) << 8) | text.charCodeAt(i + 2);
      out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
    }
    const rest = text.length - i;
    if (rest === 1) {
      const n = text.charCodeAt(i) << 16;
      out += `${B64[(n >> 18) & 63]}${B64[(n >> 12) & 63]}==`;
    } else if (rest === 2) {
      const n = (text.charCodeAt(i) << 16) | (text.charCodeAt(i + 1) << 8);
      out += `${B64[(n >> 18) & 63]}${B64[(n >> 12) & 63]}${B64[(n >> 6) & 63]}=`;
    }
    return out;
  }
}

function kubeconfig(opts: { server: string; caData: string; user: string; context: string; cluster?: string; userBody: string[] }): string {
  const cluster = opts.cluster ?? "kubernetes";
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${opts.caData}
    server: ${opts.server}
  name: ${cluster}
contexts:
- context:
    cluster: ${cluster}
    user: ${opts.user}
  name: ${opts.context}
current-context: ${opts.context}
kind: Config
preferences: {}
users:
- name: ${opts.user}
  user:
${opts.userBody.map((l) => `    ${l}`).join("\n")}
`;
}

export const KUBELET_CONFIG = `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 0s
    cacheUnauthorizedTTL: 0s
cgroupDriver: systemd
clusterDNS:
- 10.96.0.10
clusterDomain: cluster.local
containerRuntimeEndpoint: ""
cpuManagerReconcilePeriod: 0s
crashLoopBackOff: {}
evictionPressureTransitionPeriod: 0s
fileCheckFrequency: 0s
healthzBindAddress: 127.0.0.1
healthzPort: 10248
httpCheckFrequency: 0s
imageMaximumGCAge: 0s
imageMinimumGCAge: 0s
kind: KubeletConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
memorySwap: {}
nodeStatusReportFrequency: 0s
nodeStatusUpdateFrequency: 0s
resolvConf: /run/systemd/resolve/resolv.conf
rotateCertificates: true
runtimeRequestTimeout: 0s
shutdownGracePeriod: 0s
shutdownGracePeriodCriticalPods: 0s
staticPodPath: /etc/kubernetes/manifests
streamingConnectionIdleTimeout: 0s
syncFrequency: 0s
volumeStatsAggPeriod: 0s
`;

export const KUBEADM_DROPIN = `# Note: This dropin only works with kubeadm and kubelet v1.11+
[Service]
Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
# This is a file that "kubeadm init" and "kubeadm join" generates at runtime, populating the KUBELET_KUBEADM_ARGS variable dynamically
EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
# This is a file that the user can use for overrides of the kubelet args as a last resort. Preferably, the user should use
# the .NodeRegistration.KubeletExtraArgs object in the configuration files instead. KUBELET_EXTRA_ARGS should be sourced from this file.
EnvironmentFile=-/etc/default/kubelet
ExecStart=
ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
`;

export const KUBELET_UNIT = `[Unit]
Description=kubelet: The Kubernetes Node Agent
Documentation=https://kubernetes.io/docs/
Wants=network-online.target
After=network-online.target

[Service]
ExecStart=/usr/bin/kubelet
Restart=always
StartLimitInterval=0
RestartSec=10

[Install]
WantedBy=multi-user.target
`;

export const KUBEADM_FLAGS_ENV = `KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.10"
`;

function write(fs: HostFs, path: string, content: string, mode = 0o644): void {
  fs.mkdir(path.slice(0, path.lastIndexOf("/")) || "/", { parents: true });
  fs.writeFile(path, content, mode);
}

/** Files `kubeadm init` leaves on the control plane. Returns admin.conf (for /root/.kube/config and cluster-info). */
export function writeControlPlaneFiles(fs: HostFs, node: string, ip: string, pki: FakePki): { caCert: string } {
  const ca = pki.pem("CERTIFICATE", 813);
  const server = `https://${ip}:6443`;
  const caData = pki.b64(ca);
  const certKey = (user: string, context: string) =>
    kubeconfig({ server, caData, user, context, userBody: [`client-certificate-data: ${pki.b64(pki.pem("CERTIFICATE", 832))}`, `client-key-data: ${pki.b64(pki.pem("RSA PRIVATE KEY", 1190))}`] });

  const certs: [string, string][] = [
    ["ca.crt", ca],
    ["ca.key", pki.pem("RSA PRIVATE KEY", 1190)],
    ["apiserver.crt", pki.pem("CERTIFICATE", 960)],
    ["apiserver.key", pki.pem("RSA PRIVATE KEY", 1190)],
    ["apiserver-etcd-client.crt", pki.pem("CERTIFICATE", 832)],
    ["apiserver-etcd-client.key", pki.pem("RSA PRIVATE KEY", 1190)],
    ["apiserver-kubelet-client.crt", pki.pem("CERTIFICATE", 832)],
    ["apiserver-kubelet-client.key", pki.pem("RSA PRIVATE KEY", 1190)],
    ["front-proxy-ca.crt", pki.pem("CERTIFICATE", 813)],
    ["front-proxy-ca.key", pki.pem("RSA PRIVATE KEY", 1190)],
    ["front-proxy-client.crt", pki.pem("CERTIFICATE", 832)],
    ["front-proxy-client.key", pki.pem("RSA PRIVATE KEY", 1190)],
    ["sa.key", pki.pem("RSA PRIVATE KEY", 1190)],
    ["sa.pub", pki.pem("PUBLIC KEY", 294)],
    ["etcd/ca.crt", pki.pem("CERTIFICATE", 813)],
    ["etcd/ca.key", pki.pem("RSA PRIVATE KEY", 1190)],
    ["etcd/healthcheck-client.crt", pki.pem("CERTIFICATE", 832)],
    ["etcd/healthcheck-client.key", pki.pem("RSA PRIVATE KEY", 1190)],
    ["etcd/peer.crt", pki.pem("CERTIFICATE", 860)],
    ["etcd/peer.key", pki.pem("RSA PRIVATE KEY", 1190)],
    ["etcd/server.crt", pki.pem("CERTIFICATE", 860)],
    ["etcd/server.key", pki.pem("RSA PRIVATE KEY", 1190)],
  ];
  for (const [name, text] of certs) write(fs, `/etc/kubernetes/pki/${name}`, text, name.endsWith(".key") ? 0o600 : 0o644);

  const admin = certKey("kubernetes-admin", "kubernetes-admin@kubernetes");
  write(fs, "/etc/kubernetes/admin.conf", admin, 0o600);
  write(fs, "/etc/kubernetes/super-admin.conf", certKey("kubernetes-super-admin", "kubernetes-super-admin@kubernetes"), 0o600);
  write(fs, "/etc/kubernetes/controller-manager.conf", certKey("system:kube-controller-manager", "system:kube-controller-manager@kubernetes"), 0o600);
  write(fs, "/etc/kubernetes/scheduler.conf", certKey("system:kube-scheduler", "system:kube-scheduler@kubernetes"), 0o600);
  write(
    fs,
    "/etc/kubernetes/kubelet.conf",
    kubeconfig({
      server,
      caData,
      user: `system:node:${node}`,
      context: `system:node:${node}@kubernetes`,
      userBody: ["client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem", "client-key: /var/lib/kubelet/pki/kubelet-client-current.pem"],
    }),
    0o600,
  );
  write(fs, "/etc/kubernetes/manifests/etcd.yaml", etcdManifest(node, ip), 0o600);
  write(fs, "/etc/kubernetes/manifests/kube-apiserver.yaml", apiServerManifest(ip), 0o600);
  write(fs, "/etc/kubernetes/manifests/kube-controller-manager.yaml", controllerManagerManifest(), 0o600);
  write(fs, "/etc/kubernetes/manifests/kube-scheduler.yaml", schedulerManifest(), 0o600);
  fs.mkdir("/var/lib/etcd/member", { parents: true });
  write(fs, "/root/.kube/config", admin, 0o600);
  writeKubeletFiles(fs, pki);
  return { caCert: ca };
}

/** Files `kubeadm join` leaves on a worker (the kubelet's kubeconfig comes from TLS bootstrap). */
export function writeWorkerFiles(fs: HostFs, controlPlaneIP: string, caCert: string, pki: FakePki): void {
  write(fs, "/etc/kubernetes/pki/ca.crt", caCert);
  write(
    fs,
    "/etc/kubernetes/kubelet.conf",
    kubeconfig({
      server: `https://${controlPlaneIP}:6443`,
      caData: pki.b64(caCert),
      cluster: "default-cluster",
      user: "default-auth",
      context: "default-context",
      userBody: ["client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem", "client-key: /var/lib/kubelet/pki/kubelet-client-current.pem"],
    }),
    0o600,
  );
  fs.mkdir("/etc/kubernetes/manifests", { parents: true });
  writeKubeletFiles(fs, pki);
}

function writeKubeletFiles(fs: HostFs, pki: FakePki): void {
  write(fs, "/var/lib/kubelet/config.yaml", KUBELET_CONFIG);
  write(fs, "/var/lib/kubelet/kubeadm-flags.env", KUBEADM_FLAGS_ENV);
  const pem = pki.pem("CERTIFICATE", 1100) + pki.pem("RSA PRIVATE KEY", 227);
  write(fs, "/var/lib/kubelet/pki/kubelet-client-current.pem", pem, 0o600);
  write(fs, "/var/lib/kubelet/pki/kubelet.crt", pki.pem("CERTIFICATE", 900));
  write(fs, "/var/lib/kubelet/pki/kubelet.key", pki.pem("RSA PRIVATE KEY", 1190), 0o600);
  // pkgs.k8s.io's kubeadm package puts the drop-in beside the vendor units (systemctl status shows it there).
  write(fs, "/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf", KUBEADM_DROPIN);
  write(fs, "/lib/systemd/system/kubelet.service", KUBELET_UNIT);
  fs.mkdir("/etc/kubernetes/manifests", { parents: true });
}
