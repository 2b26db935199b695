import type { CheckResult } from "./evaluate-check";
import type { LabWorld } from "./lab-world";

/**
 * The rare check that data cannot express, written in TypeScript. Each must return its own title and,
 * on failure, an explanation in learner words. Register by id; labs refer to `{ type: custom, id }`.
 */
export type CustomCheck = (world: LabWorld, params: Record<string, unknown>) => CheckResult;

export const customChecks: Record<string, CustomCheck> = {
  /** Every node is Ready (e.g. after restarting a stopped kubelet). */
  "all-nodes-ready": (world) => {
    const title = "every node is Ready";
    const r = world.client.list("nodes", undefined);
    if (!r.ok) return { passed: false, title, explanation: r.status.message };
    const notReady = r.value.items.filter(
      (n) => !((n.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True"),
    );
    return notReady.length === 0 ? { passed: true, title } : { passed: false, title, explanation: `not Ready: ${notReady.map((n) => n.metadata.name).join(", ")}` };
  },
};
