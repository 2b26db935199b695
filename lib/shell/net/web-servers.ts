/**
 * What answers on a container port, by image: the simulated cluster runs no real servers, so each image that
 * listens is described here once (port, protocol, replies) and curl/wget on nodes and in containers share it.
 */

export const NGINX_VERSION = "1.27.3";
export const HTTPD_VERSION = "2.4.62";

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

const HTTPD_404 = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n`;

/** kodekloud/webapp-color's palette (app.py color_codes). */
export const WEBAPP_COLORS: Record<string, string> = {
  red: "#e74c3c",
  green: "#16a085",
  blue: "#2980b9",
  blue2: "#30336b",
  pink: "#be2edd",
  darkblue: "#130f40",
  yellow: "#fff380",
};

export interface HttpResponse {
  version: "HTTP/1.1" | "HTTP/1.0";
  status: number;
  reason: string;
  /** Header lines after the status line, in the order the server sends them (Date is added by the caller). */
  headers: [string, string][];
  body: string;
}

/** A server's answer: an HTTP response, or a closed connection with no bytes (redis hangs up on HTTP). */
export type ServerReply = { kind: "http"; response: HttpResponse } | { kind: "empty" };

export interface RequestContext {
  path: string;
  /** The pod's name (its hostname) and the container's environment and args. */
  podName: string;
  env: Record<string, string>;
  args: string[];
  /** RFC 7231 date of "now", for the Date header. */
  date: string;
}

export interface Listener {
  /** What `ss`/the docs would call the program, for messages. */
  program: string;
  port: number;
  reply(req: RequestContext): ServerReply;
}

function page(version: HttpResponse["version"], status: number, reason: string, server: string, type: string, body: string, date: string): ServerReply {
  return { kind: "http", response: { version, status, reason, headers: [["Server", server], ["Date", date], ["Content-Type", type], ["Content-Length", String(body.length)], ["Connection", "keep-alive"]], body } };
}

function nginx(req: RequestContext): ServerReply {
  const p = req.path.split("?")[0];
  if (p === "/" || p === "/index.html") {
    const r = page("HTTP/1.1", 200, "OK", `nginx/${NGINX_VERSION}`, "text/html", NGINX_WELCOME, req.date);
    if (r.kind === "http") r.response.headers.push(["Last-Modified", "Tue, 26 Nov 2024 15:55:00 GMT"], ["ETag", '"6745ef54-267"'], ["Accept-Ranges", "bytes"]);
    return r;
  }
  return page("HTTP/1.1", 404, "Not Found", `nginx/${NGINX_VERSION}`, "text/html", NGINX_404, req.date);
}

function httpd(req: RequestContext): ServerReply {
  const p = req.path.split("?")[0];
  if (p === "/" || p === "/index.html") return page("HTTP/1.1", 200, "OK", `Apache/${HTTPD_VERSION} (Unix)`, "text/html", HTTPD_IT_WORKS, req.date);
  return page("HTTP/1.1", 404, "Not Found", `Apache/${HTTPD_VERSION} (Unix)`, "text/html; charset=iso-8859-1", HTTPD_404, req.date);
}

/** The color webapp-color serves: --color argument, else $APP_COLOR, else the pick its log reports (blue). */
export function webappColor(env: Record<string, string>, args: string[]): string {
  const i = args.findIndex((a) => a === "--color" || a.startsWith("--color="));
  if (i >= 0) return args[i].includes("=") ? args[i].slice(8) : (args[i + 1] ?? "");
  return env.APP_COLOR ?? "blue";
}

function webapp(req: RequestContext): ServerReply {
  if (req.path.split("?")[0] !== "/") {
    const body = `<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n`;
    return page("HTTP/1.0", 404, "NOT FOUND", "Werkzeug/2.0.2 Python/3.9.9", "text/html; charset=utf-8", body, req.date);
  }
  const color = WEBAPP_COLORS[webappColor(req.env, req.args)] ?? WEBAPP_COLORS.blue;
  // Flask renders templates/hello.html: Jinja keeps the blank lines of its {% if %} tags and drops the final newline.
  const body = `<!doctype html>\n<title>Hello from Flask</title>\n<body style="background: ${color};"></body>\n<div style="color: #e4e4e4;\n    text-align:  center;\n    height: 90px;\n    vertical-align:  middle;">\n\n  <h1>Hello from ${req.podName}!</h1>\n\n\n  \n\n</div>`;
  return page("HTTP/1.0", 200, "OK", "Werkzeug/2.0.2 Python/3.9.9", "text/html; charset=utf-8", body, req.date);
}

interface ImageServer {
  /** Repository without registry, library/ prefix or tag ("nginx", "kodekloud/webapp-color"). */
  repo: string;
  listeners: Listener[];
}

const SERVERS: ImageServer[] = [
  { repo: "nginx", listeners: [{ program: "nginx", port: 80, reply: nginx }] },
  { repo: "httpd", listeners: [{ program: "httpd", port: 80, reply: httpd }] },
  { repo: "kodekloud/webapp-color", listeners: [{ program: "python", port: 8080, reply: webapp }] },
  // Redis treats "GET / HTTP/1.1" + "Host:" as a cross-protocol attack and closes the connection at once.
  { repo: "redis", listeners: [{ program: "redis-server", port: 6379, reply: () => ({ kind: "empty" }) }] },
];

/** "docker.io/library/nginx:1.27" -> "nginx"; "kodekloud/webapp-color:v1" -> "kodekloud/webapp-color". */
export function imageRepo(image: string): string {
  const noDigest = image.replace(/@.*$/, "");
  const slash = noDigest.lastIndexOf("/");
  const colon = noDigest.lastIndexOf(":");
  const repo = colon > slash ? noDigest.slice(0, colon) : noDigest;
  return repo.replace(/^(docker\.io\/|index\.docker\.io\/|registry-1\.docker\.io\/)/, "").replace(/^library\//, "");
}

/** The server an image runs on `port`, if it listens there. */
export function listenerFor(image: string, port: number): Listener | undefined {
  const repo = imageRepo(image);
  const entry = SERVERS.find((s) => s.repo === repo || repo.endsWith("/" + s.repo));
  return entry?.listeners.find((l) => l.port === port);
}

