/**
 * The Go types of the served API, as kubectl's explain and our HTTP server's OpenAPI need them: every struct the
 * simulated kinds reach, by OpenAPI schema name, with its JSON fields and their types. A plain table with no
 * engine imports, so kubectl can read it like the real one reads the server's OpenAPI; lib/serve/api-types.test.ts
 * keeps it equal to the engine's decoding schemas.
 *
 * Field types: `string`, `boolean`, `number`, `int32`, `int64`, `object` (any JSON object), `any`,
 * `[]T`, `map[string]T`, or another schema name.
 */
import type { ResourceInfo } from "../../cluster/index";

const META_TYPES = new Set(["ObjectMeta", "OwnerReference", "LabelSelector", "LabelSelectorRequirement", "ManagedFieldsEntry", "Time"]);
const GROUP_PACKAGE: Record<string, string> = { "": "core", apps: "apps", "coordination.k8s.io": "coordination", "discovery.k8s.io": "discovery" };
/** Struct-name prefixes that live in a group's own package; everything else reached from it is core/v1. */
const GROUP_PREFIXES: Record<string, string[]> = {
  apps: ["Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "RollingUpdate"],
  "coordination.k8s.io": ["Lease"],
  "discovery.k8s.io": ["EndpointSlice", "Endpoint", "ForZone"],
};

/** The schema name of Go struct `typeName` reached from a kind of `group` ("io.k8s.api.apps.v1.DeploymentSpec"). */
export function structSchemaName(typeName: string, group: string): string {
  if (META_TYPES.has(typeName)) return `io.k8s.apimachinery.pkg.apis.meta.v1.${typeName}`;
  const own = GROUP_PREFIXES[group]?.some((p) => typeName.startsWith(p));
  return `io.k8s.api.${own ? GROUP_PACKAGE[group] : "core"}.v1.${typeName}`;
}

/** The schema name of a kind: its last segment is what `kubectl explain` prints as the type. */
export function schemaNameFor(r: Pick<ResourceInfo, "group" | "kind">): string {
  return structSchemaName(r.kind, r.group);
}

export const API_TYPES: Record<string, Record<string, string>> = {
  "io.k8s.api.apps.v1.DaemonSet": { apiVersion: "string", kind: "string", metadata: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", spec: "io.k8s.api.apps.v1.DaemonSetSpec", status: "io.k8s.api.apps.v1.DaemonSetStatus" },
  "io.k8s.api.apps.v1.DaemonSetSpec": { selector: "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector", template: "io.k8s.api.core.v1.PodTemplateSpec", updateStrategy: "io.k8s.api.apps.v1.DaemonSetUpdateStrategy", minReadySeconds: "int32", revisionHistoryLimit: "int32" },
  "io.k8s.api.apps.v1.DaemonSetStatus": {},
  "io.k8s.api.apps.v1.DaemonSetUpdateStrategy": { type: "string", rollingUpdate: "io.k8s.api.apps.v1.RollingUpdateDaemonSet" },
  "io.k8s.api.apps.v1.Deployment": { apiVersion: "string", kind: "string", metadata: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", spec: "io.k8s.api.apps.v1.DeploymentSpec", status: "io.k8s.api.apps.v1.DeploymentStatus" },
  "io.k8s.api.apps.v1.DeploymentSpec": { replicas: "int32", selector: "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector", template: "io.k8s.api.core.v1.PodTemplateSpec", strategy: "io.k8s.api.apps.v1.DeploymentStrategy", minReadySeconds: "int32", revisionHistoryLimit: "int32", paused: "boolean", progressDeadlineSeconds: "int32" },
  "io.k8s.api.apps.v1.DeploymentStatus": {},
  "io.k8s.api.apps.v1.DeploymentStrategy": { type: "string", rollingUpdate: "io.k8s.api.apps.v1.RollingUpdateDeployment" },
  "io.k8s.api.apps.v1.ReplicaSet": { apiVersion: "string", kind: "string", metadata: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", spec: "io.k8s.api.apps.v1.ReplicaSetSpec", status: "io.k8s.api.apps.v1.ReplicaSetStatus" },
  "io.k8s.api.apps.v1.ReplicaSetSpec": { replicas: "int32", minReadySeconds: "int32", selector: "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector", template: "io.k8s.api.core.v1.PodTemplateSpec" },
  "io.k8s.api.apps.v1.ReplicaSetStatus": {},
  "io.k8s.api.apps.v1.RollingUpdateDaemonSet": { maxUnavailable: "io.k8s.apimachinery.pkg.util.intstr.IntOrString", maxSurge: "io.k8s.apimachinery.pkg.util.intstr.IntOrString" },
  "io.k8s.api.apps.v1.RollingUpdateDeployment": { maxUnavailable: "io.k8s.apimachinery.pkg.util.intstr.IntOrString", maxSurge: "io.k8s.apimachinery.pkg.util.intstr.IntOrString" },
  "io.k8s.api.coordination.v1.Lease": { apiVersion: "string", kind: "string", metadata: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", spec: "io.k8s.api.coordination.v1.LeaseSpec" },
  "io.k8s.api.coordination.v1.LeaseSpec": { holderIdentity: "string", leaseDurationSeconds: "int32", acquireTime: "string", renewTime: "string", leaseTransitions: "int32", strategy: "string", preferredHolder: "string" },
  "io.k8s.api.core.v1.Affinity": { nodeAffinity: "io.k8s.api.core.v1.NodeAffinity", podAffinity: "io.k8s.api.core.v1.PodAffinity", podAntiAffinity: "io.k8s.api.core.v1.PodAntiAffinity" },
  "io.k8s.api.core.v1.Capabilities": { add: "[]string", drop: "[]string" },
  "io.k8s.api.core.v1.ConfigMap": { apiVersion: "string", kind: "string", metadata: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", immutable: "boolean", data: "map[string]string", binaryData: "map[string]string" },
  "io.k8s.api.core.v1.ConfigMapEnvSource": { name: "string", optional: "boolean" },
  "io.k8s.api.core.v1.ConfigMapKeySelector": { name: "string", key: "string", optional: "boolean" },
  "io.k8s.api.core.v1.ConfigMapVolumeSource": { name: "string", items: "[]io.k8s.api.core.v1.KeyToPath", defaultMode: "int32", optional: "boolean" },
  "io.k8s.api.core.v1.Container": { name: "string", image: "string", command: "[]string", args: "[]string", workingDir: "string", ports: "[]io.k8s.api.core.v1.ContainerPort", envFrom: "[]io.k8s.api.core.v1.EnvFromSource", env: "[]io.k8s.api.core.v1.EnvVar", resources: "io.k8s.api.core.v1.ResourceRequirements", resizePolicy: "[]any", restartPolicy: "string", volumeMounts: "[]io.k8s.api.core.v1.VolumeMount", volumeDevices: "[]any", livenessProbe: "io.k8s.api.core.v1.Probe", readinessProbe: "io.k8s.api.core.v1.Probe", startupProbe: "io.k8s.api.core.v1.Probe", lifecycle: "io.k8s.api.core.v1.Lifecycle", terminationMessagePath: "string", terminationMessagePolicy: "string", imagePullPolicy: "string", securityContext: "io.k8s.api.core.v1.SecurityContext", stdin: "boolean", stdinOnce: "boolean", tty: "boolean" },
  "io.k8s.api.core.v1.ContainerPort": { name: "string", hostPort: "int32", containerPort: "int32", protocol: "string", hostIP: "string" },
  "io.k8s.api.core.v1.DownwardAPIVolumeSource": { items: "[]any", defaultMode: "int32" },
  "io.k8s.api.core.v1.EmptyDirVolumeSource": { medium: "string", sizeLimit: "io.k8s.apimachinery.pkg.api.resource.Quantity" },
  "io.k8s.api.core.v1.Endpoints": { apiVersion: "string", kind: "string", metadata: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", subsets: "[]any" },
  "io.k8s.api.core.v1.EnvFromSource": { prefix: "string", configMapRef: "io.k8s.api.core.v1.ConfigMapEnvSource", secretRef: "io.k8s.api.core.v1.SecretEnvSource" },
  "io.k8s.api.core.v1.EnvVar": { name: "string", value: "string", valueFrom: "io.k8s.api.core.v1.EnvVarSource" },
  "io.k8s.api.core.v1.EnvVarSource": { fieldRef: "io.k8s.api.core.v1.ObjectFieldSelector", resourceFieldRef: "io.k8s.api.core.v1.ResourceFieldSelector", configMapKeyRef: "io.k8s.api.core.v1.ConfigMapKeySelector", secretKeyRef: "io.k8s.api.core.v1.SecretKeySelector" },
  "io.k8s.api.core.v1.Event": { apiVersion: "string", kind: "string", metadata: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", involvedObject: "any", reason: "string", message: "string", source: "any", firstTimestamp: "string", lastTimestamp: "string", count: "int32", type: "string", eventTime: "any", series: "any", action: "string", related: "any", reportingComponent: "string", reportingInstance: "string" },
  "io.k8s.api.core.v1.ExecAction": { command: "[]string" },
  "io.k8s.api.core.v1.GRPCAction": { port: "int32", service: "string" },
  "io.k8s.api.core.v1.HTTPGetAction": { path: "string", port: "io.k8s.apimachinery.pkg.util.intstr.IntOrString", host: "string", scheme: "string", httpHeaders: "[]io.k8s.api.core.v1.HTTPHeader" },
  "io.k8s.api.core.v1.HTTPHeader": { name: "string", value: "string" },
  "io.k8s.api.core.v1.HostAlias": { ip: "string", hostnames: "[]string" },
  "io.k8s.api.core.v1.HostPathVolumeSource": { path: "string", type: "string" },
  "io.k8s.api.core.v1.KeyToPath": { key: "string", path: "string", mode: "int32" },
  "io.k8s.api.core.v1.Lifecycle": { postStart: "io.k8s.api.core.v1.LifecycleHandler", preStop: "io.k8s.api.core.v1.LifecycleHandler", stopSignal: "string" },
  "io.k8s.api.core.v1.LifecycleHandler": { exec: "io.k8s.api.core.v1.ExecAction", httpGet: "io.k8s.api.core.v1.HTTPGetAction", tcpSocket: "io.k8s.api.core.v1.TCPSocketAction", sleep: "any" },
  "io.k8s.api.core.v1.LocalObjectReference": { name: "string" },
  "io.k8s.api.core.v1.Namespace": { apiVersion: "string", kind: "string", metadata: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", spec: "io.k8s.api.core.v1.NamespaceSpec", status: "io.k8s.api.core.v1.NamespaceStatus" },
  "io.k8s.api.core.v1.NamespaceSpec": { finalizers: "[]string" },
  "io.k8s.api.core.v1.NamespaceStatus": {},
  "io.k8s.api.core.v1.Node": { apiVersion: "string", kind: "string", metadata: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", spec: "io.k8s.api.core.v1.NodeSpec", status: "io.k8s.api.core.v1.NodeStatus" },
  "io.k8s.api.core.v1.NodeAffinity": { requiredDuringSchedulingIgnoredDuringExecution: "io.k8s.api.core.v1.NodeSelector", preferredDuringSchedulingIgnoredDuringExecution: "[]io.k8s.api.core.v1.PreferredSchedulingTerm" },
  "io.k8s.api.core.v1.NodeSelector": { nodeSelectorTerms: "[]io.k8s.api.core.v1.NodeSelectorTerm" },
  "io.k8s.api.core.v1.NodeSelectorRequirement": { key: "string", operator: "string", values: "[]string" },
  "io.k8s.api.core.v1.NodeSelectorTerm": { matchExpressions: "[]io.k8s.api.core.v1.NodeSelectorRequirement", matchFields: "[]io.k8s.api.core.v1.NodeSelectorRequirement" },
  "io.k8s.api.core.v1.NodeSpec": { podCIDR: "string", podCIDRs: "[]string", providerID: "string", unschedulable: "boolean", taints: "[]io.k8s.api.core.v1.Taint", configSource: "any", externalID: "string" },
  "io.k8s.api.core.v1.NodeStatus": {},
  "io.k8s.api.core.v1.ObjectFieldSelector": { apiVersion: "string", fieldPath: "string" },
  "io.k8s.api.core.v1.PersistentVolumeClaimVolumeSource": { claimName: "string", readOnly: "boolean" },
  "io.k8s.api.core.v1.Pod": { apiVersion: "string", kind: "string", metadata: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", spec: "io.k8s.api.core.v1.PodSpec", status: "io.k8s.api.core.v1.PodStatus" },
  "io.k8s.api.core.v1.PodAffinity": { requiredDuringSchedulingIgnoredDuringExecution: "[]io.k8s.api.core.v1.PodAffinityTerm", preferredDuringSchedulingIgnoredDuringExecution: "[]io.k8s.api.core.v1.WeightedPodAffinityTerm" },
  "io.k8s.api.core.v1.PodAffinityTerm": { labelSelector: "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector", namespaces: "[]string", topologyKey: "string", namespaceSelector: "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector", matchLabelKeys: "[]string", mismatchLabelKeys: "[]string" },
  "io.k8s.api.core.v1.PodAntiAffinity": { requiredDuringSchedulingIgnoredDuringExecution: "[]io.k8s.api.core.v1.PodAffinityTerm", preferredDuringSchedulingIgnoredDuringExecution: "[]io.k8s.api.core.v1.WeightedPodAffinityTerm" },
  "io.k8s.api.core.v1.PodSpec": { volumes: "[]io.k8s.api.core.v1.Volume", initContainers: "[]io.k8s.api.core.v1.Container", containers: "[]io.k8s.api.core.v1.Container", ephemeralContainers: "[]any", restartPolicy: "string", terminationGracePeriodSeconds: "int64", activeDeadlineSeconds: "int64", dnsPolicy: "string", nodeSelector: "map[string]string", serviceAccountName: "string", serviceAccount: "string", automountServiceAccountToken: "boolean", nodeName: "string", hostNetwork: "boolean", hostPID: "boolean", hostIPC: "boolean", shareProcessNamespace: "boolean", securityContext: "any", imagePullSecrets: "[]io.k8s.api.core.v1.LocalObjectReference", hostname: "string", subdomain: "string", affinity: "io.k8s.api.core.v1.Affinity", schedulerName: "string", tolerations: "[]io.k8s.api.core.v1.Toleration", hostAliases: "[]io.k8s.api.core.v1.HostAlias", priorityClassName: "string", priority: "int32", dnsConfig: "any", readinessGates: "[]any", runtimeClassName: "string", enableServiceLinks: "boolean", preemptionPolicy: "string", overhead: "map[string]io.k8s.apimachinery.pkg.api.resource.Quantity", topologySpreadConstraints: "[]any", setHostnameAsFQDN: "boolean", os: "any", hostUsers: "boolean", schedulingGates: "[]any", resourceClaims: "[]any", resources: "any" },
  "io.k8s.api.core.v1.PodStatus": {},
  "io.k8s.api.core.v1.PodTemplateSpec": { metadata: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", spec: "io.k8s.api.core.v1.PodSpec" },
  "io.k8s.api.core.v1.PreferredSchedulingTerm": { weight: "int32", preference: "io.k8s.api.core.v1.NodeSelectorTerm" },
  "io.k8s.api.core.v1.Probe": { exec: "io.k8s.api.core.v1.ExecAction", httpGet: "io.k8s.api.core.v1.HTTPGetAction", tcpSocket: "io.k8s.api.core.v1.TCPSocketAction", grpc: "io.k8s.api.core.v1.GRPCAction", initialDelaySeconds: "int32", timeoutSeconds: "int32", periodSeconds: "int32", successThreshold: "int32", failureThreshold: "int32", terminationGracePeriodSeconds: "int64" },
  "io.k8s.api.core.v1.ProjectedVolumeSource": { sources: "[]any", defaultMode: "int32" },
  "io.k8s.api.core.v1.ReplicationController": { apiVersion: "string", kind: "string", metadata: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", spec: "io.k8s.api.core.v1.ReplicationControllerSpec", status: "io.k8s.api.core.v1.ReplicationControllerStatus" },
  "io.k8s.api.core.v1.ReplicationControllerSpec": { replicas: "int32", minReadySeconds: "int32", selector: "map[string]string", template: "io.k8s.api.core.v1.PodTemplateSpec" },
  "io.k8s.api.core.v1.ReplicationControllerStatus": {},
  "io.k8s.api.core.v1.ResourceFieldSelector": { containerName: "string", resource: "string", divisor: "io.k8s.apimachinery.pkg.api.resource.Quantity" },
  "io.k8s.api.core.v1.ResourceRequirements": { limits: "map[string]io.k8s.apimachinery.pkg.api.resource.Quantity", requests: "map[string]io.k8s.apimachinery.pkg.api.resource.Quantity", claims: "[]any" },
  "io.k8s.api.core.v1.Secret": { apiVersion: "string", kind: "string", metadata: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", immutable: "boolean", data: "map[string]string", stringData: "map[string]string", type: "string" },
  "io.k8s.api.core.v1.SecretEnvSource": { name: "string", optional: "boolean" },
  "io.k8s.api.core.v1.SecretKeySelector": { name: "string", key: "string", optional: "boolean" },
  "io.k8s.api.core.v1.SecretVolumeSource": { secretName: "string", items: "[]io.k8s.api.core.v1.KeyToPath", defaultMode: "int32", optional: "boolean" },
  "io.k8s.api.core.v1.SecurityContext": { capabilities: "io.k8s.api.core.v1.Capabilities", privileged: "boolean", seLinuxOptions: "any", windowsOptions: "any", runAsUser: "int64", runAsGroup: "int64", runAsNonRoot: "boolean", readOnlyRootFilesystem: "boolean", allowPrivilegeEscalation: "boolean", procMount: "string", seccompProfile: "any", appArmorProfile: "any" },
  "io.k8s.api.core.v1.Service": { apiVersion: "string", kind: "string", metadata: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", spec: "io.k8s.api.core.v1.ServiceSpec", status: "io.k8s.api.core.v1.ServiceStatus" },
  "io.k8s.api.core.v1.ServiceAccount": { apiVersion: "string", kind: "string", metadata: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", secrets: "[]any", imagePullSecrets: "[]any", automountServiceAccountToken: "boolean" },
  "io.k8s.api.core.v1.ServicePort": { name: "string", protocol: "string", appProtocol: "string", port: "int32", targetPort: "io.k8s.apimachinery.pkg.util.intstr.IntOrString", nodePort: "int32" },
  "io.k8s.api.core.v1.ServiceSpec": { ports: "[]io.k8s.api.core.v1.ServicePort", selector: "map[string]string", clusterIP: "string", clusterIPs: "[]string", type: "string", externalIPs: "[]string", sessionAffinity: "string", loadBalancerIP: "string", loadBalancerSourceRanges: "[]string", externalName: "string", externalTrafficPolicy: "string", healthCheckNodePort: "int32", publishNotReadyAddresses: "boolean", sessionAffinityConfig: "any", ipFamilies: "[]string", ipFamilyPolicy: "string", allocateLoadBalancerNodePorts: "boolean", loadBalancerClass: "string", internalTrafficPolicy: "string", trafficDistribution: "string" },
  "io.k8s.api.core.v1.ServiceStatus": {},
  "io.k8s.api.core.v1.TCPSocketAction": { port: "io.k8s.apimachinery.pkg.util.intstr.IntOrString", host: "string" },
  "io.k8s.api.core.v1.Taint": { key: "string", value: "string", effect: "string", timeAdded: "string" },
  "io.k8s.api.core.v1.Toleration": { key: "string", operator: "string", value: "string", effect: "string", tolerationSeconds: "int64" },
  "io.k8s.api.core.v1.Volume": { name: "string", emptyDir: "io.k8s.api.core.v1.EmptyDirVolumeSource", hostPath: "io.k8s.api.core.v1.HostPathVolumeSource", configMap: "io.k8s.api.core.v1.ConfigMapVolumeSource", secret: "io.k8s.api.core.v1.SecretVolumeSource", persistentVolumeClaim: "io.k8s.api.core.v1.PersistentVolumeClaimVolumeSource", projected: "io.k8s.api.core.v1.ProjectedVolumeSource", downwardAPI: "io.k8s.api.core.v1.DownwardAPIVolumeSource", nfs: "any", csi: "any", ephemeral: "any", image: "any" },
  "io.k8s.api.core.v1.VolumeMount": { name: "string", readOnly: "boolean", recursiveReadOnly: "string", mountPath: "string", subPath: "string", mountPropagation: "string", subPathExpr: "string" },
  "io.k8s.api.core.v1.WeightedPodAffinityTerm": { weight: "int32", podAffinityTerm: "io.k8s.api.core.v1.PodAffinityTerm" },
  "io.k8s.api.discovery.v1.EndpointSlice": { apiVersion: "string", kind: "string", metadata: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", addressType: "string", endpoints: "[]any", ports: "[]any" },
  "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector": { matchLabels: "map[string]string", matchExpressions: "[]io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement" },
  "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement": { key: "string", operator: "string", values: "[]string" },
  "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta": { name: "string", generateName: "string", namespace: "string", selfLink: "string", uid: "string", resourceVersion: "string", generation: "int64", creationTimestamp: "string", deletionTimestamp: "string", deletionGracePeriodSeconds: "int64", labels: "map[string]string", annotations: "map[string]string", ownerReferences: "[]io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference", finalizers: "[]string", managedFields: "[]any" },
  "io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference": { apiVersion: "string", kind: "string", name: "string", uid: "string", controller: "boolean", blockOwnerDeletion: "boolean" },
};
