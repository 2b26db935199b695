import { describe as suite, expect, it } from "vitest";
import { describe } from "./index";
import { fakeClient, resourceInfo } from "./testing/fake-client";
import { NOW, ago, pod } from "./testing/fixtures";
import { richPod, staticPod, staticPodEvents } from "./testing/rich-fixtures";

const client = () => fakeClient({ pods: [richPod, staticPod], events: staticPodEvents });

suite("describe pod", () => {
  it("prints init containers, ports, probes, resources, every kind of env var, mounts and volumes", () => {
    expect(describe(client(), resourceInfo("pods"), richPod, NOW)).toBe(RICH);
  });

  it("a static pod is controlled by its Node and its events are found by the mirror's config uid", () => {
    expect(describe(client(), resourceInfo("pods"), staticPod, NOW)).toBe(STATIC);
  });

  it("a terminating pod shows kubectl's 'lasts <invalid>' and the grace period", () => {
    const p = pod({ name: "bye", image: "nginx", nodeName: "node01", hostIP: "192.168.1.11" });
    p.metadata.deletionTimestamp = ago(-30);
    p.metadata.deletionGracePeriodSeconds = 30;
    const out = describe(client(), resourceInfo("pods"), p, NOW);
    expect(out).toContain("\nStatus:                    Terminating (lasts <invalid>)\nTermination Grace Period:  30s\n");
  });

  it("leaves out the Events section with --show-events=false", () => {
    expect(describe(client(), resourceInfo("pods"), staticPod, NOW, { showEvents: false })).not.toContain("Events:");
  });

  it("a pod scheduled before the kubelet reported has 'Node: name/' and no container state", () => {
    const p = pod({ name: "fresh", image: "nginx", nodeName: "node01", phase: "Pending" });
    const out = describe(client(), resourceInfo("pods"), p, NOW);
    expect(out).toContain("\nNode:             node01/\n");
    expect(out).not.toContain("State:");
    expect(out).toContain("\nIP:               \nIPs:              <none>\n");
  });
});

const RICH = [
    "Name:             web-7d4b9c8f5-abcde",
    "Namespace:        shop",
    "Priority:         0",
    "Service Account:  default",
    "Node:             node01/192.168.1.11",
    "Start Time:       Wed, 25 Nov 2026 08:47:48 +0000",
    "Labels:           app=web",
    "                  pod-template-hash=7d4b9c8f5",
    "Annotations:      note: hello",
    "Status:           Running",
    "IP:               10.244.1.9",
    "IPs:",
    "  IP:           10.244.1.9",
    "Controlled By:  ReplicaSet/web-7d4b9c8f5",
    "Init Containers:",
    "  init-db:",
    "    Container ID:  containerd://aaa",
    "    Image:         busybox:1.36",
    "    Image ID:      docker.io/library/busybox@sha256:111",
    "    Port:          <none>",
    "    Host Port:     <none>",
    "    Command:",
    "      sh",
    "      -c",
    "      until nslookup db; do sleep 2; done",
    "    State:          Terminated",
    "      Reason:       Completed",
    "      Exit Code:    0",
    "      Started:      Wed, 25 Nov 2026 08:47:50 +0000",
    "      Finished:     Wed, 25 Nov 2026 08:47:52 +0000",
    "    Ready:          True",
    "    Restart Count:  0",
    "    Environment:    <none>",
    "    Mounts:",
    "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x7k2p (ro)",
    "Containers:",
    "  app:",
    "    Container ID:   containerd://bbb",
    "    Image:          nginx:1.27",
    "    Image ID:       docker.io/library/nginx@sha256:222",
    "    Ports:          80/TCP, 443/TCP",
    "    Host Ports:     0/TCP, 0/TCP",
    "    State:          Running",
    "      Started:      Wed, 25 Nov 2026 08:47:55 +0000",
    "    Ready:          True",
    "    Restart Count:  0",
    "    Limits:",
    "      cpu:     500m",
    "      memory:  128Mi",
    "    Requests:",
    "      cpu:      250m",
    "      memory:   64Mi",
    "    Liveness:   http-get http://:80/healthz delay=5s timeout=1s period=10s #success=1 #failure=3",
    "    Readiness:  tcp-socket :80 delay=0s timeout=1s period=5s #success=1 #failure=3",
    "    Environment Variables from:",
    "      app-config  ConfigMap                Optional: false",
    "      app-secret  Secret with prefix 'S_'  Optional: true",
    "    Environment:",
    "      PLAIN:      value",
    "      POD_NAME:   web-7d4b9c8f5-abcde (v1:metadata.name)",
    "      CPU_LIMIT:  500m (limits.cpu)",
    "      PASSWORD:   <set to the key 'password' in secret 'db'>          Optional: false",
    "      MODE:       <set to the key 'mode' of config map 'app-config'>  Optional: true",
    "    Mounts:",
    "      /data from data (rw,path=\"web\")",
    "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x7k2p (ro)",
    "Conditions:",
    "  Type                        Status",
    "  PodReadyToStartContainers   True ",
    "  Initialized                 True ",
    "  Ready                       True ",
    "  ContainersReady             True ",
    "  PodScheduled                True ",
    "Volumes:",
    "  data:",
    "    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)",
    "    Medium:     ",
    "    SizeLimit:  <unset>",
    "  config:",
    "    Type:      ConfigMap (a volume populated by a ConfigMap)",
    "    Name:      app-config",
    "    Optional:  false",
    "  certs:",
    "    Type:        Secret (a volume populated by a Secret)",
    "    SecretName:  tls",
    "    Optional:    false",
    "  host:",
    "    Type:          HostPath (bare host directory volume)",
    "    Path:          /var/log",
    "    HostPathType:  Directory",
    "  kube-api-access-x7k2p:",
    "    Type:                    Projected (a volume that contains injected data from multiple sources)",
    "    TokenExpirationSeconds:  3607",
    "    ConfigMapName:           kube-root-ca.crt",
    "    ConfigMapOptional:       <nil>",
    "    DownwardAPI:             true",
    "QoS Class:                   Burstable",
    "Node-Selectors:              disktype=ssd",
    "Tolerations:                 dedicated=web:NoSchedule",
    "                             node.kubernetes.io/not-ready:NoExecute op=Exists for 300s",
    "                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s",
    "Events:                      <none>",
    "",
  ].join("\n");

const STATIC = [
    "Name:                 etcd-controlplane",
    "Namespace:            kube-system",
    "Priority:             2000001000",
    "Priority Class Name:  system-node-critical",
    "Node:                 controlplane/192.168.1.10",
    "Start Time:           Sun, 22 Nov 2026 07:43:15 +0000",
    "Labels:               component=etcd",
    "                      tier=control-plane",
    "Annotations:          kubernetes.io/config.mirror: cfg-hash-1",
    "                      kubernetes.io/config.source: file",
    "Status:               Running",
    "SeccompProfile:       RuntimeDefault",
    "IP:                   192.168.1.10",
    "IPs:",
    "  IP:           192.168.1.10",
    "Controlled By:  Node/controlplane",
    "Containers:",
    "  etcd:",
    "    Container ID:   containerd://ccc",
    "    Image:          registry.k8s.io/etcd:3.5.16-0",
    "    Image ID:       registry.k8s.io/etcd@sha256:333",
    "    Port:           <none>",
    "    Host Port:      <none>",
    "    State:          Running",
    "      Started:      Sun, 22 Nov 2026 07:43:16 +0000",
    "    Ready:          True",
    "    Restart Count:  0",
    "    Requests:",
    "      cpu:        100m",
    "      memory:     100Mi",
    "    Environment:  <none>",
    "    Mounts:       <none>",
    "Conditions:",
    "  Type           Status",
    "  Ready          True ",
    "Volumes:         <none>",
    "QoS Class:       Burstable",
    "Node-Selectors:  <none>",
    "Tolerations:     :NoExecute op=Exists",
    "Events:",
    "  Type    Reason  Age   From     Message",
    "  ----    ------  ----  ----     -------",
    "  Normal  Pulled  5m    kubelet  Container image \"registry.k8s.io/etcd:3.5.16-0\" already present on machine",
    "",
  ].join("\n");
