// `npm test`: every check in order (typecheck, lint, unit + content tests, production build, e2e in Chromium),
// stopping at the first failing step, then one plain summary line.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.CI ? "0" : process.env.FORCE_COLOR };
fs.mkdirSync(".cache", { recursive: true });
for (const f of [".cache/vitest.json", ".cache/playwright.json"]) fs.rmSync(f, { force: true });

const steps = [
  ["typecheck", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]],
  ["typecheck (engine, no DOM)", "npx", ["tsc", "--noEmit", "-p", "tsconfig.engine.json"]],
  ["lint", "npx", ["eslint", ".", "--max-warnings=0"]],
  ["unit and content tests", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=.cache/vitest.json"]],
  ["build (static export)", "npx", ["next", "build"]],
  ["e2e (Chromium)", "npx", ["playwright", "test"]],
];
if (process.argv.includes("--no-e2e")) steps.splice(-2);

const started = Date.now();
let failedStep;
for (const [name, cmd, args] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.log(`✗ ${name} failed (${secs}s)`);
    failedStep = name;
    break;
  }
  console.log(`✓ ${name} (${secs}s)`);
}

function counts(file, read) {
  try {
    return read(JSON.parse(fs.readFileSync(file, "utf8")));
  } catch {
    return { passed: 0, failed: 0 };
  }
}
const unit = counts(".cache/vitest.json", (j) => ({ passed: j.numPassedTests ?? 0, failed: j.numFailedTests ?? 0 }));
const e2e = counts(".cache/playwright.json", (j) => ({ passed: j.stats?.expected ?? 0, failed: (j.stats?.unexpected ?? 0) + (j.stats?.flaky ?? 0) }));
const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed + (failedStep && unit.failed + e2e.failed === 0 ? 1 : 0);
console.log(`\nunit ${unit.passed} passed / ${unit.failed} failed; e2e ${e2e.passed} passed / ${e2e.failed} failed; ${((Date.now() - started) / 1000).toFixed(0)}s`);
if (failedStep) console.log(`failed step: ${failedStep}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failedStep ? 1 : 0);
