// Test helper: runs the real kubectl v1.32 binary (the oracle) offline, with an empty kubeconfig,
// so only client-side behaviour (help, flag errors, --dry-run=client output) is compared.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureRealKubectl } from "../../../scripts/real-kubectl.mjs";

const HOME = join(tmpdir(), "shipyard-real-kubectl-home");

/** Path of the real binary; extracts it when missing and throws when that fails (tests must not skip). */
export function realKubectlPath() {
  return ensureRealKubectl();
}

/** Runs the real kubectl with `args`; returns stdout, stderr and the exit code. */
export function runRealKubectl(args, opts = {}) {
  mkdirSync(HOME, { recursive: true });
  const res = spawnSync(realKubectlPath(), args, {
    encoding: "utf8",
    input: opts.stdin ?? "",
    cwd: opts.cwd ?? HOME,
    env: { HOME, PATH: "/usr/bin:/bin", KUBECONFIG: join(HOME, "no-kubeconfig"), ...(opts.env ?? {}) },
    timeout: 20000,
  });
  return { stdout: res.stdout ?? "", stderr: res.stderr ?? "", code: res.status ?? -1 };
}
