import { describe, expect, it } from "vitest";
import { createCluster, type KubeObject } from "../index";

type Json = Record<string, any>;

const container = (name: string, image: string, extra: Json = {}) => ({ name, image, ...extra });

/** Pods that go through every status shape the kubelet writes: waiting, running, terminated, init, sidecar, back-offs. */
const PODS: Json[] = [
  { name: "web", spec: { containers: [container("web", "nginx", { resources: { requests: { cpu: "100m" }, limits: { cpu: "200m", memory: "64Mi" } } })] } },
  { name: "crash", spec: { containers: [container("c", "busybox")] } },
  { name: "typo", spec: { containers: [container("c", "nginxx:1.0")] } },
  { name: "done", spec: { restartPolicy: "Never", containers: [container("c", "busybox", { command: ["sleep", "5"] })] } },
  {
    name: "init",
    spec: {
      initContainers: [container("setup", "busybox", { command: ["sleep", "10"] }), container("proxy", "nginx:alpine", { restartPolicy: "Always" })],
      containers: [container("app", "redis"), container("side", "busybox", { command: ["sleep", "3600"] })],
    },
  },
  { name: "guaranteed", spec: { containers: [container("c", "httpd", { resources: { limits: { cpu: "1", memory: "128Mi" } } })] } },
];

describe("the kubelet's pod status writes", () => {
  // The kubelet's status bodies skip the server's decoding (trustedBody), so each must already be what decoding
  // gives (JSON values only: no undefined, no shared mutable state): sending the stored status back through the
  // full path must be a no-op (no new resourceVersion).
  it("are already in the form the API server's decoding gives, at every stage", () => {
    const c = createCluster({ seed: 7 });
    const api = c.client();
    for (const p of PODS) {
      const r = api.create("pods", "default", { apiVersion: "v1", kind: "Pod", metadata: { name: p.name }, spec: p.spec });
      if (!r.ok) throw new Error(r.status.message);
    }
    let checked = 0;
    const shapes = new Set<string>();
    for (const step of [1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 60_000, 120_000]) {
      c.advance(step);
      const list = api.list("pods", "default");
      if (!list.ok) throw new Error(list.status.message);
      for (const pod of list.value.items as (KubeObject & Json)[]) {
        for (const cs of [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])]) {
          shapes.add(Object.keys(cs.state ?? {})[0] + ":" + (cs.state?.waiting?.reason ?? cs.state?.terminated?.reason ?? ""));
        }
        // A copy that is not the stored object, so the server decodes all of it.
        const body = JSON.parse(JSON.stringify(pod));
        const echoed = api.updateStatus("pods", "default", pod.metadata.name!, body);
        if (!echoed.ok) throw new Error(echoed.status.message);
        expect(echoed.value.metadata.resourceVersion, `${pod.metadata.name} at +${step} ms`).toBe(pod.metadata.resourceVersion);
        checked++;
      }
    }
    expect(checked).toBe(PODS.length * 8);
    // The scenario really covered the shapes (so the check above is not vacuous).
    for (const s of ["waiting:ContainerCreating", "waiting:PodInitializing", "running:", "terminated:Completed", "waiting:CrashLoopBackOff", "waiting:ImagePullBackOff"]) {
      expect([...shapes]).toContain(s);
    }
  });
});
