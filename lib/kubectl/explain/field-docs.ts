/**
 * The v1.32 API's documentation for the types and fields CKA learners look at: descriptions, the fields the
 * OpenAPI marks required, and enum values. Both `kubectl explain` and our served OpenAPI (lib/serve) build their
 * schemas from this and api-types.ts (see openapi-components.ts), so the real kubectl explains our server the same.
 */
const CONVENTIONS = "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md";
const VAR_REFS =
  "Variable references $(VAR_NAME) are expanded using the container's environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. \"$$(VAR_NAME)\" will produce the string literal \"$(VAR_NAME)\". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell";
const PROTOCOL_VALUES = "Possible enum values:\n - `\"SCTP\"` is the SCTP protocol.\n - `\"TCP\"` is the TCP protocol.\n - `\"UDP\"` is the UDP protocol.";

/** Go type name → description of the type itself. */
export const TYPE_DOCS: Record<string, string> = {
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
  Quantity:
    "Quantity is a fixed-point representation of a number. It provides convenient marshaling/unmarshaling in JSON and YAML, in addition to String() and AsInt64() accessors.\n\nThe serialization format is:\n\n``` <quantity>        ::= <signedNumber><suffix>\n\n\t(Note that <suffix> may be empty, from the \"\" case in <decimalSI>.)\n\n<digit>           ::= 0 | 1 | ... | 9 <digits>          ::= <digit> | <digit><digits> <number>          ::= <digits> | <digits>.<digits> | <digits>. | .<digits> <sign>            ::= \"+\" | \"-\" <signedNumber>    ::= <number> | <sign><number> <suffix>          ::= <binarySI> | <decimalExponent> | <decimalSI> <binarySI>        ::= Ki | Mi | Gi | Ti | Pi | Ei\n\n\t(International System of units; See: http://physics.nist.gov/cuu/Units/binary.html)\n\n<decimalSI>       ::= m | \"\" | k | M | G | T | P | E\n\n\t(Note that 1024 = 1Ki but 1000 = 1k; I didn't choose the capitalization.)\n\n<decimalExponent> ::= \"e\" <signedNumber> | \"E\" <signedNumber> ```\n\nNo matter which of the three exponent forms is used, no quantity may represent a number greater than 2^63-1 in magnitude, nor may it have more than 3 decimal places. Numbers larger or more precise will be capped or rounded up. (E.g.: 0.1m will rounded up to 1m.) This may be extended in the future if we require larger or smaller quantities.\n\nWhen a Quantity is parsed from a string, it will remember the type of suffix it had, and will use the same type again when it is serialized.\n\nBefore serializing, Quantity will be put in \"canonical form\". This means that Exponent/suffix will be adjusted up or down (with a corresponding increase or decrease in Mantissa) such that:\n\n- No precision is lost - No fractional digits will be emitted - The exponent (or suffix) is as large as possible.\n\nThe sign will be omitted unless the number is negative.\n\nExamples:\n\n- 1.5 will be serialized as \"1500m\" - 1.5Gi will be serialized as \"1536Mi\"\n\nNote that the quantity will NEVER be internally represented by a floating point number. That is the whole point of this exercise.\n\nNon-canonical values will still parse as long as they are well formed, but will be re-emitted in their canonical form. (So always use canonical form, or don't diff.)\n\nThis format is intended to make it difficult to use these numbers without writing some sort of special handling code in the hopes that that will cause implementors to also use a fixed point implementation.",
  IntOrString:
    "IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.",
  PodSpec: "PodSpec is a description of a pod.",
  Event:
    "Event is a report of an event somewhere in the cluster.  Events have a limited retention time and triggers and messages may evolve with time.  Event consumers should not rely on the timing of an event with a given Reason reflecting a consistent underlying trigger, or the continued existence of events with that Reason.  Events should be treated as informative, best-effort, supplemental data.",
  EndpointSlice:
    "EndpointSlice represents a subset of the endpoints that implement a service. For a given service there may be multiple EndpointSlice objects, selected by labels, which must be joined to produce the full set of endpoints.",
  Lease: "Lease defines a lease concept.",
  LeaseSpec: "LeaseSpec is a specification of a Lease.",
  PodTemplateSpec: "PodTemplateSpec describes the data a pod should have when created from a template",
  Container: "A single application container that you want to run within a pod.",
  ContainerPort: "ContainerPort represents a network port in a single container.",
  ResourceRequirements: "ResourceRequirements describes the compute resource requirements.",
  ReplicaSetSpec: "ReplicaSetSpec is the specification of a ReplicaSet.",
  ReplicationControllerSpec: "ReplicationControllerSpec is the specification of a replication controller.",
  DeploymentSpec: "DeploymentSpec is the specification of the desired behavior of the Deployment.",
  DeploymentStrategy: "DeploymentStrategy describes how to replace existing pods with new ones.",
  RollingUpdateDeployment: "Spec to control the desired behavior of rolling update.",
  DaemonSetSpec: "DaemonSetSpec is the specification of a daemon set.",
  ServiceSpec: "ServiceSpec describes the attributes that a user creates on a service.",
  ServicePort: "ServicePort contains information on service's port.",
  LabelSelector:
    "A label selector is a label query over a set of resources. The result of matchLabels and matchExpressions are ANDed. An empty label selector matches all objects. A null label selector matches no objects.",
};

export interface FieldDoc {
  description?: string;
  required?: boolean;
  enum?: string[];
}

/** "GoType.field" (or "*.field" for any type) → its documentation. */
export const FIELD_DOCS: Record<string, FieldDoc> = {
  "*.apiVersion": {
    description: `APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: ${CONVENTIONS}#resources`,
  },
  "*.kind": {
    description: `Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: ${CONVENTIONS}#types-kinds`,
  },
  "*.metadata": { description: `Standard object's metadata. More info: ${CONVENTIONS}#metadata` },
  "Pod.spec": { description: `Specification of the desired behavior of the pod. More info: ${CONVENTIONS}#spec-and-status` },
  "Pod.status": {
    description: `Most recently observed status of the pod. This data may not be up to date. Populated by the system. Read-only. More info: ${CONVENTIONS}#spec-and-status`,
  },
  "PodSpec.containers": {
    required: true,
    description:
      "List of containers belonging to the pod. Containers cannot currently be added or removed. There must be at least one container in a Pod. Cannot be updated.",
  },
  "PodSpec.restartPolicy": {
    enum: ["Always", "Never", "OnFailure"],
    description: `Restart policy for all containers within the pod. One of Always, OnFailure, Never. In some contexts, only a subset of those values may be permitted. Default to Always. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy\n\nPossible enum values:\n - \`"Always"\`\n - \`"Never"\`\n - \`"OnFailure"\``,
  },
  "PodSpec.nodeName": {
    description:
      "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename",
  },
  "PodSpec.nodeSelector": {
    description:
      "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/",
  },
  "PodTemplateSpec.spec": { description: `Specification of the desired behavior of the pod. More info: ${CONVENTIONS}#spec-and-status` },
  "Container.name": {
    required: true,
    description: "Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name (DNS_LABEL). Cannot be updated.",
  },
  "Container.image": {
    description:
      "Container image name. More info: https://kubernetes.io/docs/concepts/containers/images This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets.",
  },
  "Container.imagePullPolicy": {
    enum: ["Always", "IfNotPresent", "Never"],
    description:
      "Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More info: https://kubernetes.io/docs/concepts/containers/images#updating-images\n\nPossible enum values:\n - `\"Always\"` means that kubelet always attempts to pull the latest image. Container will fail If the pull fails.\n - `\"IfNotPresent\"` means that kubelet pulls if the image isn't present on disk. Container will fail if the image isn't present and the pull fails.\n - `\"Never\"` means that kubelet never pulls an image, but only uses a local image. Container will fail if the image isn't present",
  },
  "Container.command": {
    description: `Entrypoint array. Not executed within a shell. The container image's ENTRYPOINT is used if this is not provided. ${VAR_REFS}`,
  },
  "Container.args": { description: `Arguments to the entrypoint. The container image's CMD is used if this is not provided. ${VAR_REFS}` },
  "Container.env": { description: "List of environment variables to set in the container. Cannot be updated." },
  "Container.ports": {
    description:
      'List of ports to expose from the container. Not specifying a port here DOES NOT prevent that port from being exposed. Any port which is listening on the default "0.0.0.0" address inside a container will be accessible from the network. Modifying this array with strategic merge patch may corrupt the data. For more information See https://github.com/kubernetes/kubernetes/issues/108255. Cannot be updated.',
  },
  "Container.resources": {
    description:
      "Compute Resources required by this container. Cannot be updated. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/",
  },
  "ContainerPort.containerPort": {
    required: true,
    description: "Number of port to expose on the pod's IP address. This must be a valid port number, 0 < x < 65536.",
  },
  "ContainerPort.name": {
    description:
      "If specified, this must be an IANA_SVC_NAME and unique within the pod. Each named port in a pod must have a unique name. Name for the port that can be referred to by services.",
  },
  "ContainerPort.protocol": {
    enum: ["SCTP", "TCP", "UDP"],
    description: `Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".\n\n${PROTOCOL_VALUES}`,
  },
  "ResourceRequirements.limits": {
    description:
      "Limits describes the maximum amount of compute resources allowed. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/",
  },
  "ResourceRequirements.requests": {
    description:
      "Requests describes the minimum amount of compute resources required. If Requests is omitted for a container, it defaults to Limits if that is explicitly specified, otherwise to an implementation-defined value. Requests cannot exceed Limits. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/",
  },
  "ReplicaSet.spec": {
    description: `Spec defines the specification of the desired behavior of the ReplicaSet. More info: ${CONVENTIONS}#spec-and-status`,
  },
  "ReplicaSet.status": {
    description: `Status is the most recently observed status of the ReplicaSet. This data may be out of date by some window of time. Populated by the system. Read-only. More info: ${CONVENTIONS}#spec-and-status`,
  },
  "ReplicaSetSpec.minReadySeconds": {
    description:
      "Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)",
  },
  "ReplicaSetSpec.replicas": {
    description:
      "Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller",
  },
  "ReplicaSetSpec.selector": {
    required: true,
    description:
      "Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
  },
  "ReplicaSetSpec.template": {
    description:
      "Template is the object that describes the pod that will be created if insufficient replicas are detected. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#pod-template",
  },
  "Deployment.spec": { description: "Specification of the desired behavior of the Deployment." },
  "Deployment.status": { description: "Most recently observed status of the Deployment." },
  "DeploymentSpec.replicas": {
    description: "Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.",
  },
  "DeploymentSpec.selector": {
    required: true,
    description:
      "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template's labels.",
  },
  "DeploymentSpec.template": {
    required: true,
    description: 'Template describes the pods that will be created. The only allowed template.spec.restartPolicy value is "Always".',
  },
  "DeploymentSpec.strategy": { description: "The deployment strategy to use to replace existing pods with new ones." },
  "DeploymentSpec.minReadySeconds": {
    description:
      "Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)",
  },
  "DeploymentSpec.revisionHistoryLimit": {
    description:
      "The number of old ReplicaSets to retain to allow rollback. This is a pointer to distinguish between explicit zero and not specified. Defaults to 10.",
  },
  "DeploymentSpec.paused": { description: "Indicates that the deployment is paused." },
  "DeploymentSpec.progressDeadlineSeconds": {
    description:
      "The maximum time in seconds for a deployment to make progress before it is considered to be failed. The deployment controller will continue to process failed deployments and a condition with a ProgressDeadlineExceeded reason will be surfaced in the deployment status. Note that progress will not be estimated during the time a deployment is paused. Defaults to 600s.",
  },
  "DeploymentStrategy.rollingUpdate": {
    description: "Rolling update config params. Present only if DeploymentStrategyType = RollingUpdate.",
  },
  "DeploymentStrategy.type": {
    enum: ["Recreate", "RollingUpdate"],
    description:
      'Type of deployment. Can be "Recreate" or "RollingUpdate". Default is RollingUpdate.\n\nPossible enum values:\n - `"Recreate"` Kill all existing pods before creating new ones.\n - `"RollingUpdate"` Replace the old ReplicaSets by new one using rolling update i.e gradually scale down the old ReplicaSets and scale up the new one.',
  },
  "RollingUpdateDeployment.maxSurge": {
    description:
      "The maximum number of pods that can be scheduled above the desired number of pods. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). This can not be 0 if MaxUnavailable is 0. Absolute number is calculated from percentage by rounding up. Defaults to 25%. Example: when this is set to 30%, the new ReplicaSet can be scaled up immediately when the rolling update starts, such that the total number of old and new pods do not exceed 130% of desired pods. Once old pods have been killed, new ReplicaSet can be scaled up further, ensuring that total number of pods running at any time during the update is at most 130% of desired pods.",
  },
  "RollingUpdateDeployment.maxUnavailable": {
    description:
      "The maximum number of pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Absolute number is calculated from percentage by rounding down. This can not be 0 if MaxSurge is 0. Defaults to 25%. Example: when this is set to 30%, the old ReplicaSet can be scaled down to 70% of desired pods immediately when the rolling update starts. Once new pods are ready, old ReplicaSet can be scaled down further, followed by scaling up the new ReplicaSet, ensuring that the total number of pods available at all times during the update is at least 70% of desired pods.",
  },
  "DaemonSetSpec.selector": { required: true },
  "DaemonSetSpec.template": { required: true },
  "Service.spec": { description: `Spec defines the behavior of a service. ${CONVENTIONS}#spec-and-status` },
  "Service.status": {
    description: `Most recently observed status of the service. Populated by the system. Read-only. More info: ${CONVENTIONS}#spec-and-status`,
  },
  "ServiceSpec.ports": {
    description:
      "The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies",
  },
  "ServiceSpec.selector": {
    description:
      "Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/",
  },
  "ServiceSpec.type": {
    enum: ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"],
    description:
      'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "ClusterIP" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is "None", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. "NodePort" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. "LoadBalancer" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. "ExternalName" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types\n\nPossible enum values:\n - `"ClusterIP"` means a service will only be accessible inside the cluster, via the cluster IP.\n - `"ExternalName"` means a service consists of only a reference to an external name that kubedns or equivalent will return as a CNAME record, with no exposing or proxying of any pods involved.\n - `"LoadBalancer"` means a service will be exposed via an external load balancer (if the cloud provider supports it), in addition to \'NodePort\' type.\n - `"NodePort"` means a service will be exposed on one port of every node, in addition to \'ClusterIP\' type.',
  },
  "ServicePort.port": { required: true, description: "The port that will be exposed by this service." },
  "ServicePort.targetPort": {
    description:
      "Number or name of the port to access on the pods targeted by the service. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME. If this is a string, it will be looked up as a named port in the target Pod's container ports. If this is not specified, the value of the 'port' field is used (an identity map). This field is ignored for services with clusterIP=None, and should be omitted or set equal to the 'port' field. More info: https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service",
  },
  "ServicePort.nodePort": {
    description:
      "The port on each node on which this service is exposed when type is NodePort or LoadBalancer.  Usually assigned by the system. If a value is specified, in-range, and not in use it will be used, otherwise the operation will fail.  If not specified, a port will be allocated if this Service requires one.  If this field is specified when creating a Service which does not need it, creation will fail. This field will be wiped when updating a Service to no longer need it (e.g. changing type from NodePort to ClusterIP). More info: https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport",
  },
  "ServicePort.protocol": {
    enum: ["SCTP", "TCP", "UDP"],
    description: `The IP protocol for this port. Supports "TCP", "UDP", and "SCTP". Default is TCP.\n\n${PROTOCOL_VALUES}`,
  },
  "LabelSelector.matchLabels": {
    description:
      'matchLabels is a map of {key,value} pairs. A single {key,value} in the matchLabels map is equivalent to an element of matchExpressions, whose key field is "key", the operator is "In", and the values array contains only "value". The requirements are ANDed.',
  },
  "LabelSelector.matchExpressions": {
    description: "matchExpressions is a list of label selector requirements. The requirements are ANDed.",
  },
  "ObjectMeta.name": {
    description:
      "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
  },
  "ObjectMeta.namespace": {
    description:
      'Namespace defines the space within which each name must be unique. An empty namespace is equivalent to the "default" namespace, but "default" is the canonical representation. Not all objects are required to be scoped to a namespace - the value of this field for those objects will be an empty string.\n\nMust be a DNS_LABEL. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces',
  },
  "ObjectMeta.labels": {
    description:
      "Map of string keys and values that can be used to organize and categorize (scope and select) objects. May match selectors of replication controllers and services. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels",
  },
  "ObjectMeta.annotations": {
    description:
      "Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata. They are not queryable and should be preserved when modifying objects. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations",
  },
  "PodSpec.volumes": {
    description: "List of volumes that can be mounted by containers belonging to the pod. More info: https://kubernetes.io/docs/concepts/storage/volumes",
  },
  "PodSpec.tolerations": { description: "If specified, the pod's tolerations." },
  "PodSpec.affinity": { description: "If specified, the pod's scheduling constraints" },
  "PodSpec.serviceAccountName": {
    description:
      "ServiceAccountName is the name of the ServiceAccount to use to run this pod. More info: https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/",
  },
  "EnvVar.name": { required: true, description: "Name of the environment variable. Must be a C_IDENTIFIER." },
  "VolumeMount.name": { required: true, description: "This must match the Name of a Volume." },
  "VolumeMount.mountPath": { required: true, description: "Path within the container at which the volume should be mounted.  Must not contain ':'." },
  "Volume.name": {
    required: true,
    description:
      "name of the volume. Must be a DNS_LABEL and unique within the pod. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
  },
  "ServicePort.name": {
    description:
      "The name of this port within the service. This must be a DNS_LABEL. All ports within a ServiceSpec must have unique names. When considering the endpoints for a Service, this must match the 'name' field in the EndpointPort. Optional if only one ServicePort is defined on this service.",
  },
  "ConfigMap.data": {
    description:
      "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process.",
  },
  "Secret.data": {
    description:
      "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4",
  },
  "Secret.stringData": {
    description:
      "stringData allows specifying non-binary secret data in string form. It is provided as a write-only input field for convenience. All keys and values are merged into the data field on write, overwriting any existing values. The stringData field is never output when reading from the API.",
  },
  "Secret.type": {
    description: "Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types",
  },
  "LabelSelectorRequirement.key": { required: true },
  "LabelSelectorRequirement.operator": { required: true },
};

/** The documentation of `field` in Go type `owner`; "*.field" entries apply to every type. */
export function fieldDoc(owner: string, field: string): FieldDoc | undefined {
  return FIELD_DOCS[`${owner}.${field}`] ?? FIELD_DOCS[`*.${field}`];
}
