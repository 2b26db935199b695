// `npm run labs -- verify [id...]`: prove every lab (or the named ones) solvable and not pre-solved.
// `npm run labs -- list`: the labs with their graded items.
import { loadLabs } from "../lib/content/load-labs.server";
import { verifyLab } from "../lib/sim/verify-lab";

async function main() {
  const [command = "verify", ...ids] = process.argv.slice(2);
  const all = loadLabs();
  if (command === "list") {
    for (const { lab, file } of all) console.log(`${lab.id}\t${lab.tasks.length} tasks, ${lab.questions.length} questions\t${file}`);
    return;
  }
  if (command !== "verify") {
    console.error(`labs: unknown command "${command}"; use: verify [id...] | list`);
    process.exit(2);
  }
  const unknown = ids.filter((id) => !all.some((l) => l.lab.id === id));
  if (unknown.length) {
    console.error(`labs: no lab with id ${unknown.join(", ")} (have: ${all.map((l) => l.lab.id).join(", ")})`);
    process.exit(2);
  }
  const chosen = ids.length ? all.filter((l) => ids.includes(l.lab.id)) : all;
  let failed = 0;
  for (const { template, lab, file } of chosen) {
    const t0 = performance.now();
    const report = await verifyLab(template);
    console.log(`${report.ok ? "✓" : "✗"} ${lab.id} (${file}, ${((performance.now() - t0) / 1000).toFixed(1)}s)`);
    for (const step of report.steps) {
      console.log(`  ${step.ok ? "✓" : "✗"} ${step.name}: ${step.ok ? step.detail : ""}`);
      if (!step.ok) console.log(step.detail.replace(/^/gm, "      "));
    }
    if (!report.ok) failed++;
  }
  console.log(`labs: ${chosen.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(`labs: ${(e as Error).message}`);
  process.exit(1);
});
