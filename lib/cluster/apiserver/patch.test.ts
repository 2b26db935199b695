import { describe, it, expect } from "vitest";
import type { ApiResult } from "../apiserver/api-client";
import type { KubeObject } from "../api/types";
import { newTestApiServer } from "../testing/new-test-cluster";
import { deploymentManifest, podManifest } from "../testing/builders";

function spec(r: ApiResult<KubeObject>): any {
  if (!r.ok) throw new Error(r.status.message);
  return r.value.spec;
}

describe("patch", () => {
  it("merges containers by name in a strategic merge patch (kubectl set image)", () => {
    const { client } = newTestApiServer();
    const d = deploymentManifest("web") as any;
    d.spec.template.spec.containers.push({ name: "sidecar", image: "busybox" });
    client.create("deployments", "default", d);
    const s = spec(client.patch("deployments", "default", "web", "strategic", { spec: { template: { spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } } }));
    expect(s.template.spec.containers.map((c: any) => `${c.name}=${c.image}`)).toEqual(["nginx=nginx:1.27", "sidecar=busybox"]);
  });

  it("replaces lists in a JSON merge patch", () => {
    const { client } = newTestApiServer();
    const d = deploymentManifest("web") as any;
    d.spec.template.spec.containers.push({ name: "sidecar", image: "busybox" });
    client.create("deployments", "default", d);
    const s = spec(client.patch("deployments", "default", "web", "merge", { spec: { template: { spec: { containers: [{ name: "only", image: "redis" }] } } } }));
    expect(s.template.spec.containers.map((c: any) => c.name)).toEqual(["only"]);
  });

  it("honours $patch: delete and null deletes", () => {
    const { client } = newTestApiServer();
    const d = deploymentManifest("web") as any;
    d.spec.template.spec.containers.push({ name: "sidecar", image: "busybox", env: [{ name: "A", value: "1" }] });
    client.create("deployments", "default", d);
    const s = spec(
      client.patch("deployments", "default", "web", "strategic", {
        spec: { replicas: 4, template: { spec: { containers: [{ name: "nginx", $patch: "delete" }] } } },
      }),
    );
    expect(s.replicas).toBe(4);
    expect(s.template.spec.containers.map((c: any) => c.name)).toEqual(["sidecar"]);
    const labels = client.patch("deployments", "default", "web", "merge", { metadata: { labels: { app: null, team: "a" } } });
    expect(labels.ok && labels.value.metadata.labels).toEqual({ team: "a" });
  });

  it("applies JSON patches and reports a missing path", () => {
    const { client } = newTestApiServer();
    client.create("deployments", "default", deploymentManifest("web"));
    const s = spec(client.patch("deployments", "default", "web", "json", [{ op: "replace", path: "/spec/replicas", value: 3 }, { op: "add", path: "/metadata/labels/x", value: "y" }]));
    expect(s.replicas).toBe(3);
    const bad = client.patch("deployments", "default", "web", "json", [{ op: "replace", path: "/spec/nope", value: 1 }]);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.status.message).toBe("replace operation does not apply: doc is missing key: /spec/nope");
  });

  it("reports unknown fields of a merge patch against the patched object's JSON, keys sorted", () => {
    const { client } = newTestApiServer();
    client.create("configmaps", "default", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg" }, data: { b: "2", a: "1" } });
    const r = client.patch("configmaps", "default", "cfg", "merge", { datta: { x: "y" } });
    const message = !r.ok ? r.status.message : "";
    expect(message.startsWith(' "" is invalid: patch: Invalid value: "{\\"apiVersion\\":\\"v1\\",\\"data\\":{\\"a\\":\\"1\\",\\"b\\":\\"2\\"},\\"datta\\":{\\"x\\":\\"y\\"},\\"kind\\":\\"ConfigMap\\",\\"metadata\\":{')).toBe(true);
    expect(message.endsWith('}": strict decoding error: unknown field "datta"')).toBe(true);
  });

  it("prints a strategic patch with nested lists and scalars as Go's %+v of the decoded map", () => {
    const { client } = newTestApiServer();
    client.create("pods", "default", podManifest("nginx"));
    const r = client.patch("pods", "default", "nginx", "strategic", { metadata: { labels: { tier: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27", portz: [{ containerPort: 80 }] }], activeDeadlineSeconds: 30 } });
    expect(!r.ok && r.status.details?.causes?.[0]?.message).toBe(
      'Invalid value: "map[metadata:map[labels:map[tier:web]] spec:map[activeDeadlineSeconds:30 containers:[map[image:nginx:1.27 name:nginx portz:[map[containerPort:80]]]]]]": strict decoding error: unknown field "spec.containers[0].portz"',
    );
  });

  it("reports unknown fields of a strategic patch against the patch", () => {
    const { client } = newTestApiServer();
    client.create("pods", "default", podManifest("nginx"));
    const r = client.patch("pods", "default", "nginx", "strategic", { spec: { volumez: [] } });
    // GroupKind{}.String() is empty, hence the leading space; kubectl prints "The request is invalid: ..." from the causes.
    expect(!r.ok && r.status.message).toBe(' "" is invalid: patch: Invalid value: "map[spec:map[volumez:[]]]": strict decoding error: unknown field "spec.volumez"');
    expect(!r.ok && r.status.details?.causes).toEqual([
      { reason: "FieldValueInvalid", field: "patch", message: 'Invalid value: "map[spec:map[volumez:[]]]": strict decoding error: unknown field "spec.volumez"' },
    ]);
  });
});
