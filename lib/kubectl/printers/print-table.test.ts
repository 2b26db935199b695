import { describe, expect, it } from "vitest";
import { printTable, printTableGroups } from "./print-table";
import { NOW, d, deployment, h, m, namespace, node, replicaSet, replicationController, s, service, transcriptPods } from "./testing/fixtures";

const lines = (...l: string[]) => l.map((x) => x + "\n").join("");

describe("printTable: the transcripts of a real kubectl v1.32", () => {
  it("kubectl get pods", () => {
    expect(printTable(transcriptPods(), { now: NOW })).toBe(
      lines(
        "NAME                   READY   STATUS              RESTARTS       AGE",
        "badimage               0/1     ImagePullBackOff    0              96s",
        "bigpod                 0/1     Pending             0              46s",
        "crashy                 0/1     CrashLoopBackOff    5 (2m5s ago)   11m",
        "creating               0/1     ContainerCreating   0              4s",
        "frontend-8xkqz         1/1     Running             0              20m",
        "frontend-b7p2w         1/1     Running             0              20m",
        "frontend-zq5lm         1/1     Running             0              20m",
        "nginx                  1/1     Running             0              5m1s",
        "web-5d8f7b9c6d-2xv9k   1/1     Running             0              121m",
        "web-5d8f7b9c6d-kq8rt   1/1     Running             0              121m",
        "webapp                 1/1     Running             2 (21m ago)    66m",
      ),
    );
  });

  it("kubectl get pods -o wide", () => {
    const out = printTable(transcriptPods().slice(0, 4), { now: NOW, wide: true });
    expect(out).toBe(
      lines(
        "NAME       READY   STATUS              RESTARTS       AGE   IP           NODE     NOMINATED NODE   READINESS GATES",
        "badimage   0/1     ImagePullBackOff    0              96s   10.244.1.7   node01   <none>           <none>",
        "bigpod     0/1     Pending             0              46s   <none>       <none>   <none>           <none>",
        "crashy     0/1     CrashLoopBackOff    5 (2m5s ago)   11m   10.244.1.8   node01   <none>           <none>",
        "creating   0/1     ContainerCreating   0              4s    <none>       node01   <none>           <none>",
      ),
    );
  });

  it("-A puts NAMESPACE first; --show-labels puts LABELS last", () => {
    const pods = transcriptPods().filter((p) => ["nginx", "web-5d8f7b9c6d-2xv9k", "webapp"].includes(p.metadata.name!));
    expect(printTable(pods, { now: NOW, showLabels: true })).toBe(
      lines(
        "NAME                   READY   STATUS    RESTARTS      AGE    LABELS",
        "nginx                  1/1     Running   0             5m1s   run=nginx",
        "web-5d8f7b9c6d-2xv9k   1/1     Running   0             121m   app=web,pod-template-hash=5d8f7b9c6d",
        "webapp                 1/1     Running   2 (21m ago)   66m    run=webapp,tier=frontend",
      ),
    );
    expect(printTable(pods.slice(0, 1), { now: NOW, withNamespace: true })).toBe(
      lines("NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE", "default     nginx   1/1     Running   0          5m1s"),
    );
  });

  it("-L adds one column per label key (last path segment, upper-cased); a missing label is empty", () => {
    const pods = transcriptPods().filter((p) => ["nginx", "frontend-8xkqz"].includes(p.metadata.name!));
    expect(printTable(pods, { now: NOW + s(16), labelColumns: ["run", "example.com/tier"] })).toBe(
      lines(
        "NAME             READY   STATUS    RESTARTS   AGE     RUN     TIER",
        "frontend-8xkqz   1/1     Running   0          20m             ",
        "nginx            1/1     Running   0          5m17s   nginx   ",
      ),
    );
    pods[0].metadata.labels = { tier: "frontend", "example.com/tier": "web" };
    expect(printTable(pods.slice(0, 1), { now: NOW, labelColumns: ["example.com/tier"] })).toBe(
      lines("NAME             READY   STATUS    RESTARTS   AGE   TIER", "frontend-8xkqz   1/1     Running   0          20m   web"),
    );
  });

  it("--no-headers keeps the padding", () => {
    const pods = transcriptPods().filter((p) => p.metadata.labels?.tier === "frontend" && p.metadata.name!.startsWith("frontend"));
    expect(printTable(pods.slice(0, 2), { now: NOW, noHeaders: true })).toBe(
      lines("frontend-8xkqz   1/1   Running   0     20m", "frontend-b7p2w   1/1   Running   0     20m"),
    );
  });

  it("nodes, with and without -o wide", () => {
    const nodes = [node("controlplane", d(3) + h(2), "192.168.1.10", true), node("node01", d(3) + h(1), "192.168.1.11", false)];
    expect(printTable(nodes, { now: NOW })).toBe(
      lines(
        "NAME           STATUS   ROLES           AGE    VERSION",
        "controlplane   Ready    control-plane   3d2h   v1.32.4",
        "node01         Ready    <none>          3d1h   v1.32.4",
      ),
    );
    expect(printTable(nodes, { now: NOW, wide: true, withNamespace: true })).toBe(
      lines(
        "NAME           STATUS   ROLES           AGE    VERSION   INTERNAL-IP    EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION    CONTAINER-RUNTIME",
        "controlplane   Ready    control-plane   3d2h   v1.32.4   192.168.1.10   <none>        Ubuntu 22.04.5 LTS   5.15.0-1071-gcp   containerd://1.7.24",
        "node01         Ready    <none>          3d1h   v1.32.4   192.168.1.11   <none>        Ubuntu 22.04.5 LTS   5.15.0-1071-gcp   containerd://1.7.24",
      ),
    );
  });

  it("node STATUS: NotReady, Unknown without a Ready condition, SchedulingDisabled", () => {
    const notReady = node("a", d(1), "10.0.0.1", false, { ready: "Unknown", unschedulable: true });
    const noCond = node("b", d(1), "10.0.0.2", false);
    (noCond.status as { conditions: unknown[] }).conditions = [];
    const out = printTable([notReady, noCond], { now: NOW });
    expect(out).toContain("a      NotReady,SchedulingDisabled   <none>   24h   v1.32.4\n");
    expect(out).toContain("b      Unknown                       <none>   24h   v1.32.4\n");
  });

  it("namespaces", () => {
    const ns = ["default", "kube-node-lease", "kube-public", "kube-system"].map((n) => namespace(n, d(3) + h(2)));
    ns.push(namespace("old", m(1), "Terminating"));
    expect(printTable(ns, { now: NOW })).toBe(
      lines(
        "NAME              STATUS        AGE",
        "default           Active        3d2h",
        "kube-node-lease   Active        3d2h",
        "kube-public       Active        3d2h",
        "kube-system       Active        3d2h",
        "old               Terminating   60s",
      ),
    );
  });

  it("rs, rc and deploy with -o wide", () => {
    const rs = [replicaSet("frontend", m(20), 3, "nginx", { tier: "frontend" }), replicaSet("web-5d8f7b9c6d", m(121), 2, "nginx:1.27", { app: "web", "pod-template-hash": "5d8f7b9c6d" })];
    expect(printTable(rs, { now: NOW, wide: true })).toBe(
      lines(
        "NAME             DESIRED   CURRENT   READY   AGE    CONTAINERS   IMAGES       SELECTOR",
        "frontend         3         3         3       20m    nginx        nginx        tier=frontend",
        "web-5d8f7b9c6d   2         2         2       121m   nginx        nginx:1.27   app=web,pod-template-hash=5d8f7b9c6d",
      ),
    );
    expect(printTable([replicationController("myapp-rc", s(152), 3)], { now: NOW, wide: true })).toBe(
      lines(
        "NAME       DESIRED   CURRENT   READY   AGE     CONTAINERS        IMAGES   SELECTOR",
        "myapp-rc   3         3         3       2m32s   nginx-container   nginx    app=myapp",
      ),
    );
    expect(printTable([deployment("web", m(121), 2, "nginx:1.27")], { now: NOW, wide: true })).toBe(
      lines(
        "NAME   READY   UP-TO-DATE   AVAILABLE   AGE    CONTAINERS   IMAGES       SELECTOR",
        "web    2/2     2            2           121m   nginx        nginx:1.27   app=web",
      ),
    );
  });

  it("services: -o wide -A", () => {
    const svcs = [
      service("kubernetes", "default", d(3) + h(2), { type: "ClusterIP", clusterIP: "10.96.0.1", clusterIPs: ["10.96.0.1"], ports: [{ port: 443, protocol: "TCP", targetPort: 6443 }] }),
      service("kube-dns", "kube-system", d(3) + h(2), {
        type: "ClusterIP",
        clusterIPs: ["10.96.0.10"],
        selector: { "k8s-app": "kube-dns" },
        ports: [{ port: 53, protocol: "UDP" }, { port: 53, protocol: "TCP" }, { port: 9153, protocol: "TCP" }],
      }),
    ];
    expect(printTable(svcs, { now: NOW, wide: true, withNamespace: true })).toBe(
      lines(
        "NAMESPACE     NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE    SELECTOR",
        "default       kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP                  3d2h   <none>",
        "kube-system   kube-dns     ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   3d2h   k8s-app=kube-dns",
      ),
    );
  });

  it("services: NodePort, LoadBalancer pending / cut ingress, ExternalName, headless", () => {
    const svcs = [
      service("np", "default", m(5), { type: "NodePort", clusterIPs: ["10.96.5.5"], ports: [{ port: 80, nodePort: 30080, protocol: "TCP" }] }),
      service("lb", "default", m(5), { type: "LoadBalancer", clusterIPs: ["10.96.5.6"], ports: [{ port: 80, nodePort: 31000, protocol: "TCP" }] }),
      service("lb2", "default", m(5), { type: "LoadBalancer", clusterIPs: ["10.96.5.7"], ports: [] }, { loadBalancer: { ingress: [{ hostname: "a-very-long-hostname.example.com" }] } }),
      service("ext", "default", m(5), { type: "ExternalName", externalName: "db.example.com" }),
      service("headless", "default", m(5), { type: "ClusterIP", clusterIP: "None", clusterIPs: ["None"], ports: [{ port: 80, protocol: "TCP" }] }),
    ];
    expect(printTable(svcs, { now: NOW })).toBe(
      lines(
        "NAME       TYPE           CLUSTER-IP   EXTERNAL-IP        PORT(S)        AGE",
        "np         NodePort       10.96.5.5    <none>             80:30080/TCP   5m",
        "lb         LoadBalancer   10.96.5.6    <pending>          80:31000/TCP   5m",
        "lb2        LoadBalancer   10.96.5.7    a-very-long-h...   <none>         5m",
        "ext        ExternalName   <none>       db.example.com     <none>         5m",
        "headless   ClusterIP      None         <none>             80/TCP         5m",
      ),
    );
    expect(printTable([svcs[2]], { now: NOW, wide: true })).toContain("a-very-long-hostname.example.com");
  });

  it("prints nothing at all for no objects", () => {
    expect(printTable([], { now: NOW })).toBe("");
  });

  it("cuts a cell at its first line break and appends ...", () => {
    const ns = namespace("x", m(1), "Weird\nphase");
    expect(printTable([ns], { now: NOW })).toBe(lines("NAME   STATUS     AGE", "x      Weird...   60s"));
  });
});

describe("printTableGroups: kubectl get all", () => {
  it("one table per kind with kind/name, separated by one blank line", () => {
    const pods = transcriptPods().filter((p) => ["badimage", "nginx", "web-5d8f7b9c6d-2xv9k"].includes(p.metadata.name!));
    const out = printTableGroups(
      [
        pods,
        [replicationController("myapp-rc", s(152), 3)],
        [service("kubernetes", "default", d(3) + h(2), { type: "ClusterIP", clusterIPs: ["10.96.0.1"], ports: [{ port: 443, protocol: "TCP" }] })],
        [],
        [deployment("web", m(121), 2, "nginx:1.27")],
        [replicaSet("frontend", m(20), 3, "nginx", { tier: "frontend" }), replicaSet("web-5d8f7b9c6d", m(121), 2, "nginx:1.27", { app: "web" })],
      ],
      { now: NOW + s(1), withKind: true },
    );
    expect(out).toBe(
      lines(
        "NAME                       READY   STATUS             RESTARTS   AGE",
        "pod/badimage               0/1     ImagePullBackOff   0          97s",
        "pod/nginx                  1/1     Running            0          5m2s",
        "pod/web-5d8f7b9c6d-2xv9k   1/1     Running            0          121m",
        "",
        "NAME                             DESIRED   CURRENT   READY   AGE",
        "replicationcontroller/myapp-rc   3         3         3       2m33s",
        "",
        "NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE",
        "service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   3d2h",
        "",
        "NAME                  READY   UP-TO-DATE   AVAILABLE   AGE",
        "deployment.apps/web   2/2     2            2           121m",
        "",
        "NAME                             DESIRED   CURRENT   READY   AGE",
        "replicaset.apps/frontend         3         3         3       20m",
        "replicaset.apps/web-5d8f7b9c6d   2         2         2       121m",
      ),
    );
  });

  it("no blank line between groups with --no-headers", () => {
    const out = printTableGroups([[namespace("a", m(1))], [node("n", m(1), "1.1.1.1", false)]], { now: NOW, withKind: true, noHeaders: true });
    expect(out).toBe(lines("namespace/a   Active   60s", "node/n   Ready   <none>   60s   v1.32.4"));
  });
});
