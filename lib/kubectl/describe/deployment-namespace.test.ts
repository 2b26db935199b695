import { describe as suite, expect, it } from "vitest";
import type { KubeObject } from "../../cluster/index";
import { describe, describeAll, describeEach, joinPrefixMatches } from "./index";
import { fakeClient, resourceInfo } from "./testing/fake-client";
import { NOW, defaultNamespace, webDeployment, webRS, node01Lease } from "./testing/fixtures";

const oldRS: KubeObject = {
  ...webRS,
  metadata: { ...webRS.metadata, name: "web-6b7c8d9e0f", uid: "uid-rs-old", creationTimestamp: "2026-11-25T07:40:00Z", labels: { app: "web", "pod-template-hash": "6b7c8d9e0f" } },
  spec: {
    replicas: 0,
    selector: { matchLabels: { app: "web", "pod-template-hash": "6b7c8d9e0f" } },
    template: { metadata: { labels: { app: "web", "pod-template-hash": "6b7c8d9e0f" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.26" }] } },
  },
  status: { replicas: 0 },
};

suite("describe deployment", () => {
  it("lists every old ReplicaSet (even scaled to 0) and picks the new one by template, ignoring pod-template-hash", () => {
    const out = describe(fakeClient({ deployments: [webDeployment], replicasets: [webRS, oldRS] }), resourceInfo("deployments"), webDeployment, NOW);
    expect(out).toContain("\nOldReplicaSets:  web-6b7c8d9e0f (0/0 replicas created)\nNewReplicaSet:   web-5d8f7b9c6d (2/2 replicas created)\nEvents:          <none>\n");
  });

  it("omits OldReplicaSets/NewReplicaSet before the controller created any ReplicaSet", () => {
    const out = describe(fakeClient({ deployments: [webDeployment] }), resourceInfo("deployments"), webDeployment, NOW);
    expect(out).not.toContain("OldReplicaSets:");
    // without those lines, Events joins the Conditions table's column block, exactly as tabwriter does in kubectl
    expect(out.endsWith("  Progressing   True    NewReplicaSetAvailable\nEvents:         <none>\n")).toBe(true);
  });

  it("a Recreate deployment has no RollingUpdateStrategy line", () => {
    const d = { ...webDeployment, spec: { ...(webDeployment.spec as object), strategy: { type: "Recreate" } } };
    const out = describe(fakeClient({}), resourceInfo("deployments"), d, NOW);
    expect(out).toContain("\nStrategyType:       Recreate\nMinReadySeconds:    0\nPod Template:\n");
  });
});

suite("describe namespace", () => {
  it("shows quotas with used and hard amounts, and the limit range table", () => {
    const quota = {
      apiVersion: "v1",
      kind: "ResourceQuota",
      metadata: { name: "compute", namespace: "default" },
      spec: { hard: { pods: "10", "requests.cpu": "2" } },
      status: { hard: { pods: "10", "requests.cpu": "2" }, used: { pods: "3", "requests.cpu": "500m" } },
    };
    const limits = { apiVersion: "v1", kind: "LimitRange", metadata: { name: "lr", namespace: "default" }, spec: { limits: [{ type: "Container", default: { cpu: "500m" }, defaultRequest: { cpu: "250m" } }] } };
    const out = describe(fakeClient({ resourcequotas: [quota], limitranges: [limits] }), resourceInfo("namespaces"), defaultNamespace, NOW);
    expect(out).toBe(
      [
        "Name:         default",
        "Labels:       kubernetes.io/metadata.name=default",
        "Annotations:  <none>",
        "Status:       Active",
        "",
        "Resource Quotas",
        "  Name:         compute",
        "  Resource      Used  Hard",
        "  --------      ---   ---",
        "  pods          3     10",
        "  requests.cpu  500m  2",
        "",
        "Resource Limits",
        " Type       Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio",
        " ----       --------  ---  ---  ---------------  -------------  -----------------------",
        " Container  cpu       -    -    250m             500m           -",
        "",
      ].join("\n"),
    );
  });

  it("a simulator without quota resources still prints kubectl's 'No resource quota.'", () => {
    const out = describe(fakeClient({}, { missing: ["resourcequotas", "limitranges"] }), resourceInfo("namespaces"), defaultNamespace, NOW);
    expect(out.endsWith("Status:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n")).toBe(true);
  });
});

suite("several objects", () => {
  it("separates name-prefix matches with one blank line", () => {
    expect(joinPrefixMatches(["A:  1\n", "B:  2\n"])).toBe("A:  1\n\nB:  2\n\n");
  });

  it("describeEach writes one object at a time, as kubectl prints them, the same text describeAll joins", () => {
    const client = fakeClient({ leases: [node01Lease] });
    const items = [
      { info: resourceInfo("leases"), object: node01Lease },
      { info: resourceInfo("namespaces"), object: defaultNamespace },
    ];
    const writes: string[] = [];
    expect(describeEach(client, items, NOW, {}, (t) => writes.push(t))).toBe(true);
    expect(writes).toHaveLength(2);
    expect(writes[0].startsWith("Name:         node01\n")).toBe(true);
    expect(writes[1].startsWith("\n\nName:         default\n")).toBe(true);
    expect(writes.join("")).toBe(describeAll(client, items, NOW));
    expect(describeEach(client, [], NOW, {}, (t) => writes.push(t))).toBe(false);
    expect(writes).toHaveLength(2);
  });

  it("describeAll mixes kinds and falls back to the generic describer for Lease", () => {
    const out = describeAll(
      fakeClient({ leases: [node01Lease] }),
      [
        { info: resourceInfo("leases"), object: node01Lease },
        { info: resourceInfo("namespaces"), object: defaultNamespace },
      ],
      NOW,
    );
    expect(out.startsWith("Name:         node01\nNamespace:    kube-node-lease\nLabels:       <none>\nAnnotations:  <none>\nAPI Version:  coordination.k8s.io/v1\nKind:         Lease\nMetadata:\n")).toBe(true);
    expect(out).toContain("Spec:\n  Holder Identity:         node01\n  Lease Duration Seconds:  40\n  Renew Time:              2026-11-25T09:47:50.000000Z\nEvents:                    <none>\n\n\nName:         default\n");
  });
});
