/** Versions of the programs on the simulated kubeadm nodes (Ubuntu 22.04), in one place. */
export const KUBE_VERSION = "v1.32.4";
export const ETCD_VERSION = "3.5.16";
/** Ubuntu 22.04's curl; the nginx image (Debian bookworm) and curlimages/curl ship newer ones. */
export const NODE_CURL_VERSION = "7.81.0";
