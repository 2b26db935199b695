import type { Cluster, HostFs, KubeObject } from "../cluster/index";
import type { AttachedSession, CommandFn, CommandIO } from "./command-types";
import { base64Decode } from "./commands/text";
import { hexId } from "./commands/node-tools";
import { createMemoryFs } from "./memory-fs";
import { createShell } from "./shell";
import type { Shell } from "./shell-types";
import { resolvePath } from "./paths";
import { IMAGE_CURL, makeCurl } from "./net/curl";
import { resolveName, type NetOrigin, type PodObj as NetPod } from "./net/network";
import { makeBusyboxWget } from "./net/wget";
import { HTTPD_IT_WORKS, HTTPD_VERSION, NGINX_VERSION, NGINX_WELCOME } from "./net/web-servers";

export { HTTPD_IT_WORKS, NGINX_VERSION, NGINX_WELCOME };

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

function makeNslookup(namespace: string, pod: PodObj): CommandFn {
  return (io) => {
    const name = io.args.find((a) => !a.startsWith("-"));
    if (!name) {
      io.stderr("BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n");
      return 1;
    }
    let out = "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n";
    const r = resolveName(io.cluster, { kind: "pod", namespace, pod }, name);
    if (!r || /^\d+\.\d+\.\d+\.\d+$/.test(name)) {
      if (r) {
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
    ...(profile.kind === "httpd" ? { HTTPD_PREFIX: "/usr/local/apache2", HTTPD_VERSION } : {}),
    ...serviceEnv(opts.cluster, opts.namespace),
  };
  for (const e of container.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  env.HOME = "/root";
  const ns = opts.namespace;
  const origin = (): NetOrigin => ({ kind: "pod", namespace: ns, pod: opts.pod as NetPod });
  const commands: Record<string, CommandFn> = { curl: makeCurl(origin, IMAGE_CURL), wget: makeBusyboxWget(origin), nslookup: makeNslookup(ns, pod) };
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
