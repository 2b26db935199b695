import type { KubeObject } from "../../api/types";
import { createVirtualFs } from "../../hosts/virtual-fs";
import { startKubelet, type Kubelet } from "../index";
import { fakeContext } from "./fake-api";

type Json = Record<string, any>;

/** The STATUS column of `kubectl get pods` (printPod, reduced to what the kubelet produces). */
export function podStatusColumn(pod: KubeObject): string {
  const status = (pod.status ?? {}) as Json;
  let reason: string = status.reason ?? status.phase ?? "Pending";
  let initializing = false;
  const inits: Json[] = status.initContainerStatuses ?? [];
  inits.forEach((c, i) => {
    if (initializing) return;
    const t = c.state?.terminated;
    if (t && t.exitCode === 0) return;
    initializing = true;
    if (t) reason = `Init:${t.reason ?? `ExitCode:${t.exitCode}`}`;
    else if (c.state?.waiting?.reason && c.state.waiting.reason !== "PodInitializing") reason = `Init:${c.state.waiting.reason}`;
    else reason = `Init:${i}/${inits.length}`;
  });
  if (!initializing) {
    let hasRunning = false;
    const cs: Json[] = status.containerStatuses ?? [];
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i];
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
      else if (c.state?.running && c.ready) hasRunning = true;
    }
    if (reason === "Completed" && hasRunning) reason = "Running";
  }
  if (pod.metadata.deletionTimestamp && status.phase !== "Succeeded" && status.phase !== "Failed") reason = "Terminating";
  return reason;
}

/** A node01 kubelet over the fake API, with a recorder of events and pod STATUS changes in symbolic time. */
export function kubeletHarness(opts: { controlPlane?: boolean; nodeName?: string } = {}) {
  const f = fakeContext();
  const nodeName = opts.nodeName ?? (opts.controlPlane ? "controlplane" : "node01");
  const fs = createVirtualFs(nodeName, f.clock);
  const t0 = f.clock.now();
  const timeline: string[] = [];
  const at = () => `t+${((f.clock.now() - t0) / 1000).toFixed(1)}s`;
  const kubectl = f.api.client("kubectl");
  const lastStatus = new Map<string, string>();
  kubectl.watch("pods", undefined, {}, (e) => {
    const key = `${e.object.metadata.namespace}/${e.object.metadata.name}`;
    const s = e.type === "DELETED" ? "<deleted>" : podStatusColumn(e.object);
    if (lastStatus.get(key) === s) return;
    lastStatus.set(key, s);
    timeline.push(`${at()} ${e.object.metadata.name} ${s}`);
  });
  let kubelet: Kubelet | undefined;
  const ctx = f.contextFor(`kubelet/${nodeName}`);
  const recorder = ctx.recorder;
  ctx.recorder = {
    event(involved, type, reason, message, source, fieldPath) {
      recorder.event(involved, type, reason, message, source, fieldPath);
      timeline.push(`${at()}   ${type} ${reason}: ${message}`);
    },
  };
  const start = (preinstall?: (fsys: typeof fs) => void) => {
    preinstall?.(fs);
    kubelet = startKubelet(ctx, { node: { name: nodeName, cpu: "2" }, controlPlane: !!opts.controlPlane, fs, podCIDR: opts.controlPlane ? "10.244.0.0/24" : "10.244.1.0/24", internalIP: opts.controlPlane ? "192.168.121.2" : "192.168.121.3" })!;
    f.loop.register(kubelet.reconciler);
    f.loop.runUntilIdle();
    return kubelet;
  };
  const createPod = (name: string, spec: Json, extra: Json = {}) => {
    const res = kubectl.create("pods", "default", { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default" }, spec: { nodeName, ...spec }, ...extra });
    if (!res.ok) throw new Error(res.status.message);
    f.loop.runUntilIdle();
    return res.value;
  };
  const getPod = (name: string, ns = "default") => {
    const r = kubectl.get("pods", ns, name);
    return r.ok ? (r.value as KubeObject & Json) : undefined;
  };
  return { ...f, fs, kubectl, timeline, start, createPod, getPod, nodeName, advance: (ms: number) => f.loop.advance(ms), kubelet: () => kubelet! };
}
