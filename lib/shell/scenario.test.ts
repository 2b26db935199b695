import { describe, it, expect } from "vitest";
import { createCluster } from "../cluster/index";
import { harness } from "./testing/harness";

// Through the real engine: the shell's node tools and files against createCluster().
describe("scenarios on the real cluster", () => {
  it("stopping the kubelet on node01 over ssh makes the node NotReady after the grace period", async () => {
    const cluster = createCluster();
    const h = harness({ cluster });
    await h.run("ssh node01");
    expect(await h.run("systemctl stop kubelet")).toMatchObject({ code: 0 });
    expect(cluster.kubelet("node01")!.active).toBe(false);
    expect((await h.run("systemctl is-active kubelet")).out).toBe("inactive\n");
    await h.run("exit");
    cluster.advance(60_000);
    const node = cluster.client().get("nodes", undefined, "node01");
    const ready = node.ok ? (node.value as { status?: { conditions?: { type: string; status: string }[] } }).status?.conditions?.find((c) => c.type === "Ready") : undefined;
    expect(ready?.status).toBe("Unknown");
    await h.run("ssh node01 systemctl start kubelet");
    expect(cluster.kubelet("node01")!.active).toBe(true);
  });

  it("a static pod manifest written from the shell becomes a mirror pod; crictl and ps see the node", async () => {
    const cluster = createCluster();
    const h = harness({ cluster });
    await h.run("mkdir -p /etc/kubernetes/manifests");
    await h.run("cat <<EOF > /etc/kubernetes/manifests/static-web.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: static-web\nspec:\n  containers:\n  - name: web\n    image: nginx\nEOF");
    cluster.advance(30_000);
    const pod = cluster.client().get("pods", "default", "static-web-controlplane");
    expect(pod.ok).toBe(true);
    expect((await h.run("crictl pods | grep -c static-web-controlplane")).out).toBe("1\n");
    // the grep itself is listed too, as in bash
    expect((await h.run("ps aux | grep -c /usr/bin/kubelet")).out).toBe("2\n");
  });
});

describe("the cluster network from the real engine's nodes", () => {
  it("curl reaches an nginx pod through a NodePort Service and the ClusterIP", async () => {
    const cluster = createCluster();
    const client = cluster.client();
    client.create("pods", "default", { apiVersion: "v1", kind: "Pod", metadata: { name: "web", namespace: "default", labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx" }] } });
    client.create("services", "default", { apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "default" }, spec: { type: "NodePort", selector: { app: "web" }, ports: [{ port: 80, targetPort: 80, nodePort: 30080 }] } });
    cluster.advance(30_000);
    const h = harness({ cluster });
    expect((await h.run("curl -s localhost:30080 | grep '<title>'")).out).toBe("<title>Welcome to nginx!</title>\n");
    const svc = client.get("services", "default", "web");
    const clusterIP = svc.ok ? (svc.value as { spec?: { clusterIP?: string } }).spec?.clusterIP : undefined;
    expect((await h.run(`curl -s -o /dev/null -w '%{http_code}' http://${clusterIP}`)).out).toBe("200");
    const status = await h.run("systemctl status kubelet");
    expect(status.out).toMatch(/Drop-In: \/\S+\/kubelet\.service\.d\n {13}└─10-kubeadm\.conf\n/);
    expect((await h.run("journalctl -u kubelet | head -1")).out).toMatch(/^\w{3} \d\d \d\d:\d\d:\d\d controlplane kubelet\[\d+\]: I\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ \S+\.go:\d+\] /);
  });
});
