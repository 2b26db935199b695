import type { ApiClient } from "../../cluster/index";
import { describeEvents, searchEvents, type CoreEvent } from "./events";
import { timestampSince } from "./human-duration";
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline } from "./multiline";
import { LEVEL_0, LEVEL_1, PrefixWriter } from "./prefix-writer";
import { podRequestsAndLimits } from "./pod-resources";
import { formatQuantity, milliValue, parseQuantity, quantityValue, ZERO_QUANTITY, addQuantity, type Quantity } from "./quantity";
import { rfc1123z } from "./time-format";

type Obj = Record<string, any>;

const ROLE_PREFIX = "node-role.kubernetes.io/";

/** findNodeRoles: from node-role.kubernetes.io/<role> keys and kubernetes.io/role values, sorted. */
export function nodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === "kubernetes.io/role" && v !== "") {
      roles.add(v);
    }
  }
  return [...roles].sort();
}

const STANDARD_RESOURCES = new Set(["cpu", "memory", "ephemeral-storage", "storage", "pods"]);

function pct(part: Quantity, whole: Quantity | undefined, milli: boolean): number {
  if (!whole) return 0;
  const w = milli ? milliValue(whole) : quantityValue(whole);
  if (w === 0) return 0;
  const p = milli ? milliValue(part) : quantityValue(part);
  return Math.trunc((p / w) * 100);
}

/** Go's int64(float64 NaN/Inf): a pod's fraction against a zero allocatable prints as the min int64. */
function podPct(part: Quantity, whole: Quantity | undefined, milli: boolean): string {
  const w = whole ? (milli ? milliValue(whole) : quantityValue(whole)) : 0;
  if (w === 0) return "-9223372036854775808";
  return String(pct(part, whole, milli));
}

function describeNodeResource(pods: Obj[], node: Obj, w: PrefixWriter, now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
  w.write(LEVEL_1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
  const rawAlloc: Obj = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status.allocatable : (node.status?.capacity ?? {});
  const alloc = new Map<string, Quantity>();
  for (const [k, v] of Object.entries(rawAlloc)) {
    const q = parseQuantity(v as string);
    if (q) alloc.set(k, q);
  }
  const totalReqs = new Map<string, Quantity>();
  const totalLimits = new Map<string, Quantity>();
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    const get = (m: Map<string, Quantity>, k: string) => m.get(k) ?? ZERO_QUANTITY;
    w.write(
      LEVEL_1,
      `${pod.metadata.namespace}\t${pod.metadata.name}\t\t` +
        `${formatQuantity(get(requests, "cpu"))} (${podPct(get(requests, "cpu"), alloc.get("cpu"), true)}%)\t` +
        `${formatQuantity(get(limits, "cpu"))} (${podPct(get(limits, "cpu"), alloc.get("cpu"), true)}%)\t` +
        `${formatQuantity(get(requests, "memory"))} (${podPct(get(requests, "memory"), alloc.get("memory"), false)}%)\t` +
        `${formatQuantity(get(limits, "memory"))} (${podPct(get(limits, "memory"), alloc.get("memory"), false)}%)\t` +
        `${timestampSince(pod.metadata.creationTimestamp, now)}\n`,
    );
    for (const [m, total] of [
      [requests, totalReqs],
      [limits, totalLimits],
    ] as const) {
      for (const [k, q] of m) total.set(k, total.has(k) ? addQuantity(total.get(k)!, q) : q);
    }
  }
  w.write(LEVEL_0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
  w.write(LEVEL_1, "Resource\tRequests\tLimits\n");
  w.write(LEVEL_1, "--------\t--------\t------\n");
  const row = (name: string, milli: boolean) => {
    const r = totalReqs.get(name) ?? ZERO_QUANTITY;
    const l = totalLimits.get(name) ?? ZERO_QUANTITY;
    w.write(LEVEL_1, `${name}\t${formatQuantity(r)} (${pct(r, alloc.get(name), milli)}%)\t${formatQuantity(l)} (${pct(l, alloc.get(name), milli)}%)\n`);
  };
  row("cpu", true);
  row("memory", false);
  row("ephemeral-storage", false);
  const names = [...alloc.keys()];
  for (const name of names.filter((n) => n.startsWith("hugepages-")).sort()) row(name, false);
  for (const name of names.filter((n) => !n.startsWith("hugepages-") && !STANDARD_RESOURCES.has(n) && !n.startsWith("requests.") && !n.startsWith("limits.")).sort()) {
    w.write(LEVEL_1, `${name}\t${formatQuantity(totalReqs.get(name) ?? ZERO_QUANTITY)}\t${formatQuantity(totalLimits.get(name) ?? ZERO_QUANTITY)}\n`);
  }
}

function nodeEvents(client: ApiClient, node: Obj): CoreEvent[] {
  const meta: Obj = node.metadata ?? {};
  // Controllers record node events with the node's uid, the kubelet with its name: kubectl asks for both.
  const byUid = searchEvents(client, { kind: "Node", name: meta.name, uid: meta.uid });
  const byName = meta.uid === meta.name ? [] : searchEvents(client, { kind: "Node", name: meta.name, uid: meta.name });
  return [...byUid, ...byName];
}

/** NodeDescriber. */
export function describeNode(client: ApiClient, node: Obj, now: number, showEvents: boolean): string {
  const meta: Obj = node.metadata ?? {};
  const spec: Obj = node.spec ?? {};
  const st: Obj = node.status ?? {};
  const podsRes = client.list("pods", undefined, { fieldSelector: `spec.nodeName=${meta.name}` });
  const pods = podsRes.ok
    ? (podsRes.value.items as Obj[])
        .filter((p) => p.spec?.nodeName === meta.name && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed")
        .sort((a, b) => {
          const ka = `${a.metadata.namespace}/${a.metadata.name}`;
          const kb = `${b.metadata.namespace}/${b.metadata.name}`;
          return ka < kb ? -1 : ka > kb ? 1 : 0;
        })
    : undefined;
  const events = showEvents ? nodeEvents(client, node) : undefined;

  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${meta.name}\n`);
  const roles = nodeRoles(meta.labels);
  w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(",") : "<none>"}\n`);
  printLabelsMultiline(w, "Labels", meta.labels);
  printAnnotationsMultiline(w, "Annotations", meta.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
  printTaintsMultiline(w, "Taints", spec.taints);
  w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
  const lease = client.get("leases", "kube-node-lease", meta.name);
  if (lease.ok) {
    const ls: Obj = (lease.value as Obj).spec ?? {};
    w.write(LEVEL_0, "Lease:\n");
    w.write(LEVEL_1, `HolderIdentity:\t${ls.holderIdentity ?? "<unset>"}\n`);
    w.write(LEVEL_1, `AcquireTime:\t${ls.acquireTime ? rfc1123z(ls.acquireTime) : "<unset>"}\n`);
    w.write(LEVEL_1, `RenewTime:\t${ls.renewTime ? rfc1123z(ls.renewTime) : "<unset>"}\n`);
  } else {
    w.write(LEVEL_0, `Lease:\tFailed to get lease: ${lease.status.message}\n`);
  }
  const conditions: Obj[] = st.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
    w.write(LEVEL_1, "----\t------\t-----------------\t------------------\t------\t-------\n");
    for (const c of conditions) {
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ""} \t${c.message ?? ""}\n`);
    }
  }
  w.write(LEVEL_0, "Addresses:\n");
  for (const a of (st.addresses ?? []) as Obj[]) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  const printResourceList = (list: Obj) => {
    for (const name of Object.keys(list).sort()) {
      const q = parseQuantity(list[name]);
      w.write(LEVEL_0, `  ${name}:\t${q ? formatQuantity(q) : String(list[name])}\n`);
    }
  };
  if (Object.keys(st.capacity ?? {}).length > 0) {
    w.write(LEVEL_0, "Capacity:\n");
    printResourceList(st.capacity);
  }
  if (Object.keys(st.allocatable ?? {}).length > 0) {
    w.write(LEVEL_0, "Allocatable:\n");
    printResourceList(st.allocatable);
  }
  const info: Obj = st.nodeInfo ?? {};
  w.write(LEVEL_0, "System Info:\n");
  w.write(LEVEL_0, `  Machine ID:\t${info.machineID ?? ""}\n`);
  w.write(LEVEL_0, `  System UUID:\t${info.systemUUID ?? ""}\n`);
  w.write(LEVEL_0, `  Boot ID:\t${info.bootID ?? ""}\n`);
  w.write(LEVEL_0, `  Kernel Version:\t${info.kernelVersion ?? ""}\n`);
  w.write(LEVEL_0, `  OS Image:\t${info.osImage ?? ""}\n`);
  w.write(LEVEL_0, `  Operating System:\t${info.operatingSystem ?? ""}\n`);
  w.write(LEVEL_0, `  Architecture:\t${info.architecture ?? ""}\n`);
  w.write(LEVEL_0, `  Container Runtime Version:\t${info.containerRuntimeVersion ?? ""}\n`);
  w.write(LEVEL_0, `  Kubelet Version:\t${info.kubeletVersion ?? ""}\n`);
  w.write(LEVEL_0, `  Kube-Proxy Version:\t${info.kubeProxyVersion ?? ""}\n`);
  if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
  if ((spec.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(",")}\n`);
  if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
  if (pods) describeNodeResource(pods, node, w, now);
  else w.write(LEVEL_0, "Pods:\tnot authorized\n");
  if (events) describeEvents(events, w, now);
  return w.toString();
}
