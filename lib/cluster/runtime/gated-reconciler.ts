import type { Reconciler } from "./sim-loop";

export interface GatedReconciler {
  /** Register this one with the loop instead of the inner reconciler. */
  readonly reconciler: Reconciler;
  /** Re-queue the parked keys if the gate is open again (call on every store change). */
  release(): void;
}

/**
 * Hold a component's work while `open()` is false: keys still arrive on the same queue, but reconcile()
 * parks them instead of acting, and release() hands them back once the component runs again, like a
 * restarted controller's informers re-listing everything it missed.
 */
export function gateReconciler(inner: Reconciler, open: () => boolean): GatedReconciler {
  const parked = new Set<string>();
  return {
    reconciler: {
      queue: inner.queue,
      reconcile(key: string) {
        if (!open()) {
          parked.add(key);
          return;
        }
        inner.reconcile(key);
      },
    },
    release() {
      if (parked.size === 0 || !open()) return;
      const keys = [...parked];
      parked.clear();
      for (const k of keys) inner.queue.add(k);
    },
  };
}
