import { describe, expect, it } from "vitest";
import { containerProgram } from "./container-program";
import { goDuration } from "./go-duration";
import { IMAGE_CATALOGUE, lookupImage } from "./image-catalogue";
import { parseImageReference } from "./image-reference";
import { expandVars } from "./expand-vars";

const ctx = { startedAt: Date.UTC(2026, 10, 25, 10, 0, 3), podIP: "10.244.1.5", podName: "web", cpus: 2 };

describe("image references", () => {
  it("normalizes like containerd", () => {
    const r = (s: string) => {
      const p = parseImageReference(s);
      return p.ok ? p.ref.full : p.message;
    };
    expect(r("nginx")).toBe("docker.io/library/nginx:latest");
    expect(r("nginx:1.14.2")).toBe("docker.io/library/nginx:1.14.2");
    expect(r("kodekloud/webapp-color")).toBe("docker.io/kodekloud/webapp-color:latest");
    expect(r("registry.k8s.io/pause:3.10")).toBe("registry.k8s.io/pause:3.10");
    expect(r("Nginx")).toBe('Failed to apply default image tag "Nginx": couldn\'t parse image reference "Nginx": invalid reference format: repository name must be lowercase');
    expect(r("nginx:")).toBe('Failed to apply default image tag "nginx:": couldn\'t parse image reference "nginx:": invalid reference format');
  });

  it("finds catalogue images and answers unknown ones like the registry", () => {
    const found = lookupImage("nginx:alpine");
    expect(found.kind).toBe("found");
    if (found.kind === "found") expect(found.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    const tag = lookupImage("redis:9.9");
    expect(tag.kind === "not-found" && tag.message).toBe(
      'failed to pull and unpack image "docker.io/library/redis:9.9": failed to resolve reference "docker.io/library/redis:9.9": docker.io/library/redis:9.9: not found',
    );
    for (const img of ["nginx:1.14.2", "nginx:1.16", "nginx:1.18", "nginx:1.21", "nginx:1.25", "nginx:1.27", "nginx:latest", "redis", "redis:alpine", "busybox", "alpine", "httpd", "httpd:alpine", "mysql", "postgres", "memcached", "ubuntu", "registry.k8s.io/etcd:3.5.16-0", "registry.k8s.io/coredns/coredns:v1.11.3", "registry.k8s.io/pause:3.10"]) {
      expect(lookupImage(img).kind, img).toBe("found");
    }
    const digests = IMAGE_CATALOGUE.map((e) => e.digest);
    expect(new Set(digests).size).toBe(digests.length);
  });

  it("formats pull durations like Go's time.Duration truncated to ms", () => {
    expect(goDuration(2510)).toBe("2.51s");
    expect(goDuration(450)).toBe("450ms");
    expect(goDuration(62500)).toBe("1m2.5s");
    expect(goDuration(300000)).toBe("5m0s");
    expect(goDuration(10000)).toBe("10s");
  });
});

describe("container programs", () => {
  const busybox = IMAGE_CATALOGUE.find((e) => e.repository.endsWith("/busybox"))!;
  const nginx = IMAGE_CATALOGUE.find((e) => e.repository.endsWith("/nginx"))!;

  it("servers run until stopped and print their startup log", () => {
    const p = containerProgram(nginx, {});
    expect(p.exitAfterMs).toBeUndefined();
    expect(p.stopMs).toBeLessThan(1000);
    const logs = p.logs(ctx, 1000);
    expect(logs[0]).toBe("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration");
    expect(logs).toContain("2026/11/25 10:00:03 [notice] 1#1: nginx/1.27.3");
    expect(logs.at(-1)).toBe("2026/11/25 10:00:03 [notice] 1#1: start worker process 30");
  });

  it("busybox with no command exits at once with 0", () => {
    const p = containerProgram(busybox, {});
    expect(p.exitAfterMs).toBeLessThan(1000);
    expect(p.exitCode).toBe(0);
  });

  it("interprets sh -c scripts: echo, sleep, exit, loops", () => {
    const p = containerProgram(busybox, { command: ["sh", "-c", "echo hello $NAME; sleep 5; exit 2"], env: [{ name: "NAME", value: "world" }] });
    expect(p.exitAfterMs).toBe(5000);
    expect(p.exitCode).toBe(2);
    expect(p.stopMs).toBeUndefined();
    expect(p.logs(ctx, 0)).toEqual(["hello world"]);
    const loop = containerProgram(busybox, { command: ["sh", "-c", "while true; do echo tick; sleep 10; done"] });
    expect(loop.exitAfterMs).toBeUndefined();
    expect(loop.logs(ctx, 25_000)).toEqual(["tick", "tick", "tick"]);
    const date = containerProgram(busybox, { args: ["/bin/sh", "-c", "date; sleep 3600"] });
    expect(date.logs(ctx, 10)).toEqual(["Wed Nov 25 10:00:03 UTC 2026"]);
    expect(date.exitAfterMs).toBe(3_600_000);
  });

  it("tail -f / tail -F / tail -n+1 -f keep running", () => {
    for (const args of [["-f", "/dev/null"], ["-F", "/var/log/app.log"], ["-n+1", "-f", "/var/log/app.log"], ["--follow=name", "x"]]) {
      expect(containerProgram(busybox, { command: ["tail", ...args] }).exitAfterMs).toBeUndefined();
      expect(containerProgram(busybox, { command: ["sh", "-c", `touch /tmp/x; tail ${args.join(" ")}`] }).exitAfterMs).toBeUndefined();
    }
    expect(containerProgram(busybox, { command: ["tail", "-n", "5", "/etc/hosts"] }).exitAfterMs).toBe(40);
  });

  it("output redirected to a file in sh -c does not reach the container log", () => {
    const p = containerProgram(busybox, { command: ["sh", "-c", "while true; do date >> /var/log/app.log; echo tick; sleep 5; done"] });
    expect(p.exitAfterMs).toBeUndefined();
    expect(p.logs(ctx, 12_000)).toEqual(["tick", "tick", "tick"]);
    const q = containerProgram(busybox, { command: ["sh", "-c", "echo one > /tmp/f; echo two>>/tmp/f; echo three >/dev/stdout; nope 2>/dev/null; nope2 >/tmp/out 2>&1; echo four 1>&2; sleep 60"] });
    expect(q.logs(ctx, 10)).toEqual(["three", "four"]);
  });

  it("args without a command go to the image's server when its ENTRYPOINT is the binary", () => {
    const coredns = IMAGE_CATALOGUE.find((e) => e.repository.endsWith("/coredns"))!;
    const p = containerProgram(coredns, { args: ["-conf", "/etc/coredns/Corefile"] });
    expect(p.startError).toBeUndefined();
    expect(p.exitAfterMs).toBeUndefined();
    expect(p.commandLine).toBe("/coredns -conf /etc/coredns/Corefile");
    const redis = IMAGE_CATALOGUE.find((e) => e.repository.endsWith("/redis"))!;
    expect(containerProgram(redis, { args: ["--port", "7000"] }).commandLine).toBe("redis-server --port 7000");
    expect(containerProgram(busybox, { args: ["sleep", "10"] }).exitAfterMs).toBe(10_000);
  });

  it("an unknown executable cannot start (StartError)", () => {
    const p = containerProgram(busybox, { command: ["nginxx"] });
    expect(p.startError).toBe(
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nginxx": executable file not found in $PATH: unknown',
    );
  });

  it("expands $(VAR) references as the kubelet does", () => {
    expect(expandVars("--hostname-override=$(NODE_NAME)", { NODE_NAME: "node01" })).toBe("--hostname-override=node01");
    expect(expandVars("$(MISSING) $$(NODE_NAME)", { NODE_NAME: "x" })).toBe("$(MISSING) $(NODE_NAME)");
  });
});
