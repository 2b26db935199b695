import { describe, it, expect } from "vitest";
import { newTestApiServer } from "../../testing/new-test-cluster";
import { deploymentManifest, podManifest, replicaSetManifest, serviceManifest } from "../../testing/builders";

describe("defaulting, as `kubectl get -o yaml` shows it on a real v1.32 server", () => {
  it("fills a pod like `kubectl run nginx --image=nginx`", () => {
    const { client } = newTestApiServer();
    const r = client.create("pods", "default", podManifest("nginx", { labels: { run: "nginx" } }));
    if (!r.ok) throw new Error(r.status.message);
    const spec = r.value.spec as Record<string, any>;
    const vol = spec.volumes[0].name as string;
    expect(vol).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(spec.containers[0]).toEqual({
      name: "nginx",
      image: "nginx",
      imagePullPolicy: "Always",
      resources: {},
      terminationMessagePath: "/dev/termination-log",
      terminationMessagePolicy: "File",
      volumeMounts: [{ mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", name: vol, readOnly: true }],
    });
    const { containers: _c, volumes, ...rest } = spec;
    expect(rest).toEqual({
      dnsPolicy: "ClusterFirst",
      enableServiceLinks: true,
      preemptionPolicy: "PreemptLowerPriority",
      priority: 0,
      restartPolicy: "Always",
      schedulerName: "default-scheduler",
      securityContext: {},
      serviceAccount: "default",
      serviceAccountName: "default",
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists", tolerationSeconds: 300 },
        { effect: "NoExecute", key: "node.kubernetes.io/unreachable", operator: "Exists", tolerationSeconds: 300 },
      ],
    });
    expect(volumes[0].projected).toEqual({
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
        { configMap: { items: [{ key: "ca.crt", path: "ca.crt" }], name: "kube-root-ca.crt" } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }] } },
      ],
    });
    expect(r.value.status).toEqual({ phase: "Pending", qosClass: "BestEffort" });
  });

  it("pulls tagged images IfNotPresent and computes the QoS class", () => {
    const { client } = newTestApiServer();
    const r = client.create(
      "pods",
      "default",
      podManifest("g", { containers: [{ name: "c", image: "nginx:1.27", resources: { limits: { cpu: "500m", memory: "128Mi" } } }] }),
    );
    if (!r.ok) throw new Error(r.status.message);
    const c = (r.value.spec as any).containers[0];
    expect(c.imagePullPolicy).toBe("IfNotPresent");
    expect(c.resources).toEqual({ limits: { cpu: "500m", memory: "128Mi" }, requests: { cpu: "500m", memory: "128Mi" } });
    expect((r.value.status as any).qosClass).toBe("Guaranteed");
  });

  it("defaults Deployment strategy, history and template", () => {
    const { client } = newTestApiServer();
    const r = client.create("deployments", "default", deploymentManifest("web"));
    if (!r.ok) throw new Error(r.status.message);
    const spec = r.value.spec as any;
    expect(spec.strategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } });
    expect(spec).toMatchObject({ replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 });
    expect(spec.template.spec).toMatchObject({ restartPolicy: "Always", dnsPolicy: "ClusterFirst", schedulerName: "default-scheduler", terminationGracePeriodSeconds: 30, securityContext: {} });
    expect(spec.template.spec.serviceAccountName).toBeUndefined();
    expect(r.value.metadata.generation).toBe(1);
  });

  it("takes an RC's selector and labels from its template", () => {
    const { client } = newTestApiServer();
    const rc = replicaSetManifest("rc") as any;
    rc.apiVersion = "v1";
    rc.kind = "ReplicationController";
    delete rc.spec.selector;
    delete rc.metadata.labels;
    const r = client.create("replicationcontrollers", "default", rc);
    if (!r.ok) throw new Error(r.status.message);
    expect((r.value.spec as any).selector).toEqual({ app: "rc" });
    expect(r.value.metadata.labels).toEqual({ app: "rc" });
    expect(r.value.status).toEqual({ replicas: 0 });
  });

  it("defaults a Service", () => {
    const { client } = newTestApiServer();
    const r = client.create("services", "default", serviceManifest("redis", { port: 6379 }));
    if (!r.ok) throw new Error(r.status.message);
    const spec = r.value.spec as any;
    expect(spec).toMatchObject({
      type: "ClusterIP",
      sessionAffinity: "None",
      internalTrafficPolicy: "Cluster",
      ipFamilies: ["IPv4"],
      ipFamilyPolicy: "SingleStack",
      ports: [{ port: 6379, protocol: "TCP", targetPort: 6379 }],
    });
    expect(r.value.status).toEqual({ loadBalancer: {} });
  });

  it("labels and finalizes a Namespace", () => {
    const { client } = newTestApiServer();
    const r = client.create("namespaces", undefined, { apiVersion: "v1", kind: "Namespace", metadata: { name: "dev" } });
    if (!r.ok) throw new Error(r.status.message);
    expect(r.value.metadata.labels).toEqual({ "kubernetes.io/metadata.name": "dev" });
    expect(r.value.spec).toEqual({ finalizers: ["kubernetes"] });
    expect(r.value.status).toEqual({ phase: "Active" });
  });
});
