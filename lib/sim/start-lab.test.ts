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
