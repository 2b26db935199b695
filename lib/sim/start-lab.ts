import type { CommandFn } from "../shell/command-types";
import { createShell } from "../shell/shell";
import { kubectl } from "../kubectl/kubectl";
import { evaluateCheck } from "../labs/evaluate-check";
import type { ClusterSnapshot } from "../cluster/index";
import { checkAnswer, gradeLab, type AnswerRecord, type LabGrade } from "../labs/grade-lab";
import { instantiateLab, type LabAttempt, type LabTemplate } from "../labs/instantiate-lab";
import { createLabWorld } from "../labs/lab-world";
import { createSim, type Sim, type SimOptions } from "./create-sim";

export interface LabRun {
  sim: Sim;
  attempt: LabAttempt;
  /** Answers given so far, by question id, judged when given. */
  answers: Record<string, AnswerRecord>;
  /** Answer a question now (a state question is judged against the cluster at this moment). */
  answer(questionId: string, value: string): AnswerRecord | undefined;
  /** Virtual time the learner started (after setup settled). */
  startedAt: number;
  grade(): LabGrade;
  /** Hints revealed so far plus whether another can be revealed now. */
  revealedHints: string[];
  nextHint(): string | undefined;
}

/** A saved attempt to continue (the browser keeps one per lab): the lab's setup is not run again. */
export interface LabResume {
  snapshot: ClusterSnapshot;
  commands: readonly string[];
  answers: Record<string, AnswerRecord>;
  revealedHints: readonly string[];
  startedAt: number;
}

export class LabSetupError extends Error {
  override name = "LabSetupError";
}

/**
 * Builds a lab's starting cluster (nodes, manifests, files, commands, settle time) and a learner shell
 * with the `lab` builtin. Setup runs in a separate admin shell so the learner's history starts empty.
 */
export async function startLab(
  template: LabTemplate,
  opts: {
    seed?: number;
    resume?: LabResume;
    /** `lab reset` in the terminal asks the host to start the lab over (the host owns the session). */
    onReset?: () => void;
  } & Pick<SimOptions, "interactiveEditor" | "sleep" | "yieldToHost"> = {},
): Promise<LabRun> {
  const attempt = instantiateLab(template, opts.seed);
  const { setup } = attempt.lab;
  // The `lab` command needs the run, which needs the sim the command is registered in: tie the knot by reference.
  const ref: { run?: LabRun } = {};
  const labCommand: CommandFn = (io) => (ref.run ? runLabCommand(ref.run, io.args, io.stdout, io.stderr, opts.onReset) : 1);
  const { resume } = opts;
  const sim = createSim({
    seed: attempt.seed,
    workers: setup.nodes,
    controlPlane: setup.controlPlane,
    nodeMonitorGracePeriodSeconds: setup.nodeMonitorGracePeriodSeconds,
    disabled: attempt.lab.disabledCommands,
    commands: { lab: labCommand },
    interactiveEditor: opts.interactiveEditor,
    sleep: opts.sleep,
    yieldToHost: opts.yieldToHost,
    ...(resume ? { snapshot: resume.snapshot, history: resume.commands } : {}),
  });
  if (!resume) await runSetup(sim, attempt);
  const world = () => createLabWorld(sim.cluster, sim.commands);
  const revealed: string[] = [...(resume?.revealedHints ?? [])];
  const run: LabRun = {
    sim,
    attempt,
    answers: { ...resume?.answers },
    startedAt: resume?.startedAt ?? sim.cluster.now(),
    revealedHints: revealed,
    grade: () => gradeLab(attempt.lab, world(), run.answers),
    answer(questionId, value) {
      const q = attempt.lab.questions.find((x) => x.id === questionId);
      if (!q) return undefined;
      const record = checkAnswer(q, world(), value, attempt.params);
      run.answers[questionId] = record;
      return record;
    },
    nextHint() {
      const minutes = (sim.cluster.now() - run.startedAt) / 60000;
      for (const hint of attempt.lab.hints) {
        if (revealed.includes(hint.text)) continue;
        if (hint.afterMinutes !== undefined && minutes < hint.afterMinutes) continue;
        if (hint.when && !evaluateCheck(world(), hint.when).passed) continue;
        revealed.push(hint.text);
        return hint.text;
      }
      return undefined;
    },
  };
  ref.run = run;
  return run;
}

async function runSetup(sim: Sim, attempt: LabAttempt): Promise<void> {
  const { setup } = attempt.lab;
  let output = "";
  const admin = createShell({ cluster: sim.cluster, commands: { kubectl, k: kubectl }, stdout: (t) => (output += t), stderr: (t) => (output += t) });
  const must = async (line: string, what: string) => {
    output = "";
    const r = await admin.run(line);
    if (r.exitCode !== 0) throw new LabSetupError(`${attempt.lab.id}: setup ${what} failed (exit ${r.exitCode}):\n${output}`);
  };
  for (const file of setup.files ?? []) {
    const dir = file.path.slice(0, file.path.lastIndexOf("/")) || "/";
    const fs = sim.cluster.fs(file.host);
    if (!fs) throw new LabSetupError(`${attempt.lab.id}: setup.files: no host named ${file.host}`);
    fs.mkdir(dir, { parents: true });
    const err = fs.writeFile(file.path, file.content);
    if (err) throw new LabSetupError(`${attempt.lab.id}: setup.files: cannot write ${file.path}: ${err.error}`);
  }
  for (const [i, manifest] of (setup.manifests ?? []).entries()) {
    await must(`kubectl apply -f - <<'SHIPYARD_EOF'\n${manifest.replace(/\n$/, "")}\nSHIPYARD_EOF`, `manifests[${i}]`);
  }
  for (const [i, command] of (setup.commands ?? []).entries()) await must(command, `commands[${i}] (${command})`);
  sim.cluster.advance(setup.settleSeconds * 1000);
}

/** `lab status | hint | answer <question> <value> | reset`: the lab inside the terminal. */
function runLabCommand(run: LabRun, args: string[], out: (t: string) => void, err: (t: string) => void, onReset?: () => void): number {
  const [sub, ...rest] = args;
  switch (sub) {
    case "status":
    case undefined: {
      const grade = run.grade();
      out(`${run.attempt.lab.title}: ${grade.score}/${grade.total} points${grade.complete ? " (complete)" : ""}\n`);
      for (const item of grade.items) {
        const mark = item.status === "passed" ? "✓" : item.status === "failed" ? "✗" : "?";
        out(`${mark} ${item.id}: ${firstLine(item.text)}\n`);
        if (item.status === "unanswered") out(`    answer with: lab answer ${item.id} <value>\n`);
        else if (item.explanation) out(`    ${item.explanation}\n`);
      }
      return grade.complete ? 0 : 1;
    }
    case "hint": {
      const hint = run.nextHint();
      if (!hint) {
        out(run.revealedHints.length ? "No more hints right now.\n" : "No hint is available yet.\n");
        return 0;
      }
      out(`Hint ${run.revealedHints.length}: ${hint}\n`);
      return 0;
    }
    case "answer": {
      const [id, ...value] = rest;
      const q = run.attempt.lab.questions.find((x) => x.id === id);
      if (!id || !q) {
        err(`lab: unknown question "${id ?? ""}"; questions: ${run.attempt.lab.questions.map((x) => x.id).join(", ") || "none"}\n`);
        return 2;
      }
      if (!value.length) {
        err(`lab: usage: lab answer ${id} <value>\n`);
        return 2;
      }
      run.answer(id, value.join(" "));
      const item = run.grade().items.find((i) => i.id === id)!;
      out(item.status === "passed" ? `✓ correct. ${item.feedback ?? ""}\n` : `✗ ${item.explanation}\n`);
      return item.status === "passed" ? 0 : 1;
    }
    case "reset":
      if (!onReset) {
        err("lab: this terminal cannot reset the lab; start it again\n");
        return 1;
      }
      out("Resetting the lab to its start state...\n");
      onReset();
      return 0;
    default:
      err(`lab: unknown subcommand "${sub}"\nUsage: lab status | lab hint | lab answer <question> <value>\n`);
      return 2;
  }
}

function firstLine(text: string): string {
  return text.split("\n")[0];
}
