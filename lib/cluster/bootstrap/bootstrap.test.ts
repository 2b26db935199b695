import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { isFsError } from "../hosts/host-fs";
import { createVirtualFs } from "../hosts/virtual-fs";
import { SeededRandom } from "../runtime/random";
import { fakeContext } from "../kubelet/testing/fake-api";
import { bootstrapCluster } from "./index";

function setup() {
  const f = fakeContext();
  const nodes = [
    { config: { name: "controlplane" }, controlPlane: true, fs: createVirtualFs("controlplane", f.clock), podCIDR: "10.244.0.0/24", internalIP: "192.168.121.2" },
    { config: { name: "node01" }, controlPlane: false, fs: createVirtualFs("node01", f.clock), podCIDR: "10.244.1.0/24", internalIP: "192.168.121.3" },
  ];
  bootstrapCluster({ client: f.api.client("kubeadm"), nodes, clock: f.clock, random: new SeededRandom(3), createdAt: f.clock.now() });
  const read = (i: number, path: string) => {
    const t = nodes[i].fs.readFile(path);
    if (isFsError(t)) throw new Error(`${path}: ${t.error}`);
    return t;
  };
  return { f, nodes, read, kubeadm: f.api.client("kubeadm") };
}

describe("bootstrapCluster", () => {
  it("writes the kubeadm files on the control plane and the kubelet files on workers", () => {
    const { nodes, read } = setup();
    expect(nodes[0].fs.readdir("/etc/kubernetes/manifests")).toEqual(["etcd.yaml", "kube-apiserver.yaml", "kube-controller-manager.yaml", "kube-scheduler.yaml"]);
    for (const f of ["admin.conf", "controller-manager.conf", "kubelet.conf", "scheduler.conf", "super-admin.conf"]) expect(read(0, `/etc/kubernetes/${f}`)).toContain("kind: Config");
    expect(read(0, "/root/.kube/config")).toContain("current-context: kubernetes-admin@kubernetes");
    expect(read(0, "/root/.kube/config")).toContain("server: https://192.168.121.2:6443");
    expect(nodes[0].fs.readdir("/etc/kubernetes/pki")).toContain("apiserver-etcd-client.key");
    expect(nodes[0].fs.readdir("/etc/kubernetes/pki/etcd")).toEqual(["ca.crt", "ca.key", "healthcheck-client.crt", "healthcheck-client.key", "peer.crt", "peer.key", "server.crt", "server.key"]);
    expect(read(1, "/var/lib/kubelet/config.yaml")).toContain("staticPodPath: /etc/kubernetes/manifests");
    expect(read(1, "/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf")).toContain("ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS");
    expect(read(1, "/lib/systemd/system/kubelet.service")).toContain("Description=kubelet: The Kubernetes Node Agent");
    expect(nodes[1].fs.readdir("/etc/kubernetes/manifests")).toEqual([]);
    expect(isFsError(nodes[1].fs.readFile("/etc/kubernetes/admin.conf"))).toBe(true);
  });

  it("static pod manifests are valid pods with kubeadm's images, flags and probes", () => {
    const { read } = setup();
    const api = parse(read(0, "/etc/kubernetes/manifests/kube-apiserver.yaml"));
    expect(api.metadata).toMatchObject({ name: "kube-apiserver", namespace: "kube-system", labels: { component: "kube-apiserver", tier: "control-plane" } });
    const c = api.spec.containers[0];
    expect(c.image).toBe("registry.k8s.io/kube-apiserver:v1.32.4");
    expect(c.command).toContain("--service-cluster-ip-range=10.96.0.0/12");
    expect(c.command).toContain("--etcd-servers=https://127.0.0.1:2379");
    expect([...c.command.slice(1)]).toEqual([...c.command.slice(1)].sort());
    expect(c.livenessProbe.httpGet).toEqual({ host: "192.168.121.2", path: "/livez", port: 6443, scheme: "HTTPS" });
    expect(api.spec.priorityClassName).toBe("system-node-critical");
    const etcd = parse(read(0, "/etc/kubernetes/manifests/etcd.yaml"));
    expect(etcd.spec.containers[0].image).toBe("registry.k8s.io/etcd:3.5.16-0");
    expect(etcd.spec.volumes.map((v: any) => v.hostPath.path)).toEqual(["/etc/kubernetes/pki/etcd", "/var/lib/etcd"]);
    const sched = parse(read(0, "/etc/kubernetes/manifests/kube-scheduler.yaml"));
    expect(sched.spec.containers[0].command).toEqual([
      "kube-scheduler",
      "--authentication-kubeconfig=/etc/kubernetes/scheduler.conf",
      "--authorization-kubeconfig=/etc/kubernetes/scheduler.conf",
      "--bind-address=127.0.0.1",
      "--kubeconfig=/etc/kubernetes/scheduler.conf",
      "--leader-elect=true",
    ]);
  });

  it("creates namespaces, nodes, services, config maps and the add-ons", () => {
    const { kubeadm } = setup();
    const names = (res: string, ns?: string) => {
      const l = kubeadm.list(res, ns);
      return l.ok ? l.value.items.map((o) => `${o.metadata.namespace ? `${o.metadata.namespace}/` : ""}${o.metadata.name}`).sort() : [];
    };
    expect(names("namespaces")).toEqual(["default", "kube-node-lease", "kube-public", "kube-system"]);
    expect(names("nodes")).toEqual(["controlplane", "node01"]);
    expect(names("services")).toEqual(["default/kubernetes", "kube-system/kube-dns"]);
    expect(names("configmaps")).toEqual(["kube-public/cluster-info", "kube-system/coredns", "kube-system/kube-proxy", "kube-system/kubeadm-config", "kube-system/kubelet-config"]);
    expect(names("deployments")).toEqual(["kube-system/coredns"]);
    expect(names("daemonsets")).toEqual(["kube-system/kube-proxy"]);
    const cp = kubeadm.get("nodes", undefined, "controlplane");
    expect(cp.ok && cp.value.spec).toEqual({ podCIDR: "10.244.0.0/24", podCIDRs: ["10.244.0.0/24"], taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] });
    const dns = kubeadm.get("services", "kube-system", "kube-dns");
    expect(dns.ok && (dns.value.spec as any).ports.map((p: any) => `${p.port}/${p.protocol}`)).toEqual(["53/UDP", "53/TCP", "9153/TCP"]);
  });
});
