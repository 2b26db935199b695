import { describe, it, expect } from "vitest";
import { newTestApiServer } from "../../testing/new-test-cluster";
import { podManifest, replicaSetManifest } from "../../testing/builders";

function message(r: { ok: boolean; status?: { message: string; reason: string; code: number } }) {
  if (r.ok) throw new Error("expected an error");
  return r.status!;
}

describe("strict decoding", () => {
  it("reports an unknown field with its path, as fieldValidation=Strict does", () => {
    const { client } = newTestApiServer();
    const pod = podManifest("x", { containers: [{ name: "c", imagee: "nginx" }] });
    expect(message(client.create("pods", "default", pod))).toMatchObject({
      reason: "BadRequest",
      code: 400,
      message: 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"',
    });
  });

  it("lists several unknown fields comma-separated", () => {
    const { client } = newTestApiServer();
    const rs = replicaSetManifest("rs") as any;
    rs.spec.selector.matchLabel = { a: "b" };
    rs.spec.template.spec.containers[0].port = 80;
    expect(message(client.create("replicasets", "default", rs)).message).toBe(
      'ReplicaSet in version "v1" cannot be handled as a ReplicaSet: strict decoding error: unknown field "spec.selector.matchLabel", unknown field "spec.template.spec.containers[0].port"',
    );
  });

  it("warns instead with fieldValidation=Warn, and drops silently with Ignore", () => {
    const { client } = newTestApiServer();
    const pod = podManifest("w") as any;
    pod.spec.foo = 1;
    const warned = client.create("pods", "default", pod, { fieldValidation: "Warn" });
    expect(warned.ok && warned.warnings).toEqual(['unknown field "spec.foo"']);
    const ignored = client.create("pods", "default", { ...pod, metadata: { name: "i" } }, { fieldValidation: "Ignore" });
    expect(ignored.ok && ignored.warnings).toBeUndefined();
    expect(ignored.ok && (ignored.value.spec as Record<string, unknown>).foo).toBeUndefined();
  });

  it("words type errors like Go's encoding/json", () => {
    const { client } = newTestApiServer();
    const rs = replicaSetManifest("rs") as any;
    rs.spec.replicas = "3";
    expect(message(client.create("replicasets", "default", rs)).message).toBe(
      'ReplicaSet in version "v1" cannot be handled as a ReplicaSet: json: cannot unmarshal string into Go struct field ReplicaSetSpec.spec.replicas of type int32',
    );
    const pod = podManifest("p", { labels: { tier: 1 as unknown as string } });
    expect(message(client.create("pods", "default", pod)).message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    );
    const pod2 = podManifest("p2", { containers: [{ name: "c", image: "nginx", ports: [{ containerPort: "80" }] }] });
    expect(message(client.create("pods", "default", pod2)).message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    );
    const pod3 = podManifest("p3", { containers: "nginx" as unknown as [] });
    expect(message(client.create("pods", "default", pod3)).message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container',
    );
  });

  it("rejects a malformed quantity and a wrong kind", () => {
    const { client } = newTestApiServer();
    const pod = podManifest("q", { containers: [{ name: "c", image: "nginx", resources: { limits: { cpu: "one" } } }] });
    expect(message(client.create("pods", "default", pod)).message).toBe(
      "Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
    const dep = { apiVersion: "apps/v1", kind: "deployment", metadata: { name: "d" } };
    expect(message(client.create("deployments", "default", dep)).message).toBe(
      'deployment in version "v1" cannot be handled as a Deployment: no kind "deployment" is registered for version "apps/v1" in scheme "pkg/api/legacyscheme/scheme.go:30"',
    );
  });
});
