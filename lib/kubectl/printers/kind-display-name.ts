/** The API group of an apiVersion ("apps/v1" -> "apps", "v1" -> ""). */
export function groupOfApiVersion(apiVersion: string | undefined): string {
  if (!apiVersion) return "";
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}

/** Something that names a kind: an object as served (apiVersion + kind) or a registry entry (group + kind). */
export type KindRef = { kind: string; group?: string; apiVersion?: string };

/**
 * `lower(kind)[.group]`, the prefix kubectl uses for `-o name` and for the NAME column when several kinds are
 * printed: `pod`, `service`, `deployment.apps`, `replicaset.apps`, `lease.coordination.k8s.io`.
 */
export function kindDisplayName(ref: KindRef): string {
  const group = ref.group ?? groupOfApiVersion(ref.apiVersion);
  const kind = ref.kind.toLowerCase();
  return group ? `${kind}.${group}` : kind;
}
