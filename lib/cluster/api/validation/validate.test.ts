import { describe, it, expect } from "vitest";
import { newTestApiServer } from "../../testing/new-test-cluster";
import { deploymentManifest, podManifest, replicaSetManifest } from "../../testing/builders";

function status(r: { ok: boolean; status?: { message: string; reason: string; code: number; details?: unknown } }) {
  if (r.ok) throw new Error("expected an error");
  return r.status!;
}

describe("validation messages", () => {
  it("requires an image", () => {
    const { client } = newTestApiServer();
    const s = status(client.create("pods", "default", podManifest("noimage", { containers: [{ name: "c" }] })));
    expect(s).toMatchObject({ reason: "Invalid", code: 422, message: 'Pod "noimage" is invalid: spec.containers[0].image: Required value' });
    expect(s.details).toEqual({
      name: "noimage",
      kind: "Pod",
      causes: [{ reason: "FieldValueRequired", message: "Required value", field: "spec.containers[0].image" }],
    });
  });

  it("joins several causes in brackets", () => {
    const { client } = newTestApiServer();
    const s = status(client.create("pods", "default", podManifest("x", { containers: [{}] })));
    expect(s.message).toBe('Pod "x" is invalid: [spec.containers[0].name: Required value, spec.containers[0].image: Required value]');
  });

  it("requires a name", () => {
    const { client } = newTestApiServer();
    const pod = podManifest("") as any;
    delete pod.metadata.name;
    expect(status(client.create("pods", "default", pod)).message).toBe('Pod "" is invalid: metadata.name: Required value: name or generateName is required');
  });

  it("checks names with the rule of each kind", () => {
    const { client } = newTestApiServer();
    expect(status(client.create("pods", "default", podManifest("bad_name"))).message).toBe(
      "Pod \"bad_name\" is invalid: metadata.name: Invalid value: \"bad_name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
    expect(status(client.create("namespaces", undefined, { apiVersion: "v1", kind: "Namespace", metadata: { name: "Bad_NS" } })).message).toBe(
      "Namespace \"Bad_NS\" is invalid: metadata.name: Invalid value: \"Bad_NS\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    );
  });

  it("requires the selector to match the template labels", () => {
    const { client } = newTestApiServer();
    const rs = replicaSetManifest("replicaset-2") as any;
    rs.spec.selector = { matchLabels: { tier: "frontend" } };
    rs.spec.template.metadata.labels = { tier: "nginx" };
    expect(status(client.create("replicasets", "default", rs)).message).toBe(
      'ReplicaSet.apps "replicaset-2" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"tier":"nginx"}: `selector` does not match template `labels`',
    );
  });

  it("requires a selector on apps/v1 kinds", () => {
    const { client } = newTestApiServer();
    const d = deploymentManifest("d1") as any;
    delete d.spec.selector;
    expect(status(client.create("deployments", "default", d)).message).toBe(
      'Deployment.apps "d1" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"d1"}: `selector` does not match template `labels`]',
    );
  });

  it("keeps apps/v1 selectors immutable", () => {
    const { client } = newTestApiServer();
    client.create("deployments", "default", deploymentManifest("web"));
    const s = status(
      client.patch("deployments", "default", "web", "merge", {
        spec: { selector: { matchLabels: { app: "web2" } }, template: { metadata: { labels: { app: "web2" } } } },
      }),
    );
    expect(s.message).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });

  it("forbids pod spec changes other than the allowed ones", () => {
    const { client } = newTestApiServer();
    client.create("pods", "default", podManifest("nginx"));
    expect(client.patch("pods", "default", "nginx", "strategic", { spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } }).ok).toBe(true);
    const s = status(client.patch("pods", "default", "nginx", "strategic", { spec: { containers: [{ name: "nginx", ports: [{ containerPort: 8080 }] }] } }));
    expect(s.message.split("\n")[0]).toBe(
      'Pod "nginx" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
    expect(s.message).toContain("core.PodSpec{");
    expect(s.message).toContain('+ \t\t\tPorts: {{ContainerPort: 8080, Protocol: "TCP"}},');
  });

  it("checks ports, restart policy and volume mounts", () => {
    const { client } = newTestApiServer();
    const pod = podManifest("p", {
      containers: [{ name: "c", image: "nginx", ports: [{ containerPort: 70000 }], volumeMounts: [{ name: "data", mountPath: "/data" }] }],
    }) as any;
    pod.spec.restartPolicy = "Sometimes";
    expect(status(client.create("pods", "default", pod)).message).toBe(
      'Pod "p" is invalid: [spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive, spec.containers[0].volumeMounts[0].name: Not found: "data", spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"]',
    );
  });
});
