/** `kubectl explain` goldens; pod, pod.spec.containers.image, rs.spec and the errors are from the real v1.32 transcript. */
import { describe, expect, it } from "vitest";
import { createCluster, type Cluster } from "../../cluster/index";
import { runKubectl } from "../testing/run-kubectl";

const CONV = "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md";
let shared: Cluster | undefined;
const explain = (...args: string[]) => runKubectl((shared ??= createCluster({ seed: 7 })), ["explain", ...args]);

describe("kubectl explain", () => {
  it("prints a kind's description and top-level fields", async () => {
    const r = await explain("pod");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`KIND:       Pod
VERSION:    v1

DESCRIPTION:
    Pod is a collection of containers that can run on a host. This resource is
    created by clients and scheduled onto hosts.
    
FIELDS:
  apiVersion\t<string>
    APIVersion defines the versioned schema of this representation of an object.
    Servers should convert recognized schemas to the latest internal value, and
    may reject unrecognized values. More info:
    ${CONV}#resources

  kind\t<string>
    Kind is a string value representing the REST resource this object
    represents. Servers may infer this from the endpoint the client submits
    requests to. Cannot be updated. In CamelCase. More info:
    ${CONV}#types-kinds

  metadata\t<ObjectMeta>
    Standard object's metadata. More info:
    ${CONV}#metadata

  spec\t<PodSpec>
    Specification of the desired behavior of the pod. More info:
    ${CONV}#spec-and-status

  status\t<PodStatus>
    Most recently observed status of the pod. This data may not be up to date.
    Populated by the system. Read-only. More info:
    ${CONV}#spec-and-status


`);
  });

  it("explains a leaf field through an array (pod.spec.containers.image)", async () => {
    const r = await explain("pod.spec.containers.image");
    expect(r.stdout).toBe(`KIND:       Pod
VERSION:    v1

FIELD: image <string>


DESCRIPTION:
    Container image name. More info:
    https://kubernetes.io/docs/concepts/containers/images This field is optional
    to allow higher level config management to default or override container
    images in workload controllers like Deployments and StatefulSets.
    

`);
  });

  it("shows the field's and the type's description and marks required fields (rs.spec)", async () => {
    const r = await explain("rs.spec");
    expect(r.stdout).toBe(`GROUP:      apps
KIND:       ReplicaSet
VERSION:    v1

FIELD: spec <ReplicaSetSpec>


DESCRIPTION:
    Spec defines the specification of the desired behavior of the ReplicaSet.
    More info:
    ${CONV}#spec-and-status
    ReplicaSetSpec is the specification of a ReplicaSet.
    
FIELDS:
  minReadySeconds\t<integer>
    Minimum number of seconds for which a newly created pod should be ready
    without any of its container crashing, for it to be considered available.
    Defaults to 0 (pod will be considered available as soon as it is ready)

  replicas\t<integer>
    Replicas is the number of desired replicas. This is a pointer to distinguish
    between explicit zero and unspecified. Defaults to 1. More info:
    https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller

  selector\t<LabelSelector> -required-
    Selector is a label query over pods that should match the replica count.
    Label keys and values that must match in order to be controlled by this
    replica set. It must match the pod template's labels. More info:
    https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors

  template\t<PodTemplateSpec>
    Template is the object that describes the pod that will be created if
    insufficient replicas are detected. More info:
    https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#pod-template


`);
  });

  it("lists enum values under a field (deployment.spec.strategy)", async () => {
    const r = await explain("deployment.spec.strategy");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`GROUP:      apps
KIND:       Deployment
VERSION:    v1

FIELD: strategy <DeploymentStrategy>


DESCRIPTION:
    The deployment strategy to use to replace existing pods with new ones.
    DeploymentStrategy describes how to replace existing pods with new ones.
    
FIELDS:
  rollingUpdate\t<RollingUpdateDeployment>
    Rolling update config params. Present only if DeploymentStrategyType =
    RollingUpdate.

  type\t<string>
  enum: Recreate, RollingUpdate
    Type of deployment. Can be "Recreate" or "RollingUpdate". Default is
    RollingUpdate.
    
    Possible enum values:
     - \`"Recreate"\` Kill all existing pods before creating new ones.
     - \`"RollingUpdate"\` Replace the old ReplicaSets by new one using rolling
    update i.e gradually scale down the old ReplicaSets and scale up the new
    one.


`);
  });

  it("prints ENUM: after the FIELD line of an enum field (svc.spec.type)", async () => {
    const r = await explain("svc.spec.type");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^KIND: {7}Service\nVERSION: {4}v1\n\nFIELD: type <string>\nENUM:\n {4}ClusterIP\n {4}ExternalName\n {4}LoadBalancer\n {4}NodePort\n\nDESCRIPTION:\n {4}type determines how the Service is exposed\. Defaults to ClusterIP\. Valid\n/);
    expect(r.stdout).toContain(`    Possible enum values:
     - \`"ClusterIP"\` means a service will only be accessible inside the cluster,
    via the cluster IP.
`);
    expect(r.stdout.endsWith("in addition to 'ClusterIP' type.\n    \n\n")).toBe(true);
  });

  it("--recursive prints only names and types, nested by depth", async () => {
    const r = await explain("deployment.spec.strategy", "--recursive");
    expect(r.stdout).toBe(`GROUP:      apps
KIND:       Deployment
VERSION:    v1

FIELD: strategy <DeploymentStrategy>


DESCRIPTION:
    The deployment strategy to use to replace existing pods with new ones.
    DeploymentStrategy describes how to replace existing pods with new ones.
    
FIELDS:
  rollingUpdate\t<RollingUpdateDeployment>
    maxSurge\t<IntOrString>
    maxUnavailable\t<IntOrString>
  type\t<string>
  enum: Recreate, RollingUpdate

`);
  });

  it("--recursive walks into arrays and marks required fields at every depth", async () => {
    const r = await explain("deploy.spec.selector", "--recursive");
    expect(r.stdout).toContain(`FIELDS:
  matchExpressions\t<[]LabelSelectorRequirement>
    key\t<string> -required-
    operator\t<string> -required-
    values\t<[]string>
  matchLabels\t<map[string]string>
`);
  });

  it("types maps of quantities by name (pod.spec.containers.resources)", async () => {
    const r = await explain("pod.spec.containers.resources");
    expect(r.stdout).toContain("  limits\t<map[string]Quantity>\n    Limits describes the maximum amount of compute resources allowed. More info:\n");
  });

  it("explains every kind the cluster serves", async () => {
    for (const kind of ["pods", "replicasets", "replicationcontrollers", "deployments", "daemonsets", "services", "endpoints", "endpointslices", "namespaces", "nodes", "events", "serviceaccounts", "configmaps", "secrets", "leases"]) {
      const r = await explain(kind);
      expect(r.code, kind).toBe(0);
      expect(r.stdout, kind).toMatch(/\nDESCRIPTION:\n[\s\S]*\nFIELDS:\n(?:[\s\S]*\n)? {2}apiVersion\t<string>\n/);
    }
  });

  it("names a missing field after the header and exits 1", async () => {
    const r = await explain("pods.spec.containerz");
    expect(r).toEqual({ stdout: "KIND:       Pod\nVERSION:    v1\n\n", stderr: 'error: field "containerz" does not exist\n', code: 1 });
  });

  it("names the last path element when an earlier one is missing, as kubectl does", async () => {
    const r = await explain("pod.spec.nope.image");
    expect(r.stderr).toBe('error: field "image" does not exist\n');
    expect(r.code).toBe(1);
  });

  it("names IntOrString fields by their type and adds the type's description (deploy.spec.strategy.rollingUpdate.maxSurge)", async () => {
    const r = await explain("deploy.spec.strategy.rollingUpdate.maxSurge");
    expect(r.stdout).toBe(`GROUP:      apps
KIND:       Deployment
VERSION:    v1

FIELD: maxSurge <IntOrString>


DESCRIPTION:
    The maximum number of pods that can be scheduled above the desired number of
    pods. Value can be an absolute number (ex: 5) or a percentage of desired
    pods (ex: 10%). This can not be 0 if MaxUnavailable is 0. Absolute number is
    calculated from percentage by rounding up. Defaults to 25%. Example: when
    this is set to 30%, the new ReplicaSet can be scaled up immediately when the
    rolling update starts, such that the total number of old and new pods do not
    exceed 130% of desired pods. Once old pods have been killed, new ReplicaSet
    can be scaled up further, ensuring that total number of pods running at any
    time during the update is at most 130% of desired pods.
    IntOrString is a type that can hold an int32 or a string.  When used in JSON
    or YAML marshalling and unmarshalling, it produces or consumes the inner
    type.  This allows you to have, for example, a JSON field that can accept a
    name or number.
    

`);
  });

  it("names Quantity maps by their value type (pod.spec.containers.resources)", async () => {
    const r = await explain("pod.spec.containers.resources");
    expect(r.stdout).toContain("  limits\t<map[string]Quantity>\n");
    expect(r.stdout).toContain("  requests\t<map[string]Quantity>\n");
  });

  it("cannot descend into a scalar field", async () => {
    const r = await explain("svc.spec.type.foo");
    expect(r.stderr).toBe('error: field "foo" does not exist\n');
  });

  it("needs exactly one TYPE argument", async () => {
    expect(await explain()).toEqual({
      stdout: "",
      stderr: 'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
      code: 1,
    });
    expect(await explain("pod.spec", "svc")).toEqual({ stdout: "", stderr: "error: We accept only this format: explain RESOURCE\n", code: 1 });
  });

  it("rejects an unknown resource type without an error: prefix", async () => {
    const r = await explain("podz");
    expect(r).toEqual({ stdout: "", stderr: 'the server doesn\'t have a resource type "podz"\n', code: 1 });
  });
});
