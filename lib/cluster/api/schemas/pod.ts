import { z } from "zod";
import { any, bool, goStruct, int32, int64, intOrString, looseStruct, quantity, str, stringList, stringMap } from "./go-types";
import { LabelSelectorSchema, ObjectMetaSchema } from "./meta";

export const ContainerPortSchema = goStruct("ContainerPort", {
  name: str().optional(),
  hostPort: int32().optional(),
  containerPort: int32(),
  protocol: str().optional(),
  hostIP: str().optional(),
});

const ObjectFieldSelectorSchema = goStruct("ObjectFieldSelector", { apiVersion: str().optional(), fieldPath: str() });
const ResourceFieldSelectorSchema = goStruct("ResourceFieldSelector", {
  containerName: str().optional(),
  resource: str(),
  divisor: quantity().optional(),
});
const KeySelector = (name: string) => goStruct(name, { name: str().optional(), key: str(), optional: bool().optional() });

export const EnvVarSchema = goStruct("EnvVar", {
  name: str(),
  value: str().optional(),
  valueFrom: goStruct("EnvVarSource", {
    fieldRef: ObjectFieldSelectorSchema.optional(),
    resourceFieldRef: ResourceFieldSelectorSchema.optional(),
    configMapKeyRef: KeySelector("ConfigMapKeySelector").optional(),
    secretKeyRef: KeySelector("SecretKeySelector").optional(),
  }).optional(),
});

const RefSchema = (name: string) => goStruct(name, { name: str().optional(), optional: bool().optional() });
export const EnvFromSourceSchema = goStruct("EnvFromSource", {
  prefix: str().optional(),
  configMapRef: RefSchema("ConfigMapEnvSource").optional(),
  secretRef: RefSchema("SecretEnvSource").optional(),
});

export const ResourceRequirementsSchema = goStruct("ResourceRequirements", {
  limits: z.record(z.string(), quantity()).optional(),
  requests: z.record(z.string(), quantity()).optional(),
  claims: z.array(any()).optional(),
});

export const VolumeMountSchema = goStruct("VolumeMount", {
  name: str(),
  readOnly: bool().optional(),
  recursiveReadOnly: str().optional(),
  mountPath: str(),
  subPath: str().optional(),
  mountPropagation: str().optional(),
  subPathExpr: str().optional(),
});

const HTTPHeaderSchema = goStruct("HTTPHeader", { name: str(), value: str() });
const HandlerFields = {
  exec: goStruct("ExecAction", { command: stringList().optional() }).optional(),
  httpGet: goStruct("HTTPGetAction", {
    path: str().optional(),
    port: intOrString(),
    host: str().optional(),
    scheme: str().optional(),
    httpHeaders: z.array(HTTPHeaderSchema).optional(),
  }).optional(),
  tcpSocket: goStruct("TCPSocketAction", { port: intOrString(), host: str().optional() }).optional(),
};
export const ProbeSchema = goStruct("Probe", {
  ...HandlerFields,
  grpc: goStruct("GRPCAction", { port: int32(), service: str().optional() }).optional(),
  initialDelaySeconds: int32().optional(),
  timeoutSeconds: int32().optional(),
  periodSeconds: int32().optional(),
  successThreshold: int32().optional(),
  failureThreshold: int32().optional(),
  terminationGracePeriodSeconds: int64().optional(),
});
const LifecycleHandlerSchema = goStruct("LifecycleHandler", { ...HandlerFields, sleep: any().optional() });

export const SecurityContextSchema = goStruct("SecurityContext", {
  capabilities: goStruct("Capabilities", { add: stringList().optional(), drop: stringList().optional() }).optional(),
  privileged: bool().optional(),
  seLinuxOptions: any().optional(),
  windowsOptions: any().optional(),
  runAsUser: int64().optional(),
  runAsGroup: int64().optional(),
  runAsNonRoot: bool().optional(),
  readOnlyRootFilesystem: bool().optional(),
  allowPrivilegeEscalation: bool().optional(),
  procMount: str().optional(),
  seccompProfile: any().optional(),
  appArmorProfile: any().optional(),
});

export const ContainerSchema = goStruct("Container", {
  name: str(),
  image: str().optional(),
  command: stringList().optional(),
  args: stringList().optional(),
  workingDir: str().optional(),
  ports: z.array(ContainerPortSchema).optional(),
  envFrom: z.array(EnvFromSourceSchema).optional(),
  env: z.array(EnvVarSchema).optional(),
  resources: ResourceRequirementsSchema.optional(),
  resizePolicy: z.array(any()).optional(),
  restartPolicy: str().optional(),
  volumeMounts: z.array(VolumeMountSchema).optional(),
  volumeDevices: z.array(any()).optional(),
  livenessProbe: ProbeSchema.optional(),
  readinessProbe: ProbeSchema.optional(),
  startupProbe: ProbeSchema.optional(),
  lifecycle: goStruct("Lifecycle", {
    postStart: LifecycleHandlerSchema.optional(),
    preStop: LifecycleHandlerSchema.optional(),
    stopSignal: str().optional(),
  }).optional(),
  terminationMessagePath: str().optional(),
  terminationMessagePolicy: str().optional(),
  imagePullPolicy: str().optional(),
  securityContext: SecurityContextSchema.optional(),
  stdin: bool().optional(),
  stdinOnce: bool().optional(),
  tty: bool().optional(),
});
export type Container = z.infer<typeof ContainerSchema>;

const KeyToPathSchema = goStruct("KeyToPath", { key: str(), path: str(), mode: int32().optional() });

export const VolumeSchema = goStruct("Volume", {
  name: str(),
  emptyDir: goStruct("EmptyDirVolumeSource", { medium: str().optional(), sizeLimit: quantity().optional() }).optional(),
  hostPath: goStruct("HostPathVolumeSource", { path: str(), type: str().optional() }).optional(),
  configMap: goStruct("ConfigMapVolumeSource", {
    name: str().optional(),
    items: z.array(KeyToPathSchema).optional(),
    defaultMode: int32().optional(),
    optional: bool().optional(),
  }).optional(),
  secret: goStruct("SecretVolumeSource", {
    secretName: str().optional(),
    items: z.array(KeyToPathSchema).optional(),
    defaultMode: int32().optional(),
    optional: bool().optional(),
  }).optional(),
  persistentVolumeClaim: goStruct("PersistentVolumeClaimVolumeSource", { claimName: str(), readOnly: bool().optional() }).optional(),
  projected: goStruct("ProjectedVolumeSource", { sources: z.array(any()).optional(), defaultMode: int32().optional() }).optional(),
  downwardAPI: goStruct("DownwardAPIVolumeSource", { items: z.array(any()).optional(), defaultMode: int32().optional() }).optional(),
  nfs: any().optional(),
  csi: any().optional(),
  ephemeral: any().optional(),
  image: any().optional(),
});
export type Volume = z.infer<typeof VolumeSchema>;

export const TolerationSchema = goStruct("Toleration", {
  key: str().optional(),
  operator: str().optional(),
  value: str().optional(),
  effect: str().optional(),
  tolerationSeconds: int64().optional(),
});

const NodeSelectorRequirementSchema = goStruct("NodeSelectorRequirement", {
  key: str(),
  operator: str(),
  values: stringList().optional(),
});
const NodeSelectorTermSchema = goStruct("NodeSelectorTerm", {
  matchExpressions: z.array(NodeSelectorRequirementSchema).optional(),
  matchFields: z.array(NodeSelectorRequirementSchema).optional(),
});
const PodAffinityTermSchema = goStruct("PodAffinityTerm", {
  labelSelector: LabelSelectorSchema.optional(),
  namespaces: stringList().optional(),
  topologyKey: str(),
  namespaceSelector: LabelSelectorSchema.optional(),
  matchLabelKeys: stringList().optional(),
  mismatchLabelKeys: stringList().optional(),
});
const WeightedPodAffinityTermSchema = goStruct("WeightedPodAffinityTerm", { weight: int32(), podAffinityTerm: PodAffinityTermSchema });
const PodAffinitySchema = (name: string) =>
  goStruct(name, {
    requiredDuringSchedulingIgnoredDuringExecution: z.array(PodAffinityTermSchema).optional(),
    preferredDuringSchedulingIgnoredDuringExecution: z.array(WeightedPodAffinityTermSchema).optional(),
  });

export const AffinitySchema = goStruct("Affinity", {
  nodeAffinity: goStruct("NodeAffinity", {
    requiredDuringSchedulingIgnoredDuringExecution: goStruct("NodeSelector", { nodeSelectorTerms: z.array(NodeSelectorTermSchema) }).optional(),
    preferredDuringSchedulingIgnoredDuringExecution: z
      .array(goStruct("PreferredSchedulingTerm", { weight: int32(), preference: NodeSelectorTermSchema }))
      .optional(),
  }).optional(),
  podAffinity: PodAffinitySchema("PodAffinity").optional(),
  podAntiAffinity: PodAffinitySchema("PodAntiAffinity").optional(),
});

export const PodSpecSchema = goStruct("PodSpec", {
  volumes: z.array(VolumeSchema).optional(),
  initContainers: z.array(ContainerSchema).optional(),
  containers: z.array(ContainerSchema).optional(),
  ephemeralContainers: z.array(any()).optional(),
  restartPolicy: str().optional(),
  terminationGracePeriodSeconds: int64().optional(),
  activeDeadlineSeconds: int64().optional(),
  dnsPolicy: str().optional(),
  nodeSelector: stringMap().optional(),
  serviceAccountName: str().optional(),
  serviceAccount: str().optional(),
  automountServiceAccountToken: bool().optional(),
  nodeName: str().optional(),
  hostNetwork: bool().optional(),
  hostPID: bool().optional(),
  hostIPC: bool().optional(),
  shareProcessNamespace: bool().optional(),
  securityContext: any().optional(),
  imagePullSecrets: z.array(goStruct("LocalObjectReference", { name: str().optional() })).optional(),
  hostname: str().optional(),
  subdomain: str().optional(),
  affinity: AffinitySchema.optional(),
  schedulerName: str().optional(),
  tolerations: z.array(TolerationSchema).optional(),
  hostAliases: z.array(goStruct("HostAlias", { ip: str(), hostnames: stringList().optional() })).optional(),
  priorityClassName: str().optional(),
  priority: int32().optional(),
  dnsConfig: any().optional(),
  readinessGates: z.array(any()).optional(),
  runtimeClassName: str().optional(),
  enableServiceLinks: bool().optional(),
  preemptionPolicy: str().optional(),
  overhead: z.record(z.string(), quantity()).optional(),
  topologySpreadConstraints: z.array(any()).optional(),
  setHostnameAsFQDN: bool().optional(),
  os: any().optional(),
  hostUsers: bool().optional(),
  schedulingGates: z.array(any()).optional(),
  resourceClaims: z.array(any()).optional(),
  resources: any().optional(),
});
export type PodSpec = z.infer<typeof PodSpecSchema>;

export const PodSchema = goStruct("Pod", {
  apiVersion: str().optional(),
  kind: str().optional(),
  metadata: ObjectMetaSchema.optional(),
  spec: PodSpecSchema.optional(),
  status: looseStruct("PodStatus").optional(),
});
export type Pod = z.infer<typeof PodSchema>;

export const PodTemplateSpecSchema = goStruct("PodTemplateSpec", {
  metadata: ObjectMetaSchema.optional(),
  spec: PodSpecSchema.optional(),
});
