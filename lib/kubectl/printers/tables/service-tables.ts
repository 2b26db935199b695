import { translateTimestampSince } from "../human-duration";
import { formatLabels } from "./label-selector";
import { ageColumn, nameColumn, type Loose, type TableHandler } from "./table-types";

const LOAD_BALANCER_WIDTH = 16;

/** loadBalancerStatusStringer: sorted unique ingress IPs (or hostnames), cut to 16 chars unless wide. */
function loadBalancerIngress(service: Loose, wide: boolean): string {
  const set = new Set<string>();
  for (const ing of (service.status?.loadBalancer?.ingress ?? []) as Loose[]) {
    if (ing?.ip) set.add(ing.ip);
    else if (ing?.hostname) set.add(ing.hostname);
  }
  let r = [...set].sort().join(",");
  if (!wide && r.length > LOAD_BALANCER_WIDTH) r = r.slice(0, LOAD_BALANCER_WIDTH - 3) + "...";
  return r;
}

function externalIP(service: Loose, wide: boolean): string {
  const externalIPs: string[] = service.spec?.externalIPs ?? [];
  switch (service.spec?.type) {
    case "ClusterIP":
    case "NodePort":
      return externalIPs.length > 0 ? externalIPs.join(",") : "<none>";
    case "LoadBalancer": {
      const lb = loadBalancerIngress(service, wide);
      if (externalIPs.length > 0) return [...(lb ? lb.split(",") : []), ...externalIPs].join(",");
      return lb || "<pending>";
    }
    case "ExternalName":
      return service.spec?.externalName ?? "";
  }
  return "<unknown>";
}

function portsCell(ports: Loose[] | undefined): string {
  const pieces = (ports ?? []).map((p) => (p?.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? ""}` : `${p?.port}/${p?.protocol ?? ""}`));
  return pieces.length === 0 ? "<none>" : pieces.join(",");
}

/**
 * The server prints the service in wide form (the LoadBalancer ingress column is cut only when not wide), so
 * this handler needs to know; buildTable passes it.
 */
export function serviceTable(wide: boolean): TableHandler {
  return {
    columns: [
      nameColumn,
      { name: "Type", priority: 0 },
      { name: "Cluster-IP", priority: 0 },
      { name: "External-IP", priority: 0 },
      { name: "Port(s)", priority: 0 },
      ageColumn,
      { name: "Selector", priority: 1 },
    ],
    row(o: Loose, now) {
      return [
        o.metadata?.name ?? "",
        o.spec?.type ?? "",
        o.spec?.clusterIPs?.[0] || o.spec?.clusterIP || "<none>",
        externalIP(o, wide),
        portsCell(o.spec?.ports),
        translateTimestampSince(o.metadata?.creationTimestamp, now),
        formatLabels(o.spec?.selector),
      ];
    },
  };
}

/** formatEndpoints: up to 3 `ip:port` entries, then ` + N more...`. */
function formatEndpoints(endpoints: Loose): string {
  const subsets: Loose[] = endpoints.subsets ?? [];
  if (subsets.length === 0) return "<none>";
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses: Loose[] = ss?.addresses ?? [];
    const ports: Loose[] = ss?.ports ?? [];
    if (ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a?.ip ?? "");
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        const ip: string = a?.ip ?? "";
        // net.JoinHostPort brackets IPv6 addresses.
        list.push(ip.includes(":") ? `[${ip}]:${port?.port}` : `${ip}:${port?.port}`);
      }
    }
  }
  const ret = list.join(",");
  return more ? `${ret} + ${count - max} more...` : ret;
}

export const endpointsTable: TableHandler = {
  columns: [nameColumn, { name: "Endpoints", priority: 0 }, ageColumn],
  row(o: Loose, now) {
    return [o.metadata?.name ?? "", formatEndpoints(o), translateTimestampSince(o.metadata?.creationTimestamp, now)];
  },
};

function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(",");
  if (more) return `${ret} + ${count - max} more...`;
  return ret === "" ? "<unset>" : ret;
}

export const endpointSliceTable: TableHandler = {
  columns: [nameColumn, { name: "AddressType", priority: 0 }, { name: "Ports", priority: 0 }, { name: "Endpoints", priority: 0 }, ageColumn],
  row(o: Loose, now) {
    const max = 3;
    const ports: string[] = [];
    let morePorts = false;
    let portCount = 0;
    for (const p of (o.ports ?? []) as Loose[]) {
      if (ports.length < max) ports.push(typeof p?.port === "number" ? String(p.port) : typeof p?.name === "string" ? p.name : "*");
      else morePorts = true;
      portCount++;
    }
    const addrs: string[] = [];
    let moreAddrs = false;
    let addrCount = 0;
    for (const e of (o.endpoints ?? []) as Loose[]) {
      for (const a of (e?.addresses ?? []) as string[]) {
        if (addrs.length < max) addrs.push(a);
        else moreAddrs = true;
        addrCount++;
      }
    }
    return [
      o.metadata?.name ?? "",
      o.addressType ?? "",
      listWithMore(ports, morePorts, portCount, max),
      listWithMore(addrs, moreAddrs, addrCount, max),
      translateTimestampSince(o.metadata?.creationTimestamp, now),
    ];
  },
};
