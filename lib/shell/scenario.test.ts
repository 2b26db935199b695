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
    expect((await h.run("ps aux | grep -c /usr/bin/kubelet")).out).toBe("1\n");
  });
});
