import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../cluster/index";
import { printTable } from "../print-table";
import { NOW, ago, event, m, s } from "../testing/fixtures";

const lines = (...l: string[]) => l.map((x) => x + "\n").join("");
const obj = (apiVersion: string, kind: string, name: string, age: number, rest: Record<string, unknown> = {}): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name, namespace: "default", creationTimestamp: ago(age) },
  ...rest,
});

describe("events", () => {
  const events = [
    event("badimage.1", s(97), "Normal", "Scheduled", "Pod/badimage", "Successfully assigned default/badimage to node01", { source: { component: "default-scheduler" } }),
    event("badimage.2", s(12), "Warning", "Failed", "Pod/badimage", "Error: ImagePullBackOff\n", { count: 4, firstTimestamp: ago(s(95)), involvedObject: { kind: "Pod", name: "badimage", fieldPath: "spec.containers{badimage}" } }),
    event("frontend.1", m(20), "Normal", "SuccessfulCreate", "ReplicaSet/frontend", "Created pod: frontend-8xkqz"),
  ];
  it("kubectl get events", () => {
    expect(printTable(events, { now: NOW })).toBe(
      lines(
        "LAST SEEN   TYPE      REASON             OBJECT                MESSAGE",
        "97s         Normal    Scheduled          pod/badimage          Successfully assigned default/badimage to node01",
        "12s         Warning   Failed             pod/badimage          Error: ImagePullBackOff",
        "20m         Normal    SuccessfulCreate   replicaset/frontend   Created pod: frontend-8xkqz",
      ),
    );
  });
  it("-o wide adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME (kind-prefixed when several kinds)", () => {
    expect(printTable(events.slice(1), { now: NOW, wide: true, withKind: true })).toBe(
      lines(
        "LAST SEEN   TYPE      REASON             OBJECT                SUBOBJECT                   SOURCE                  MESSAGE                       FIRST SEEN   COUNT   NAME",
        "12s         Warning   Failed             pod/badimage          spec.containers{badimage}   kubelet, node01         Error: ImagePullBackOff       95s          4       event/badimage.2",
        "20m         Normal    SuccessfulCreate   replicaset/frontend                               replicaset-controller   Created pod: frontend-8xkqz   20m          1       event/frontend.1",
      ),
    );
  });
  it("series events take their last time and count from the series; no source gives <unknown>", () => {
    const e = event("x", m(9), "Normal", "R", "Pod/p", "m", { lastTimestamp: undefined, firstTimestamp: undefined, eventTime: ago(m(9)), count: undefined, series: { count: 7, lastObservedTime: ago(s(3)) }, source: {} });
    expect(printTable([e], { now: NOW, wide: true })).toBe(
      lines(
        "LAST SEEN   TYPE     REASON   OBJECT   SUBOBJECT   SOURCE      MESSAGE   FIRST SEEN   COUNT   NAME",
        "3s          Normal   R        pod/p                <unknown>   m         9m           7       x",
      ),
    );
  });
});

describe("endpoints and endpointslices", () => {
  it("ENDPOINTS lists up to three ip:port, then + N more...", () => {
    const addrs = ["10.244.1.4", "10.244.1.5", "10.244.1.6", "10.244.1.7"].map((ip) => ({ ip }));
    const eps = [
      obj("v1", "Endpoints", "kubernetes", m(5), { subsets: [{ addresses: [{ ip: "192.168.1.10" }], ports: [{ port: 6443, protocol: "TCP" }] }] }),
      obj("v1", "Endpoints", "many", m(5), { subsets: [{ addresses: addrs, ports: [{ port: 80 }] }] }),
      obj("v1", "Endpoints", "none", m(5)),
      obj("v1", "Endpoints", "notready", m(5), { subsets: [{ notReadyAddresses: [{ ip: "10.244.1.9" }], ports: [{ port: 80 }] }] }),
    ];
    expect(printTable(eps, { now: NOW })).toBe(
      lines(
        "NAME         ENDPOINTS                                               AGE",
        "kubernetes   192.168.1.10:6443                                       5m",
        "many         10.244.1.4:80,10.244.1.5:80,10.244.1.6:80 + 1 more...   5m",
        "none         <none>                                                  5m",
        "notready                                                             5m",
      ),
    );
  });
  it("EndpointSlice: ADDRESSTYPE, PORTS, ENDPOINTS", () => {
    const slice = obj("discovery.k8s.io/v1", "EndpointSlice", "web-abc12", m(5), {
      addressType: "IPv4",
      ports: [{ name: "http", port: 80, protocol: "TCP" }],
      endpoints: [{ addresses: ["10.244.1.4"] }, { addresses: ["10.244.1.5"] }],
    });
    const empty = obj("discovery.k8s.io/v1", "EndpointSlice", "empty-x", m(5), { addressType: "IPv4", endpoints: [] });
    expect(printTable([slice, empty], { now: NOW })).toBe(
      lines("NAME        ADDRESSTYPE   PORTS     ENDPOINTS               AGE", "web-abc12   IPv4          80        10.244.1.4,10.244.1.5   5m", "empty-x     IPv4          <unset>   <unset>                 5m"),
    );
  });
});

describe("daemonsets, statefulsets and small kinds", () => {
  it("DaemonSet with NODE SELECTOR and wide columns", () => {
    const ds = obj("apps/v1", "DaemonSet", "kube-proxy", m(30), {
      spec: { selector: { matchLabels: { "k8s-app": "kube-proxy" } }, template: { spec: { nodeSelector: { "kubernetes.io/os": "linux" }, containers: [{ name: "kube-proxy", image: "registry.k8s.io/kube-proxy:v1.32.4" }] } } },
      status: { desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 2, updatedNumberScheduled: 2, numberAvailable: 2 },
    });
    expect(printTable([ds], { now: NOW, wide: true })).toBe(
      lines(
        "NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE   CONTAINERS   IMAGES                               SELECTOR",
        "kube-proxy   2         2         2       2            2           kubernetes.io/os=linux   30m   kube-proxy   registry.k8s.io/kube-proxy:v1.32.4   k8s-app=kube-proxy",
      ),
    );
  });
  it("StatefulSet READY is ready/desired", () => {
    const sts = obj("apps/v1", "StatefulSet", "db", m(3), { spec: { replicas: 3, template: { spec: { containers: [{ name: "db", image: "postgres" }] } } }, status: { readyReplicas: 1 } });
    expect(printTable([sts], { now: NOW })).toBe(lines("NAME   READY   AGE", "db     1/3     3m"));
  });
  it("ReplicaSet selector with expressions", () => {
    const rs = obj("apps/v1", "ReplicaSet", "x", m(3), {
      spec: { replicas: 1, selector: { matchLabels: { tier: "fe" }, matchExpressions: [{ key: "env", operator: "In", values: ["prod", "dev"] }, { key: "zz", operator: "DoesNotExist" }, { key: "a", operator: "Exists" }] }, template: { spec: { containers: [] } } },
      status: {},
    });
    expect(printTable([rs], { now: NOW, wide: true })).toBe(
      lines("NAME   DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES   SELECTOR", "x      1         0         0       3m                          a,env in (dev,prod),tier=fe,!zz"),
    );
  });
  it("ServiceAccount, ConfigMap, Secret, Lease and an unknown kind", () => {
    expect(printTable([obj("v1", "ServiceAccount", "default", m(9))], { now: NOW })).toBe(lines("NAME      SECRETS   AGE", "default   0         9m"));
    expect(printTable([obj("v1", "ConfigMap", "kube-root-ca.crt", m(9), { data: { "ca.crt": "x" } }), obj("v1", "ConfigMap", "empty", m(9))], { now: NOW })).toBe(
      lines("NAME               DATA   AGE", "kube-root-ca.crt   1      9m", "empty              0      9m"),
    );
    expect(printTable([obj("v1", "Secret", "s", m(9), { type: "Opaque", data: { a: "eA==", b: "eQ==" } })], { now: NOW })).toBe(lines("NAME   TYPE     DATA   AGE", "s      Opaque   2      9m"));
    expect(printTable([obj("coordination.k8s.io/v1", "Lease", "node01", m(9), { spec: { holderIdentity: "node01" } })], { now: NOW })).toBe(lines("NAME     HOLDER   AGE", "node01   node01   9m"));
    expect(printTable([obj("example.com/v1", "Widget", "w", m(9))], { now: NOW, withKind: true })).toBe(lines("NAME                   AGE", "widget.example.com/w   9m"));
  });
});
