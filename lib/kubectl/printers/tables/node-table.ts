import { translateTimestampSince } from "../human-duration";
import { ageColumn, nameColumn, type Loose, type TableHandler } from "./table-types";

const ROLE_PREFIX = "node-role.kubernetes.io/";

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and the `kubernetes.io/role` value, sorted, unique. */
function nodeRoles(node: Loose): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries((node.metadata?.labels ?? {}) as Record<string, string>)) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === "kubernetes.io/role" && v !== "") roles.add(v);
  }
  return [...roles].sort();
}

function address(node: Loose, type: string): string {
  const a = ((node.status?.addresses ?? []) as Loose[]).find((x) => x?.type === type);
  return a?.address ?? "<none>";
}

export const nodeTable: TableHandler = {
  columns: [
    nameColumn,
    { name: "Status", priority: 0 },
    { name: "Roles", priority: 0 },
    ageColumn,
    { name: "Version", priority: 0 },
    { name: "Internal-IP", priority: 1 },
    { name: "External-IP", priority: 1 },
    { name: "OS-Image", priority: 1 },
    { name: "Kernel-Version", priority: 1 },
    { name: "Container-Runtime", priority: 1 },
  ],
  row(o: Loose, now) {
    const status: string[] = [];
    // Only the Ready condition counts; the last one of that type wins, as in the Go map.
    const ready = ((o.status?.conditions ?? []) as Loose[]).filter((c) => c?.type === "Ready").pop();
    if (ready) status.push(ready.status === "True" ? "Ready" : "NotReady");
    if (status.length === 0) status.push("Unknown");
    if (o.spec?.unschedulable) status.push("SchedulingDisabled");
    const info = o.status?.nodeInfo ?? {};
    return [
      o.metadata?.name ?? "",
      status.join(","),
      nodeRoles(o).join(",") || "<none>",
      translateTimestampSince(o.metadata?.creationTimestamp, now),
      info.kubeletVersion ?? "",
      address(o, "InternalIP"),
      address(o, "ExternalIP"),
      info.osImage || "<unknown>",
      info.kernelVersion || "<unknown>",
      info.containerRuntimeVersion || "<unknown>",
    ];
  },
};
