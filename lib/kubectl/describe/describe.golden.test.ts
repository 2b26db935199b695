import { describe as suite, expect, it } from "vitest";
import type { KubeObject } from "../../cluster/index";
import { describe } from "./index";
import { fakeClient, resourceInfo } from "./testing/fake-client";
import * as f from "./testing/fixtures";
import { TRANSCRIPT } from "./testing/transcript-goldens";

const NODE01_EXTRA_PODS: KubeObject[] = [
  f.pod({ name: "creating", image: "nginx", nodeName: "node01", hostIP: "192.168.1.11", phase: "Pending", created: f.ago(7) }),
  f.pod({ name: "web-5d8f7b9c6d-2xv9k", image: "nginx:1.27", nodeName: "node01", labels: { app: "web", "pod-template-hash": "5d8f7b9c6d" }, created: f.ago(121 * 60 + 5) }),
  f.pod({ name: "web-5d8f7b9c6d-kq8rt", image: "nginx:1.27", nodeName: "node01", labels: { app: "web", "pod-template-hash": "5d8f7b9c6d" }, created: f.ago(121 * 60 + 5) }),
  f.pod({ name: "webapp", image: "nginx", nodeName: "node01", created: f.ago(66 * 60 + 30) }),
  f.pod({ name: "kube-proxy-d9vqz", namespace: "kube-system", image: "registry.k8s.io/kube-proxy:v1.32.4", nodeName: "node01", created: "2026-11-22T07:45:00Z" }),
  // terminated pods are not "Non-terminated"
  f.pod({ name: "done", image: "busybox", nodeName: "node01", phase: "Succeeded", created: f.ago(600) }),
];

function cluster() {
  return fakeClient({
    pods: [f.nginxPod, f.badimagePod, f.bigpodPod, f.crashyPod, ...f.frontendPods, ...NODE01_EXTRA_PODS],
    events: [...f.nginxEvents, ...f.badimageEvents, ...f.bigpodEvents, ...f.frontendEvents],
    replicasets: [f.frontendRS, f.webRS],
    replicationcontrollers: [f.myappRC],
    deployments: [f.webDeployment],
    services: [f.kubernetesService],
    endpointslices: [f.kubernetesSlice],
    nodes: [f.node01],
    leases: [f.node01Lease],
    namespaces: [f.defaultNamespace],
  });
}

const cases: [string, string, KubeObject][] = [
  ["kubectl describe pod nginx", "pods", f.nginxPod],
  ["kubectl describe pod badimage", "pods", f.badimagePod],
  ["kubectl describe pod bigpod", "pods", f.bigpodPod],
  ["kubectl describe pod crashy", "pods", f.crashyPod],
  ["kubectl describe rs frontend", "replicasets", f.frontendRS],
  ["kubectl describe rc myapp-rc", "replicationcontrollers", f.myappRC],
  ["kubectl describe deploy web", "deployments", f.webDeployment],
  ["kubectl describe svc kubernetes", "services", f.kubernetesService],
  ["kubectl describe node node01", "nodes", f.node01],
  ["kubectl describe ns default", "namespaces", f.defaultNamespace],
];

suite("describe goldens from real kubectl v1.32", () => {
  for (const [command, resource, object] of cases) {
    it(`${command} matches the transcript byte for byte`, () => {
      expect(describe(cluster(), resourceInfo(resource), object, f.NOW)).toBe(TRANSCRIPT[command]);
    });
  }
});
