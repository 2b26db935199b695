import type { KubeObject } from "../cluster/index";

interface PodLike {
  metadata: KubeObject["metadata"];
  spec?: { nodeName?: string; containers?: { name: string; image?: string }[] };
  status?: {
    phase?: string;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
    containerStatuses?: { name: string; ready?: boolean; state?: { waiting?: { reason?: string }; terminated?: { reason?: string } } }[];
  };
}

export function isPodReady(pod: KubeObject): boolean {
  const p = pod as unknown as PodLike;
  return !p.metadata.deletionTimestamp && (p.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
}

export function podPhase(pod: KubeObject): string {
  return (pod as unknown as PodLike).status?.phase ?? "Pending";
}

/**
 * The few words a learner needs to see why a pod is not ready: "Pending (0/2 nodes are available: 2 Insufficient cpu.)",
 * "ImagePullBackOff", "CrashLoopBackOff", "Terminating".
 */
export function podProblem(pod: KubeObject): string {
  const p = pod as unknown as PodLike;
  if (p.metadata.deletionTimestamp) return "Terminating";
  const unschedulable = p.status?.conditions?.find((c) => c.type === "PodScheduled" && c.status === "False");
  if (unschedulable) return `Pending (${unschedulable.message ?? unschedulable.reason ?? "not scheduled"})`;
  for (const cs of p.status?.containerStatuses ?? []) {
    const reason = cs.state?.waiting?.reason ?? cs.state?.terminated?.reason;
    if (reason && !cs.ready) return reason;
  }
  return podPhase(pod);
}

export function podImages(pod: KubeObject): string[] {
  return ((pod as unknown as PodLike).spec?.containers ?? []).map((c) => c.image ?? "");
}
