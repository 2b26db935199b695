/**
 * Default log output of the catalogue's images (what `kubectl logs` shows for a container started with the
 * image's own command). Timestamps follow each program's own format.
 */
export interface LogContext {
  /** Virtual epoch ms when the container started. */
  startedAt: number;
  /** Virtual epoch ms when it was stopped (for shutdown lines). */
  stoppedAt?: number;
  podIP: string;
  podName: string;
  /** CPUs of the node (nginx starts one worker per CPU). */
  cpus: number;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function pad(n: number, w = 2): string {
  return String(n).padStart(w, "0");
}

/** nginx error-log time: 2026/11/25 10:00:03 */
function nginxTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** redis time: 25 Nov 2026 10:00:03.123 */
function redisTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

/** Apache time: Wed Nov 25 10:00:03.123456 2026 */
function apacheTime(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}000 ${d.getUTCFullYear()}`;
}

export function nginxLogs(version: string, alpine: boolean) {
  return {
    start(ctx: LogContext): string[] {
      const t = nginxTime(ctx.startedAt + 40);
      const lines = [
        "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
        "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
        "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
        "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
        "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
        "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
        "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
        "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
        "/docker-entrypoint.sh: Configuration complete; ready for start up",
        `${t} [notice] 1#1: using the "epoll" event method`,
        `${t} [notice] 1#1: nginx/${version}`,
        alpine ? `${t} [notice] 1#1: built by gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) ` : `${t} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) `,
        `${t} [notice] 1#1: OS: Linux 5.15.0-1071-gcp`,
        `${t} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
        `${t} [notice] 1#1: start worker processes`,
      ];
      for (let i = 0; i < Math.max(1, ctx.cpus); i++) lines.push(`${t} [notice] 1#1: start worker process ${29 + i}`);
      return lines;
    },
    stop(ctx: LogContext): string[] {
      const t = nginxTime(ctx.stoppedAt ?? ctx.startedAt);
      const lines = [`${t} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down`];
      for (let i = 0; i < Math.max(1, ctx.cpus); i++) {
        const pid = 29 + i;
        lines.push(`${t} [notice] ${pid}#${pid}: gracefully shutting down`, `${t} [notice] ${pid}#${pid}: exiting`, `${t} [notice] ${pid}#${pid}: exit`);
      }
      for (let i = 0; i < Math.max(1, ctx.cpus); i++) {
        const pid = 29 + i;
        lines.push(`${t} [notice] 1#1: signal 17 (SIGCHLD) received from ${pid}`, `${t} [notice] 1#1: worker process ${pid} exited with code 0`);
      }
      lines.push(`${t} [notice] 1#1: exit`);
      return lines;
    },
  };
}

export function redisLogs(version: string) {
  return {
    start(ctx: LogContext): string[] {
      const c = redisTime(ctx.startedAt + 12);
      const m = redisTime(ctx.startedAt + 14);
      return [
        `1:C ${c} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.`,
        `1:C ${c} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
        `1:C ${c} * Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`,
        `1:C ${c} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`,
        `1:M ${m} * monotonic clock: POSIX clock_gettime`,
        `1:M ${m} * Running mode=standalone, port=6379.`,
        `1:M ${m} * Server initialized`,
        `1:M ${m} * Ready to accept connections tcp`,
      ];
    },
    stop(ctx: LogContext): string[] {
      const t = redisTime(ctx.stoppedAt ?? ctx.startedAt);
      return [
        `1:signal-handler (${Math.floor((ctx.stoppedAt ?? ctx.startedAt) / 1000)}) Received SIGTERM scheduling shutdown...`,
        `1:M ${t} * User requested shutdown...`,
        `1:M ${t} * Saving the final RDB snapshot before exiting.`,
        `1:M ${t} * DB saved on disk`,
        `1:M ${t} # Redis is now ready to exit, bye bye...`,
      ];
    },
  };
}

export function httpdLogs(version: string) {
  return {
    start(ctx: LogContext): string[] {
      const t = apacheTime(ctx.startedAt + 30);
      const fqdn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ctx.podIP}. Set the 'ServerName' directive globally to suppress this message`;
      return [
        fqdn,
        fqdn,
        `[${t}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${version} (Unix) configured -- resuming normal operations`,
        `[${t}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`,
      ];
    },
    stop(ctx: LogContext): string[] {
      const t = apacheTime(ctx.stoppedAt ?? ctx.startedAt);
      return [`[${t}] [mpm_event:notice] [pid 1:tid 1] AH00492: caught SIGWINCH, shutting down gracefully`];
    },
  };
}

export function webappColorLogs() {
  return {
    start(ctx: LogContext): string[] {
      return [
        " This is a sample web application that displays a colored background. ",
        " A color can be specified in two ways. ",
        "",
        " 1. As a command line argument with --color as the argument. Accepts one of red,green,blue,blue2,pink,darkblue ",
        " 2. As an Environment variable APP_COLOR. Accepts one of red,green,blue,blue2,pink,darkblue ",
        " 3. If none of the above then a random color is picked from the above list. ",
        " Note: Command line argument precedes over environment variable.",
        "",
        "",
        "No command line argument or environment variable. Picking a Random Color =blue",
        " * Serving Flask app 'app' (lazy loading)",
        " * Environment: production",
        "   WARNING: This is a development server. Do not use it in a production deployment.",
        "   Use a production WSGI server instead.",
        " * Debug mode: off",
        " * Running on all addresses (0.0.0.0)",
        " * Running on http://127.0.0.1:8080",
        ` * Running on http://${ctx.podIP}:8080`,
        "Press CTRL+C to quit",
      ];
    },
  };
}
