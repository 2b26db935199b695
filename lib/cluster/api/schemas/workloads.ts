import { z } from "zod";
import { goStruct, int32, intOrString, looseStruct, str, stringMap } from "./go-types";
import { LabelSelectorSchema, ObjectMetaSchema } from "./meta";
import { PodTemplateSpecSchema } from "./pod";

const top = { apiVersion: str().optional(), kind: str().optional(), metadata: ObjectMetaSchema.optional() };

export const ReplicaSetSpecSchema = goStruct("ReplicaSetSpec", {
  replicas: int32().optional(),
  minReadySeconds: int32().optional(),
  selector: LabelSelectorSchema.optional(),
  template: PodTemplateSpecSchema.optional(),
});
export const ReplicaSetSchema = goStruct("ReplicaSet", { ...top, spec: ReplicaSetSpecSchema.optional(), status: looseStruct("ReplicaSetStatus").optional() });
export type ReplicaSet = z.infer<typeof ReplicaSetSchema>;

export const ReplicationControllerSpecSchema = goStruct("ReplicationControllerSpec", {
  replicas: int32().optional(),
  minReadySeconds: int32().optional(),
  selector: stringMap().optional(),
  template: PodTemplateSpecSchema.optional(),
});
export const ReplicationControllerSchema = goStruct("ReplicationController", {
  ...top,
  spec: ReplicationControllerSpecSchema.optional(),
  status: looseStruct("ReplicationControllerStatus").optional(),
});
export type ReplicationController = z.infer<typeof ReplicationControllerSchema>;

export const DeploymentStrategySchema = goStruct("DeploymentStrategy", {
  type: str().optional(),
  rollingUpdate: goStruct("RollingUpdateDeployment", { maxUnavailable: intOrString().optional(), maxSurge: intOrString().optional() }).optional(),
});
export const DeploymentSpecSchema = goStruct("DeploymentSpec", {
  replicas: int32().optional(),
  selector: LabelSelectorSchema.optional(),
  template: PodTemplateSpecSchema.optional(),
  strategy: DeploymentStrategySchema.optional(),
  minReadySeconds: int32().optional(),
  revisionHistoryLimit: int32().optional(),
  paused: z.boolean().optional(),
  progressDeadlineSeconds: int32().optional(),
});
export const DeploymentSchema = goStruct("Deployment", { ...top, spec: DeploymentSpecSchema.optional(), status: looseStruct("DeploymentStatus").optional() });
export type Deployment = z.infer<typeof DeploymentSchema>;

export const DaemonSetSpecSchema = goStruct("DaemonSetSpec", {
  selector: LabelSelectorSchema.optional(),
  template: PodTemplateSpecSchema.optional(),
  updateStrategy: goStruct("DaemonSetUpdateStrategy", {
    type: str().optional(),
    rollingUpdate: goStruct("RollingUpdateDaemonSet", { maxUnavailable: intOrString().optional(), maxSurge: intOrString().optional() }).optional(),
  }).optional(),
  minReadySeconds: int32().optional(),
  revisionHistoryLimit: int32().optional(),
});
export const DaemonSetSchema = goStruct("DaemonSet", { ...top, spec: DaemonSetSpecSchema.optional(), status: looseStruct("DaemonSetStatus").optional() });
export type DaemonSet = z.infer<typeof DaemonSetSchema>;
