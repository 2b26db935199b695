import type { Cluster, KubeObject } from "../../cluster/index";
import type { CommandFn, CommandIO } from "../command-types";
import { errnoMessage, resolvePath } from "../paths";
import { makeCurl, NODE_CURL } from "../net/curl";
import type { NetOrigin } from "../net/network";
import { makeGnuWget } from "../net/wget";
import { etcdValueText } from "./etcd-value";

import { ETCD_VERSION, KUBE_VERSION } from "../versions";

export { KUBE_VERSION };

/** Deterministic hex id from a string (container/pod/image ids for crictl). */
export function hexId(s: string, len = 64): string {
  let out = "";
  let h = 0x811c9dc5;
  for (let round = 0; out.length < len; round++) {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ round, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, "0");
  }
  return out.slice(0, len);
}

// ---- systemctl / journalctl --------------------------------------------------------------------

const UNITS: Record<string, { description: string; docs: string; exec: string }> = {
  kubelet: {
    description: "kubelet: The Kubernetes Node Agent",
    docs: "https://kubernetes.io/docs/",
    exec: "/usr/bin/kubelet",
  },
  containerd: { description: "containerd container runtime", docs: "https://containerd.io", exec: "/usr/local/bin/containerd" },
};

/** When each unit last changed state, per cluster and host (systemd's "since"). */
const sinceByCluster = new WeakMap<Cluster, Map<string, { active: boolean; since: number }>>();

function unitState(cluster: Cluster, host: string, unit: string): { active: boolean; since: number } {
  let m = sinceByCluster.get(cluster);
  if (!m) {
    m = new Map();
    sinceByCluster.set(cluster, m);
  }
  const key = `${host}/${unit}`;
  const active = unit === "kubelet" ? (cluster.kubelet(host)?.active ?? false) : true;
  let s = m.get(key);
  if (!s) {
    // Services started when the node booted, before the learner arrived: as old as the Node object.
    s = { active, since: bootTime(cluster, host) };
    m.set(key, s);
  } else if (s.active !== active) {
    s.active = active;
    s.since = cluster.now();
  }
  return s;
}

/** When the host booted: its Node's creationTimestamp (kubeadm registered it right after), else 3 days ago. */
function bootTime(cluster: Cluster, host: string): number {
  const r = cluster.client("systemd").get("nodes", undefined, host);
  const t = r.ok ? Date.parse(r.value.metadata.creationTimestamp ?? "") : NaN;
  return Number.isFinite(t) ? t - 5000 : cluster.now() - 3 * 24 * 3600 * 1000;
}

/** Unit search path in systemd's order; Ubuntu 22.04 lists /lib before /usr/lib. */
const UNIT_DIRS = ["/etc/systemd/system", "/run/systemd/system", "/lib/systemd/system", "/usr/lib/systemd/system"];

/** The unit file and drop-ins as found on the host's disk, so status names files that exist. */
function unitFiles(fs: CommandIO["fs"], unit: string): { path: string; dropIns: { dir: string; files: string[] }[] } {
  const path = UNIT_DIRS.map((d) => `${d}/${unit}.service`).find((f) => typeof fs.readFile(f) === "string") ?? `/lib/systemd/system/${unit}.service`;
  const dropIns: { dir: string; files: string[] }[] = [];
  for (const d of UNIT_DIRS) {
    const dir = `${d}/${unit}.service.d`;
    const ls = fs.readdir(dir);
    if (!Array.isArray(ls)) continue;
    const files = ls.filter((n) => n.endsWith(".conf")).sort();
    if (files.length) dropIns.push({ dir, files });
  }
  return { path, dropIns };
}

function markChange(cluster: Cluster, host: string, unit: string): void {
  unitState(cluster, host, unit);
  const s = sinceByCluster.get(cluster)!.get(`${host}/${unit}`)!;
  s.active = unit === "kubelet" ? (cluster.kubelet(host)?.active ?? false) : true;
  s.since = cluster.now();
}

/** systemd's timespan: the two largest units ("3 days", "1min 5s", "2h 3min"). */
function timespan(ms: number): string {
  let s = Math.max(0, Math.floor(ms / 1000));
  const units: [string, number][] = [
    ["month", 2629800],
    ["week", 604800],
    ["day", 86400],
    ["h", 3600],
    ["min", 60],
    ["s", 1],
  ];
  const parts: string[] = [];
  for (const [name, size] of units) {
    if (s >= size && parts.length < 2) {
      const n = Math.floor(s / size);
      s -= n * size;
      parts.push(["month", "week", "day"].includes(name) ? `${n} ${name}${n > 1 ? "s" : ""}` : `${n}${name}`);
    } else if (parts.length) break;
  }
  return parts.length ? parts.join(" ") : "0s";
}

function systemdDate(ms: number): string {
  const d = new Date(ms);
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  return `${days[d.getUTCDay()]} ${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)} UTC`;
}

function unitName(arg: string): string {
  return arg.replace(/\.service$/, "");
}

function mainPid(cluster: Cluster, host: string, unit: string): { pid: number; command: string } {
  const p = cluster.processes(host).find((x) => x.command.split(" ")[0].endsWith("/" + unit) || x.command.split(" ")[0] === unit);
  return p ? { pid: p.pid, command: p.command } : { pid: unit === "kubelet" ? 972 : 612, command: UNITS[unit].exec };
}

const systemctl: CommandFn = (io) => {
  const args = io.args.filter((a) => !a.startsWith("-"));
  const verb = args[0];
  const units = args.slice(1).map(unitName);
  const cluster = io.cluster;
  if (verb === undefined) {
    io.stderr("systemctl: listing all units is not available in this simulated node; try `systemctl status kubelet`\n");
    return 1;
  }
  if (verb === "daemon-reload") return 0;
  if (!["status", "start", "stop", "restart", "is-active", "enable", "disable", "is-enabled", "reload"].includes(verb)) {
    io.stderr(`Unknown command verb ${verb}.\n`);
    return 1;
  }
  if (units.length === 0) {
    io.stderr(verb === "status" ? "" : `Too few arguments.\n`);
    return verb === "status" ? 0 : 1;
  }
  let code = 0;
  for (const unit of units) {
    if (!UNITS[unit]) {
      if (verb === "status") {
        io.stderr(`Unit ${unit}.service could not be found.\n`);
        code = 4;
      } else if (verb === "is-active") {
        io.stdout("inactive\n");
        code = 3;
      } else {
        io.stderr(`Failed to ${verb} ${unit}.service: Unit ${unit}.service not found.\n`);
        code = 5;
      }
      continue;
    }
    const kubelet = unit === "kubelet" ? cluster.kubelet(io.host) : undefined;
    switch (verb) {
      case "start":
      case "stop":
      case "restart":
      case "reload":
        if (unit === "containerd") {
          if (verb === "stop") {
            io.stderr("containerd: stopping the container runtime is not simulated; the node keeps running it\n");
            code = 1;
          }
          markChange(cluster, io.host, unit);
          break;
        }
        unitState(cluster, io.host, unit);
        if (verb === "start") kubelet?.start();
        else if (verb === "stop") kubelet?.stop();
        else kubelet?.restart();
        markChange(cluster, io.host, unit);
        break;
      case "enable":
      case "disable":
        break;
      case "is-enabled":
        io.stdout("enabled\n");
        break;
      case "is-active": {
        const st = unitState(cluster, io.host, unit);
        io.stdout(st.active ? "active\n" : "inactive\n");
        if (!st.active) code = 3;
        break;
      }
      case "status": {
        const st = unitState(cluster, io.host, unit);
        const u = UNITS[unit];
        const { pid, command } = mainPid(cluster, io.host, unit);
        const ago = timespan(cluster.now() - st.since);
        const files = unitFiles(io.fs, unit);
        let out = `${st.active ? "●" : "○"} ${unit}.service - ${u.description}\n`;
        out += `     Loaded: loaded (${files.path}; enabled; vendor preset: enabled)\n`;
        files.dropIns.forEach((d, i) => {
          out += `${i === 0 ? "    Drop-In: " : "             "}${d.dir}\n`;
          out += d.files.map((f, j) => `             ${j === d.files.length - 1 ? "└─" : "├─"}${f}\n`).join("");
        });
        if (st.active) {
          out += `     Active: active (running) since ${systemdDate(st.since)}; ${ago} ago\n`;
          out += `       Docs: ${u.docs}\n   Main PID: ${pid} (${unit})\n      Tasks: ${unit === "kubelet" ? 14 : 11}\n     Memory: ${unit === "kubelet" ? "44.1M" : "38.6M"}\n        CPU: ${unit === "kubelet" ? "2min 12.503s" : "1min 3.221s"}\n`;
          out += `     CGroup: /system.slice/${unit}.service\n             └─${pid} ${command}\n`;
        } else {
          out += `     Active: inactive (dead) since ${systemdDate(st.since)}; ${ago} ago\n`;
          out += `       Docs: ${u.docs}\n    Process: ${pid} ExecStart=${u.exec} $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS (code=exited, status=0/SUCCESS)\n   Main PID: ${pid} (code=exited, status=0/SUCCESS)\n`;
        }
        const journal = journalLines(cluster, io.host, unit).slice(-10);
        if (journal.length) out += "\n" + journal.join("\n") + "\n";
        io.stdout(out);
        if (!st.active) code = 3;
        break;
      }
    }
  }
  return code;
};

/** Where in the kubelet's source each journal message comes from (klog prints file:line). */
const KLOG_SOURCES: [RegExp, string][] = [
  [/^"Starting kubelet"/, "server.go:520"],
  [/^"Shutting down kubelet"/, "kubelet.go:1748"],
  [/^"Static pod (added|updated|removed)"/, "config.go:397"],
  [/^"Pod deleted"/, "kubelet.go:2473"],
  [/^"Pod was deleted and then recreated/, "status_manager.go:1012"],
  [/^"Failed creating a mirror pod"/, "kubelet.go:1915"],
];

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A journal line with the klog header the real kubelet writes:
 * `Nov 25 09:58:00 node01 kubelet[972]: I1125 09:58:00.000000     972 server.go:520] "Starting kubelet"`.
 * Lines that already carry a header pass through.
 */
export function withKlogHeader(line: string, index: number): string {
  const m = /^(\w{3}) (\d{2}) (\d{2}:\d{2}:\d{2}) (\S+) kubelet\[(\d+)\]: ([IWEF]) (.*)$/.exec(line);
  if (!m) return line;
  const [, mon, day, time, host, pid, sev, msg] = m;
  const mm = String(MONTHS.indexOf(mon) + 1).padStart(2, "0");
  const src = KLOG_SOURCES.find(([re]) => re.test(msg))?.[1] ?? "kubelet.go:2350";
  // Microseconds are not in the engine's journal; derive stable ones from the line's position.
  const micro = String((index * 104729 + 1597) % 1000000).padStart(6, "0");
  return `${mon} ${day} ${time} ${host} kubelet[${pid}]: ${sev}${mm}${day} ${time}.${micro} ${pid.padStart(7)} ${src}] ${msg}`;
}

type JournalSource = { kubeletJournal?: (host: string) => readonly (string | { message?: string; line?: string })[] | undefined };

function journalLines(cluster: Cluster, host: string, unit: string): string[] {
  if (unit !== "kubelet") return [];
  // Prefer the engine's public kubeletJournal(host) when it exists; older engines expose journal() on the kubelet.
  const viaCluster = (cluster as Cluster & JournalSource).kubeletJournal?.(host);
  const k = cluster.kubelet(host) as (ReturnType<Cluster["kubelet"]> & { journal?: () => string[] }) | undefined;
  const raw = viaCluster ? viaCluster.map((e) => (typeof e === "string" ? e : (e.line ?? e.message ?? ""))) : (k?.journal?.() ?? []);
  return raw.map(withKlogHeader);
}

const journalctl: CommandFn = (io) => {
  let unit: string | undefined;
  let n: number | undefined;
  for (let i = 0; i < io.args.length; i++) {
    const a = io.args[i];
    if (a === "-u" || a === "--unit") unit = unitName(io.args[++i] ?? "");
    else if (a.startsWith("--unit=")) unit = unitName(a.slice(7));
    else if (a.startsWith("-u") && a.length > 2) unit = unitName(a.slice(2));
    else if (a === "-n" || a === "--lines") n = Number(io.args[++i]);
    else if (/^-n\d+$/.test(a)) n = Number(a.slice(2));
    else if (a === "-f" || a === "--follow") {
      io.stderr("journalctl: -f is not supported in this simulated terminal; showing the current journal\n");
    }
  }
  if (unit === undefined) {
    io.stderr("journalctl: only `journalctl -u kubelet` is simulated on this node\n");
    return 1;
  }
  let lines = journalLines(io.cluster, io.host, unit);
  if (n !== undefined && Number.isFinite(n)) lines = lines.slice(-n);
  if (lines.length === 0) {
    io.stdout("-- No entries --\n");
    return 0;
  }
  io.stdout(lines.join("\n") + "\n");
  return 0;
};

// ---- ps ----------------------------------------------------------------------------------------

const ps: CommandFn = (io) => {
  const procs = [
    { user: "root", pid: 1, command: "/sbin/init" },
    { user: "root", pid: 342, command: "/lib/systemd/systemd-journald" },
    { user: "root", pid: 588, command: "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups" },
    ...io.cluster.processes(io.host),
    { user: "root", pid: 4711, command: "-bash" },
    ...(io.pipeline ?? ["ps " + io.args.join(" ")]).map((command, i) => ({ user: "root", pid: 4790 + i, command: command.startsWith("ps") ? "ps " + io.args.join(" ") : command })),
  ].sort((a, b) => a.pid - b.pid);
  const full = io.args.some((a) => /^-?[a-z]*[aux]/.test(a) || a === "-ef" || a === "-e");
  if (!full) {
    io.stdout("    PID TTY          TIME CMD\n   4711 pts/0    00:00:00 bash\n   4790 pts/0    00:00:00 ps\n");
    return 0;
  }
  if (io.args.includes("-ef")) {
    let out = "UID          PID    PPID  C STIME TTY          TIME CMD\n";
    for (const p of procs) out += `${p.user.padEnd(8)} ${String(p.pid).padStart(7)} ${String(p.pid === 1 ? 0 : 1).padStart(7)}  0 Nov22 ${p.pid >= 4711 ? "pts/0   " : "?       "} 00:00:01 ${p.command}\n`;
    io.stdout(out);
    return 0;
  }
  let out = "USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n";
  for (const p of procs) {
    const daemon = p.pid < 4711;
    const isCp = daemon && /kube-apiserver|etcd/.test(p.command);
    const vsz = daemon ? 100000 + ((p.pid * 7919) % 1500000) : p.command.startsWith("ps ") ? 7064 : 6480;
    const rss = daemon ? 8000 + ((p.pid * 104729) % (isCp ? 300000 : 90000)) : p.command.startsWith("ps ") ? 1588 : 2304;
    const tty = p.pid >= 4711 ? "pts/0" : "?";
    const stat = p.command.startsWith("ps ") ? "R+" : p.command === "-bash" ? "Ss" : p.pid > 4711 ? "S+" : "Ssl";
    const cpu = isCp ? "2.1" : daemon && p.command.includes("kubelet") ? "1.3" : "0.0";
    const mem = daemon ? ((rss / 4_000_000) * 100).toFixed(1) : "0.0";
    out += `${p.user.padEnd(8)} ${String(p.pid).padStart(7)} ${cpu.padStart(4)} ${mem.padStart(4)} ${String(vsz).padStart(6)} ${String(rss).padStart(5)} ${tty.padEnd(8)} ${stat.padEnd(4)} ${p.pid > 4000 ? "10:00" : "Nov22"} ${(p.pid > 4000 ? "0:00" : "0:42").padStart(6)} ${p.command}\n`;
  }
  io.stdout(out);
  return 0;
};

// ---- crictl ------------------------------------------------------------------------------------

/** go-units HumanDuration, as crictl prints CREATED ("2 hours ago"). */
function humanDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 1) return "Less than a second";
  if (s === 1) return "1 second";
  if (s < 60) return `${s} seconds`;
  const m = Math.floor(s / 60);
  if (m === 1) return "About a minute";
  if (m < 60) return `${m} minutes`;
  const h = Math.round(s / 3600);
  if (h === 1) return "About an hour";
  if (h < 48) return `${h} hours`;
  if (h < 24 * 7 * 2) return `${Math.floor(h / 24)} days`;
  if (h < 24 * 30 * 2) return `${Math.floor(h / 24 / 7)} weeks`;
  if (h < 24 * 365 * 2) return `${Math.floor(h / 24 / 30)} months`;
  return `${Math.floor(h / 24 / 365)} years`;
}

/** crictl's tabwriter: min width 20, padding 3. */
function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(17, ...rows.map((r) => (r[c] ?? "").length)) + 3);
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join("")).join("\n") + "\n";
}

interface PodLike extends KubeObject {
  spec?: { nodeName?: string; containers?: { name: string; image: string }[] };
  status?: { phase?: string; startTime?: string; containerStatuses?: { name: string; image?: string; imageID?: string; restartCount?: number; state?: Record<string, { startedAt?: string; finishedAt?: string } | undefined> }[] };
}

function podsOnNode(io: CommandIO): PodLike[] {
  const r = io.cluster.client("crictl").list("pods", undefined, { fieldSelector: `spec.nodeName=${io.host}` });
  if (!r.ok) return [];
  return (r.value.items as PodLike[]).filter((p) => p.spec?.nodeName === io.host);
}

const crictl: CommandFn = (io) => {
  const args = io.args.filter((a, i) => !(a.startsWith("--runtime-endpoint") || a.startsWith("-r") || (i > 0 && (io.args[i - 1] === "--runtime-endpoint" || io.args[i - 1] === "-r"))));
  const verb = args[0];
  const all = args.includes("-a") || args.includes("--all");
  const quiet = args.includes("-q") || args.includes("--quiet");
  const now = io.cluster.now();
  const since = (t?: string) => (t ? humanDuration(now - Date.parse(t)) + " ago" : "Less than a second ago");
  switch (verb) {
    case "ps": {
      const rows: string[][] = [["CONTAINER", "IMAGE", "CREATED", "STATE", "NAME", "ATTEMPT", "POD ID", "POD"]];
      for (const pod of podsOnNode(io)) {
        const podId = hexId(pod.metadata.uid ?? pod.metadata.name ?? "");
        for (const cs of pod.status?.containerStatuses ?? []) {
          const running = cs.state?.running;
          const terminated = cs.state?.terminated;
          const state = running ? "Running" : terminated ? "Exited" : "Created";
          if (!all && !running) continue;
          const id = hexId(`${podId}/${cs.name}/${cs.restartCount ?? 0}`);
          rows.push([id.slice(0, 13), hexId(cs.image ?? cs.name).slice(0, 13), since(running?.startedAt ?? terminated?.finishedAt ?? pod.status?.startTime), state, cs.name, String(cs.restartCount ?? 0), podId.slice(0, 13), pod.metadata.name ?? ""]);
        }
      }
      io.stdout(quiet ? rows.slice(1).map((r) => r[0] + "\n").join("") : table(rows));
      return 0;
    }
    case "pods": {
      const rows: string[][] = [["POD ID", "CREATED", "STATE", "NAME", "NAMESPACE", "ATTEMPT", "RUNTIME"]];
      for (const pod of podsOnNode(io)) {
        const ready = pod.status?.phase === "Running" || pod.status?.phase === "Pending";
        rows.push([hexId(pod.metadata.uid ?? pod.metadata.name ?? "").slice(0, 13), since(pod.metadata.creationTimestamp), ready ? "Ready" : "NotReady", pod.metadata.name ?? "", pod.metadata.namespace ?? "", "0", "(default)"]);
      }
      io.stdout(quiet ? rows.slice(1).map((r) => r[0] + "\n").join("") : table(rows));
      return 0;
    }
    case "images":
    case "img": {
      const images = new Set<string>();
      for (const pod of podsOnNode(io)) for (const c of pod.spec?.containers ?? []) images.add(c.image);
      images.add("registry.k8s.io/pause:3.10");
      const rows: string[][] = [["IMAGE", "TAG", "IMAGE ID", "SIZE"]];
      for (const img of [...images].sort()) {
        const at = img.lastIndexOf(":");
        const slash = img.lastIndexOf("/");
        const [repo, tag] = at > slash ? [img.slice(0, at), img.slice(at + 1)] : [img, "latest"];
        const full = repo.includes("/") && repo.split("/")[0].includes(".") ? repo : repo.includes("/") ? `docker.io/${repo}` : `docker.io/library/${repo}`;
        const size = 300 + (parseInt(hexId(img, 6), 16) % 70000);
        rows.push([full, tag, hexId(img).slice(0, 13), size > 10000 ? `${(size / 1000).toFixed(1)}MB` : `${size}kB`]);
      }
      io.stdout(table(rows));
      return 0;
    }
    case "logs": {
      const id = args.find((a, i) => i > 0 && !a.startsWith("-"));
      for (const pod of podsOnNode(io)) {
        const podId = hexId(pod.metadata.uid ?? pod.metadata.name ?? "");
        for (const cs of pod.status?.containerStatuses ?? []) {
          const cid = hexId(`${podId}/${cs.name}/${cs.restartCount ?? 0}`);
          if (id && cid.startsWith(id)) {
            const r = io.cluster.logs(pod.metadata.namespace ?? "default", pod.metadata.name ?? "", { container: cs.name });
            if (r.ok) io.stdout(r.text);
            return 0;
          }
        }
      }
      io.stderr(`E1125 00:00:00.000000    4790 log.go:32] "ContainerStatus from runtime service failed" err="rpc error: code = NotFound desc = an error occurred when try to find container \\"${id ?? ""}\\": not found" containerID="${id ?? ""}"\nFATA[0000] rpc error: code = NotFound desc = an error occurred when try to find container "${id ?? ""}": not found \n`);
      return 1;
    }
    case "version":
    case "--version":
      io.stdout(verb === "--version" ? "crictl version v1.32.0\n" : "Version:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  1.7.24\nRuntimeApiVersion:  v1\n");
      return 0;
    default:
      io.stderr(verb === undefined ? "crictl: a command is needed (ps, pods, images, logs)\n" : `crictl: '${verb}' is not simulated here (try ps, pods, images, logs)\n`);
      return 1;
  }
};

// ---- etcdctl -----------------------------------------------------------------------------------

interface EtcdView {
  keys(prefix: string): string[];
  get(key: string): unknown;
}

/** The etcd member as its static pod manifest configures it (name, advertised peer and client URLs). */
function etcdMember(io: CommandIO): { id: string; name: string; peerURLs: string; clientURLs: string } {
  const cp = io.cluster.hosts()[0];
  const text = io.cluster.fs(cp)?.readFile("/etc/kubernetes/manifests/etcd.yaml");
  const flag = (name: string) => (typeof text === "string" ? new RegExp(`--${name}=(\\S+)`).exec(text)?.[1] : undefined);
  const name = flag("name") ?? cp;
  const peerURLs = flag("initial-advertise-peer-urls") ?? "https://127.0.0.1:2380";
  return { id: hexId(`etcd/${name}/${peerURLs}`, 16), name, peerURLs, clientURLs: flag("advertise-client-urls") ?? "https://127.0.0.1:2379" };
}

const etcdctl: CommandFn = async (io) => {
  const flags = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < io.args.length; i++) {
    const a = io.args[i];
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (m) {
      const valued = ["cacert", "cert", "key", "endpoints", "write-out", "user", "password", "dial-timeout", "command-timeout"].includes(m[1]);
      flags.set(m[1], m[2] ?? (valued ? (io.args[++i] ?? "") : ""));
    } else if (a === "-w") flags.set("write-out", io.args[++i] ?? "");
    else rest.push(a);
  }
  const verb = rest[0];
  if (verb === "version" || flags.has("version")) {
    io.stdout(`etcdctl version: ${ETCD_VERSION}\nAPI version: 3.5\n`);
    return 0;
  }
  if (verb === undefined) {
    io.stderr("etcdctl: a command is needed (get, put, snapshot save, endpoint health, member list)\n");
    return 1;
  }
  const env = io.env;
  const cacert = flags.get("cacert") ?? env.ETCDCTL_CACERT;
  const cert = flags.get("cert") ?? env.ETCDCTL_CERT;
  const key = flags.get("key") ?? env.ETCDCTL_KEY;
  const endpoint = flags.get("endpoints") ?? env.ETCDCTL_ENDPOINTS ?? "127.0.0.1:2379";
  const localEtcd = io.host === io.cluster.hosts()[0] && /(^|\/\/)(127\.0\.0\.1|localhost):2379/.test(endpoint);
  // Every cert must be a readable file, and etcd listens only on the control plane; otherwise the client times out.
  for (const f of [cacert, cert, key]) {
    if (f === undefined) continue;
    const r = io.fs.readFile(resolvePath(io.cwd, f));
    if (typeof r !== "string") {
      io.stderr(`Error: open ${f}: ${errnoMessage(r.error).toLowerCase()}\n`);
      return 1;
    }
  }
  if (!cacert || !cert || !key || !localEtcd) {
    await io.sleep(5000);
    io.stderr(`{"level":"warn","ts":"${new Date(io.cluster.now()).toISOString()}","logger":"etcd-client","caller":"v3@v3.5.16/retry_interceptor.go:63","msg":"retrying of unary invoker failed","target":"etcd-endpoints://0xc0002d6000/${endpoint.replace(/^https?:\/\//, "")}","attempt":0,"error":"rpc error: code = DeadlineExceeded desc = latest balancer error: last connection error: connection error: desc = \\"error reading server preface: EOF\\""}\nError: context deadline exceeded\n`);
    return 1;
  }
  // Older engines had no etcd view; keep working (with a clear message) if it is missing.
  const view: EtcdView | undefined = typeof io.cluster.etcd === "function" ? io.cluster.etcd() : undefined;
  switch (verb) {
    case "get": {
      if (!view) break;
      const k = rest[1] ?? "";
      const keys = flags.has("prefix") ? view.keys(k) : view.get(k) !== undefined ? [k] : [];
      let out = "";
      for (const key of keys) {
        out += key + "\n";
        if (!flags.has("keys-only")) {
          const v = view.get(key);
          out += etcdValueText(typeof v === "string" ? v : JSON.stringify(v)) + "\n";
        } else out += "\n";
      }
      io.stdout(out);
      return 0;
    }
    case "endpoint":
      if (rest[1] === "health") {
        io.stdout(`${endpoint} is healthy: successfully committed proposal: took = 9.412017ms\n`);
        return 0;
      }
      if (rest[1] === "status") {
        io.stdout(`${endpoint}, ${etcdMember(io).id}, ${ETCD_VERSION}, 4.2 MB, true, false, 3, 20314, 20314, \n`);
        return 0;
      }
      break;
    case "member":
      if (rest[1] === "list") {
        const m = etcdMember(io);
        io.stdout(`${m.id}, started, ${m.name}, ${m.peerURLs}, ${m.clientURLs}, false\n`);
        return 0;
      }
      break;
    case "snapshot":
      if (rest[1] === "save" && rest[2]) {
        const data = view ? JSON.stringify({ etcdSnapshot: 1, keys: view.keys("/") }) : "{}";
        const e = io.fs.writeFile(resolvePath(io.cwd, rest[2]), data);
        if (e) {
          io.stderr(`Error: could not open ${rest[2]}.part (${errnoMessage(e.error).toLowerCase()})\n`);
          return 1;
        }
        const ts = new Date(io.cluster.now()).toISOString();
        io.stdout(
          `{"level":"info","ts":"${ts}","caller":"snapshot/v3_snapshot.go:65","msg":"created temporary db file","path":"${rest[2]}.part"}\n` +
            `{"level":"info","ts":"${ts}","caller":"snapshot/v3_snapshot.go:91","msg":"fetched snapshot","endpoint":"${endpoint}","size":"4.2 MB","took":"now"}\n` +
            `{"level":"info","ts":"${ts}","caller":"snapshot/v3_snapshot.go:100","msg":"saved","path":"${rest[2]}"}\nSnapshot saved at ${rest[2]}\n`,
        );
        return 0;
      }
      break;
  }
  io.stderr(view ? `etcdctl: '${rest.join(" ")}' is not simulated here (get, endpoint health, member list, snapshot save)\n` : "etcdctl: this cluster does not expose its etcd store\n");
  return 1;
};

// ---- kubeadm, kubelet, containerd --------------------------------------------------------------

const kubeadm: CommandFn = (io) => {
  const [verb, sub] = io.args.filter((a) => !a.startsWith("-"));
  if (verb === "version") {
    if (io.args.includes("short") || io.args.includes("-oshort") || io.args.includes("--output=short")) io.stdout(KUBE_VERSION + "\n");
    else io.stdout(`kubeadm version: &version.Info{Major:"1", Minor:"32", GitVersion:"${KUBE_VERSION}", GitCommit:"59526cd4867447956156ae3a602fcbac10a2c335", GitTreeState:"clean", BuildDate:"2025-04-22T16:02:27Z", GoVersion:"go1.23.8", Compiler:"gc", Platform:"linux/amd64"}\n`);
    return 0;
  }
  if (verb === "token" && sub === "create" && io.args.includes("--print-join-command")) {
    const t = hexId(`token${io.cluster.now()}`);
    io.stdout(`kubeadm join 192.168.1.10:6443 --token ${t.slice(0, 6)}.${t.slice(6, 22)} --discovery-token-ca-cert-hash sha256:${hexId("ca.crt")}\n`);
    return 0;
  }
  if (verb === "token" && sub === "list") {
    io.stdout("TOKEN                     TTL         EXPIRES                USAGES                   DESCRIPTION                                                EXTRA GROUPS\n");
    return 0;
  }
  io.stderr(`kubeadm ${io.args.join(" ")}: not supported in this simulated cluster (supported: version, token list, token create --print-join-command)\n`);
  return 1;
};

/** Tools on a kubeadm host reach the cluster network as the node: NodePorts, ClusterIPs, pod IPs (no cluster DNS). */
const nodeOrigin = (io: CommandIO): NetOrigin => ({ kind: "node", node: io.host });

export const nodeTools: Record<string, CommandFn> = {
  curl: makeCurl(nodeOrigin, NODE_CURL),
  wget: makeGnuWget(nodeOrigin),
  systemctl,
  service: (io) => systemctl({ ...io, args: [io.args[1] ?? "status", io.args[0] ?? ""] }),
  journalctl,
  ps,
  crictl,
  etcdctl,
  kubeadm,
  kubelet: (io) => {
    if (io.args.includes("--version")) {
      io.stdout(`Kubernetes ${KUBE_VERSION}\n`);
      return 0;
    }
    io.stderr("kubelet: the kubelet runs as a systemd service here; use `systemctl status kubelet`\n");
    return 1;
  },
  containerd: (io) => {
    if (io.args.includes("--version") || io.args.includes("-v")) {
      io.stdout("containerd containerd.io 1.7.24 88bf19b2105c8b17560993bee28a01ddc2f97182\n");
      return 0;
    }
    io.stderr("containerd: already running as a systemd service (systemctl status containerd)\n");
    return 1;
  },
};
