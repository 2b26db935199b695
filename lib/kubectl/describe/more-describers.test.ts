import { describe as suite, expect, it } from "vitest";
import { describe } from "./index";
import { fakeClient, resourceInfo } from "./testing/fake-client";
import { NOW } from "./testing/fixtures";
import * as m from "./testing/more-fixtures";

/** The engine in these tests has no Lease for the control plane, as after a kubelet that never started. */
function client() {
  return fakeClient(
    {
      secrets: [m.opaqueSecret, m.saTokenSecret],
      configmaps: [m.gameConfig],
      serviceaccounts: [m.buildRobot],
      endpoints: [m.webEndpoints],
      daemonsets: [m.kubeProxyDS],
      pods: [...m.kubeProxyPods, ...m.controlplanePods],
      events: [...m.kubeProxyEvents, ...m.nodeEventsByName, m.clusterEvent],
      nodes: [m.controlplane],
      services: [m.nodePortService],
      endpointslices: [m.webSlice],
    },
    { missing: ["leases"] },
  );
}

suite("describers beyond the transcripts (layout per kubectl v1.32 describe.go)", () => {
  it("an Opaque secret shows sizes in bytes, never values", () => {
    expect(describe(client(), resourceInfo("secrets"), m.opaqueSecret, NOW)).toBe(GOLDEN.secret);
  });

  it("a service-account token secret shows the token itself", () => {
    expect(describe(client(), resourceInfo("secrets"), m.saTokenSecret, NOW)).toBe(GOLDEN.saSecret);
  });

  it("a ConfigMap lists Data (sorted) and BinaryData sizes, then events", () => {
    expect(describe(client(), resourceInfo("configmaps"), m.gameConfig, NOW)).toBe(GOLDEN.configmap);
  });

  it("a ServiceAccount lists pull, mountable and token secrets, marking missing ones", () => {
    expect(describe(client(), resourceInfo("serviceaccounts"), m.buildRobot, NOW)).toBe(GOLDEN.sa);
  });

  it("Endpoints show ready and not-ready addresses and the ports table", () => {
    expect(describe(client(), resourceInfo("endpoints"), m.webEndpoints, NOW)).toBe(GOLDEN.endpoints);
  });

  it("a DaemonSet shows node counts, pod phases and the shared pod template", () => {
    expect(describe(client(), resourceInfo("daemonsets"), m.kubeProxyDS, NOW)).toBe(GOLDEN.daemonset);
  });

  it("a cordoned control-plane node: roles, sorted taints, missing lease, requests with percentages, extended resources, kubelet events by node name", () => {
    expect(describe(client(), resourceInfo("nodes"), m.controlplane, NOW)).toBe(GOLDEN.node);
  });

  it("an Event goes through the generic describer (every field, smart labels)", () => {
    expect(describe(client(), resourceInfo("events"), m.clusterEvent, NOW)).toBe(GOLDEN.event);
  });

  it("a NodePort service with a named target port lists at most 3 ready endpoints", () => {
    expect(describe(client(), resourceInfo("services"), m.nodePortService, NOW)).toBe(GOLDEN.service);
  });
});

const GOLDEN = {
  secret: [
    "Name:         db",
    "Namespace:    default",
    "Labels:       <none>",
    "Annotations:  <none>",
    "",
    "Type:  Opaque",
    "",
    "Data",
    "====",
    "password:  7 bytes",
    "username:  5 bytes",
    "",
  ].join("\n"),
  saSecret: [
    "Name:         build-robot-token",
    "Namespace:    default",
    "Labels:       <none>",
    "Annotations:  kubernetes.io/service-account.name: build-robot",
    "              kubernetes.io/service-account.uid: uid-sa",
    "",
    "Type:  kubernetes.io/service-account-token",
    "",
    "Data",
    "====",
    "ca.crt:     5 bytes",
    "namespace:  7 bytes",
    "token:      eyJhbGciOiJSUzI1NiJ9.abc",
    "",
  ].join("\n"),
  configmap: [
    "Name:         game-config",
    "Namespace:    default",
    "Labels:       <none>",
    "Annotations:  <none>",
    "",
    "Data",
    "====",
    "lives:",
    "----",
    "3",
    "",
    "ui.properties:",
    "----",
    "color.good=purple",
    "color.bad=yellow",
    "",
    "",
    "BinaryData",
    "====",
    "logo.png: 8 bytes",
    "",
    "Events:  <none>",
    "",
  ].join("\n"),
  sa: [
    "Name:                build-robot",
    "Namespace:           default",
    "Labels:              <none>",
    "Annotations:         <none>",
    "Image pull secrets:  regcred (not found)",
    "Mountable secrets:   build-robot-token",
    "                     gone (not found)",
    "Tokens:              build-robot-token",
    "Events:              <none>",
    "",
  ].join("\n"),
  endpoints: [
    "Name:         web",
    "Namespace:    default",
    "Labels:       app=web",
    "Annotations:  <none>",
    "Subsets:",
    "  Addresses:          10.244.1.5,10.244.1.6",
    "  NotReadyAddresses:  10.244.1.7",
    "  Ports:",
    "    Name  Port  Protocol",
    "    ----  ----  --------",
    "    http  80    TCP",
    "",
    "Events:  <none>",
    "",
  ].join("\n"),
  daemonset: [
    "Name:           kube-proxy",
    "Selector:       k8s-app=kube-proxy",
    "Node-Selector:  kubernetes.io/os=linux",
    "Labels:         k8s-app=kube-proxy",
    "Annotations:    deprecated.daemonset.template.generation: 1",
    "Desired Number of Nodes Scheduled: 2",
    "Current Number of Nodes Scheduled: 2",
    "Number of Nodes Scheduled with Up-to-date Pods: 2",
    "Number of Nodes Scheduled with Available Pods: 2",
    "Number of Nodes Misscheduled: 0",
    "Pods Status:  2 Running / 0 Waiting / 0 Succeeded / 0 Failed",
    "Pod Template:",
    "  Labels:           k8s-app=kube-proxy",
    "  Service Account:  kube-proxy",
    "  Containers:",
    "   kube-proxy:",
    "    Image:      registry.k8s.io/kube-proxy:v1.32.4",
    "    Port:       <none>",
    "    Host Port:  <none>",
    "    Command:",
    "      /usr/local/bin/kube-proxy",
    "      --config=/var/lib/kube-proxy/config.conf",
    "      --hostname-override=$(NODE_NAME)",
    "    Environment:",
    "      NODE_NAME:   (v1:spec.nodeName)",
    "    Mounts:",
    "      /lib/modules from lib-modules (ro)",
    "      /var/lib/kube-proxy from kube-proxy (rw)",
    "  Volumes:",
    "   kube-proxy:",
    "    Type:      ConfigMap (a volume populated by a ConfigMap)",
    "    Name:      kube-proxy",
    "    Optional:  false",
    "   lib-modules:",
    "    Type:               HostPath (bare host directory volume)",
    "    Path:               /lib/modules",
    "    HostPathType:       ",
    "  Priority Class Name:  system-node-critical",
    "  Node-Selectors:       kubernetes.io/os=linux",
    "  Tolerations:          op=Exists",
    "Events:",
    "  Type    Reason            Age   From                  Message",
    "  ----    ------            ----  ----                  -------",
    "  Normal  SuccessfulCreate  3d    daemonset-controller  Created pod: kube-proxy-x2m4p",
    "",
  ].join("\n"),
  node: [
    "Name:               controlplane",
    "Roles:              control-plane",
    "Labels:             kubernetes.io/hostname=controlplane",
    "                    node-role.kubernetes.io/control-plane=",
    "                    node.kubernetes.io/exclude-from-external-load-balancers=",
    "Annotations:        <none>",
    "CreationTimestamp:  Sun, 22 Nov 2026 07:43:10 +0000",
    "Taints:             dedicated=infra:NoExecute",
    "                    node-role.kubernetes.io/control-plane:NoSchedule",
    "                    node.kubernetes.io/unschedulable:NoSchedule",
    "Unschedulable:      true",
    "Lease:              Failed to get lease: leases.coordination.k8s.io \"controlplane\" not found",
    "Addresses:",
    "  InternalIP:  192.168.1.10",
    "Capacity:",
    "  cpu:             2",
    "  memory:          4005020Ki",
    "  nvidia.com/gpu:  1",
    "  pods:            110",
    "Allocatable:",
    "  cpu:             2",
    "  memory:          3902620Ki",
    "  nvidia.com/gpu:  1",
    "  pods:            110",
    "System Info:",
    "  Machine ID:                 ",
    "  System UUID:                ",
    "  Boot ID:                    ",
    "  Kernel Version:             ",
    "  OS Image:                   ",
    "  Operating System:           ",
    "  Architecture:               ",
    "  Container Runtime Version:  ",
    "  Kubelet Version:            v1.32.4",
    "  Kube-Proxy Version:         ",
    "PodCIDR:                      10.244.0.0/24",
    "PodCIDRs:                     10.244.0.0/24",
    "Non-terminated Pods:          (3 in total)",
    "  Namespace                   Name                           CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age",
    "  ---------                   ----                           ------------  ----------  ---------------  -------------  ---",
    "  kube-system                 coredns-668d6bf9bc-4xq7z       100m (5%)     0 (0%)      70Mi (1%)        170Mi (4%)     3d2h",
    "  kube-system                 etcd-controlplane              100m (5%)     0 (0%)      100Mi (2%)       0 (0%)         3d2h",
    "  kube-system                 kube-apiserver-controlplane    250m (12%)    0 (0%)      0 (0%)           0 (0%)         3d2h",
    "Allocated resources:",
    "  (Total limits may be over 100 percent, i.e., overcommitted.)",
    "  Resource           Requests    Limits",
    "  --------           --------    ------",
    "  cpu                450m (22%)  0 (0%)",
    "  memory             170Mi (4%)  170Mi (4%)",
    "  ephemeral-storage  0 (0%)      0 (0%)",
    "  nvidia.com/gpu     0           1",
    "Events:",
    "  Type    Reason              Age   From     Message",
    "  ----    ------              ----  ----     -------",
    "  Normal  NodeNotSchedulable  2m    kubelet  Node controlplane status is now: NodeNotSchedulable",
    "",
  ].join("\n"),
  event: [
    "Name:             nginx.180000012",
    "Namespace:        default",
    "Labels:           <none>",
    "Annotations:      <none>",
    "API Version:      v1",
    "Count:            1",
    "Event Time:       <nil>",
    "First Timestamp:  2026-11-25T09:47:18Z",
    "Involved Object:",
    "  API Version:   v1",
    "  Kind:          Pod",
    "  Name:          nginx",
    "  Namespace:     default",
    "  UID:           uid-nginx",
    "Kind:            Event",
    "Last Timestamp:  2026-11-25T09:47:18Z",
    "Message:         Successfully assigned default/nginx to node01",
    "Metadata:",
    "  Creation Timestamp:  2026-11-25T09:47:18Z",
    "  UID:                 ev-18",
    "Reason:                Scheduled",
    "Reporting Component:   default-scheduler",
    "Reporting Instance:    ",
    "Source:",
    "  Component:  default-scheduler",
    "Type:         Normal",
    "Events:       <none>",
    "",
  ].join("\n"),
  service: [
    "Name:                     web",
    "Namespace:                default",
    "Labels:                   app=web",
    "Annotations:              <none>",
    "Selector:                 app=web",
    "Type:                     NodePort",
    "IP Family Policy:         SingleStack",
    "IP Families:              IPv4",
    "IP:                       10.96.120.15",
    "IPs:                      10.96.120.15",
    "Port:                     <unset>  80/TCP",
    "TargetPort:               http/TCP",
    "NodePort:                 <unset>  30080/TCP",
    "Endpoints:                10.244.1.5:8080,10.244.1.7:8080,10.244.1.8:8080 + 1 more...",
    "Session Affinity:         None",
    "External Traffic Policy:  Cluster",
    "Internal Traffic Policy:  Cluster",
    "Events:                   <none>",
    "",
  ].join("\n"),
};
