/**
 * Strategic-merge-patch metadata of the built-in kinds kubectl patches (the `patchStrategy`/`patchMergeKey` tags
 * of k8s.io/api), looked up by field name and the path of field names above it (list indices left out).
 */
export interface PatchMeta {
  /** Lists merged by this key ("" for a list of scalars merged as a set); undefined: replaced whole. */
  mergeKey?: string;
  /** `retainKeys`: the patch lists the keys to keep (Deployment spec.strategy, volumes). */
  retainKeys?: boolean;
}

const CONTAINER_LISTS = new Set(["containers", "initContainers", "ephemeralContainers"]);

export function patchMeta(kind: string, path: readonly string[], field: string): PatchMeta {
  const parent = path[path.length - 1];
  switch (field) {
    case "containers":
    case "initContainers":
    case "ephemeralContainers":
    case "env":
    case "imagePullSecrets":
    case "schedulingGates":
    case "resourceClaims":
      return { mergeKey: "name" };
    case "volumes":
      return { mergeKey: "name", retainKeys: true };
    case "ports":
      if (parent !== undefined && CONTAINER_LISTS.has(parent)) return { mergeKey: "containerPort" };
      if (kind === "Service" && path.length === 1 && parent === "spec") return { mergeKey: "port" };
      return {};
    case "volumeMounts":
      return { mergeKey: "mountPath" };
    case "volumeDevices":
      return { mergeKey: "devicePath" };
    case "hostAliases":
      return { mergeKey: "ip" };
    case "topologySpreadConstraints":
      return { mergeKey: "topologyKey" };
    case "ownerReferences":
      return parent === "metadata" ? { mergeKey: "uid" } : {};
    case "finalizers":
      return parent === "metadata" ? { mergeKey: "" } : {};
    case "conditions":
      return parent === "status" ? { mergeKey: "type" } : {};
    case "strategy":
      return kind === "Deployment" && parent === "spec" ? { retainKeys: true } : {};
    default:
      return {};
  }
}
