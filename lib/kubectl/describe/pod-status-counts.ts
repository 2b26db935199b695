import type { ApiClient } from "../../cluster/index";
import { isControlledBy } from "./owner";

type Obj = Record<string, any>;

export interface PodStatusCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/**
 * getPodStatusForController: pods matching the selector that this controller (by uid) owns, counted by phase.
 * Orphans and pods of other controllers are skipped, as kubectl does.
 */
export function podStatusForController(client: ApiClient, namespace: string | undefined, labelSelector: string, uid: string | undefined): PodStatusCounts {
  const counts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  const res = client.list("pods", namespace, labelSelector ? { labelSelector } : {});
  if (!res.ok) return counts;
  for (const pod of res.value.items as Obj[]) {
    if (!isControlledBy(pod.metadata, uid)) continue;
    switch (pod.status?.phase) {
      case "Running":
        counts.running++;
        break;
      case "Pending":
        counts.waiting++;
        break;
      case "Succeeded":
        counts.succeeded++;
        break;
      case "Failed":
        counts.failed++;
        break;
    }
  }
  return counts;
}

export function formatPodStatusCounts(c: PodStatusCounts): string {
  return `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;
}
