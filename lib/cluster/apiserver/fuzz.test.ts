import { describe, it, expect } from "vitest";
import { newTestApiServer } from "../testing/new-test-cluster";
import { SeededRandom } from "../runtime/random";
import { RESOURCES } from "../api/registry";

/** Random JSON-ish values, including the shapes that break naive servers (wrong types, nulls, deep nesting). */
function randomValue(r: SeededRandom, depth: number): unknown {
  const k = r.int(depth > 3 ? 6 : 9);
  switch (k) {
    case 0:
      return null;
    case 1:
      return r.int(2) === 0;
    case 2:
      return r.int(3) === 0 ? -r.int(100000) : r.next() * 1e6;
    case 3:
      return r.string(r.int(8), "ab-_.Z09 /");
    case 4:
      return undefined;
    case 5:
      return r.pick(["spec", "metadata", "containers", "", "v1", "Pod", "apps/v1"]);
    case 6:
      return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      const keys = ["apiVersion", "kind", "metadata", "name", "spec", "containers", "image", "replicas", "selector", "template", "labels", "ports", "status", "x", "finalizers"];
      for (let i = 0; i < r.int(5); i++) o[r.pick(keys)] = randomValue(r, depth + 1);
      return o;
    }
  }
}

describe("bad input never throws", () => {
  it("answers random bodies, names and options with a value or a Status", () => {
    const { client } = newTestApiServer();
    const r = new SeededRandom(42);
    const resources = [...RESOURCES.map((x) => x.resource), "nope", ""];
    for (let i = 0; i < 3000; i++) {
      const res = r.pick(resources);
      const body = randomValue(r, 0);
      const name = r.pick(["a", "", "x_y", undefined, 3]) as string;
      const ns = r.pick(["default", undefined, "nope", ""]) as string | undefined;
      const calls = [
        () => client.create(res, ns, body, randomValue(r, 2) as never),
        () => client.update(res, ns, name, body),
        () => client.updateStatus(res, ns, name, body),
        () => client.patch(res, ns, name, r.pick(["merge", "strategic", "json", "bogus"]) as never, body),
        () => client.delete(res, ns, name, randomValue(r, 2) as never),
        () => client.list(res, ns, randomValue(r, 2) as never),
        () => client.get(res, ns, name),
        () => client.updateScale(res, ns, name, randomValue(r, 3) as never),
        () => client.bind(ns as string, name, r.pick(["node01", "", 5]) as string),
      ];
      const result = r.pick(calls)() as { ok: boolean; status?: { kind: string; code: number } };
      expect(typeof result.ok).toBe("boolean");
      if (!result.ok) {
        expect(result.status!.kind).toBe("Status");
        expect(result.status!.code).toBeGreaterThanOrEqual(400);
        expect(result.status!.code).not.toBe(500);
      }
    }
  });

  it("refuses cycles, functions and huge bodies", () => {
    const { client } = newTestApiServer();
    const cyclic: Record<string, unknown> = { apiVersion: "v1", kind: "Pod", metadata: { name: "c" } };
    cyclic.self = cyclic;
    expect(client.create("pods", "default", cyclic)).toMatchObject({ ok: false, status: { reason: "BadRequest" } });
    expect(client.create("pods", "default", { metadata: { name: "f" }, spec: () => 1 })).toMatchObject({ ok: false, status: { reason: "BadRequest" } });
    const big = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "big" }, data: { a: "x".repeat(2 * 1024 * 1024) } };
    expect(client.create("configmaps", "default", big)).toMatchObject({ ok: false, status: { code: 500, message: "etcdserver: request is too large" } });
    const huge = { ...big, data: { a: "x".repeat(4 * 1024 * 1024) } };
    expect(client.create("configmaps", "default", huge)).toMatchObject({
      ok: false,
      status: { reason: "RequestEntityTooLarge", code: 413, message: "Request entity too large: limit is 3145728" },
    });
  });
});
