import type { z } from "zod";
import { PodSchema } from "./pod";
import { DaemonSetSchema, DeploymentSchema, ReplicaSetSchema, ReplicationControllerSchema } from "./workloads";
import {
  ConfigMapSchema,
  EndpointSliceSchema,
  EndpointsSchema,
  EventSchema,
  LeaseSchema,
  NamespaceSchema,
  NodeSchema,
  SecretSchema,
  ServiceAccountSchema,
  ServiceSchema,
} from "./core";

const SCHEMAS: Record<string, z.ZodType> = {
  Pod: PodSchema,
  ReplicaSet: ReplicaSetSchema,
  ReplicationController: ReplicationControllerSchema,
  Deployment: DeploymentSchema,
  DaemonSet: DaemonSetSchema,
  Service: ServiceSchema,
  Namespace: NamespaceSchema,
  ConfigMap: ConfigMapSchema,
  Secret: SecretSchema,
  ServiceAccount: ServiceAccountSchema,
  Node: NodeSchema,
  Event: EventSchema,
  Endpoints: EndpointsSchema,
  EndpointSlice: EndpointSliceSchema,
  Lease: LeaseSchema,
};

/** The decoding schema of a registered kind. */
export function schemaFor(kind: string): z.ZodType {
  return SCHEMAS[kind];
}
