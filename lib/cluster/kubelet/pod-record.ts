import type { KubeObject } from "../api/types";
import type { CancelTimer } from "../runtime/sim-loop";
import type { ContainerProgram } from "./container-program";
import type { ImageEntry } from "./image-catalogue";
import type { ContainerStage } from "./stages";

/** The parts of a container spec the kubelet reads. */
export interface ContainerSpec {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  env?: { name: string; value?: string }[];
  imagePullPolicy?: "Always" | "IfNotPresent" | "Never";
  restartPolicy?: "Always";
  readinessProbe?: { initialDelaySeconds?: number; periodSeconds?: number };
  startupProbe?: { initialDelaySeconds?: number; periodSeconds?: number };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

export interface PodSpec {
  nodeName?: string;
  containers: ContainerSpec[];
  initContainers?: ContainerSpec[];
  restartPolicy?: "Always" | "OnFailure" | "Never";
  terminationGracePeriodSeconds?: number;
  hostNetwork?: boolean;
}

export type PodObject = KubeObject & { spec: PodSpec; status?: Record<string, unknown> };

/** One run of a container (containerd keeps the current and the previous one for `kubectl logs -p`). */
export interface ContainerInstance {
  containerID: string;
  startedAt: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: string;
  /** Exited through a stop signal (graceful stop prints the image's shutdown lines). */
  stopped?: boolean;
  program: ContainerProgram;
  pid: number;
}

/** The kubelet's (and containerd's) knowledge of one container of a pod on this node. */
export interface ContainerRecord {
  name: string;
  init: boolean;
  /** Restartable init container (sidecar). */
  sidecar: boolean;
  spec: ContainerSpec;
  stage: ContainerStage;
  /** Catalogue entry once the image reference resolved. */
  entry?: ImageEntry;
  /** Normalized image name and image ID, known once the image is on the node. */
  imageName?: string;
  imageID?: string;
  waitingMessage?: string;
  /** The reason status keeps showing while a restart after a back-off is under way (the kubelet's reason cache). */
  carryWaiting?: { reason: string; message?: string };
  current?: ContainerInstance;
  previous?: ContainerInstance;
  restartCount: number;
  pullBackoffMs: number;
  lastPullError?: string;
  restartBackoffMs: number;
  /** When the current back-off (pull or restart) ends. */
  backoffUntil?: number;
  readyAt?: number;
  timers: CancelTimer[];
}

export interface ConditionState {
  status: "True" | "False";
  time: number;
}

/** One pod as this node runs it. */
export interface PodRecord {
  /** "namespace/name" of the API object (the mirror pod for static pods). */
  key: string;
  uid: string;
  namespace: string;
  name: string;
  /** Source of a static pod: the manifest path; undefined for API pods. */
  manifest?: string;
  pod: PodObject;
  sandboxReady: boolean;
  ip?: string;
  startTime: number;
  containers: ContainerRecord[];
  /** The one pull/create/start in flight (the real pod worker does these in sequence). */
  op?: { label: string; cancel: CancelTimer };
  killing: boolean;
  /** All containers stopped and the pod reported terminal. */
  finished: boolean;
  conditions: Record<string, ConditionState>;
  lastStatus?: Record<string, unknown>;
}
