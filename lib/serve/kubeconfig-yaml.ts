/** A kubeconfig for the served cluster: kubeadm's names, plain HTTP, no credentials (the server trusts everyone). */
export function kubeconfigYaml(serverUrl: string): string {
  return `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: ${serverUrl}
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: kubernetes-admin
  name: kubernetes-admin@kubernetes
current-context: kubernetes-admin@kubernetes
preferences: {}
users:
- name: kubernetes-admin
  user: {}
`;
}
