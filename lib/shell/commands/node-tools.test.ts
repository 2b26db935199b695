import { describe, it, expect } from "vitest";
import { fakeCluster } from "../testing/fake-cluster";
import { harness } from "../testing/harness";

const kubeletCmd = "/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml";

function cluster() {
  return fakeCluster({
    processes: { controlplane: [{ user: "root", pid: 612, command: "/usr/bin/containerd" }, { user: "root", pid: 972, command: kubeletCmd }] },
    journal: { controlplane: ["Nov 25 10:00:00 controlplane kubelet[972]: I1125 10:00:00.000000     972 server.go:1 \"Started kubelet\""] },
    etcd: { "/registry/pods/default/web": '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"default"}}', "/registry/namespaces/default": '{"kind":"Namespace"}' },
    objects: {
      pods: [
        {
          apiVersion: "v1",
          kind: "Pod",
          metadata: { name: "web", namespace: "default", uid: "u1", creationTimestamp: "2026-11-25T08:00:00Z" },
          spec: { nodeName: "controlplane", containers: [{ name: "nginx", image: "nginx:1.27" }] },
          status: { phase: "Running", containerStatuses: [{ name: "nginx", image: "nginx:1.27", restartCount: 0, state: { running: { startedAt: "2026-11-25T08:00:00Z" } } }] },
        },
      ],
    },
  });
}

describe("ssh", () => {
  it("switches host, prompt and filesystem; exit comes back", async () => {
    const h = harness({ cluster: cluster() });
    await h.run("touch /root/on-cp");
    expect((await h.run("ssh node01")).code).toBe(0);
    expect(h.shell.prompt()).toBe("node01:~$ ");
    expect((await h.run("hostname; ls /root")).out).toBe("node01\n");
    expect((await h.run("exit")).out).toBe("logout\nConnection to node01 closed.\n");
    expect(h.shell.prompt()).toBe("controlplane:~$ ");
    expect(await h.run("ssh nodeX")).toMatchObject({ err: "ssh: Could not resolve hostname nodeX: Name or service not known\n", code: 255 });
    expect((await h.run("ssh node01 hostname")).out).toBe("node01\n");
    expect(h.shell.prompt()).toBe("controlplane:~$ ");
  });
});

describe("systemctl and journalctl", () => {
  it("status shows Loaded/Active lines with the virtual clock, stop makes it inactive", async () => {
    const c = cluster();
    const h = harness({ cluster: c });
    await h.run("mkdir -p /usr/lib/systemd/system/kubelet.service.d && touch /usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf");
    const r = await h.run("systemctl status kubelet");
    expect(r.code).toBe(0);
    expect(r.out.split("\n").slice(0, 4)).toEqual([
      "● kubelet.service - kubelet: The Kubernetes Node Agent",
      "     Loaded: loaded (/lib/systemd/system/kubelet.service; enabled; vendor preset: enabled)",
      "    Drop-In: /usr/lib/systemd/system/kubelet.service.d",
      "             └─10-kubeadm.conf",
    ]);
    expect(r.out).toContain("     Active: active (running) since Sun 2026-11-22 10:00:00 UTC; 3 days ago\n");
    expect(r.out).toContain("             └─972 " + kubeletCmd + "\n");
    await h.run("systemctl stop kubelet");
    expect(c.kubeletActive.controlplane).toBe(false);
    await h.run("sleep 65");
    const s = await h.run("systemctl status kubelet");
    expect(s.code).toBe(3);
    expect(s.out).toContain("     Active: inactive (dead) since Wed 2026-11-25 10:00:00 UTC; 1min 5s ago\n");
    expect(await h.run("systemctl is-active kubelet")).toMatchObject({ out: "inactive\n", code: 3 });
    await h.run("systemctl start kubelet");
    expect(await h.run("systemctl is-active kubelet")).toMatchObject({ out: "active\n", code: 0 });
    expect(await h.run("systemctl status foo")).toMatchObject({ err: "Unit foo.service could not be found.\n", code: 4 });
  });

  it("status names the drop-in that is on disk and dates the start from the node's age", async () => {
    const c = cluster();
    c.objects.nodes = [{ apiVersion: "v1", kind: "Node", metadata: { name: "controlplane", creationTimestamp: "2026-11-23T07:52:46Z" } }];
    const h = harness({ cluster: c });
    await h.run("mkdir -p /usr/lib/systemd/system/kubelet.service.d && touch /usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf");
    const r = await h.run("systemctl status kubelet");
    expect(r.out).toContain("    Drop-In: /usr/lib/systemd/system/kubelet.service.d\n             └─10-kubeadm.conf\n");
    expect(r.out).toContain("     Active: active (running) since Mon 2026-11-23 07:52:41 UTC; 2 days 2h ago\n");
  });

  it("journalctl adds the klog header to engine journal lines", async () => {
    const c = fakeCluster({ journal: { controlplane: ['Nov 25 09:58:00 controlplane kubelet[972]: I "Starting kubelet" version="v1.32.4"'] } });
    const h = harness({ cluster: c });
    expect((await h.run("journalctl -u kubelet")).out).toMatch(/^Nov 25 09:58:00 controlplane kubelet\[972\]: I1125 09:58:00\.\d{6} {5}972 server\.go:520\] "Starting kubelet" version="v1\.32\.4"\n$/);
  });

  it("journalctl -u kubelet prints the kubelet journal", async () => {
    const h = harness({ cluster: cluster() });
    expect((await h.run("journalctl -u kubelet --no-pager")).out).toContain('kubelet[972]: I1125 10:00:00.000000     972 server.go:1 "Started kubelet"\n');
  });
});

describe("ps, crictl, etcdctl, kubeadm", () => {
  it("ps aux has procps columns and the node's processes", async () => {
    const h = harness({ cluster: cluster() });
    const out = (await h.run("ps aux")).out.split("\n");
    expect(out[0]).toBe("USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND");
    expect(out[1]).toMatch(/^root {11}1 +\S+ +\S+ +\d+ +\d+ \? {8}Ssl {2}Nov22 {3}0:42 \/sbin\/init$/);
    expect((await h.run("ps aux | grep kubelet | grep -v grep | awk '{print $2}'")).out).toBe("972\n");
    // bash starts every stage of a pipeline together: the grep is listed too.
    const lines = (await h.run("ps aux | grep kubelet")).out.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^root {8}4791 {2}0\.0 {2}0\.0 {3}6480 {2}2304 pts\/0 {4}S\+ {3}10:00 {3}0:00 grep kubelet$/);
  });

  it("crictl lists the node's containers and pods", async () => {
    const h = harness({ cluster: cluster() });
    const out = (await h.run("crictl ps")).out.split("\n");
    expect(out[0]).toBe("CONTAINER           IMAGE               CREATED             STATE               NAME                ATTEMPT             POD ID              POD");
    expect(out[1]).toMatch(/^[0-9a-f]{13} {7}[0-9a-f]{13} {7}2 hours ago {9}Running {13}nginx {15}0 {19}[0-9a-f]{13} {7}web$/);
    expect((await h.run("crictl pods | tail -1 | awk '{print $4, $5, $6}'")).out).toBe("hours ago Ready\n".replace("hours ago Ready", "ago Ready web"));
  });

  it("etcdctl needs certs on the control plane and lists keys", async () => {
    const h = harness({ cluster: cluster() });
    const certs = "--cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key";
    await h.run("mkdir -p /etc/kubernetes/pki/etcd && touch /etc/kubernetes/pki/etcd/ca.crt /etc/kubernetes/pki/etcd/server.crt /etc/kubernetes/pki/etcd/server.key");
    expect((await h.run(`ETCDCTL_API=3 etcdctl ${certs} get / --prefix --keys-only`)).out).toBe("/registry/namespaces/default\n\n/registry/pods/default/web\n\n");
    const bad = await h.run("etcdctl get / --prefix --keys-only");
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/Error: context deadline exceeded\n$/);
    expect((await h.run(`etcdctl ${certs} snapshot save /opt/snap.db | tail -1`)).out).toBe("Snapshot saved at /opt/snap.db\n");
    // Core objects are stored as protobuf: the key, then "k8s" and the type, with the unprintable bytes dropped.
    const v = (await h.run(`etcdctl ${certs} get /registry/pods/default/web`)).out;
    expect(v).toMatch(/^\/registry\/pods\/default\/web\nk8s\n\nv1Pod\n\nwebdefault"\n$/);
    await h.run("mkdir -p /etc/kubernetes/manifests && cat > /etc/kubernetes/manifests/etcd.yaml <<EOF\n    - --advertise-client-urls=https://192.168.121.2:2379\n    - --initial-advertise-peer-urls=https://192.168.121.2:2380\n    - --name=controlplane\nEOF");
    expect((await h.run(`etcdctl ${certs} member list`)).out).toMatch(/^[0-9a-f]{16}, started, controlplane, https:\/\/192\.168\.121\.2:2380, https:\/\/192\.168\.121\.2:2379, false\n$/);
  });

  it("kubeadm and kubelet versions", async () => {
    const h = harness({ cluster: cluster() });
    expect((await h.run("kubelet --version; kubeadm version -o short")).out).toBe("Kubernetes v1.32.4\nv1.32.4\n");
  });
});
