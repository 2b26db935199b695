import { describe, it, expect } from "vitest";
import type { KubeObject } from "../cluster/index";
import { HTTPD_IT_WORKS, NGINX_WELCOME, runInContainer } from "./container-shell";
import { fakeCluster } from "./testing/fake-cluster";

function pod(name: string, image: string, ip: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", uid: "uid-" + name },
    spec: { nodeName: "node01", containers: [{ name: "c", image, ports: [{ containerPort: 80 }], ...extra }] },
    status: { phase: "Running", podIP: ip },
  };
}

function svc(name: string, ip: string, port: number, targetPort = 80): KubeObject {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace: "default" }, spec: { clusterIP: ip, ports: [{ port, targetPort, protocol: "TCP" }] } };
}

function eps(name: string, podName: string, ip: string): KubeObject {
  return { apiVersion: "v1", kind: "Endpoints", metadata: { name, namespace: "default" }, subsets: [{ addresses: [{ ip, targetRef: { kind: "Pod", name: podName, namespace: "default" } }], ports: [{ port: 80 }] }] };
}

const cluster = () =>
  fakeCluster({
    objects: {
      pods: [pod("web", "nginx:1.27", "10.244.1.5", { env: [{ name: "MODE", value: "prod" }] }), pod("apache", "httpd", "10.244.1.6"), pod("bb", "busybox:1.36", "10.244.1.7")],
      services: [svc("kubernetes", "10.96.0.1", 443, 6443), svc("web", "10.96.10.10", 80), svc("apache", "10.96.10.11", 8080), svc("empty", "10.96.10.12", 80)],
      endpoints: [eps("web", "web", "10.244.1.5"), eps("apache", "apache", "10.244.1.6")],
    },
  });

async function exec(podName: string, command: string[], c = cluster()) {
  let out = "";
  let err = "";
  const p = c.objects.pods.find((x) => x.metadata.name === podName)!;
  const r = await runInContainer({ cluster: c, namespace: "default", pod: p, command, stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { out, err, code: r.exitCode };
}

describe("runInContainer", () => {
  it("curl reaches a Service by name, name.ns, FQDN and ClusterIP", async () => {
    for (const host of ["web", "web.default", "web.default.svc.cluster.local", "10.96.10.10"]) {
      expect(await exec("web", ["curl", "-s", `http://${host}`])).toEqual({ out: NGINX_WELCOME, err: "", code: 0 });
    }
    expect((await exec("web", ["curl", "-s", "apache:8080"])).out).toBe(HTTPD_IT_WORKS);
    expect((await exec("web", ["curl", "10.244.1.6"])).out).toBe(HTTPD_IT_WORKS);
  });

  it("curl fails like curl for unknown names and services without endpoints", async () => {
    expect(await exec("web", ["curl", "http://nope"])).toEqual({ out: "", err: "curl: (6) Could not resolve host: nope\n", code: 6 });
    expect(await exec("web", ["curl", "empty"])).toEqual({ out: "", err: "curl: (7) Failed to connect to empty port 80 after 0 ms: Couldn't connect to server\n", code: 7 });
    // No iptables rule matches a port the Service does not define: the SYNs go unanswered.
    expect(await exec("web", ["curl", "-m", "5", "web:8080"])).toEqual({ out: "", err: "curl: (28) Connection timed out after 5001 milliseconds\n", code: 28 });
  });

  it("busybox has wget and nslookup but no curl", async () => {
    expect((await exec("bb", ["wget", "-qO-", "http://web"])).out).toBe(NGINX_WELCOME);
    expect(await exec("bb", ["wget", "-qO-", "http://nope"])).toMatchObject({ err: "wget: bad address 'nope'\n", code: 1 });
    expect((await exec("bb", ["nslookup", "web"])).out).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.10.10\n\n");
    const r = await exec("bb", ["curl", "web"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('exec: "curl": executable file not found in $PATH: unknown');
    expect(await exec("bb", ["sh", "-c", "curl web"])).toMatchObject({ err: "sh: curl: not found\n", code: 127 });
  });

  it("sh -c sees the pod env, service variables and container files", async () => {
    const r = await exec("web", ["sh", "-c", "echo $MODE $WEB_SERVICE_HOST $KUBERNETES_SERVICE_PORT; cat /etc/hostname; hostname; grep nameserver /etc/resolv.conf"]);
    expect(r.out).toBe("prod 10.96.10.10 443\nweb\nweb\nnameserver 10.96.0.10\n");
    expect((await exec("web", ["cat", "/usr/share/nginx/html/index.html"])).out).toBe(NGINX_WELCOME);
    expect((await exec("web", ["env"])).out).toContain("\nMODE=prod\n");
  });

  it("keeps container writes between execs", async () => {
    const c = cluster();
    await exec("web", ["sh", "-c", "echo hi > /tmp/x"], c);
    expect((await exec("web", ["cat", "/tmp/x"], c)).out).toBe("hi\n");
  });
});

describe("containerRunner (kubectl exec)", () => {
  it("runs a command, reports a non-zero status like kubectl, and -it sh takes over the terminal", async () => {
    const c = cluster();
    const { harness } = await import("./testing/harness");
    const { containerRunner } = await import("./container-shell");
    const h = harness({
      cluster: c,
      commands: {
        kexec: (io) => {
          const it = io.args[0] === "-it";
          const argv = it ? io.args.slice(2) : io.args.slice(1);
          return containerRunner(io, { namespace: "default", pod: it ? io.args[1] : io.args[0], container: "c" }, argv, { stdin: it, tty: it });
        },
      },
    });
    expect(await h.run("kexec web sh -c 'exit 3'")).toMatchObject({ err: "command terminated with exit code 3\n", code: 3 });
    expect((await h.run("kexec web cat /etc/hostname")).out).toBe("web\n");
    await h.run("kexec -it bb sh");
    expect(h.shell.prompt()).toBe("/ # ");
    expect((await h.run("hostname")).out).toBe("bb\n");
    await h.run("exit");
    expect(h.shell.prompt()).toBe("controlplane:~$ ");
  });
});
