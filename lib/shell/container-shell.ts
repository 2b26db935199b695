import type { Cluster, HostFs, KubeObject } from "../cluster/index";
import type { AttachedSession, CommandFn, CommandIO } from "./command-types";
import { base64Decode } from "./commands/text";
import { hexId } from "./commands/node-tools";
import { createMemoryFs } from "./memory-fs";
import { createShell } from "./shell";
import type { Shell } from "./shell-types";
import { getopt } from "./commands/util";
import { resolvePath } from "./paths";

interface ContainerSpec {
  name: string;
  image: string;
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  ports?: { containerPort: number; name?: string; protocol?: string }[];
  volumeMounts?: { name: string; mountPath: string; subPath?: string }[];
}
interface PodObj extends KubeObject {
  spec?: { containers?: ContainerSpec[]; volumes?: { name: string; configMap?: { name: string }; secret?: { secretName: string } }[]; hostname?: string; nodeName?: string };
  status?: { podIP?: string; phase?: string };
}
interface ServiceObj extends KubeObject {
  spec?: { clusterIP?: string; type?: string; ports?: { name?: string; port: number; targetPort?: number | string; protocol?: string }[] };
}
interface EndpointsObj extends KubeObject {
  subsets?: { addresses?: { ip: string; targetRef?: { kind: string; name: string; namespace?: string } }[]; ports?: { name?: string; port: number }[] }[];
}

export const NGINX_VERSION = "1.27.3";

export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const NGINX_404 = `<html>
<head><title>404 Not Found</title></head>
<body>
<center><h1>404 Not Found</h1></center>
<hr><center>nginx/${NGINX_VERSION}</center>
</body>
</html>
`;

export const HTTPD_IT_WORKS = "<html><body><h1>It works!</h1></body></html>\n";

/** What an image ships: its binaries, and the web server it runs (if any). */
function imageProfile(image: string): { kind: "nginx" | "httpd" | "busybox" | "alpine" | "curl" | "other"; commands?: string[]; dash: boolean } {
  const repo = image.replace(/[:@].*$/, "").replace(/^(docker\.io\/)?(library\/)?/, "");
  const base = ["sh", "cat", "ls", "env", "printenv", "hostname", "echo", "printf", "head", "tail", "grep", "sleep", "date", "mkdir", "rm", "touch", "cp", "mv", "wc", "sort", "id", "whoami", "uname", "sed", "awk", "cut", "tr", "find", "true", "false", "ps", "test", "["];
  if (repo === "nginx" || repo.endsWith("/nginx")) return { kind: "nginx", commands: [...base, "bash", "curl"], dash: true };
  if (repo === "httpd" || repo.endsWith("/httpd")) return { kind: "httpd", commands: [...base, "bash"], dash: true };
  if (repo === "busybox" || repo.endsWith("/busybox")) return { kind: "busybox", commands: [...base, "wget", "nslookup", "vi"], dash: false };
  if (repo === "alpine" || repo.endsWith("/alpine")) return { kind: "alpine", commands: [...base, "wget", "nslookup", "vi"], dash: false };
  if (repo.endsWith("curl")) return { kind: "curl", commands: [...base, "curl"], dash: false };
  return { kind: "other", dash: true };
}

const fsCache = new WeakMap<Cluster, Map<string, HostFs>>();

/** The container's filesystem, built once per pod uid and container (writes persist between execs). */
function containerFs(cluster: Cluster, pod: PodObj, container: ContainerSpec): HostFs {
  let byPod = fsCache.get(cluster);
  if (!byPod) {
    byPod = new Map();
    fsCache.set(cluster, byPod);
  }
  const key = `${pod.metadata.uid ?? pod.metadata.name}/${container.name}`;
  const cached = byPod.get(key);
  if (cached) return cached;
  const fs = createMemoryFs(pod.metadata.name ?? "pod", () => cluster.now());
  const ns = pod.metadata.namespace ?? "default";
  for (const d of ["/bin", "/etc", "/root", "/tmp", "/usr/bin", "/var", "/proc", "/dev"]) fs.mkdir(d, { parents: true });
  fs.writeFile("/etc/hostname", (pod.spec?.hostname ?? pod.metadata.name ?? "") + "\n");
  fs.writeFile("/etc/resolv.conf", `search ${ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`);
  fs.writeFile(
    "/etc/hosts",
    `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${pod.status?.podIP ?? "10.244.1.2"}\t${pod.metadata.name}\n`,
  );
  const profile = imageProfile(container.image);
  if (profile.kind === "nginx") {
    fs.mkdir("/usr/share/nginx/html", { parents: true });
    fs.writeFile("/usr/share/nginx/html/index.html", NGINX_WELCOME);
    fs.writeFile("/usr/share/nginx/html/50x.html", "<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n");
    fs.mkdir("/etc/nginx/conf.d", { parents: true });
    fs.writeFile("/etc/nginx/conf.d/default.conf", "server {\n    listen       80;\n    listen  [::]:80;\n    server_name  localhost;\n\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n}\n");
  }
  if (profile.kind === "httpd") {
    fs.mkdir("/usr/local/apache2/htdocs", { parents: true });
    fs.writeFile("/usr/local/apache2/htdocs/index.html", HTTPD_IT_WORKS);
  }
  // ConfigMap and Secret volumes appear as files, as the kubelet projects them.
  const client = cluster.client("kubelet");
  for (const m of container.volumeMounts ?? []) {
    const vol = pod.spec?.volumes?.find((v) => v.name === m.name);
    fs.mkdir(m.mountPath, { parents: true });
    if (vol?.configMap) {
      const cm = client.get("configmaps", ns, vol.configMap.name);
      if (cm.ok) for (const [k, v] of Object.entries((cm.value as { data?: Record<string, string> }).data ?? {})) fs.writeFile(resolvePath(m.mountPath, k), v);
    } else if (vol?.secret) {
      const sec = client.get("secrets", ns, vol.secret.secretName);
      if (sec.ok) for (const [k, v] of Object.entries((sec.value as { data?: Record<string, string> }).data ?? {})) fs.writeFile(resolvePath(m.mountPath, k), base64Decode(v) ?? "");
    }
  }
  byPod.set(key, fs);
  return fs;
}

/** Service environment variables as the kubelet injects them (docker-links style). */
function serviceEnv(cluster: Cluster, namespace: string): Record<string, string> {
  const env: Record<string, string> = {};
  const add = (svc: ServiceObj) => {
    const ip = svc.spec?.clusterIP;
    if (!ip || ip === "None" || !svc.spec?.ports?.length) return;
    const name = (svc.metadata.name ?? "").toUpperCase().replace(/-/g, "_");
    const first = svc.spec.ports[0];
    env[`${name}_SERVICE_HOST`] = ip;
    env[`${name}_SERVICE_PORT`] = String(first.port);
    for (const p of svc.spec.ports) if (p.name) env[`${name}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, "_")}`] = String(p.port);
    env[`${name}_PORT`] = `${(first.protocol ?? "TCP").toLowerCase()}://${ip}:${first.port}`;
    for (const p of svc.spec.ports) {
      const proto = p.protocol ?? "TCP";
      const k = `${name}_PORT_${p.port}_${proto}`;
      env[k] = `${proto.toLowerCase()}://${ip}:${p.port}`;
      env[`${k}_PROTO`] = proto.toLowerCase();
      env[`${k}_PORT`] = String(p.port);
      env[`${k}_ADDR`] = ip;
    }
  };
  const client = cluster.client("kubelet");
  const k = client.get("services", "default", "kubernetes");
  if (k.ok) add(k.value as ServiceObj);
  const list = client.list("services", namespace);
  if (list.ok) for (const s of list.value.items as ServiceObj[]) if (!(namespace === "default" && s.metadata.name === "kubernetes")) add(s);
  return env;
}

type Resolved =
  | { ok: true; ip: string; fqdn?: string; target: () => { image?: string; podIp?: string; targetPort?: number | string; podName?: string } | { refused: true } }
  | { ok: false };

/** Cluster DNS: "svc", "svc.ns", "svc.ns.svc[.cluster.local]", a ClusterIP or a pod IP. */
function resolveHost(cluster: Cluster, namespace: string, host: string, port: number): Resolved {
  const client = cluster.client("kube-proxy");
  const svcTarget = (svc: ServiceObj) => () => {
    const sp = svc.spec?.ports?.find((p) => p.port === port);
    if (!sp) return { refused: true as const };
    const ep = client.get("endpoints", svc.metadata.namespace, svc.metadata.name ?? "");
    const addrs = ep.ok ? ((ep.value as EndpointsObj).subsets ?? []).flatMap((s) => s.addresses ?? []) : [];
    if (addrs.length === 0) return { refused: true as const };
    const a = addrs[0];
    if (!a.targetRef) return { podIp: a.ip, targetPort: sp.targetPort ?? sp.port };
    const pod = client.get("pods", a.targetRef.namespace ?? svc.metadata.namespace, a.targetRef.name);
    if (!pod.ok) return { refused: true as const };
    return podTarget(pod.value as PodObj, sp.targetPort ?? sp.port);
  };
  const podTarget = (pod: PodObj, targetPort: number | string) => {
    const containers = pod.spec?.containers ?? [];
    let portNum: number | undefined = typeof targetPort === "number" ? targetPort : undefined;
    let image = containers[0]?.image;
    for (const c of containers) {
      for (const p of c.ports ?? []) {
        if ((typeof targetPort === "string" && p.name === targetPort) || p.containerPort === portNum) {
          portNum = p.containerPort;
          image = c.image;
        }
      }
    }
    if (portNum === undefined && /^\d+$/.test(String(targetPort))) portNum = Number(targetPort);
    if (portNum === undefined) return { refused: true as const };
    // Which container listens: the one whose web server default port matches.
    const listener = containers.find((c) => {
      const k = imageProfile(c.image).kind;
      return (k === "nginx" || k === "httpd") && portNum === 80;
    });
    return { image: listener?.image ?? image, podIp: pod.status?.podIP, targetPort: portNum, podName: pod.metadata.name };
  };
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) {
    const svcs = client.list("services", undefined);
    const svc = svcs.ok ? (svcs.value.items as ServiceObj[]).find((s) => s.spec?.clusterIP === host) : undefined;
    if (svc) return { ok: true, ip: host, target: svcTarget(svc) };
    const pods = client.list("pods", undefined);
    const pod = pods.ok ? (pods.value.items as PodObj[]).find((p) => p.status?.podIP === host) : undefined;
    if (pod) return { ok: true, ip: host, target: () => podTarget(pod, port) };
    return { ok: true, ip: host, target: () => ({ refused: true as const }) };
  }
  const h = host.replace(/\.$/, "").toLowerCase();
  const candidates: [string, string][] = [];
  const parts = h.split(".");
  if (parts.length === 1) candidates.push([parts[0], namespace]);
  else if (parts.length === 2) candidates.push([parts[0], parts[1]]);
  else if (parts.length === 3 && parts[2] === "svc") candidates.push([parts[0], parts[1]]);
  else if (parts.length === 5 && parts.slice(2).join(".") === "svc.cluster.local") candidates.push([parts[0], parts[1]]);
  for (const [name, ns] of candidates) {
    const r = client.get("services", ns, name);
    if (r.ok) {
      const svc = r.value as ServiceObj;
      return { ok: true, ip: svc.spec?.clusterIP ?? "", fqdn: `${name}.${ns}.svc.cluster.local`, target: svcTarget(svc) };
    }
  }
  return { ok: false };
}

function parseUrl(url: string): { scheme: string; host: string; port: number; path: string } | undefined {
  const m = /^(?:([a-z]+):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)?$/i.exec(url);
  if (!m) return undefined;
  const scheme = (m[1] ?? "http").toLowerCase();
  return { scheme, host: m[2], port: m[3] ? Number(m[3]) : scheme === "https" ? 443 : 80, path: m[4] || "/" };
}

type HttpResult = { ok: true; status: number; reason: string; body: string; server: string } | { ok: false; code: 6 | 7 | 28; host: string; port: number };

function httpGet(io: CommandIO, namespace: string, url: string): HttpResult {
  const u = parseUrl(url);
  if (!u) return { ok: false, code: 6, host: url, port: 80 };
  const r = resolveHost(io.cluster, namespace, u.host, u.port);
  if (!r.ok) return { ok: false, code: 6, host: u.host, port: u.port };
  const t = r.target();
  if ("refused" in t) return { ok: false, code: 7, host: u.host, port: u.port };
  const kind = t.image ? imageProfile(t.image).kind : "other";
  if ((kind !== "nginx" && kind !== "httpd") || t.targetPort !== 80) return { ok: false, code: 7, host: u.host, port: u.port };
  const path = u.path.split("?")[0];
  if (kind === "nginx") {
    if (path === "/" || path === "/index.html") return { ok: true, status: 200, reason: "OK", body: NGINX_WELCOME, server: `nginx/${NGINX_VERSION}` };
    return { ok: true, status: 404, reason: "Not Found", body: NGINX_404, server: `nginx/${NGINX_VERSION}` };
  }
  if (path === "/" || path === "/index.html") return { ok: true, status: 200, reason: "OK", body: HTTPD_IT_WORKS, server: "Apache/2.4.62 (Unix)" };
  return { ok: true, status: 404, reason: "Not Found", body: `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n`, server: "Apache/2.4.62 (Unix)" };
}

function httpDate(ms: number): string {
  const d = new Date(ms);
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const p = (n: number) => String(n).padStart(2, "0");
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} GMT`;
}

function makeCurl(namespace: string): CommandFn {
  return (io) => {
    const p = getopt(io, "curl", io.args, { flags: "sSiIvLkf", values: "omXHd", long: { silent: "s", "show-error": "S", include: "i", head: "I", verbose: "v", location: "L", insecure: "k", fail: "f", "output=": "o", "max-time=": "m", "connect-timeout=": "m", "request=": "X", "header=": "H", "data=": "d" } }, 2);
    if (typeof p === "number") return p;
    const url = p.operands[0];
    if (!url) {
      io.stderr("curl: try 'curl --help' or 'curl --manual' for more information\n");
      return 2;
    }
    const r = httpGet(io, namespace, url);
    const quiet = p.opts.has("s") && !p.opts.has("S");
    if (!r.ok) {
      if (!quiet) {
        if (r.code === 6) io.stderr(`curl: (6) Could not resolve host: ${r.host}\n`);
        else io.stderr(`curl: (7) Failed to connect to ${r.host} port ${r.port} after 0 ms: Couldn't connect to server\n`);
      }
      return r.code;
    }
    const headers = `HTTP/1.1 ${r.status} ${r.reason}\r\nServer: ${r.server}\r\nDate: ${httpDate(io.cluster.now())}\r\nContent-Type: text/html\r\nContent-Length: ${r.body.length}\r\nConnection: keep-alive\r\n\r\n`;
    let out = "";
    if (p.opts.has("I")) out = headers;
    else {
      if (p.opts.has("i")) out += headers;
      if (p.opts.has("f") && r.status >= 400) {
        if (!quiet) io.stderr(`curl: (22) The requested URL returned error: ${r.status}\n`);
        return 22;
      }
      out += r.body;
    }
    const o = p.opts.get("o");
    if (o !== undefined && o !== "-") {
      const e = io.fs.writeFile(resolvePath(io.cwd, o), out);
      if (e) {
        io.stderr(`curl: (23) Failure writing output to destination\n`);
        return 23;
      }
      if (!quiet) io.stderr(`  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n100   ${String(out.length).padEnd(4)}100   ${String(out.length).padEnd(4)}  0     0   600k      0 --:--:-- --:--:-- --:--:--  600k\n`);
      return 0;
    }
    io.stdout(out);
    return 0;
  };
}

function makeWget(namespace: string): CommandFn {
  return (io) => {
    const p = getopt(io, "wget", io.args, { flags: "qS", values: "OT", long: { quiet: "q", "output-document=": "O", "timeout=": "T", spider: "spider" } });
    if (typeof p === "number") return p;
    const url = p.operands[0];
    if (!url) {
      io.stderr("BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n");
      return 1;
    }
    const u = parseUrl(url);
    const r = httpGet(io, namespace, url);
    const quiet = p.opts.has("q");
    if (!r.ok) {
      if (r.code === 6) io.stderr(`wget: bad address '${r.host}'\n`);
      else {
        const res = u ? resolveHost(io.cluster, namespace, u.host, u.port) : { ok: false as const };
        io.stderr(`wget: can't connect to remote host (${res.ok ? res.ip : r.host}): Connection refused\n`);
      }
      return 1;
    }
    if (!quiet) {
      const res = resolveHost(io.cluster, namespace, u!.host, u!.port);
      io.stderr(`Connecting to ${u!.host}${u!.port !== 80 ? ":" + u!.port : ""} (${res.ok ? res.ip : u!.host}:${u!.port})\n`);
    }
    if (r.status >= 400) {
      io.stderr(`wget: server returned error: HTTP/1.1 ${r.status} ${r.reason}\n`);
      return 1;
    }
    if (p.opts.has("spider")) return 0;
    const out = p.opts.get("O") ?? (u!.path.split("/").pop() || "index.html");
    if (out === "-") {
      io.stdout(r.body);
      return 0;
    }
    io.fs.writeFile(resolvePath(io.cwd, out), r.body);
    if (!quiet) io.stderr(`saving to '${out}'\n${out.padEnd(20)} 100% |********************************|   ${r.body.length}  0:00:00 ETA\n'${out}' saved\n`);
    return 0;
  };
}

function makeNslookup(namespace: string): CommandFn {
  return (io) => {
    const name = io.args.find((a) => !a.startsWith("-"));
    if (!name) {
      io.stderr("BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n");
      return 1;
    }
    let out = "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n";
    const r = resolveHost(io.cluster, namespace, name, 80);
    if (!r.ok || /^\d+\.\d+\.\d+\.\d+$/.test(name)) {
      if (r.ok) {
        io.stdout(out + `${name.split(".").reverse().join(".")}.in-addr.arpa\tname = ${r.fqdn ?? name}\n\n`);
        return 0;
      }
      const search = [`${namespace}.svc.cluster.local`, "svc.cluster.local", "cluster.local"];
      for (const s of name.includes(".") ? [] : search) out += `** server can't find ${name}.${s}: NXDOMAIN\n\n`;
      out += `** server can't find ${name}: NXDOMAIN\n\n`;
      io.stdout(out);
      return 1;
    }
    io.stdout(out + `Name:\t${r.fqdn}\nAddress: ${r.ip}\n\n`);
    return 0;
  };
}

export interface ContainerExecOptions {
  cluster: Cluster;
  namespace: string;
  /** The pod object as the API returned it. */
  pod: KubeObject;
  /** Container name; default the first container. */
  container?: string;
  stdout(text: string): void;
  stderr(text: string): void;
  stdin?: string;
  sleep?: (ms: number, signal: { readonly aborted: boolean }) => Promise<void>;
}

/**
 * A shell inside a container: the image's binaries only, the pod's environment (plus service variables),
 * a container filesystem (hostname, resolv.conf, web root, ConfigMap/Secret volumes), and curl/wget/nslookup
 * answered through cluster DNS, Services and Endpoints. `kubectl exec -it pod -- sh` can hand the terminal to it.
 */
export function createContainerShell(opts: ContainerExecOptions): Shell {
  const pod = opts.pod as PodObj;
  const containers = pod.spec?.containers ?? [];
  const container = containers.find((c) => c.name === opts.container) ?? containers[0] ?? { name: "main", image: "busybox" };
  const profile = imageProfile(container.image);
  const env: Record<string, string> = {
    PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    HOSTNAME: pod.metadata.name ?? "",
    ...(profile.kind === "nginx" ? { NGINX_VERSION, NJS_VERSION: "0.8.7", PKG_RELEASE: "1~bookworm" } : {}),
    ...(profile.kind === "httpd" ? { HTTPD_PREFIX: "/usr/local/apache2", HTTPD_VERSION: "2.4.62" } : {}),
    ...serviceEnv(opts.cluster, opts.namespace),
  };
  for (const e of container.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  env.HOME = "/root";
  const ns = opts.namespace;
  const commands: Record<string, CommandFn> = { curl: makeCurl(ns), wget: makeWget(ns), nslookup: makeNslookup(ns) };
  const shellName = profile.dash ? "sh: 1" : "sh";
  return createShell({
    cluster: opts.cluster,
    host: pod.metadata.name ?? "pod",
    fs: containerFs(opts.cluster, pod, container),
    env,
    minimal: true,
    commands,
    only: profile.commands,
    disabled: ["ssh", "sudo", "watch", ...(profile.commands?.includes("bash") || !profile.commands ? [] : ["bash"])],
    notFound: (name) => `${shellName}: ${name}: not found\n`,
    prompt: () => (profile.kind === "busybox" || profile.kind === "alpine" ? "/ # " : "# "),
    stdout: opts.stdout,
    stderr: opts.stderr,
    sleep: opts.sleep,
  });
}

/**
 * Run `kubectl exec POD -- COMMAND...` inside the container. Resolves to the command's exit status;
 * a binary the image lacks fails like the OCI runtime does (kubectl prints it and exits 1... kubectl decides).
 */
export async function runInContainer(opts: ContainerExecOptions & { command: string[] }): Promise<{ exitCode: number; notFound?: string }> {
  const sh = createContainerShell(opts);
  const [cmd, ...rest] = opts.command;
  if (cmd === undefined) return { exitCode: 0 };
  const base = cmd.slice(cmd.lastIndexOf("/") + 1);
  const pod = opts.pod as PodObj;
  const container = (pod.spec?.containers ?? []).find((c) => c.name === opts.container) ?? pod.spec?.containers?.[0];
  const profile = imageProfile(container?.image ?? "busybox");
  const builtinLike = ["sh", "echo", "printf", "true", "false", "test", "[", "pwd", "cd", "export"];
  const exists = !profile.commands || profile.commands.includes(base) || builtinLike.includes(base) || ["curl", "wget", "nslookup"].includes(base) && profile.commands === undefined;
  if (!exists) {
    opts.stderr(
      `error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${hexId(opts.command.join(" "))}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in $PATH: unknown\n`,
    );
    return { exitCode: 1, notFound: cmd };
  }
  if ((base === "sh" || base === "bash") && rest[0] === "-c") {
    const r = await sh.run(rest[1] ?? "");
    return { exitCode: r.exitCode };
  }
  const quoted = opts.command.map((a) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : "'" + a.replace(/'/g, "'\\''") + "'")).join(" ");
  const r = await sh.run(quoted);
  return { exitCode: r.exitCode };
}

const SHELLS = new Set(["sh", "bash", "ash", "/bin/sh", "/bin/bash", "/bin/ash", "/usr/bin/bash"]);

/**
 * The runner `kubectl exec` calls (lib/kubectl's ContainerRunner shape; the composition root registers it).
 * `-it ... sh` hands the terminal to the container's shell; otherwise the command runs and, like kubectl,
 * a non-zero status prints "command terminated with exit code N".
 */
export async function containerRunner(
  io: CommandIO,
  target: { namespace: string; pod: string; container: string },
  argv: string[],
  opts: { stdin: boolean; tty: boolean },
): Promise<number> {
  const got = io.cluster.client("kubectl").get("pods", target.namespace, target.pod);
  if (!got.ok) {
    io.stderr(`Error from server (NotFound): pods "${target.pod}" not found\n`);
    return 1;
  }
  const base: ContainerExecOptions = { cluster: io.cluster, namespace: target.namespace, pod: got.value, container: target.container, stdout: io.stdout, stderr: io.stderr, sleep: (ms) => io.sleep(ms) };
  if (argv.length === 1 && SHELLS.has(argv[0]) && opts.stdin && opts.tty && io.attach) {
    const sh = createContainerShell(base);
    const attached: AttachedSession = { run: (l) => sh.run(l), prompt: () => sh.prompt(), complete: (l, c) => sh.complete(l, c), interrupt: () => sh.interrupt() };
    io.attach(attached);
    return 0;
  }
  const r = await runInContainer({ ...base, command: argv });
  if (r.notFound) return 1;
  if (r.exitCode !== 0) io.stderr(`command terminated with exit code ${r.exitCode}\n`);
  return r.exitCode;
}
