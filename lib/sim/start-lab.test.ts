import { describe, expect, it } from "vitest";
import { loadLabs } from "../content/load-labs.server";
import { startLab } from "./start-lab";

const template = () => loadLabs().find((l) => l.lab.id === "pods-practice")!.template;

describe("startLab resume", () => {
  it("continues a saved attempt: same cluster, commands, answers and hints, without running setup again", async () => {
    const first = await startLab(template());
    await first.sim.session.run("kubectl run redis --image=redis123", () => {});
    first.answer("containers", "2");
    first.nextHint();
    const saved = JSON.parse(
      JSON.stringify({
        snapshot: first.sim.cluster.snapshot(),
        commands: first.sim.commands,
        answers: first.answers,
        revealedHints: first.revealedHints,
        startedAt: first.startedAt,
      }),
    );

    // The worker posts it: it must survive structured cloning (no functions inside).
    expect(() => structuredClone(first.sim.cluster.snapshot())).not.toThrow();
    const resumed = await startLab(template(), { resume: saved });
    expect(resumed.sim.cluster.now()).toBe(first.sim.cluster.now());
    expect(resumed.startedAt).toBe(first.startedAt);
    expect(resumed.revealedHints).toEqual(first.revealedHints);
    expect(resumed.grade()).toEqual(first.grade());
    expect(resumed.grade().items.find((i) => i.id === "create-redis")?.status).toBe("passed");
    expect(resumed.sim.commands).toEqual(["kubectl run redis --image=redis123"]);
    let out = "";
    await resumed.sim.session.run("history", (t) => (out += t));
    expect(out).toContain("1  kubectl run redis --image=redis123");
  });
});

describe("the lab command", () => {
  const run = async (lab: Awaited<ReturnType<typeof startLab>>, line: string) => {
    let out = "";
    const code = await lab.sim.session.run(line, (t) => (out += t));
    return { code, out };
  };

  it("lab answer judges now, lab status explains and exits 1 until everything passes", async () => {
    const lab = await startLab(template());
    expect(await run(lab, "lab answer containers 3")).toEqual({ code: 1, out: '✗ "3" is not the right answer; look again at the cluster\n' });
    expect((await run(lab, "lab answer containers 2")).out).toMatch(/^✓ correct\. /);
    const status = await run(lab, "lab status");
    expect(status.code).toBe(1);
    expect(status.out).toContain("✓ containers: How many containers are part of the pod `webapp`?");
    expect(status.out).toContain('    Pod redis exists: there is no Pod named "redis" in namespace default');
  });

  it("lab reset asks the host to start over, and says so when the host cannot", async () => {
    let asked = 0;
    const withHost = await startLab(template(), { onReset: () => asked++ });
    expect(await run(withHost, "lab reset")).toEqual({ code: 0, out: "Resetting the lab to its start state...\n" });
    expect(asked).toBe(1);
    const without = await startLab(template());
    expect(await run(without, "lab reset")).toEqual({ code: 1, out: "lab: this terminal cannot reset the lab; start it again\n" });
  });
});
