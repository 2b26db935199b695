import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSim } from "../sim/create-sim";
import { startKubeHttpServer, type KubeHttpServer } from "./kube-http-server";

let server: KubeHttpServer;
const sim = createSim({ seed: 3 });

beforeAll(async () => {
  server = await startKubeHttpServer({ cluster: sim.cluster, clock: { mode: "on-demand" } });
});
afterAll(() => server.close());

const get = (path: string, accept = "application/json") => fetch(`${server.url}${path}`, { headers: { Accept: accept } });

describe("the cluster over the Kubernetes HTTP API", () => {
  it("serves legacy discovery with subresources, and refuses aggregated discovery by answering plain JSON", async () => {
    const res = await get("/api", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json");
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toMatchObject({ kind: "APIVersions", versions: ["v1"] });
    const apps = (await (await get("/apis/apps/v1")).json()) as { resources: { name: string; kind: string }[] };
    expect(apps.resources.map((r) => r.name)).toContain("deployments/scale");
    expect(apps.resources.find((r) => r.name === "deployments/scale")?.kind).toBe("Scale");
  });

  it("answers kubectl's Table request with server-side columns and cells", async () => {
    const res = await get("/api/v1/nodes", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
    const table = (await res.json()) as { kind: string; columnDefinitions: { name: string }[]; rows: { cells: string[]; object: { kind: string } }[] };
    expect(table.kind).toBe("Table");
    expect(table.columnDefinitions.map((c) => c.name).slice(0, 5)).toEqual(["Name", "Status", "Roles", "Age", "Version"]);
    expect(table.rows.map((r) => r.cells[0])).toEqual(["controlplane", "node01"]);
    expect(table.rows[0].object.kind).toBe("PartialObjectMetadata");
  });

  it("creates from JSON, returns Status errors with their HTTP code, and warns on unknown fields", async () => {
    const body = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c1" }, data: { a: "b" }, extra: 1 };
    const post = (q: string) => fetch(`${server.url}/api/v1/namespaces/default/configmaps${q}`, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } });
    const created = await post("?fieldValidation=Warn");
    expect(created.status).toBe(201);
    expect(created.headers.get("warning")).toBe('299 - "unknown field \\"extra\\""');
    const again = await post("?fieldValidation=Ignore");
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ kind: "Status", reason: "AlreadyExists", message: 'configmaps "c1" already exists' });
    const missing = await get("/api/v1/namespaces/default/pods/nope");
    expect(missing.status).toBe(404);
    expect((await get("/apis/batch/v1/jobs")).status).toBe(404);
  });

  it("scales through the scale subresource with a merge patch", async () => {
    const c = sim.cluster.client();
    c.create("deployments", "default", {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web" },
      spec: { selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "n", image: "nginx" }] } } },
    });
    const res = await fetch(`${server.url}/apis/apps/v1/namespaces/default/deployments/web/scale`, {
      method: "PATCH",
      body: JSON.stringify({ spec: { replicas: 3 } }),
      headers: { "Content-Type": "application/merge-patch+json" },
    });
    expect(await res.json()).toMatchObject({ kind: "Scale", spec: { replicas: 3 } });
    const got = c.get("deployments", "default", "web");
    expect(got.ok && (got.value.spec as { replicas: number }).replicas).toBe(3);
  });

  it("streams watch events as JSON lines", async () => {
    const ac = new AbortController();
    const res = await fetch(`${server.url}/api/v1/namespaces/default/configmaps?watch=true&fieldSelector=metadata.name%3Dc1`, { signal: ac.signal });
    const reader = res.body!.getReader();
    const { value } = await reader.read();
    ac.abort();
    const event = JSON.parse(new TextDecoder().decode(value).split("\n")[0]) as { type: string; object: { metadata: { name: string } } };
    expect(event).toMatchObject({ type: "ADDED", object: { metadata: { name: "c1" } } });
  });
  it("serves OpenAPI v3 with the field docs kubectl explain shows, and an empty protobuf OpenAPI v2", async () => {
    const doc = (await (await get("/openapi/v3/apis/apps/v1")).json()) as { components: { schemas: Record<string, { type?: string; properties?: Record<string, object>; required?: string[] }> } };
    const schemas = doc.components.schemas;
    expect(schemas["io.k8s.api.apps.v1.RollingUpdateDeployment"].properties?.maxSurge).toEqual({
      allOf: [{ $ref: "#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString" }],
      description: expect.stringMatching(/^The maximum number of pods that can be scheduled above the desired number of pods\./),
    });
    // No `type`, so kubectl prints `<IntOrString>` as against a real v1.32 server.
    expect(schemas["io.k8s.apimachinery.pkg.util.intstr.IntOrString"].type).toBeUndefined();
    expect(schemas["io.k8s.api.core.v1.PodSpec"].required).toEqual(["containers"]);
    const v2 = await get("/openapi/v2", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf");
    expect(v2.status).toBe(200);
    // Document{swagger: "2.0", info: {title: "Kubernetes", version: "v1.32.4"}} and no definitions
    expect(new TextDecoder().decode(await v2.arrayBuffer())).toBe("\n\x032.0\x12\x15\n\nKubernetes\x12\x07v1.32.4");
  });
});
