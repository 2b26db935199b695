import type { Cluster } from "../../cluster/index";
import { KUBE_VERSION } from "../versions";
import { connect, containerEnv, resolveName, type NetOrigin } from "./network";
import type { HttpResponse } from "./web-servers";

export interface ParsedUrl {
  scheme: string;
  host: string;
  port: number;
  path: string;
}

export function parseUrl(url: string): ParsedUrl | undefined {
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)?/i.exec(url);
  if (!m) return undefined;
  const scheme = (m[1] ?? "http").toLowerCase();
  return { scheme, host: m[2], port: m[3] ? Number(m[3]) : scheme === "https" ? 443 : 80, path: m[4] || "/" };
}

/** What one HTTP(S) GET ended with, before any client formats it. */
export type HttpOutcome =
  | { kind: "response"; ip: string; response: HttpResponse }
  | { kind: "unresolved" }
  | { kind: "refused"; ip: string }
  | { kind: "timeout"; ip: string }
  | { kind: "empty"; ip: string }
  /** TLS handshake against a plain-HTTP server. */
  | { kind: "tls-mismatch"; ip: string }
  /** The server's certificate is signed by the cluster CA, which the client does not trust (no -k). */
  | { kind: "untrusted-cert"; ip: string };

export function httpDate(ms: number): string {
  const d = new Date(ms);
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const p = (n: number) => String(n).padStart(2, "0");
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} GMT`;
}

function json(status: number, reason: string, body: string, date: string): HttpResponse {
  return {
    version: "HTTP/1.1",
    status,
    reason,
    headers: [["Audit-Id", "5d3c7a40-2f1e-4b8a-9c6d-0e7f1a2b3c4d"], ["Cache-Control", "no-cache, private"], ["Content-Type", "application/json"], ["X-Content-Type-Options", "nosniff"], ["Date", date], ["Content-Length", String(body.length)]],
    body,
  };
}

/** The API server as an anonymous client sees it: health and version are public, the rest is Forbidden. */
function apiserverReply(path: string, date: string): HttpResponse {
  const p = path.split("?")[0];
  if (p === "/healthz" || p === "/livez" || p === "/readyz") {
    return { version: "HTTP/1.1", status: 200, reason: "OK", headers: [["Audit-Id", "5d3c7a40-2f1e-4b8a-9c6d-0e7f1a2b3c4d"], ["Cache-Control", "no-cache, private"], ["Content-Type", "text/plain; charset=utf-8"], ["X-Content-Type-Options", "nosniff"], ["Date", date], ["Content-Length", "2"]], body: "ok" };
  }
  if (p === "/version") {
    const minor = KUBE_VERSION.split(".")[1];
    const body = `{\n  "major": "1",\n  "minor": "${minor}",\n  "gitVersion": "${KUBE_VERSION}",\n  "gitCommit": "59526cd4867447956156ae3a602fcbac10a2c335",\n  "gitTreeState": "clean",\n  "buildDate": "2025-04-22T15:56:32Z",\n  "goVersion": "go1.23.8",\n  "compiler": "gc",\n  "platform": "linux/amd64"\n}`;
    return json(200, "OK", body, date);
  }
  const body = `{\n  "kind": "Status",\n  "apiVersion": "v1",\n  "metadata": {},\n  "status": "Failure",\n  "message": "forbidden: User \\"system:anonymous\\" cannot get path \\"${p}\\"",\n  "reason": "Forbidden",\n  "details": {},\n  "code": 403\n}`;
  return json(403, "Forbidden", body, date);
}

/**
 * One GET from `origin`, through name resolution, kube-proxy (ClusterIP, NodePort) and the image's server.
 * `insecure` is curl's -k (skip certificate verification).
 */
export function httpGet(cluster: Cluster, origin: NetOrigin, url: ParsedUrl, insecure = false): HttpOutcome {
  const r = resolveName(cluster, origin, url.host);
  if (!r) return { kind: "unresolved" };
  const ip = r.ip;
  const c = connect(cluster, origin, ip, url.port);
  const date = httpDate(cluster.now());
  if (c.kind === "refused" || c.kind === "timeout") return { kind: c.kind, ip };
  const tls = url.scheme === "https";
  if (c.kind === "apiserver") {
    if (!tls) {
      const body = "Client sent an HTTP request to an HTTPS server.\n";
      return { kind: "response", ip, response: { version: "HTTP/1.0", status: 400, reason: "Bad Request", headers: [], body } };
    }
    if (!insecure) return { kind: "untrusted-cert", ip };
    return { kind: "response", ip, response: apiserverReply(url.path, date) };
  }
  if (tls) return c.listener.program === "redis-server" ? { kind: "empty", ip } : { kind: "tls-mismatch", ip };
  const reply = c.listener.reply({ path: url.path, podName: c.pod.metadata.name ?? "", env: containerEnv(c.container), args: c.container.args ?? [], date });
  return reply.kind === "empty" ? { kind: "empty", ip } : { kind: "response", ip, response: reply.response };
}

/** The header block as it travels (CRLF line ends), for -i/-I/-v and wget -S. */
export function headerText(res: HttpResponse): string {
  return `${res.version} ${res.status} ${res.reason}\r\n` + res.headers.map(([k, v]) => `${k}: ${v}\r\n`).join("") + "\r\n";
}
