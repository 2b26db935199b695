import { parse } from "yaml";
import type { HostFs } from "../hosts/host-fs";
import { isFsError } from "../hosts/host-fs";
import { syntheticHex } from "./image-catalogue";
import type { PodObject } from "./pod-record";

export const STATIC_POD_PATH = "/etc/kubernetes/manifests";

export interface StaticPod {
  /** "namespace/name" of the mirror pod. */
  key: string;
  manifest: string;
  /** kubernetes.io/config.hash: the static pod's UID. */
  hash: string;
  /** metadata.name in the manifest (the component, e.g. "kube-scheduler"). */
  component: string;
  pod: PodObject;
}

/**
 * Read every manifest in the static pod path as the kubelet's file source does: files that do not
 * parse as a Pod are skipped (the kubelet logs an error and the pod disappears), dotfiles are ignored.
 */
/** How a kubelet parses its YAML files (ParsedFiles: the same answers, remembered). */
export type ParseYaml = (text: string) => unknown;

export function readStaticPods(fs: HostFs, nodeName: string, seenAt: number, dir = STATIC_POD_PATH, parseYaml: ParseYaml = parse): Map<string, StaticPod> {
  const out = new Map<string, StaticPod>();
  const names = fs.readdir(dir);
  if (isFsError(names)) return out;
  for (const file of names) {
    if (file.startsWith(".")) continue;
    const path = `${dir}/${file}`;
    const text = fs.readFile(path);
    if (isFsError(text)) continue;
    let doc: unknown;
    try {
      doc = parseYaml(text);
    } catch {
      continue;
    }
    const pod = toStaticPod(doc, nodeName, text, path, seenAt);
    if (pod && !out.has(pod.key)) out.set(pod.key, pod);
  }
  return out;
}

function toStaticPod(doc: unknown, nodeName: string, text: string, path: string, seenAt: number): StaticPod | undefined {
  if (typeof doc !== "object" || doc === null) return undefined;
  const d = doc as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown; namespace?: unknown; labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: { containers?: unknown } };
  if (d.kind !== "Pod" || d.apiVersion !== "v1") return undefined;
  if (typeof d.metadata?.name !== "string" || d.metadata.name === "") return undefined;
  const containers = d.spec?.containers;
  if (!Array.isArray(containers) || containers.length === 0) return undefined;
  if (!containers.every((c) => typeof c === "object" && c !== null && typeof (c as { name?: unknown }).name === "string" && typeof (c as { image?: unknown }).image === "string")) return undefined;
  const component = d.metadata.name;
  const namespace = typeof d.metadata.namespace === "string" && d.metadata.namespace ? d.metadata.namespace : "default";
  const name = `${component}-${nodeName}`;
  const hash = syntheticHex(`${nodeName}\n${text}`, 32);
  const pod: PodObject = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace,
      uid: hash,
      labels: d.metadata.labels,
      annotations: {
        ...(d.metadata.annotations ?? {}),
        "kubernetes.io/config.hash": hash,
        "kubernetes.io/config.mirror": hash,
        "kubernetes.io/config.seen": new Date(seenAt).toISOString().replace(/\.(\d{3})Z$/, ".$1000000Z"),
        "kubernetes.io/config.source": "file",
      },
    },
    spec: { ...(d.spec as PodObject["spec"]), nodeName },
  };
  return { key: `${namespace}/${name}`, manifest: path, hash, component, pod };
}

/** staticPodPath from the kubelet's config file (read at start, as the real kubelet does). */
export function staticPodPathFromConfig(fs: HostFs, configPath = "/var/lib/kubelet/config.yaml", parseYaml: ParseYaml = parse): string | undefined {
  const text = fs.readFile(configPath);
  if (isFsError(text)) return STATIC_POD_PATH;
  try {
    const doc = parseYaml(text) as { staticPodPath?: unknown } | null;
    const p = doc?.staticPodPath;
    return typeof p === "string" && p.startsWith("/") ? p.replace(/\/+$/, "") : undefined;
  } catch {
    return undefined;
  }
}
