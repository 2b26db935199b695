/**
 * The documented normalization applied to both sides before comparing (see docs/known-differences.md):
 *  1. klog headers ("W1125 10:18:36.866513   6853 ") carry wall-clock time and a pid;
 *  2. the API server address differs (ours: https://<controlplane IP>:6443; served: http://127.0.0.1:<port>);
 *  3. the Age column of describe's Events table is computed by the real kubectl from the wall clock, by ours
 *     from virtual time: its cells are masked and the table's padding collapsed;
 *  4. resourceVersion values (the real kubectl makes extra reads/writes of its own, e.g. discovery, that can
 *     shift counters; values are opaque to users);
 *  5. the real kubectl's temporary working directory reads as /root;
 *  6. random names of kubectl's temporary files (`/tmp/kubectl-edit-NNN.yaml`);
 *  7. `kubectl rollout restart` stamps the wall clock (real) or virtual time (ours) into restartedAt.
 */
import type { Outcome } from "./differential-runner";

export interface NormalizeContext {
  ourServer: string;
  realCwd: string;
}

function maskEventAges(text: string): string {
  const lines = text.split("\n");
  let inEvents = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^Events:/.test(line)) {
      inEvents = true;
      continue;
    }
    if (!inEvents) continue;
    if (!line.startsWith("  ")) {
      inEvents = false;
      continue;
    }
    const cells = line.trim().split(/\s{2,}/);
    if (cells.length >= 5 && cells[0] !== "Type" && !cells[0].startsWith("--")) cells[2] = "<age>";
    lines[i] = `  ${cells.join("  ")}`;
  }
  return lines.join("\n");
}

export function normalizeText(text: string, ctx: NormalizeContext): string {
  let t = text;
  t = t.replace(/^([WEI])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, "$1MMDD hh:mm:ss.uuuuuu PID ");
  t = t.replace(/http:\/\/127\.0\.0\.1:\d+/g, "<server>").replace(/https:\/\/\d+\.\d+\.\d+\.\d+:6443/g, "<server>");
  t = maskEventAges(t);
  t = t.replace(/(resourceVersion"?: )"\d+"/g, '$1"<rv>"');
  if (ctx.realCwd) t = t.split(ctx.realCwd).join("/root");
  t = t.replace(/\/tmp\/kubectl-edit-\d+\.yaml/g, "/tmp/kubectl-edit-NNN.yaml");
  t = t.replace(/(kubectl\.kubernetes\.io\/restartedAt"?: *)"?\d{4}-\d\d-\d\dT[\d:]+Z"?/g, "$1<time>");
  return t;
}

export function normalizeOutput(o: Outcome, ctx: NormalizeContext): Outcome {
  return { stdout: normalizeText(o.stdout, ctx), stderr: normalizeText(o.stderr, ctx), code: o.code };
}
