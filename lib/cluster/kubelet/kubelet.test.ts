import { describe, expect, it } from "vitest";
import { kubeletHarness } from "./testing/harness";

describe("kubelet pod lifecycle", () => {
  it("walks a new nginx pod from ContainerCreating to Running with the v1.32 events", () => {
    const h = kubeletHarness();
    h.start();
    h.createPod("nginx", { containers: [{ name: "nginx", image: "nginx" }] });
    h.advance(10_000);
    expect(h.timeline.join("\n")).toBe(
      [
        "t+0.0s nginx Pending",
        "t+0.0s nginx ContainerCreating",
        't+1.0s   Normal Pulling: Pulling image "nginx"',
        't+3.5s   Normal Pulled: Successfully pulled image "nginx" in 2.51s (2.51s including waiting). Image size: 72195292 bytes.',
        "t+3.8s   Normal Created: Created container nginx",
        "t+3.8s   Normal Started: Started container nginx",
        "t+3.8s nginx Running",
      ].join("\n"),
    );
    const pod = h.getPod("nginx")!;
    expect(pod.status.phase).toBe("Running");
    expect(pod.status.podIP).toMatch(/^10\.244\.1\.\d+$/);
    expect(pod.status.hostIP).toBe("192.168.121.3");
    expect(pod.status.conditions.map((c: any) => `${c.type}=${c.status}`)).toEqual([
      "PodReadyToStartContainers=True",
      "Initialized=True",
      "Ready=True",
      "ContainersReady=True",
    ]);
    const cs = pod.status.containerStatuses[0];
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs.image).toBe("docker.io/library/nginx:latest");
    expect(cs.ready).toBe(true);
    expect(cs.state.running.startedAt).toBe("2026-11-25T10:00:03Z");
  });
});

describe("image pull failures", () => {
  it("alternates ErrImagePull and ImagePullBackOff with back-offs of 10, 20, 40 s", () => {
    const h = kubeletHarness();
    h.start();
    h.createPod("bad", { containers: [{ name: "bad", image: "ngnx" }] });
    h.advance(80_000);
    const pulls = h.timeline.filter((l) => l.includes("Pulling:")).map((l) => l.split(" ")[0]);
    expect(pulls).toEqual(["t+1.0s", "t+11.9s", "t+32.8s", "t+73.7s"]);
    expect(h.timeline.slice(0, 8).join("\n")).toBe(
      [
        "t+0.0s bad Pending",
        "t+0.0s bad ContainerCreating",
        't+1.0s   Normal Pulling: Pulling image "ngnx"',
        't+1.9s   Warning Failed: Failed to pull image "ngnx": failed to pull and unpack image "docker.io/library/ngnx:latest": failed to resolve reference "docker.io/library/ngnx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
        "t+1.9s   Warning Failed: Error: ErrImagePull",
        "t+1.9s bad ErrImagePull",
        't+2.9s   Normal BackOff: Back-off pulling image "ngnx"',
        "t+2.9s   Warning Failed: Error: ImagePullBackOff",
      ].join("\n"),
    );
    expect(h.getPod("bad")!.status.phase).toBe("Pending");
  });

  it("recovers when the image is fixed with a pod update", () => {
    const h = kubeletHarness();
    h.start();
    h.createPod("bad", { containers: [{ name: "web", image: "nginx:1.99" }] });
    h.advance(5_000);
    const pod = h.getPod("bad")!;
    expect(pod.status.containerStatuses[0].state.waiting.reason).toBe("ImagePullBackOff");
    expect(h.timeline.join("\n")).toContain('failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found');
    pod.spec.containers[0].image = "nginx:1.27";
    expect(h.kubectl.update("pods", "default", "bad", pod).ok).toBe(true);
    h.loop.runUntilIdle();
    h.advance(5_000);
    expect(h.getPod("bad")!.status.phase).toBe("Running");
    expect(h.timeline.join("\n")).toContain('Pulling image "nginx:1.27"');
  });

  it("reports InvalidImageName for an unparsable image", () => {
    const h = kubeletHarness();
    h.start();
    h.createPod("upper", { containers: [{ name: "c", image: "NGINX" }] });
    h.advance(3_000);
    const cs = h.getPod("upper")!.status.containerStatuses[0];
    expect(cs.state.waiting.reason).toBe("InvalidImageName");
    expect(cs.state.waiting.message).toBe('Failed to apply default image tag "NGINX": couldn\'t parse image reference "NGINX": invalid reference format: repository name must be lowercase');
  });
});

describe("container exits and restarts", () => {
  it("busybox without a command goes Completed then CrashLoopBackOff with growing back-off", () => {
    const h = kubeletHarness();
    h.start();
    h.createPod("bb", { containers: [{ name: "bb", image: "busybox:1.37" }] });
    h.advance(60_000);
    const statuses = h.timeline.filter((l) => / bb [A-Z]/.test(l)).map((l) => l.replace(/^t\+[\d.]+s /, ""));
    expect(statuses.slice(0, 8)).toEqual(["bb Pending", "bb ContainerCreating", "bb Running", "bb Completed", "bb Running", "bb Completed", "bb CrashLoopBackOff", "bb Running"]);
    const pod = h.getPod("bb")!;
    const cs = pod.status.containerStatuses[0];
    expect(cs.restartCount).toBeGreaterThanOrEqual(3);
    expect(cs.lastState.terminated.reason).toBe("Completed");
    expect(pod.status.phase).toBe("Running");
    expect(h.timeline.join("\n")).toMatch(/Warning BackOff: Back-off restarting failed container bb in pod bb_default\(uid-\d+\)/);
    const backoffs = h.timeline.filter((l) => l.includes("BackOff:")).map((l) => Number(l.split(" ")[0].slice(2, -1)));
    // No back-off before the first restart, then 10 s and 20 s.
    expect(backoffs.length).toBe(3);
    const restartsAfter = h.timeline.filter((l) => l.includes("Created:")).map((l) => Number(l.split(" ")[0].slice(2, -1)));
    expect(Math.round(restartsAfter[2] - backoffs[0])).toBe(10);
    expect(Math.round(restartsAfter[3] - backoffs[1])).toBe(20);
  });

  it("sleep 5 runs 5 seconds, completes, and is restarted", () => {
    const h = kubeletHarness();
    h.start();
    h.createPod("sleeper", { containers: [{ name: "s", image: "busybox:1.37", command: ["sleep", "5"] }] });
    h.advance(4_000);
    expect(h.getPod("sleeper")!.status.containerStatuses[0].state.running).toBeDefined();
    h.advance(5_500);
    const cs = h.getPod("sleeper")!.status.containerStatuses[0];
    expect(cs.restartCount).toBe(1);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
  });

  it("restartPolicy Never with a failing command ends Failed with Error", () => {
    const h = kubeletHarness();
    h.start();
    h.createPod("fail", { restartPolicy: "Never", containers: [{ name: "f", image: "busybox:1.37", command: ["sh", "-c", "echo boom; exit 3"] }] });
    h.advance(10_000);
    const pod = h.getPod("fail")!;
    expect(pod.status.phase).toBe("Failed");
    expect(pod.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 3, reason: "Error" });
    expect(h.kubelet().logs("default", "fail", "f", false)).toBe("boom\n");
  });

  it("runs init containers first (Init:0/1, then Running)", () => {
    const h = kubeletHarness();
    h.start();
    h.createPod("withinit", {
      initContainers: [{ name: "setup", image: "busybox:1.37", command: ["sh", "-c", "sleep 3"] }],
      containers: [{ name: "web", image: "nginx:1.27" }],
    });
    h.advance(20_000);
    const statuses = h.timeline.filter((l) => / withinit [A-Z]/.test(l)).map((l) => l.replace(/^t\+[\d.]+s /, ""));
    expect(statuses).toEqual(["withinit Pending", "withinit Init:0/1", "withinit PodInitializing", "withinit Running"]);
  });
});

describe("termination", () => {
  it("stops nginx within a second and deletes the pod with grace 0", () => {
    const h = kubeletHarness();
    h.start();
    h.createPod("web", { containers: [{ name: "nginx", image: "nginx" }] });
    h.advance(10_000);
    h.kubectl.delete("pods", "default", "web");
    h.loop.runUntilIdle();
    expect(h.timeline.slice(-2)).toEqual(["t+10.0s web Terminating", "t+10.0s   Normal Killing: Stopping container nginx"]);
    h.advance(2_000);
    expect(h.getPod("web")).toBeUndefined();
    expect(h.timeline.join("\n")).toContain("Normal Killing: Stopping container nginx");
    const del = h.api.writes.filter((w) => w.verb === "delete" && w.name === "web");
    expect(del.map((w) => w.actor)).toEqual(["kubectl", "kubelet/node01"]);
  });

  it("a sleep container ignores SIGTERM and takes the whole grace period", () => {
    const h = kubeletHarness();
    h.start();
    h.createPod("sl", { terminationGracePeriodSeconds: 30, containers: [{ name: "s", image: "busybox:1.37", command: ["sleep", "3600"] }] });
    h.advance(5_000);
    h.kubectl.delete("pods", "default", "sl");
    h.advance(29_000);
    expect(h.getPod("sl")).toBeDefined();
    h.advance(3_000);
    expect(h.getPod("sl")).toBeUndefined();
  });
});

describe("container configuration", () => {
  it("a missing Secret gives CreateContainerConfigError until it exists", () => {
    const h = kubeletHarness();
    h.start();
    h.createPod("db", { containers: [{ name: "db", image: "mysql:8.0", env: [{ name: "MYSQL_ROOT_PASSWORD", valueFrom: { secretKeyRef: { name: "db-secret", key: "password" } } }] }] });
    h.advance(9_000);
    const cs = h.getPod("db")!.status.containerStatuses[0];
    expect(cs.state.waiting).toEqual({ reason: "CreateContainerConfigError", message: 'secret "db-secret" not found' });
    expect(h.timeline.join("\n")).toContain('Warning Failed: Error: secret "db-secret" not found');
    h.kubectl.create("secrets", "default", { apiVersion: "v1", kind: "Secret", metadata: { name: "db-secret" }, data: { pass: "c2VjcmV0" } });
    h.advance(12_000);
    expect(h.getPod("db")!.status.containerStatuses[0].state.waiting.message).toBe("couldn't find key password in Secret default/db-secret");
    h.kubectl.delete("secrets", "default", "db-secret");
    h.kubectl.create("secrets", "default", { apiVersion: "v1", kind: "Secret", metadata: { name: "db-secret" }, data: { password: "c2VjcmV0" } });
    h.advance(12_000);
    expect(h.getPod("db")!.status.phase).toBe("Running");
  });

  it("mysql without a password exits 1; logs --previous shows why", () => {
    const h = kubeletHarness();
    h.start();
    h.createPod("mysql", { containers: [{ name: "mysql", image: "mysql:8.0" }] });
    h.advance(30_000);
    const cs = h.getPod("mysql")!.status.containerStatuses[0];
    expect(cs.restartCount).toBeGreaterThanOrEqual(1);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
    expect(h.kubelet().logs("default", "mysql", "mysql", true)).toContain("[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified");
  });

  it("substitutes $(VAR) and fieldRefs into the command", () => {
    const h = kubeletHarness();
    h.start();
    h.createPod("echo", {
      restartPolicy: "Never",
      containers: [{ name: "e", image: "busybox:1.37", command: ["sh", "-c", "echo $(GREETING) from $NODE"], env: [{ name: "GREETING", value: "hello" }, { name: "NODE", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } }] }],
    });
    h.advance(5_000);
    expect(h.getPod("echo")!.status.phase).toBe("Succeeded");
    expect(h.kubelet().logs("default", "echo", "e", false)).toBe("hello from node01\n");
  });
});
