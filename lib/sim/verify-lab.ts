import type { ItemGrade, LabGrade } from "../labs/grade-lab";
import type { LabTemplate } from "../labs/instantiate-lab";
import { startLab, type LabRun } from "./start-lab";

export interface VerifyStep {
  name: string;
  ok: boolean;
  detail: string;
}

export interface VerifyReport {
  lab: string;
  ok: boolean;
  steps: VerifyStep[];
}

/** How long (virtual) a solution may take to converge after its last command: pulls, rollouts, evictions. */
const SETTLE_LIMIT_MS = 10 * 60 * 1000;
const SETTLE_STEP_MS = 5 * 1000;

async function typeAll(run: LabRun, commands: string[]): Promise<string> {
  let transcript = "";
  for (const command of commands) {
    transcript += `${run.sim.session.prompt()}${command}\n`;
    await run.sim.session.run(command, (text) => (transcript += text));
  }
  return transcript;
}

/** Advance virtual time until the lab is complete (or the limit), like a learner waiting for pods. */
function settle(run: LabRun, until: (g: LabGrade) => boolean): LabGrade {
  let grade = run.grade();
  for (let waited = 0; !until(grade) && waited < SETTLE_LIMIT_MS; waited += SETTLE_STEP_MS) {
    run.sim.cluster.advance(SETTLE_STEP_MS);
    grade = run.grade();
  }
  return grade;
}

const failing = (g: LabGrade): ItemGrade[] => g.items.filter((i) => i.status !== "passed");
const list = (items: ItemGrade[]) => items.map((i) => `  - ${i.id}: ${i.explanation ?? i.status}`).join("\n");

/**
 * The proof every lab must pass: its start state is not already solved; each reference solution, typed
 * through the real shell and kubectl, passes every graded item; each near-miss fails at least one.
 */
export async function verifyLab(template: LabTemplate): Promise<VerifyReport> {
  const lab = template.lab;
  const steps: VerifyStep[] = [];

  const start = await startLab(template);
  const startGrade = start.grade();
  const startTasksFailing = failing(startGrade).filter((i) => i.kind === "task");
  const startOk = lab.tasks.length === 0 ? !startGrade.complete : startTasksFailing.length > 0;
  steps.push({
    name: "start state is not solved",
    ok: startOk,
    detail: startOk ? `${failing(startGrade).length} of ${startGrade.items.length} items open at start` : "every task already passes before the learner does anything",
  });

  for (const solution of lab.solutions) {
    const run = await startLab(template);
    let transcript: string;
    try {
      transcript = await typeAll(run, solution.commands);
    } catch (e) {
      steps.push({ name: `solution "${solution.name}" passes`, ok: false, detail: `the shell threw: ${(e as Error).message}` });
      continue;
    }
    const grade = settle(run, (g) => g.complete);
    steps.push({
      name: `solution "${solution.name}" passes`,
      ok: grade.complete,
      detail: grade.complete ? `${grade.score}/${grade.total} points` : `${grade.score}/${grade.total} points; still failing:\n${list(failing(grade))}\n--- transcript ---\n${transcript}`,
    });
  }

  for (const miss of lab.nearMisses) {
    const run = await startLab(template);
    await typeAll(run, miss.commands);
    // Give the near-miss every chance (the same settle time as a solution) before judging it.
    const grade = settle(run, (g) => g.complete);
    const ok = !grade.complete;
    steps.push({
      name: `near-miss "${miss.name}" fails`,
      ok,
      detail: ok ? `fails as it should: ${failing(grade).map((i) => i.id).join(", ")}` : `it passes every item, but it should not: ${miss.why}`,
    });
  }

  return { lab: lab.id, ok: steps.every((s) => s.ok), steps };
}
