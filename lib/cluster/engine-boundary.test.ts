import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The engine is deterministic: wall clock, Math.random and timers are lint errors in lib/cluster and its clients.
async function lintEngineSource(code: string, file = "lib/cluster/controllers/example.ts") {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath: file });
  return result.messages.map((m) => m.message);
}

describe("engine boundary lint rules", () => {
  it("forbids Date.now() in lib/cluster", async () => {
    expect(await lintEngineSource("export const t = Date.now();\n")).toContain("'Date.now' is restricted from being used. Use the engine's injected clock (lib/cluster/runtime/clock).");
  });

  it("forbids argument-less new Date(), Math.random and timers", async () => {
    const messages = await lintEngineSource(
      "export const a = new Date();\nexport const b = Math.random();\nsetTimeout(() => {}, 1);\nsetInterval(() => {}, 1);\n",
      "lib/kubectl/example.ts",
    );
    expect(messages).toEqual([
      "new Date() reads the wall clock; pass the engine clock's time.",
      "'Math.random' is restricted from being used. Use the engine's seeded random (lib/cluster/runtime/random).",
      "Unexpected use of 'setTimeout'. Time moves only through the engine clock (advance / runUntilIdle).",
      "Unexpected use of 'setInterval'. Time moves only through the engine clock (advance / runUntilIdle).",
    ]);
  });

  it("allows new Date(ms) with the engine's time", async () => {
    expect(await lintEngineSource("export const f = (ms: number) => new Date(ms).toISOString();\n")).toEqual([]);
  });

  it("does not restrict the UI", async () => {
    expect(await lintEngineSource("export const t = Date.now();\n", "app/_components/clock.ts")).toEqual([]);
  });
});
