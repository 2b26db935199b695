import { describe, expect, it } from "vitest";
import { NOW, ago, m, s } from "../testing/fixtures";
import { summarizePod } from "./pod-table";

type Obj = Record<string, any>;
const base = (status: Obj, spec: Obj = {}, metadata: Obj = {}): Obj => ({
  metadata: { name: "p", creationTimestamp: ago(m(1)), ...metadata },
  spec: { containers: [{ name: "a", image: "x" }], ...spec },
  status,
});
const status = (p: Obj) => summarizePod(p, NOW);

describe("printPod STATUS / READY / RESTARTS", () => {
  it("phase, or status.reason when set", () => {
    expect(status(base({ phase: "Pending" })).reason).toBe("Pending");
    expect(status(base({ phase: "Failed", reason: "Evicted" })).reason).toBe("Evicted");
  });

  it("SchedulingGated from the PodScheduled condition", () => {
    expect(status(base({ phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated" }] })).reason).toBe("SchedulingGated");
  });

  it("container waiting and terminated reasons; Signal / ExitCode without reason", () => {
    const cs = (state: Obj) => base({ phase: "Running", containerStatuses: [{ name: "a", ready: false, restartCount: 0, state }] });
    expect(status(cs({ waiting: { reason: "ErrImagePull" } })).reason).toBe("ErrImagePull");
    expect(status(cs({ waiting: { reason: "CreateContainerConfigError" } })).reason).toBe("CreateContainerConfigError");
    expect(status(cs({ terminated: { reason: "OOMKilled", exitCode: 137 } })).reason).toBe("OOMKilled");
    expect(status(cs({ terminated: { exitCode: 3 } })).reason).toBe("ExitCode:3");
    expect(status(cs({ terminated: { exitCode: 137, signal: 9 } })).reason).toBe("Signal:9");
    expect(status(cs({ running: { startedAt: ago(s(5)) } }))).toEqual({ ready: 0, total: 1, reason: "Running", restarts: "0" });
  });

  it("the first container with a reason wins; ready ones are counted", () => {
    const p = base(
      {
        phase: "Running",
        containerStatuses: [
          { name: "a", ready: false, restartCount: 1, state: { waiting: { reason: "CrashLoopBackOff" } } },
          { name: "b", ready: true, restartCount: 2, state: { running: {} } },
          { name: "c", ready: false, restartCount: 0, state: { terminated: { reason: "Error", exitCode: 1 } } },
        ],
      },
      { containers: [{ name: "a" }, { name: "b" }, { name: "c" }] },
    );
    expect(status(p)).toEqual({ ready: 1, total: 3, reason: "CrashLoopBackOff", restarts: "3" });
  });

  it("Completed with a container still running becomes Running (Ready) or NotReady", () => {
    const statuses = [
      { name: "a", ready: false, restartCount: 0, state: { terminated: { reason: "Completed", exitCode: 0 } } },
      { name: "b", ready: true, restartCount: 0, state: { running: {} } },
    ];
    const spec = { containers: [{ name: "a" }, { name: "b" }] };
    expect(status(base({ phase: "Running", containerStatuses: statuses }, spec)).reason).toBe("NotReady");
    expect(status(base({ phase: "Running", containerStatuses: statuses, conditions: [{ type: "Ready", status: "True" }] }, spec)).reason).toBe("Running");
  });

  it("init containers: Init:i/N, Init:<reason>, Init:ExitCode, PodInitializing after init", () => {
    const spec = { initContainers: [{ name: "i1" }, { name: "i2" }] };
    const init = (states: Obj[]) => base({ phase: "Pending", initContainerStatuses: states.map((st, i) => ({ name: `i${i + 1}`, ready: false, restartCount: 0, state: st })) }, spec);
    expect(status(init([{ running: {} }, { waiting: { reason: "PodInitializing" } }])).reason).toBe("Init:0/2");
    expect(status(init([{ terminated: { exitCode: 0, reason: "Completed" } }, { running: {} }])).reason).toBe("Init:1/2");
    expect(status(init([{ waiting: { reason: "CrashLoopBackOff" } }, {}])).reason).toBe("Init:CrashLoopBackOff");
    expect(status(init([{ terminated: { exitCode: 1, reason: "Error" } }, {}])).reason).toBe("Init:Error");
    expect(status(init([{ terminated: { exitCode: 2 } }, {}])).reason).toBe("Init:ExitCode:2");
    const done = init([{ terminated: { exitCode: 0 } }, { terminated: { exitCode: 0 } }]);
    done.status.containerStatuses = [{ name: "a", ready: false, restartCount: 0, state: { waiting: { reason: "PodInitializing" } } }];
    expect(status(done).reason).toBe("PodInitializing");
  });

  it("restartable init containers (sidecars) count in READY and RESTARTS", () => {
    const p = base(
      {
        phase: "Running",
        initContainerStatuses: [{ name: "side", ready: true, started: true, restartCount: 1, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: ago(m(3)) } } }],
        containerStatuses: [{ name: "a", ready: true, restartCount: 0, state: { running: {} } }],
      },
      { initContainers: [{ name: "side", restartPolicy: "Always" }] },
    );
    expect(status(p)).toEqual({ ready: 2, total: 2, reason: "Running", restarts: "1 (3m ago)" });
  });

  it("Terminating while deleting (not for finished pods); Unknown for NodeLost", () => {
    const running = { phase: "Running", containerStatuses: [{ name: "a", ready: true, restartCount: 0, state: { running: {} } }] };
    expect(status(base(running, {}, { deletionTimestamp: ago(0) })).reason).toBe("Terminating");
    expect(status(base({ ...running, reason: "NodeLost" }, {}, { deletionTimestamp: ago(0) })).reason).toBe("Unknown");
    const done = { phase: "Succeeded", containerStatuses: [{ name: "a", ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: "Completed" } } }] };
    expect(status(base(done, {}, { deletionTimestamp: ago(0) })).reason).toBe("Completed");
  });

  it("RESTARTS shows the last termination age only when there were restarts", () => {
    const p = base({ phase: "Running", containerStatuses: [{ name: "a", ready: true, restartCount: 0, state: { running: {} }, lastState: { terminated: { exitCode: 0, finishedAt: ago(m(1)) } } }] });
    expect(status(p).restarts).toBe("0");
    p.status.containerStatuses[0].restartCount = 5;
    expect(status(p).restarts).toBe("5 (60s ago)");
  });
});
