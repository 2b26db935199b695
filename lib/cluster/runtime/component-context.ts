import type { KubeObject } from "../api/types";
import type { ApiClient } from "../apiserver/api-client";
import type { Clock } from "./clock";
import type { SeededRandom } from "./random";
import type { SimLoop } from "./sim-loop";

/** One line of the activity trace: which component did what, for the UI's activity feed and the lessons. */
export interface TraceEntry {
  /** Virtual epoch ms. */
  time: number;
  /** "kube-apiserver", "etcd", "replicaset-controller", "kube-scheduler", "kubelet/node01", "kubectl", ... */
  component: string;
  /** Short verb: "stored", "created", "deleted", "scheduled", "filtered", "pulled", "tainted", ... */
  action: string;
  message: string;
  object?: { kind: string; namespace?: string; name: string };
}

export type EventType = "Normal" | "Warning";

/** Records core/v1 Events the way client-go's recorder does (aggregating repeats into count/lastTimestamp). */
export interface EventRecorder {
  event(
    involved: KubeObject,
    type: EventType,
    reason: string,
    message: string,
    source: { component: string; host?: string },
    fieldPath?: string,
  ): void;
}

/**
 * What every control-plane component (controller, scheduler, kubelet) is handed: its own API client
 * (so the trace knows who acted), the loop for timers and work queues, the clock, a forked random stream,
 * the trace and the event recorder. Components never touch the store directly.
 */
export interface ComponentContext {
  client: ApiClient;
  loop: SimLoop;
  clock: Clock;
  random: SeededRandom;
  trace(entry: Omit<TraceEntry, "time">): void;
  recorder: EventRecorder;
}
