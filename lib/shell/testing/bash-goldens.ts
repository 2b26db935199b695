import { describe, expect, it } from "vitest";
import { harness } from "./harness";

/** One command line and what bash 5.2 printed for it: stdout, stderr, exit status. */
export type BashGolden = [line: string, stdout: string, stderr: string, exitCode: number];

/** A suite with one test per command line, each run in a fresh shell and compared with bash's answer. */
export function bashGoldens(title: string, cases: readonly BashGolden[]): void {
  describe(title, () => {
    for (const [line, out, err, code] of cases) {
      it(line, async () => {
        expect(await harness().run(line)).toMatchObject({ out, err, code });
      });
    }
  });
}
