import type { KubeObject } from "../api/types";
import type { FieldError } from "../api/status";
import type { SeededRandom } from "../runtime/random";
import type { Store } from "./store";

type Obj = Record<string, unknown>;
type Port = { port?: number; nodePort?: number; name?: string };

/** 10.96.0.0/12, kubeadm's default service CIDR. */
const CIDR_BASE = (10 << 24) | (96 << 16);
const CIDR_SIZE = 1 << 20;
/** The low band the allocator leaves for static choices (min(max(16, size/16), 256) addresses). */
const STATIC_BAND = 256;
const NODEPORT_MIN = 30000;
const NODEPORT_MAX = 32767;
const NODEPORT_STATIC_BAND = 128;

export function ipToString(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

function ipToNumber(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

/**
 * ClusterIP and NodePort allocation. The allocated sets are re-read from the stored Services on every
 * call, so a restored cluster needs no allocator state besides the random stream.
 */
export class ServiceAllocator {
  constructor(private readonly random: SeededRandom) {}

  /** A replace (PUT) without clusterIP or nodePort keeps the allocated ones (patchAllocatedValues). */
  keepAllocated(obj: KubeObject, old: KubeObject): void {
    const spec = (obj.spec ?? {}) as Obj;
    const oldSpec = (old.spec ?? {}) as Obj;
    // normalizeClusterIPs: a changed clusterIP with untouched clusterIPs moves clusterIPs[0] along.
    if (typeof spec.clusterIP === "string" && spec.clusterIP !== "" && spec.clusterIP !== oldSpec.clusterIP && JSON.stringify(spec.clusterIPs) === JSON.stringify(oldSpec.clusterIPs)) {
      spec.clusterIPs = [spec.clusterIP, ...(((oldSpec.clusterIPs as string[] | undefined) ?? []).slice(1))];
    }
    if ((spec.clusterIP === undefined || spec.clusterIP === "") && oldSpec.clusterIP !== undefined && spec.type !== "ExternalName") {
      spec.clusterIP = oldSpec.clusterIP;
      if (oldSpec.clusterIPs !== undefined) spec.clusterIPs = oldSpec.clusterIPs;
    }
    if ((spec.clusterIPs === undefined) && oldSpec.clusterIPs !== undefined && spec.clusterIP === oldSpec.clusterIP) spec.clusterIPs = oldSpec.clusterIPs;
    if (needsNodePorts(spec.type) && needsNodePorts(oldSpec.type)) {
      const oldPorts = (oldSpec.ports ?? []) as Port[];
      for (const p of (spec.ports ?? []) as Port[]) {
        if (p.nodePort) continue;
        const match = oldPorts.find((o) => o.port === p.port && (o.name ?? "") === (p.name ?? ""));
        if (match?.nodePort) p.nodePort = match.nodePort;
      }
    }
  }

  allocate(obj: KubeObject, old: KubeObject | undefined, store: Store, _dryRun: boolean): FieldError[] {
    const spec = (obj.spec ?? {}) as Obj;
    obj.spec = spec;
    const errs: FieldError[] = [];
    const self = `${obj.metadata.namespace}/${obj.metadata.name}`;
    const usedIPs = new Set<string>();
    const usedPorts = new Set<number>();
    for (const s of store.list("services", undefined)) {
      if (`${s.metadata.namespace}/${s.metadata.name}` === self) continue;
      const sp = (s.spec ?? {}) as Obj;
      if (typeof sp.clusterIP === "string") usedIPs.add(sp.clusterIP);
      for (const p of (sp.ports ?? []) as Port[]) if (p.nodePort) usedPorts.add(p.nodePort);
    }

    if (spec.type === "ExternalName") {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    } else if (spec.clusterIP === "None") {
      spec.clusterIPs = ["None"];
    } else if (!old || (old.spec as Obj | undefined)?.clusterIP !== spec.clusterIP) {
      if (typeof spec.clusterIP === "string" && spec.clusterIP !== "") {
        const n = ipToNumber(spec.clusterIP);
        const inRange = n !== undefined && n - CIDR_BASE >= 0 && n - CIDR_BASE < CIDR_SIZE;
        if (!inRange) {
          errs.push({
            reason: "FieldValueInvalid",
            field: "spec.clusterIPs",
            message: `Invalid value: []string{"${spec.clusterIP}"}: failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is 10.96.0.0/12`,
          });
        } else if (usedIPs.has(spec.clusterIP)) {
          errs.push({
            reason: "FieldValueInvalid",
            field: "spec.clusterIPs",
            message: `Invalid value: []string{"${spec.clusterIP}"}: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`,
          });
        }
      } else {
        spec.clusterIP =
          obj.metadata.namespace === "default" && obj.metadata.name === "kubernetes" && !usedIPs.has("10.96.0.1")
            ? "10.96.0.1"
            : this.pickIP(usedIPs);
      }
      spec.clusterIPs = [spec.clusterIP as string];
    }

    if (needsNodePorts(spec.type)) {
      const ports = (spec.ports ?? []) as Port[];
      const oldPorts = new Set(((((old?.spec ?? {}) as Obj).ports ?? []) as Port[]).map((p) => p.nodePort).filter(Boolean));
      const mine = new Set<number>();
      ports.forEach((p, i) => {
        if (p.nodePort) {
          if (oldPorts.has(p.nodePort) && !mine.has(p.nodePort)) {
            mine.add(p.nodePort);
            return;
          }
          if (p.nodePort < NODEPORT_MIN || p.nodePort > NODEPORT_MAX) {
            errs.push({
              reason: "FieldValueInvalid",
              field: `spec.ports[${i}].nodePort`,
              message: `Invalid value: ${p.nodePort}: provided port is not in the valid range. The range of valid ports is ${NODEPORT_MIN}-${NODEPORT_MAX}`,
            });
          } else if (usedPorts.has(p.nodePort) || mine.has(p.nodePort)) {
            errs.push({ reason: "FieldValueInvalid", field: `spec.ports[${i}].nodePort`, message: `Invalid value: ${p.nodePort}: provided port is already allocated` });
          } else mine.add(p.nodePort);
        }
      });
      for (const p of ports) {
        if (p.nodePort) continue;
        p.nodePort = this.pickPort(usedPorts, mine);
        mine.add(p.nodePort);
      }
    } else {
      for (const p of (spec.ports ?? []) as Port[]) delete p.nodePort;
    }
    return errs;
  }

  /** Nothing to free: allocations are derived from the stored Services. */
  release(_obj: KubeObject): void {}

  private pickIP(used: Set<string>): string {
    for (let i = 0; i < 64; i++) {
      const offset = STATIC_BAND + this.random.int(CIDR_SIZE - STATIC_BAND - 1);
      const ip = ipToString((CIDR_BASE + offset) >>> 0);
      if (!used.has(ip)) return ip;
    }
    for (let offset = 1; offset < CIDR_SIZE - 1; offset++) {
      const ip = ipToString((CIDR_BASE + offset) >>> 0);
      if (!used.has(ip)) return ip;
    }
    return "";
  }

  private pickPort(used: Set<number>, mine: Set<number>): number {
    const size = NODEPORT_MAX - NODEPORT_MIN + 1;
    for (let i = 0; i < 64; i++) {
      const port = NODEPORT_MIN + NODEPORT_STATIC_BAND + this.random.int(size - NODEPORT_STATIC_BAND);
      if (!used.has(port) && !mine.has(port)) return port;
    }
    for (let port = NODEPORT_MIN; port <= NODEPORT_MAX; port++) if (!used.has(port) && !mine.has(port)) return port;
    return 0;
  }
}

function needsNodePorts(type: unknown): boolean {
  return type === "NodePort" || type === "LoadBalancer";
}
