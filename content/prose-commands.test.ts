import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCourse } from "@/lib/content/load-content.server";
import { extractProseCommands, unsupportedOutput } from "@/lib/content/prose-commands";
import { createSim } from "@/lib/sim/create-sim";

// Every command a lesson tells the learner to type runs in the practice terminal: typed in order into a
// fresh simulator (the cluster the lesson's <Terminal /> starts), none may hit a missing command or flag,
// and each succeeds, unless the lesson marks it `# expect error` (then it must fail, as the prose says).
const course = loadCourse();

describe("commands quoted in lessons run in the simulator", () => {
  it("the lessons quote commands (the extractor finds them)", () => {
    const knownCommands = new Set(createSim().shell.complete("", 0).candidates);
    expect(knownCommands.has("kubectl")).toBe(true);
    const total = course.lessons.reduce((n, l) => n + extractProseCommands(fs.readFileSync(l.file, "utf8"), { knownCommands }).length, 0);
    expect(total).toBeGreaterThanOrEqual(course.lessons.length);
  });

  for (const lesson of course.lessons) {
    it(`${lesson.file}`, async () => {
      const sim = createSim();
      const knownCommands = new Set(sim.shell.complete("", 0).candidates);
      const problems: string[] = [];
      // The whole file (frontmatter holds no code blocks), so reported lines match the editor's.
      for (const command of extractProseCommands(fs.readFileSync(lesson.file, "utf8"), { knownCommands })) {
        let output = "";
        const exit = await sim.session.run(command.text, (text) => (output += text));
        const where = `${lesson.file}:${command.line}: ${command.text.split("\n")[0]}`;
        const unsupported = unsupportedOutput(output);
        if (unsupported) problems.push(`${where}\n    the simulator cannot run it: ${unsupported}`);
        else if (command.expectError && exit === 0) problems.push(`${where}\n    marked "# expect error" but it succeeded:\n${indent(output)}`);
        else if (!command.expectError && exit !== 0) problems.push(`${where}\n    failed (exit ${exit}); mark it "# expect error" if the lesson shows the failure on purpose:\n${indent(output)}`);
      }
      expect(problems).toEqual([]);
    }, 60_000);
  }
});

function indent(text: string): string {
  return text.replace(/\n$/, "").replace(/^/gm, "      ");
}
