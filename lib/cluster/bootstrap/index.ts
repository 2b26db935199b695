import type { ApiClient } from "../apiserver/api-client";
import type { NodeConfig } from "../cluster-types";
import type { HostFs } from "../hosts/host-fs";
import { nodeObject } from "../kubelet/node-agent";
import type { Clock } from "../runtime/clock";
import type { SeededRandom } from "../runtime/random";
import { corednsDeployment, kubeadmConfigMaps, kubeDnsService, kubeProxyDaemonSet, kubernetesService, serviceAccounts } from "./addons";
import { FakePki, writeControlPlaneFiles, writeWorkerFiles } from "./host-files";

/** One host of the kubeadm cluster, as createCluster lays it out. */
export interface BootstrapNode {
  config: NodeConfig;
  controlPlane: boolean;
  fs: HostFs;
  /** e.g. "10.244.1.0/24" */
  podCIDR: string;
  /** e.g. "192.168.121.2" */
  internalIP: string;
}

export interface BootstrapEnv {
  /** An API client acting as "kubeadm". */
  client: ApiClient;
  /** Control plane first, then workers. */
  nodes: BootstrapNode[];
  clock: Clock;
  random: SeededRandom;
  /** When `kubeadm init` ran (virtual epoch ms, before clock.now()): ages of system objects. */
  createdAt: number;
}

/**
 * Lays down what `kubeadm init` + `kubeadm join` left behind: host files (manifests, kubeconfigs, kubelet
 * config, systemd units), namespaces, Node objects, and the kube-system add-ons (CoreDNS Deployment,
 * kube-proxy DaemonSet, kube-dns Service, kubeadm ConfigMaps). Call once at cluster creation, before
 * starting the kubelets (they read the files written here). Pods are not created here: the controllers,
 * the scheduler and the kubelets bring them up during the warm-up, so they carry real statuses and events.
 */
export function bootstrapCluster(env: BootstrapEnv): void {
  const { client } = env;
  const pki = new FakePki(env.random);
  const cp = env.nodes.find((n) => n.controlPlane) ?? env.nodes[0];
  const { caCert } = writeControlPlaneFiles(cp.fs, cp.config.name, cp.internalIP, pki);
  for (const n of env.nodes) if (n !== cp) writeWorkerFiles(n.fs, cp.internalIP, caCert, pki);

  for (const ns of ["default", "kube-node-lease", "kube-public", "kube-system"]) {
    client.create("namespaces", undefined, { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } });
  }
  for (const n of env.nodes) client.create("nodes", undefined, nodeObject(n.config, n.controlPlane, n.podCIDR));
  client.create("services", "default", kubernetesService());
  for (const cm of kubeadmConfigMaps(cp.internalIP, pki.b64(caCert))) client.create("configmaps", cm.metadata.namespace, cm);
  for (const sa of serviceAccounts()) client.create("serviceaccounts", "kube-system", sa);
  client.create("services", "kube-system", kubeDnsService());
  client.create("deployments", "kube-system", corednsDeployment());
  client.create("daemonsets", "kube-system", kubeProxyDaemonSet());
}
