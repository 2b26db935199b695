import type { KubeObject } from "../../api/types";
import { clone } from "./clone";
import type { PodTemplateSpec } from "./objects";
import { newControllerRef } from "./owner";

/**
 * controller.GetPodFromTemplate: the pod a controller creates: the template's labels, annotations and spec,
 * generateName "<controller>-" (the API server appends 5 random characters) and the controller ownerReference.
 */
export function podFromTemplate(template: PodTemplateSpec, owner: KubeObject): KubeObject {
  const meta = template.metadata ?? {};
  const metadata: KubeObject["metadata"] = { generateName: `${owner.metadata.name}-`, namespace: owner.metadata.namespace };
  if (meta.labels && Object.keys(meta.labels).length) metadata.labels = clone(meta.labels);
  if (meta.annotations && Object.keys(meta.annotations).length) metadata.annotations = clone(meta.annotations);
  const finalizers = (meta as { finalizers?: string[] }).finalizers;
  if (finalizers?.length) metadata.finalizers = [...finalizers];
  metadata.ownerReferences = [newControllerRef(owner)];
  return { apiVersion: "v1", kind: "Pod", metadata, spec: clone(template.spec) };
}
