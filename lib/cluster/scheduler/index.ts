import type { SchedulingDecision } from "../cluster-types";
import type { ComponentContext } from "../runtime/component-context";
import type { Reconciler } from "../runtime/sim-loop";
import { KubeScheduler } from "./kube-scheduler";

/**
 * kube-scheduler: watches unscheduled pods, filters then scores nodes, binds.
 * `record` receives every decision for the UI.
 */
export function startScheduler(ctx: ComponentContext, record: (decision: SchedulingDecision) => void): Reconciler | undefined {
  return new KubeScheduler(ctx, record);
}
