import { describe, it, expect } from "vitest";
import { newTestApiServer } from "../testing/new-test-cluster";
import { namespaceManifest } from "../testing/builders";

function event(name: string, namespace: string, about: string, reason = "Started") {
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name, namespace },
    involvedObject: { kind: "Pod", namespace, name: about, uid: `uid-${about}` },
    reason,
    message: "m",
    type: "Normal",
    count: 1,
    source: { component: "kubelet" },
  };
}

describe("listing one object's events", () => {
  it("gives exactly what a scan of every event gives, in list order, as events come, change and go", () => {
    const { client } = newTestApiServer();
    client.create("namespaces", undefined, namespaceManifest("prod"));
    for (const [n, ns, about] of [["web.3", "default", "web"], ["web.1", "default", "web"], ["db.1", "default", "db"], ["web.2", "prod", "web"]] as const) {
      expect(client.create("events", ns, event(n, ns, about)).ok).toBe(true);
    }
    const scan = (ns: string | undefined, about: string) => {
      const all = client.list("events", ns);
      return all.ok ? all.value.items.filter((e) => (e as unknown as { involvedObject: { name: string } }).involvedObject.name === about).map((e) => e.metadata.name) : [];
    };
    const indexed = (ns: string | undefined, about: string, extra = "") => {
      const l = client.list("events", ns, { fieldSelector: `involvedObject.name=${about}${extra}` });
      return l.ok ? l.value.items.map((e) => e.metadata.name) : [];
    };
    expect(indexed("default", "web")).toEqual(["web.1", "web.3"]);
    expect(indexed(undefined, "web")).toEqual(scan(undefined, "web"));
    expect(indexed(undefined, "web")).toEqual(["web.1", "web.3", "web.2"]);
    expect(indexed("default", "web", ",reason=Pulled")).toEqual([]);
    client.delete("events", "default", "web.1");
    expect(indexed("default", "web")).toEqual(["web.3"]);
    client.patch("events", "default", "web.3", "merge", { involvedObject: { name: "db" } });
    expect(indexed("default", "web")).toEqual([]);
    expect(indexed("default", "db")).toEqual(["db.1", "web.3"]);
    expect(indexed("default", "db")).toEqual(scan("default", "db"));
  });
});
