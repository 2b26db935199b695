import type { Kubelet } from "./index";

export type ControlPlaneComponent = "etcd" | "kube-apiserver" | "kube-controller-manager" | "kube-scheduler";

/**
 * Whether a control-plane component runs, judged from the control-plane kubelet's static pods.
 * The engine consults it before letting the scheduler or controllers act: a learner who breaks
 * kube-scheduler.yaml sees new pods stay Pending. A cluster without that static pod (not kubeadm) counts as healthy.
 */
export function controlPlaneHealthy(kubelet: Kubelet | undefined, component: ControlPlaneComponent): boolean {
  if (!kubelet) return true;
  // A removed or broken manifest still has an entry (false): the kubelet remembers components it ran.
  return kubelet.staticPodHealthy(component) ?? true;
}
