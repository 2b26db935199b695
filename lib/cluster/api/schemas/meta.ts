import { z } from "zod";
import { any, bool, goStruct, int64, str, stringList, stringMap } from "./go-types";

export const OwnerReferenceSchema = goStruct("OwnerReference", {
  apiVersion: str(),
  kind: str(),
  name: str(),
  uid: str(),
  controller: bool().optional(),
  blockOwnerDeletion: bool().optional(),
});

/** metav1.ObjectMeta as clients may send it. */
export const ObjectMetaSchema = goStruct("ObjectMeta", {
  name: str().optional(),
  generateName: str().optional(),
  namespace: str().optional(),
  selfLink: str().optional(),
  uid: str().optional(),
  resourceVersion: str().optional(),
  generation: int64().optional(),
  creationTimestamp: str().optional(),
  deletionTimestamp: str().optional(),
  deletionGracePeriodSeconds: int64().optional(),
  labels: stringMap().optional(),
  annotations: stringMap().optional(),
  ownerReferences: z.array(OwnerReferenceSchema).optional(),
  finalizers: stringList().optional(),
  managedFields: z.array(any()).optional(),
});
export type ObjectMetaInput = z.infer<typeof ObjectMetaSchema>;

export const LabelSelectorRequirementSchema = goStruct("LabelSelectorRequirement", {
  key: str(),
  operator: str(),
  values: stringList().optional(),
});

export const LabelSelectorSchema = goStruct("LabelSelector", {
  matchLabels: stringMap().optional(),
  matchExpressions: z.array(LabelSelectorRequirementSchema).optional(),
});
export type LabelSelector = z.infer<typeof LabelSelectorSchema>;
