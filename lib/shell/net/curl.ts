import type { CommandFn } from "../command-types";
import { getopt } from "../commands/util";
import { resolvePath } from "../paths";
import { NODE_CURL_VERSION } from "../versions";
import { headerText, httpGet, parseUrl } from "./http-client";
import type { NetOrigin } from "./network";
import type { CommandIO } from "../command-types";

/** Which curl: Ubuntu 22.04's 7.81 on nodes says "Connection refused"; 7.88+ in images says "Couldn't connect to server". */
export interface CurlFlavor {
  version: string;
  refusedText: string;
}

export const NODE_CURL: CurlFlavor = { version: NODE_CURL_VERSION, refusedText: "Connection refused" };
export const IMAGE_CURL: CurlFlavor = { version: "7.88.1", refusedText: "Couldn't connect to server" };

/** Linux gives up on unanswered SYNs after about 130 s (tcp_syn_retries=6). */
const SYN_TIMEOUT_MS = 130_000;

/** curl's max5data: a byte count in at most 5 characters. */
function max5(n: number): string {
  if (n < 100000) return String(n);
  if (n < 10000 * 1024) return `${Math.floor(n / 1024)}k`;
  return `${(n / 1048576).toFixed(1)}M`;
}

/** curl's progress meter for one finished transfer (stderr, when stdout is not a terminal or is a file). */
function progressMeter(bytes: number): string {
  const size = max5(bytes).padStart(5);
  // The transfer takes about a millisecond on the simulated network.
  const speed = max5(bytes * 1000).padStart(5);
  return (
    "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n" +
    "                                 Dload  Upload   Total   Spent    Left  Speed\n" +
    `100 ${size}  100 ${size}    0     0  ${speed}      0 --:--:-- --:--:-- --:--:-- ${speed}\n`
  );
}

function writeOut(format: string, vars: Record<string, string>): string {
  return format.replace(/%\{([a-z_]+)\}/g, (m, k: string) => vars[k] ?? "").replace(/\\n/g, "\n").replace(/\\t/g, "\t");
}

/** curl as a learner uses it against cluster services: GET, -s/-S, -i/-I, -v, -o/-O, -f, -k, -m, -w. */
export function makeCurl(originOf: (io: CommandIO) => NetOrigin, flavor: CurlFlavor): CommandFn {
  return async (io) => {
    const p = getopt(
      io,
      "curl",
      io.args,
      {
        flags: "sSiIvLkfO",
        values: "omXHdw",
        long: { silent: "s", "show-error": "S", include: "i", head: "I", verbose: "v", location: "L", insecure: "k", fail: "f", "remote-name": "O", "output=": "o", "max-time=": "m", "connect-timeout=": "connect-timeout", "request=": "X", "header=": "H", "data=": "d", "write-out=": "w" },
      },
      2,
    );
    if (typeof p === "number") return p;
    const raw = p.operands[0];
    if (!raw) {
      io.stderr("curl: try 'curl --help' or 'curl --manual' for more information\n");
      return 2;
    }
    const silent = p.opts.has("s");
    const showErr = !silent || p.opts.has("S");
    const fail = (code: number, msg: string) => {
      if (showErr) io.stderr(`curl: (${code}) ${msg}\n`);
      return code;
    };
    const url = parseUrl(raw);
    if (!url) return fail(3, "URL using bad/illegal format or missing URL");
    if (url.scheme !== "http" && url.scheme !== "https") return fail(1, `Protocol "${url.scheme}" not supported or disabled in libcurl`);
    const verbose = p.opts.has("v");
    const r = httpGet(io.cluster, originOf(io), url, p.opts.has("k"));
    if (r.kind === "unresolved") return fail(6, `Could not resolve host: ${url.host}`);
    if (verbose) io.stderr(`*   Trying ${r.ip}:${url.port}...\n`);
    if (r.kind === "refused") return fail(7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: ${flavor.refusedText}`);
    if (r.kind === "timeout") {
      const limit = [p.opts.get("m"), p.opts.get("connect-timeout")].map((v) => (v === undefined ? NaN : Number(v) * 1000)).filter((v) => v > 0);
      const ms = limit.length ? Math.min(...limit) : SYN_TIMEOUT_MS;
      await io.sleep(ms);
      if (io.signal.aborted) return 130;
      return fail(28, limit.length ? `Connection timed out after ${ms + 1} milliseconds` : `Failed to connect to ${url.host} port ${url.port} after ${ms} ms: Connection timed out`);
    }
    if (verbose) io.stderr(`* Connected to ${url.host} (${r.ip}) port ${url.port} (#0)\n`);
    if (r.kind === "untrusted-cert") {
      if (showErr)
        io.stderr(
          "curl: (60) SSL certificate problem: unable to get local issuer certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.\n",
        );
      return 60;
    }
    if (r.kind === "tls-mismatch") return fail(35, "error:0A00010B:SSL routines::wrong version number");
    if (verbose) {
      const method = p.opts.get("X") ?? (p.opts.has("I") ? "HEAD" : "GET");
      io.stderr(`> ${method} ${url.path} HTTP/1.1\n> Host: ${url.host}${url.port !== (url.scheme === "https" ? 443 : 80) ? ":" + url.port : ""}\n> User-Agent: curl/${flavor.version}\n> Accept: */*\n> \n`);
    }
    if (r.kind === "empty") {
      if (verbose) io.stderr("* Empty reply from server\n* Closing connection 0\n");
      return fail(52, "Empty reply from server");
    }
    const res = r.response;
    const headers = headerText(res);
    if (verbose) io.stderr(headers.split("\r\n").slice(0, -1).map((l) => `< ${l}\n`).join(""));
    if (p.opts.has("f") && res.status >= 400) return fail(22, `The requested URL returned error: ${res.status}`);
    let out = "";
    if (p.opts.has("I")) out = headers;
    else {
      if (p.opts.has("i")) out += headers;
      out += res.body;
    }
    if (verbose) io.stderr(`* Connection #0 to host ${url.host} left intact\n`);
    const w = p.opts.get("w");
    const tail = w === undefined ? "" : writeOut(w, { http_code: String(res.status), response_code: String(res.status), remote_ip: r.ip, remote_port: String(url.port), size_download: String(res.body.length), url_effective: raw, content_type: res.headers.find(([k]) => k === "Content-Type")?.[1] ?? "" });
    let o = p.opts.get("o");
    if (p.opts.has("O") && o === undefined) o = url.path.split("?")[0].split("/").pop() || "";
    if (o === "") return fail(23, "Failed writing received data to disk/application");
    if (o !== undefined && o !== "-") {
      if (!silent) io.stderr(progressMeter(out.length));
      if (io.fs.writeFile(resolvePath(io.cwd, o), out)) return fail(23, "Failure writing output to destination");
      io.stdout(tail);
      return 0;
    }
    if (!silent && !io.tty) io.stderr(progressMeter(out.length));
    io.stdout(out + tail);
    return 0;
  };
}
