/**
 * How the control-plane binaries react to their command line, for the "fix the broken control plane"
 * exercises: a mistyped flag or a missing file makes the process exit at once (CrashLoopBackOff), with
 * the error the real binary logs. Flags this table does not know are accepted (only near-misses of known
 * flags count as typos), so a valid but unusual flag never breaks a cluster.
 */

export interface ProcessFailure {
  /** ms after start when the process exits with code 1. */
  exitAfterMs: number;
  lines: string[];
}

const KNOWN: Record<string, string[]> = {
  "kube-apiserver": [
    "advertise-address", "allow-privileged", "authorization-mode", "client-ca-file", "enable-admission-plugins", "disable-admission-plugins",
    "enable-bootstrap-token-auth", "etcd-cafile", "etcd-certfile", "etcd-keyfile", "etcd-servers", "kubelet-client-certificate", "kubelet-client-key",
    "kubelet-preferred-address-types", "proxy-client-cert-file", "proxy-client-key-file", "requestheader-allowed-names", "requestheader-client-ca-file",
    "requestheader-extra-headers-prefix", "requestheader-group-headers", "requestheader-username-headers", "secure-port", "service-account-issuer",
    "service-account-key-file", "service-account-signing-key-file", "service-cluster-ip-range", "tls-cert-file", "tls-private-key-file",
    "encryption-provider-config", "audit-log-path", "audit-policy-file", "audit-log-maxage", "audit-log-maxbackup", "audit-log-maxsize", "feature-gates", "v",
  ],
  "kube-controller-manager": [
    "allocate-node-cidrs", "authentication-kubeconfig", "authorization-kubeconfig", "bind-address", "client-ca-file", "cluster-cidr", "cluster-name",
    "cluster-signing-cert-file", "cluster-signing-key-file", "controllers", "kubeconfig", "leader-elect", "requestheader-client-ca-file", "root-ca-file",
    "service-account-private-key-file", "service-cluster-ip-range", "use-service-account-credentials", "node-monitor-grace-period", "node-monitor-period", "feature-gates", "v",
  ],
  "kube-scheduler": ["authentication-kubeconfig", "authorization-kubeconfig", "bind-address", "kubeconfig", "leader-elect", "config", "feature-gates", "v"],
  etcd: [
    "advertise-client-urls", "cert-file", "client-cert-auth", "data-dir", "experimental-initial-corrupt-check", "experimental-watch-progress-notify-interval",
    "initial-advertise-peer-urls", "initial-cluster", "key-file", "listen-client-urls", "listen-metrics-urls", "listen-peer-urls", "name", "peer-cert-file",
    "peer-client-cert-auth", "peer-key-file", "peer-trusted-ca-file", "snapshot-count", "trusted-ca-file",
  ],
};

/** Flags whose value is a file the process opens at start. */
const FILE_FLAG = /(-file|kubeconfig|cafile|certfile|keyfile|certificate|-key|^config)$/;

function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

function klogTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}000`;
}

/** Check a control-plane command line; undefined when the process starts normally. */
export function controlPlaneFailure(argv: string[], fileExists: ((path: string) => boolean) | undefined, startedAt: number): ProcessFailure | undefined {
  const binary = argv[0].split("/").pop()!;
  const known = KNOWN[binary];
  if (!known) return undefined;
  const t = klogTime(startedAt + 30);
  for (const arg of argv.slice(1)) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!m) continue;
    const [, name, value] = m;
    if (!known.includes(name) && known.some((k) => distance(k, name) <= 2)) {
      if (binary === "etcd") return { exitAfterMs: 100, lines: [`{"level":"warn","ts":"${new Date(startedAt).toISOString()}","caller":"etcdmain/etcd.go:75","msg":"failed to verify flags","error":"unknown flag: --${name}"}`] };
      return { exitAfterMs: 100, lines: [`Error: unknown flag: --${name}`] };
    }
    if (fileExists && value && value.startsWith("/") && FILE_FLAG.test(name) && !fileExists(value)) {
      return { exitAfterMs: 400, lines: [`E${t}       1 run.go:72] "command failed" err="open ${value}: no such file or directory"`] };
    }
  }
  if (binary === "kube-apiserver") {
    const etcd = argv.find((a) => a.startsWith("--etcd-servers="))?.slice("--etcd-servers=".length);
    if (etcd !== undefined && !etcd.split(",").some((u) => /^https:\/\/[\d.]+:2379$/.test(u))) {
      // Nothing answers there: the storage factory gives up and the process exits.
      return {
        exitAfterMs: 20_000,
        lines: [
          `I${t}       1 options.go:228] external host was not specified, using ${argv.find((a) => a.startsWith("--advertise-address="))?.split("=")[1] ?? "127.0.0.1"}`,
          `W${klogTime(startedAt + 1000)}       1 logging.go:55] [core] [Channel #1 SubChannel #2]grpc: addrConn.createTransport failed to connect to {Addr: "${etcd.replace(/^https?:\/\//, "")}", ServerName: "${etcd.replace(/^https?:\/\//, "").split(":")[0]}:${etcd.split(":").pop()}", }. Err: connection error: desc = "transport: Error while dialing: dial tcp ${etcd.replace(/^https?:\/\//, "")}: connect: connection refused"`,
          `F${klogTime(startedAt + 20_000)}       1 instance.go:226] Error creating leases: error creating storage factory: context deadline exceeded`,
        ],
      };
    }
  }
  return undefined;
}
