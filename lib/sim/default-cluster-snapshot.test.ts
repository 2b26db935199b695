import { describe, expect, it } from "vitest";
import { createSim, type Sim } from "./create-sim";
import { defaultClusterSnapshot } from "./default-cluster-snapshot";

/** Runs command lines and returns what the learner would see, moving cluster time on after each. */
async function transcript(sim: Sim, lines: string[], advanceMs: number): Promise<string[]> {
  const seen: string[] = [];
  for (const line of lines) {
    let out = "";
    const code = await sim.session.run(line, (t) => (out += t));
    seen.push(`$ ${line}\n${out}[exit ${code}]`);
    sim.cluster.advance(advanceMs);
  }
  return seen;
}

const restoredLive = () => createSim({ snapshot: JSON.parse(JSON.stringify(createSim().cluster.snapshot())) });

// A lesson's worker restores the build's snapshot instead of booting: the learner must not be able to tell.
describe("default cluster snapshot", () => {
  it("is offered only when restoring it reaches exactly the live boot's state", () => {
    const live = createSim().cluster.snapshot();
    const offered = defaultClusterSnapshot();
    if (offered) {
      expect(offered).toEqual(live);
      expect(createSim({ snapshot: JSON.parse(JSON.stringify(offered)) }).cluster.snapshot()).toEqual(live);
    } else {
      // Withheld: then restoring really does differ (the worker boots live instead).
      expect(restoredLive().cluster.snapshot()).not.toEqual(live);
    }
  });

  it("restored, answers commands as the live boot does, now and later", async () => {
    const lines = [
      "kubectl get nodes -o wide",
      "kubectl get pods -A -o wide",
      "kubectl create deployment web --image=nginx --replicas=3",
      "kubectl get pods -o wide",
      "kubectl expose deployment web --port=80",
      "kubectl get svc,endpoints",
      "kubectl run bad --image=nginx:doesnotexist",
      "kubectl describe pod bad",
      "kubectl get events --sort-by=.metadata.creationTimestamp",
      "kubectl delete pod -l app=web --wait=false",
      "kubectl get rs,pods",
    ];
    const live = await transcript(createSim(), lines, 30_000);
    const restored = await transcript(restoredLive(), lines, 30_000);
    expect(restored).toEqual(live);
    expect(live.join("\n")).toContain("deployment.apps/web created");
  });
});
