import { describe, expect, it } from "vitest";
import { parseApiPath } from "./request-path";

describe("parseApiPath", () => {
  it("tells discovery documents apart", () => {
    expect(parseApiPath("/api")).toEqual({ type: "api" });
    expect(parseApiPath("/apis")).toEqual({ type: "apis" });
    expect(parseApiPath("/apis/apps")).toEqual({ type: "group", group: "apps" });
    expect(parseApiPath("/apis/apps/v1")).toEqual({ type: "groupVersion", group: "apps", version: "v1" });
    expect(parseApiPath("/api/v1")).toEqual({ type: "groupVersion", group: "", version: "v1" });
    expect(parseApiPath("/openapi/v3/apis/apps/v1")).toEqual({ type: "openapiV3", group: "apps", version: "v1" });
    expect(parseApiPath("/version")).toEqual({ type: "version" });
  });

  it("reads namespaced, cluster-wide and subresource paths", () => {
    expect(parseApiPath("/api/v1/namespaces/default/pods/web/log")).toMatchObject({ resource: "pods", namespace: "default", name: "web", subresource: "log" });
    expect(parseApiPath("/apis/apps/v1/deployments")).toMatchObject({ group: "apps", resource: "deployments", namespace: undefined });
    expect(parseApiPath("/api/v1/watch/namespaces/x/pods")).toMatchObject({ resource: "pods", namespace: "x", watchPrefix: true });
  });

  it("keeps /namespaces/<name> and its status as the namespaces resource", () => {
    expect(parseApiPath("/api/v1/namespaces/dev")).toMatchObject({ resource: "namespaces", name: "dev", namespace: undefined });
    expect(parseApiPath("/api/v1/namespaces/dev/status")).toMatchObject({ resource: "namespaces", name: "dev", subresource: "status" });
    expect(parseApiPath("/api/v1/namespaces")).toMatchObject({ resource: "namespaces", name: undefined });
  });
});
