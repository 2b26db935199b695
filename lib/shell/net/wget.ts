import type { CommandFn, CommandIO } from "../command-types";
import { getopt } from "../commands/util";
import { isFsError } from "../../cluster/index";
import { resolvePath } from "../paths";
import { httpGet, parseUrl, type HttpOutcome } from "./http-client";
import type { NetOrigin } from "./network";

function stamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

/** GNU Wget 1.21 (Ubuntu 22.04 nodes): log to stderr, exit 4 for network failures, 8 for server errors. */
export function makeGnuWget(originOf: (io: CommandIO) => NetOrigin): CommandFn {
  return (io) => {
    const p = getopt(io, "wget", io.args, { flags: "qSv", values: "OTt", long: { quiet: "q", "output-document=": "O", "timeout=": "T", "tries=": "t", spider: "spider", "server-response": "S" } });
    if (typeof p === "number") return p;
    const raw = p.operands[0];
    if (!raw) {
      io.stderr("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
      return 1;
    }
    const quiet = p.opts.has("q");
    const log = (t: string) => {
      if (!quiet) io.stderr(t);
    };
    const url = parseUrl(raw);
    const full = url ? `${url.scheme}://${url.host}${url.port !== (url.scheme === "https" ? 443 : 80) ? ":" + url.port : ""}${url.path}` : raw;
    log(`--${stamp(io.cluster.now())}--  ${full}\n`);
    if (!url) return 1;
    const isIp = /^\d+\.\d+\.\d+\.\d+$/.test(url.host);
    const r: HttpOutcome = httpGet(io.cluster, originOf(io), url, false);
    if (r.kind === "unresolved") {
      log(`Resolving ${url.host} (${url.host})... failed: Temporary failure in name resolution.\n`);
      io.stderr(`wget: unable to resolve host address ‘${url.host}’\n`);
      return 4;
    }
    if (!isIp) log(`Resolving ${url.host} (${url.host})... ${r.ip}\n`);
    const target = isIp ? `${url.host}:${url.port}` : `${url.host} (${url.host})|${r.ip}|:${url.port}`;
    if (r.kind === "refused" || r.kind === "timeout") {
      log(`Connecting to ${target}... failed: ${r.kind === "refused" ? "Connection refused" : "Connection timed out"}.\n`);
      return 4;
    }
    log(`Connecting to ${target}... connected.\n`);
    if (r.kind === "untrusted-cert") {
      log(`ERROR: cannot verify ${url.host}'s certificate, issued by ‘CN=kubernetes’:\n  Unable to locally verify the issuer's authority.\nTo connect to ${url.host} insecurely, use \`--no-check-certificate'.\n`);
      return 5;
    }
    if (r.kind === "tls-mismatch") {
      log(`OpenSSL: error:0A00010B:SSL routines::wrong version number\nUnable to establish SSL connection.\n`);
      return 4;
    }
    if (r.kind === "empty") {
      log(`HTTP request sent, awaiting response... No data received.\nGiving up.\n\n`);
      return 4;
    }
    const res = r.response;
    log(`HTTP request sent, awaiting response... ${res.status} ${res.reason}\n`);
    if (res.status >= 400) {
      log(`${stamp(io.cluster.now())} ERROR ${res.status}: ${res.reason}.\n\n`);
      return 8;
    }
    const type = res.headers.find(([k]) => k === "Content-Type")?.[1] ?? "text/html";
    log(`Length: ${res.body.length} [${type.split(";")[0]}]\n`);
    if (p.opts.has("spider")) {
      log("Remote file exists and could contain further links,\nbut recursion is disabled -- not retrieving.\n\n");
      return 0;
    }
    let out = p.opts.get("O");
    if (out === "-") {
      log(`Saving to: ‘STDOUT’\n\n`);
      io.stdout(res.body);
      log(`-                   100%[===================>]   ${String(res.body.length).padStart(5)}  --.-KB/s    in 0s      \n\n${stamp(io.cluster.now())} (52.1 MB/s) - written to stdout [${res.body.length}/${res.body.length}]\n\n`);
      return 0;
    }
    if (out === undefined) {
      // Like wget: never overwrite; index.html, then index.html.1, ...
      const base = url.path.split("?")[0].split("/").pop() || "index.html";
      out = base;
      for (let n = 1; !isFsError(io.fs.stat(resolvePath(io.cwd, out))); n++) out = `${base}.${n}`;
    }
    if (io.fs.writeFile(resolvePath(io.cwd, out), res.body)) {
      io.stderr(`${out}: Permission denied\n`);
      return 3;
    }
    log(`Saving to: ‘${out}’\n\n${out.padEnd(20).slice(0, 20)}100%[===================>]   ${String(res.body.length).padStart(5)}  --.-KB/s    in 0s      \n\n${stamp(io.cluster.now())} (52.1 MB/s) - ‘${out}’ saved [${res.body.length}/${res.body.length}]\n\n`);
    return 0;
  };
}

/** BusyBox wget (busybox and alpine images): terse, exit 1 for every failure. */
export function makeBusyboxWget(originOf: (io: CommandIO) => NetOrigin): CommandFn {
  return (io) => {
    const p = getopt(io, "wget", io.args, { flags: "qS", values: "OT", long: { quiet: "q", "output-document=": "O", "timeout=": "T", spider: "spider" } });
    if (typeof p === "number") return p;
    const raw = p.operands[0];
    if (!raw) {
      io.stderr("BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n");
      return 1;
    }
    const url = parseUrl(raw);
    if (!url) {
      io.stderr(`wget: bad address '${raw}'\n`);
      return 1;
    }
    const r = httpGet(io.cluster, originOf(io), url, false);
    const quiet = p.opts.has("q");
    if (r.kind === "unresolved") {
      io.stderr(`wget: bad address '${url.host}'\n`);
      return 1;
    }
    if (!quiet) io.stderr(`Connecting to ${url.host}${url.port !== 80 ? ":" + url.port : ""} (${r.ip}:${url.port})\n`);
    if (r.kind === "refused" || r.kind === "timeout") {
      io.stderr(`wget: can't connect to remote host (${r.ip}): ${r.kind === "refused" ? "Connection refused" : "Connection timed out"}\n`);
      return 1;
    }
    if (r.kind !== "response") {
      io.stderr(r.kind === "empty" ? "wget: error getting response: Connection reset by peer\n" : "wget: error getting response\n");
      return 1;
    }
    const res = r.response;
    if (res.status >= 400) {
      io.stderr(`wget: server returned error: ${res.version} ${res.status} ${res.reason}\n`);
      return 1;
    }
    if (p.opts.has("spider")) return 0;
    const out = p.opts.get("O") ?? (url.path.split("?")[0].split("/").pop() || "index.html");
    if (out === "-") {
      io.stdout(res.body);
      return 0;
    }
    io.fs.writeFile(resolvePath(io.cwd, out), res.body);
    if (!quiet) io.stderr(`saving to '${out}'\n${out.padEnd(20)} 100% |********************************|   ${res.body.length}  0:00:00 ETA\n'${out}' saved\n`);
    return 0;
  };
}
