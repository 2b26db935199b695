import { httpdLogs, nginxLogs, redisLogs, webappColorLogs, type LogContext } from "./image-logs";
import { parseImageReference, type ImageReference } from "./image-reference";

/**
 * What the image's own entrypoint does when the pod gives no command:
 * "server" keeps running until stopped; "exits" ends at once (busybox/alpine/ubuntu run a shell with no
 * terminal, which reads EOF and exits 0, the classic cause of CrashLoopBackOff).
 */
export type DefaultBehaviour = "server" | "exits";

export interface ImageEntry {
  /** Fully qualified repository, e.g. "docker.io/library/nginx". */
  repository: string;
  /** Tags that resolve to this entry (the first is the canonical one). */
  tags: string[];
  /** Upstream version string the program reports. */
  version: string;
  /** Bytes, as the kubelet reports in "Image size: N bytes." */
  size: number;
  /** Time a pull takes on the lab's network, ms. */
  pullMs: number;
  /** Repository digest, "sha256:<64 hex>". */
  digest: string;
  behaviour: DefaultBehaviour;
  /** ms the default process needs to exit after the stop signal (nginx quits at once, mysql flushes). */
  stopMs: number;
  /** Whether /bin/sh exists (for command: ["sh", "-c", ...]). */
  shell: boolean;
  /** ENTRYPOINT + CMD, for the process list. */
  defaultCommand: string[];
  /**
   * What pod `args` (without `command`) do: "exec" runs them as the command (no ENTRYPOINT, or an entrypoint
   * script that execs "$@"); "server" passes them to the image's server (ENTRYPOINT is the binary, e.g. /coredns);
   * "flags" does the latter only when the first argument starts with "-" (the official redis/mysql/postgres scripts).
   */
  argsMode: "exec" | "server" | "flags";
  logs?: { start(ctx: LogContext): string[]; stop?(ctx: LogContext): string[] };
  /** Checks the default entrypoint makes on the environment: the error lines it prints before exiting 1, or undefined. */
  requires?(env: Record<string, string>, startedAt: number): string[] | undefined;
}

/** Deterministic 64-hex digest for an image (the catalogue's stand-in for the registry's manifest digest). */
export function syntheticHex(seed: string, length = 64): string {
  let out = "";
  let h = 0x811c9dc5;
  for (let round = 0; out.length < length; round++) {
    const s = `${seed}#${round}`;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
    out += h.toString(16).padStart(8, "0");
  }
  return out.slice(0, length);
}

interface EntryInput extends Omit<ImageEntry, "digest" | "repository" | "shell" | "stopMs" | "argsMode"> {
  name: string;
  shell?: boolean;
  stopMs?: number;
  argsMode?: ImageEntry["argsMode"];
}

function hub(name: string): string {
  return name.includes("/") ? `docker.io/${name}` : `docker.io/library/${name}`;
}

function entry(input: EntryInput): ImageEntry {
  const repository = input.name.includes(".") && input.name.split("/")[0].includes(".") ? input.name : hub(input.name);
  const { name: _name, ...rest } = input;
  return {
    ...rest,
    repository,
    shell: input.shell ?? true,
    argsMode: input.argsMode ?? "exec",
    stopMs: input.stopMs ?? 300,
    digest: `sha256:${syntheticHex(`${repository}:${input.tags[0]}`)}`,
  };
}

const NGINX_CMD = ["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"];

function nginx(tags: string[], version: string, size: number, pullMs: number, alpine = false): ImageEntry {
  return entry({ name: "nginx", tags, version, size, pullMs, behaviour: "server", stopMs: 150, defaultCommand: NGINX_CMD, logs: nginxLogs(version, alpine) });
}

const K8S_VERSION = "v1.32.4";

function mysqlRequires(env: Record<string, string>, startedAt: number): string[] | undefined {
  if (env.MYSQL_ROOT_PASSWORD || env.MYSQL_ALLOW_EMPTY_PASSWORD || env.MYSQL_RANDOM_ROOT_PASSWORD) return undefined;
  const t = new Date(startedAt).toISOString().replace("T", " ").replace(/\.\d{3}Z$/, "+00:00");
  return [
    `${t} [Note] [Entrypoint]: Entrypoint script for MySQL Server 9.1.0-1.el9 started.`,
    `${t} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified`,
    "    You need to specify one of the following as an environment variable:",
    "    - MYSQL_ROOT_PASSWORD",
    "    - MYSQL_ALLOW_EMPTY_PASSWORD",
    "    - MYSQL_RANDOM_ROOT_PASSWORD",
  ];
}

function postgresRequires(env: Record<string, string>): string[] | undefined {
  if (env.POSTGRES_PASSWORD || env.POSTGRES_HOST_AUTH_METHOD === "trust") return undefined;
  return [
    "Error: Database is uninitialized and superuser password is not specified.",
    "       You must specify POSTGRES_PASSWORD to a non-empty value for the",
    '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
    "",
    '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
    "       connections without a password. This is *not* recommended.",
    "",
    '       See PostgreSQL documentation about "trust":',
    "       https://www.postgresql.org/docs/current/auth-trust.html",
  ];
}

/** The images the labs use, with the sizes and timings a learner would see on a real cluster. */
export const IMAGE_CATALOGUE: readonly ImageEntry[] = [
  nginx(["latest", "1.27", "1.27.3", "mainline"], "1.27.3", 72195292, 2510),
  nginx(["alpine", "1.27-alpine", "mainline-alpine"], "1.27.3", 20510512, 1320, true),
  nginx(["1.25", "1.25.5"], "1.25.5", 71021524, 2480),
  nginx(["1.21", "1.21.6"], "1.21.6", 56732885, 2210),
  nginx(["1.18", "1.18.0"], "1.18.0", 53598720, 2130),
  nginx(["1.16", "1.16.1"], "1.16.1", 51030575, 2040),
  nginx(["1.14.2"], "1.14.2", 44710204, 1870),
  nginx(["1.14"], "1.14.2", 44710204, 1870),
  entry({ name: "redis", tags: ["latest", "7.4", "7.4.1", "7"], version: "7.4.1", size: 45937321, pullMs: 2160, behaviour: "server", stopMs: 400, defaultCommand: ["docker-entrypoint.sh", "redis-server"], argsMode: "flags", logs: redisLogs("7.4.1") }),
  entry({ name: "redis", tags: ["alpine", "7.4-alpine", "7-alpine"], version: "7.4.1", size: 17256453, pullMs: 1240, behaviour: "server", stopMs: 400, defaultCommand: ["docker-entrypoint.sh", "redis-server"], argsMode: "flags", logs: redisLogs("7.4.1") }),
  entry({ name: "busybox", tags: ["latest", "1.37", "1.37.0", "1.36", "1.28", "stable"], version: "1.37.0", size: 2167176, pullMs: 740, behaviour: "exits", defaultCommand: ["sh"] }),
  entry({ name: "alpine", tags: ["latest", "3.20", "3", "3.21"], version: "3.20.3", size: 3626898, pullMs: 810, behaviour: "exits", defaultCommand: ["/bin/sh"] }),
  entry({ name: "ubuntu", tags: ["latest", "24.04", "22.04", "noble", "jammy"], version: "24.04", size: 29754290, pullMs: 1730, behaviour: "exits", defaultCommand: ["/bin/bash"] }),
  entry({ name: "httpd", tags: ["latest", "2.4", "2"], version: "2.4.62", size: 58126390, pullMs: 2290, behaviour: "server", stopMs: 1000, defaultCommand: ["httpd-foreground"], logs: httpdLogs("2.4.62") }),
  entry({ name: "httpd", tags: ["alpine", "2.4-alpine"], version: "2.4.62", size: 23164208, pullMs: 1410, behaviour: "server", stopMs: 1000, defaultCommand: ["httpd-foreground"], logs: httpdLogs("2.4.62") }),
  entry({ name: "mysql", tags: ["latest", "9", "9.1", "8.0", "8"], version: "9.1.0", size: 172361493, pullMs: 6820, behaviour: "server", stopMs: 2500, defaultCommand: ["docker-entrypoint.sh", "mysqld"], argsMode: "flags", requires: mysqlRequires }),
  entry({ name: "postgres", tags: ["latest", "17", "17.2", "16"], version: "17.2", size: 158379422, pullMs: 6240, behaviour: "server", stopMs: 1200, defaultCommand: ["docker-entrypoint.sh", "postgres"], argsMode: "flags", requires: postgresRequires }),
  entry({ name: "memcached", tags: ["latest", "1.6", "alpine"], version: "1.6.32", size: 31862742, pullMs: 1790, behaviour: "server", stopMs: 200, defaultCommand: ["docker-entrypoint.sh", "memcached"], argsMode: "flags" }),
  entry({ name: "kodekloud/webapp-color", tags: ["latest", "v1", "v2", "v3"], version: "v1", size: 31742381, pullMs: 1860, behaviour: "server", stopMs: 300, defaultCommand: ["python", "./app.py"], logs: webappColorLogs() }),
  entry({ name: "registry.k8s.io/etcd", tags: ["3.5.16-0"], version: "3.5.16", size: 57680541, pullMs: 2600, behaviour: "server", stopMs: 500, shell: false, defaultCommand: ["etcd"], argsMode: "server" }),
  entry({ name: "registry.k8s.io/kube-apiserver", tags: [K8S_VERSION], version: K8S_VERSION, size: 28675522, pullMs: 1900, behaviour: "server", stopMs: 1000, shell: false, defaultCommand: ["kube-apiserver"] }),
  entry({ name: "registry.k8s.io/kube-controller-manager", tags: [K8S_VERSION], version: K8S_VERSION, size: 26263178, pullMs: 1800, behaviour: "server", stopMs: 300, shell: false, defaultCommand: ["kube-controller-manager"] }),
  entry({ name: "registry.k8s.io/kube-scheduler", tags: [K8S_VERSION], version: K8S_VERSION, size: 20657298, pullMs: 1500, behaviour: "server", stopMs: 300, shell: false, defaultCommand: ["kube-scheduler"] }),
  entry({ name: "registry.k8s.io/kube-proxy", tags: [K8S_VERSION], version: K8S_VERSION, size: 30910286, pullMs: 1900, behaviour: "server", stopMs: 300, shell: false, defaultCommand: ["/usr/local/bin/kube-proxy"] }),
  entry({ name: "registry.k8s.io/coredns/coredns", tags: ["v1.11.3"], version: "1.11.3", size: 18562039, pullMs: 1400, behaviour: "server", stopMs: 300, shell: false, defaultCommand: ["/coredns"], argsMode: "server" }),
  entry({ name: "registry.k8s.io/pause", tags: ["3.10"], version: "3.10", size: 320368, pullMs: 400, behaviour: "server", stopMs: 0, shell: false, defaultCommand: ["/pause"], argsMode: "server" }),
];

export type ImageLookup =
  | { kind: "found"; ref: ImageReference; entry: ImageEntry; imageID: string }
  | { kind: "invalid"; message: string }
  | { kind: "not-found"; ref: ImageReference; message: string };

/**
 * Resolve an image as containerd would when pulling. Unknown repositories answer like Docker Hub does
 * (pull access denied), unknown tags of known repositories with "not found".
 */
export function lookupImage(image: string): ImageLookup {
  const parsed = parseImageReference(image);
  if (!parsed.ok) return { kind: "invalid", message: parsed.message };
  const ref = parsed.ref;
  const repo = `${ref.domain}/${ref.path}`;
  const candidates = IMAGE_CATALOGUE.filter((e) => e.repository === repo);
  const found = ref.digest
    ? candidates.find((e) => e.digest === ref.digest && (!ref.tag || e.tags.includes(ref.tag)))
    : candidates.find((e) => e.tags.includes(ref.tag));
  const prefix = `failed to pull and unpack image "${ref.full}": failed to resolve reference "${ref.full}"`;
  if (found) return { kind: "found", ref, entry: found, imageID: `${repo}@${found.digest}` };
  if (candidates.length === 0) {
    return { kind: "not-found", ref, message: `${prefix}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed` };
  }
  return { kind: "not-found", ref, message: `${prefix}: ${ref.full}: not found` };
}

/** The name containerd lists an image under once pulled ("docker.io/library/nginx:latest"). */
export function imageNames(entry: ImageEntry): string[] {
  return [`${entry.repository}@${entry.digest}`, ...entry.tags.map((t) => `${entry.repository}:${t}`)];
}
