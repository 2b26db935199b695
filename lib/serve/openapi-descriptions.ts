/**
 * Descriptions served in OpenAPI (what `kubectl explain` prints), as the v1.32 API documents word them.
 * Only the common types and fields; anything else is served without a description.
 */
const CONVENTIONS = "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md";

const TYPES: Record<string, string> = {
  Pod: "Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.",
  ReplicaSet: "ReplicaSet ensures that a specified number of pod replicas are running at any given time.",
  ReplicationController: "ReplicationController represents the configuration of a replication controller.",
  Deployment: "Deployment enables declarative updates for Pods and ReplicaSets.",
  DaemonSet: "DaemonSet represents the configuration of a daemon set.",
  Service:
    "Service is a named abstraction of software service (for example, mysql) consisting of local port (for example 3306) that the proxy listens on, and the selector that determines which pods will answer requests sent through the proxy.",
  Namespace: "Namespace provides a scope for Names. Use of multiple namespaces is optional.",
  Node: "Node is a worker node in Kubernetes. Each node will have a unique identifier in the cache (i.e. in etcd).",
  ConfigMap: "ConfigMap holds configuration data for pods to consume.",
  Secret:
    "Secret holds secret data of a certain type. The total bytes of the values in the Data field must be less than MaxSecretSize bytes.",
  ServiceAccount:
    "ServiceAccount binds together: * a name, understood by users, and perhaps by peripheral systems, for an identity * a principal that can be authenticated and authorized * a set of secrets",
  ObjectMeta:
    "ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.",
};

const FIELDS: Record<string, string> = {
  "*.apiVersion": `APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: ${CONVENTIONS}#resources`,
  "*.kind": `Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: ${CONVENTIONS}#types-kinds`,
  "*.metadata": `Standard object's metadata. More info: ${CONVENTIONS}#metadata`,
  "Pod.spec": `Specification of the desired behavior of the pod. More info: ${CONVENTIONS}#spec-and-status`,
  "Pod.status": `Most recently observed status of the pod. This data may not be up to date. Populated by the system. Read-only. More info: ${CONVENTIONS}#spec-and-status`,
};

export function describeType(name: string): string | undefined {
  return TYPES[name];
}

export function describeField(owner: string, field: string): string | undefined {
  return FIELDS[`${owner}.${field}`] ?? FIELDS[`*.${field}`];
}
