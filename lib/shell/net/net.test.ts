import { describe, it, expect } from "vitest";
import type { KubeObject } from "../../cluster/index";
import { runInContainer } from "../container-shell";
import { fakeCluster } from "../testing/fake-cluster";
import { harness } from "../testing/harness";
import { NGINX_WELCOME } from "./web-servers";

function node(name: string, ip: string): KubeObject {
  return { apiVersion: "v1", kind: "Node", metadata: { name }, status: { addresses: [{ type: "InternalIP", address: ip }, { type: "Hostname", address: name }] } } as KubeObject;
}

function pod(name: string, image: string, ip: string, extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default", uid: "uid-" + name }, spec: { nodeName: "node01", containers: [{ name: "c", image, ...extra }] }, status: { phase: "Running", podIP: ip } } as KubeObject;
}

function svc(name: string, ip: string, port: number, targetPort: number, nodePort?: number): KubeObject {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace: "default" }, spec: { type: nodePort ? "NodePort" : "ClusterIP", clusterIP: ip, ports: [{ port, targetPort, protocol: "TCP", ...(nodePort ? { nodePort } : {}) }] } } as KubeObject;
}

function eps(name: string, pods: [string, string][], port: number): KubeObject {
  return { apiVersion: "v1", kind: "Endpoints", metadata: { name, namespace: "default" }, subsets: [{ addresses: pods.map(([n, ip]) => ({ ip, targetRef: { kind: "Pod", name: n, namespace: "default" } })), ports: [{ port }] }] } as KubeObject;
}

const cluster = () =>
  fakeCluster({
    objects: {
      nodes: [node("controlplane", "192.168.121.2"), node("node01", "192.168.121.3")],
      pods: [
        pod("web", "nginx:1.27", "10.244.1.5"),
        pod("webapp", "kodekloud/webapp-color", "10.244.1.6", { env: [{ name: "APP_COLOR", value: "green" }] }),
        pod("redis", "redis:alpine", "10.244.1.7"),
        pod("bb", "busybox", "10.244.1.8"),
      ],
      services: [svc("web", "10.96.10.10", 80, 80, 30080), svc("webapp", "10.96.10.11", 8080, 8080, 30081), svc("redis", "10.96.10.12", 6379, 6379), svc("empty", "10.96.10.13", 80, 80, 30083), svc("wrongport", "10.96.10.14", 80, 8080)],
      endpoints: [eps("web", [["web", "10.244.1.5"]], 80), eps("webapp", [["webapp", "10.244.1.6"]], 8080), eps("redis", [["redis", "10.244.1.7"]], 6379), eps("wrongport", [["web", "10.244.1.5"]], 8080)],
    },
  });

describe("curl on a node", () => {
  it("reaches NodePorts on any node IP and localhost, ClusterIPs and pod IPs, as kube-proxy forwards", async () => {
    const h = harness({ cluster: cluster() });
    for (const url of ["http://192.168.121.3:30080", "192.168.121.2:30080", "localhost:30080", "http://node01:30080", "10.96.10.10", "10.244.1.5:80"]) {
      expect(await h.run(`curl -s ${url}`)).toMatchObject({ out: NGINX_WELCOME, err: "", code: 0 });
    }
  });

  it("fails with curl 7.81's texts and exit codes", async () => {
    const h = harness({ cluster: cluster() });
    // Nodes use the host resolver: cluster DNS names do not resolve there.
    expect(await h.run("curl http://web")).toEqual({ out: "", err: "curl: (6) Could not resolve host: web\n", all: "curl: (6) Could not resolve host: web\n", code: 6 });
    expect(await h.run("curl localhost:30083")).toMatchObject({ err: "curl: (7) Failed to connect to localhost port 30083 after 0 ms: Connection refused\n", code: 7 });
    expect(await h.run("curl 10.96.10.14")).toMatchObject({ err: "curl: (7) Failed to connect to 10.96.10.14 port 80 after 0 ms: Connection refused\n", code: 7 });
    expect(await h.run("curl 192.168.121.3:31999")).toMatchObject({ code: 7 });
    expect(await h.run("curl 10.96.10.12:6379")).toMatchObject({ out: "", err: "curl: (52) Empty reply from server\n", code: 52 });
    const t = await h.run("curl 10.96.10.10:8080");
    expect(t).toMatchObject({ err: "curl: (28) Failed to connect to 10.96.10.10 port 8080 after 130000 ms: Connection timed out\n", code: 28 });
  });

  it("shows headers with -I and the progress meter when piped", async () => {
    const h = harness({ cluster: cluster() });
    const r = await h.run("curl -I localhost:30080");
    expect(r.out.split("\r\n").slice(0, 2)).toEqual(["HTTP/1.1 200 OK", "Server: nginx/1.27.3"]);
    const piped = await h.run("curl localhost:30080 | head -1");
    expect(piped.out).toBe("<!DOCTYPE html>\n");
    expect(piped.err).toContain("100   615  100   615    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k\n");
    expect((await h.run("curl -s -o /dev/null -w '%{http_code}\\n' localhost:30080/missing")).out).toBe("404\n");
  });

  it("webapp-color serves its color on 8080; the API server answers anonymous https", async () => {
    const h = harness({ cluster: cluster() });
    const r = await h.run("curl -s http://node01:30081");
    expect(r.out).toContain('<body style="background: #16a085;"></body>');
    expect(r.out).toContain("<h1>Hello from webapp!</h1>");
    expect((await h.run("curl -sk https://localhost:6443/livez")).out).toBe("ok");
    expect((await h.run("curl -s https://localhost:6443/version")).code).toBe(60);
  });

  it("wget is GNU wget on nodes", async () => {
    const h = harness({ cluster: cluster() });
    expect((await h.run("wget -qO- localhost:30080")).out).toBe(NGINX_WELCOME);
    const r = await h.run("cd /tmp && wget http://10.96.10.10 && cat index.html | wc -c");
    expect(r.err).toContain("Connecting to 10.96.10.10:80... connected.\nHTTP request sent, awaiting response... 200 OK\nLength: 615 [text/html]\nSaving to: ‘index.html’\n");
    expect(r.out).toBe("615\n");
    expect(await h.run("wget -q http://web")).toMatchObject({ err: "wget: unable to resolve host address ‘web’\n", code: 4 });
  });
});

describe("curl inside a container", () => {
  it("reaches node IP + NodePort, its own localhost, and webapp-color by service name", async () => {
    const c = cluster();
    let out = "";
    const run = async (pod: string, command: string[]) => {
      out = "";
      const p = c.objects.pods.find((x) => x.metadata.name === pod)!;
      return (await runInContainer({ cluster: c, namespace: "default", pod: p, command, stdout: (t) => (out += t), stderr: () => {} })).exitCode;
    };
    expect(await run("web", ["curl", "-s", "192.168.121.3:30080"])).toBe(0);
    expect(out).toBe(NGINX_WELCOME);
    expect(await run("web", ["curl", "-s", "localhost"])).toBe(0);
    expect(out).toBe(NGINX_WELCOME);
    expect(await run("bb", ["wget", "-qO-", "webapp:8080"])).toBe(0);
    expect(out).toContain("background: #16a085;");
    expect(await run("web", ["curl", "-s", "node01:30080"])).toBe(6);
  });
});
