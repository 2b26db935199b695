import { z } from "zod";
import { any, bool, goStruct, int32, intOrString, looseStruct, str, stringList, stringMap } from "./go-types";
import { ObjectMetaSchema } from "./meta";

const top = { apiVersion: str().optional(), kind: str().optional(), metadata: ObjectMetaSchema.optional() };

export const ServicePortSchema = goStruct("ServicePort", {
  name: str().optional(),
  protocol: str().optional(),
  appProtocol: str().optional(),
  port: int32(),
  targetPort: intOrString().optional(),
  nodePort: int32().optional(),
});
export const ServiceSpecSchema = goStruct("ServiceSpec", {
  ports: z.array(ServicePortSchema).optional(),
  selector: stringMap().optional(),
  clusterIP: str().optional(),
  clusterIPs: stringList().optional(),
  type: str().optional(),
  externalIPs: stringList().optional(),
  sessionAffinity: str().optional(),
  loadBalancerIP: str().optional(),
  loadBalancerSourceRanges: stringList().optional(),
  externalName: str().optional(),
  externalTrafficPolicy: str().optional(),
  healthCheckNodePort: int32().optional(),
  publishNotReadyAddresses: bool().optional(),
  sessionAffinityConfig: any().optional(),
  ipFamilies: stringList().optional(),
  ipFamilyPolicy: str().optional(),
  allocateLoadBalancerNodePorts: bool().optional(),
  loadBalancerClass: str().optional(),
  internalTrafficPolicy: str().optional(),
  trafficDistribution: str().optional(),
});
export const ServiceSchema = goStruct("Service", { ...top, spec: ServiceSpecSchema.optional(), status: looseStruct("ServiceStatus").optional() });
export type Service = z.infer<typeof ServiceSchema>;

export const NamespaceSchema = goStruct("Namespace", {
  ...top,
  spec: goStruct("NamespaceSpec", { finalizers: stringList().optional() }).optional(),
  status: looseStruct("NamespaceStatus").optional(),
});
export type Namespace = z.infer<typeof NamespaceSchema>;

export const ConfigMapSchema = goStruct("ConfigMap", {
  ...top,
  immutable: bool().optional(),
  data: stringMap().optional(),
  binaryData: stringMap().optional(),
});
export type ConfigMap = z.infer<typeof ConfigMapSchema>;

export const SecretSchema = goStruct("Secret", {
  ...top,
  immutable: bool().optional(),
  data: stringMap().optional(),
  stringData: stringMap().optional(),
  type: str().optional(),
});
export type Secret = z.infer<typeof SecretSchema>;

export const ServiceAccountSchema = goStruct("ServiceAccount", {
  ...top,
  secrets: z.array(any()).optional(),
  imagePullSecrets: z.array(any()).optional(),
  automountServiceAccountToken: bool().optional(),
});

export const TaintSchema = goStruct("Taint", { key: str(), value: str().optional(), effect: str(), timeAdded: str().optional() });
export const NodeSchema = goStruct("Node", {
  ...top,
  spec: goStruct("NodeSpec", {
    podCIDR: str().optional(),
    podCIDRs: stringList().optional(),
    providerID: str().optional(),
    unschedulable: bool().optional(),
    taints: z.array(TaintSchema).optional(),
    configSource: any().optional(),
    externalID: str().optional(),
  }).optional(),
  status: looseStruct("NodeStatus").optional(),
});
export type Node = z.infer<typeof NodeSchema>;

export const EventSchema = goStruct("Event", {
  ...top,
  involvedObject: any().optional(),
  reason: str().optional(),
  message: str().optional(),
  source: any().optional(),
  firstTimestamp: str().optional(),
  lastTimestamp: str().optional(),
  count: int32().optional(),
  type: str().optional(),
  eventTime: any().optional(),
  series: any().optional(),
  action: str().optional(),
  related: any().optional(),
  reportingComponent: str().optional(),
  reportingInstance: str().optional(),
});

export const EndpointsSchema = goStruct("Endpoints", { ...top, subsets: z.array(any()).optional() });

export const EndpointSliceSchema = goStruct("EndpointSlice", {
  ...top,
  addressType: str().optional(),
  endpoints: z.array(any()).optional(),
  ports: z.array(any()).optional(),
});

export const LeaseSchema = goStruct("Lease", {
  ...top,
  spec: goStruct("LeaseSpec", {
    holderIdentity: str().optional(),
    leaseDurationSeconds: int32().optional(),
    acquireTime: str().optional(),
    renewTime: str().optional(),
    leaseTransitions: int32().optional(),
    strategy: str().optional(),
    preferredHolder: str().optional(),
  }).optional(),
});
