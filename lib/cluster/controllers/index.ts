import type { ComponentContext } from "../runtime/component-context";
import type { Reconciler } from "../runtime/sim-loop";

export interface ControllerConfig {
  nodeMonitorGracePeriodSeconds: number;
}

/**
 * kube-controller-manager: starts every controller. `contextFor(name)` hands each controller its own
 * context (its API client acts as e.g. "replicaset-controller" in the trace).
 * STUB: the controllers helper replaces this body.
 */
export function startControllers(contextFor: (name: string) => ComponentContext, config: ControllerConfig): Reconciler[] {
  void contextFor;
  void config;
  return [];
}
