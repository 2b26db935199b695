import type { SchedulingDecision } from "../cluster-types";
import type { ComponentContext } from "../runtime/component-context";
import type { Reconciler } from "../runtime/sim-loop";

/**
 * kube-scheduler: watches unscheduled pods, filters then scores nodes, binds.
 * `record` receives every decision for the UI. STUB: the scheduler helper replaces this body.
 */
export function startScheduler(ctx: ComponentContext, record: (decision: SchedulingDecision) => void): Reconciler | undefined {
  void ctx;
  void record;
  return undefined;
}
