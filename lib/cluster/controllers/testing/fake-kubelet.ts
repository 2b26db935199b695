import { rfc3339 } from "../../runtime/clock";
import type { Pod } from "../util/objects";
import type { FakeApi } from "./fake-api";

/**
 * Stands in for kubelets in controller tests: every pod not yet Running becomes Running and Ready (with an IP),
 * and pods being deleted are removed. Returns how many pods it touched.
 */
export function runPods(api: FakeApi, opts: { node?: string } = {}): number {
  const client = api.client("kubelet");
  let touched = 0;
  let ip = 10;
  for (const p of api.all("pods") as Pod[]) {
    ip++;
    if (p.metadata.deletionTimestamp) {
      client.delete("pods", p.metadata.namespace, p.metadata.name!, { gracePeriodSeconds: 0 });
      touched++;
      continue;
    }
    if (p.status?.phase === "Running") continue;
    const t = rfc3339(api.clock.now());
    const pinned = p.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms[0]?.matchFields?.[0]?.values?.[0];
    const nodeName = p.spec.nodeName ?? pinned ?? opts.node ?? "node01";
    const bound = { ...p, spec: { ...p.spec, nodeName } };
    const up = client.update("pods", p.metadata.namespace, p.metadata.name!, bound);
    if (!up.ok) continue;
    client.updateStatus("pods", p.metadata.namespace, p.metadata.name!, {
      ...up.value,
      status: { phase: "Running", podIP: `10.244.1.${ip}`, conditions: [{ type: "Ready", status: "True", lastTransitionTime: t }] },
    });
    touched++;
  }
  return touched;
}

/** Alternate controllers and the fake kubelet until nothing changes (a rollout to its end). */
export function settle(api: FakeApi, maxRounds = 50): void {
  for (let i = 0; i < maxRounds; i++) {
    api.loop.runUntilIdle();
    if (runPods(api) === 0) return;
  }
  throw new Error("did not settle");
}
