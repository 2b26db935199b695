/** `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME` (create_service.go). */
import type { GeneratorResult } from "./generator-result";

export interface ServiceOptions {
  type: "ClusterIP" | "NodePort" | "LoadBalancer" | "ExternalName";
  name: string;
  tcp: string[];
  /** --clusterip ("" unset, "None" headless). */
  clusterIP: string;
  nodePort: number;
  externalName: string;
}

function parseUint(s: string): number | string {
  if (!/^\d+$/.test(s)) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`;
  const n = Number(s);
  if (n > 65535) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`;
  return n;
}

export function generateService(o: ServiceOptions): GeneratorResult {
  const needsPorts = o.type !== "ExternalName" && !(o.type === "ClusterIP" && o.clusterIP === "None");
  if (needsPorts && o.tcp.length === 0) return { ok: false, error: "at least one tcp port specifier must be provided" };
  const ports: Record<string, unknown>[] = [];
  for (const spec of o.tcp) {
    const parts = spec.split(":");
    const port = parseUint(parts[0]);
    if (typeof port === "string") return { ok: false, error: port };
    let target: number | string = port;
    if (parts.length > 1) {
      const t = parseUint(parts[1]);
      // A non-numeric target port is a named port.
      target = typeof t === "string" ? parts[1] : t;
    }
    const p: Record<string, unknown> = { name: spec.replace(/:/g, "-"), protocol: "TCP", port, targetPort: target };
    if (o.nodePort > 0) p.nodePort = o.nodePort;
    ports.push(p);
  }
  const labels = { app: o.name };
  const spec: Record<string, unknown> = {};
  if (ports.length > 0) spec.ports = ports;
  spec.selector = { ...labels };
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  spec.type = o.type;
  if (o.type === "ExternalName") spec.externalName = o.externalName;
  return {
    ok: true,
    object: {
      kind: "Service",
      apiVersion: "v1",
      metadata: { name: o.name, creationTimestamp: null, labels } as never,
      spec,
      status: { loadBalancer: {} },
    },
  };
}
