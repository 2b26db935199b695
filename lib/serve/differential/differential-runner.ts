/**
 * Runs command scripts through (a) our kubectl in our shell on one simulated cluster and (b) the real kubectl
 * v1.32 in bash against a twin cluster (same seed, same start time, same preceding commands) served over HTTP,
 * and compares stdout, stderr and exit code after normalization (normalize.ts).
 *
 * State stays identical: `setup` lines run through OUR shell on both twins (not compared); compared commands then
 * run on each side; afterwards both clocks are brought to the later of the two and both clusters settle.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createSim, type Sim } from "../../sim/create-sim";
import { startKubeHttpServer, type KubeHttpServer } from "../kube-http-server";
import { normalizeOutput } from "./normalize";

export interface Scenario {
  name: string;
  /** Cluster options of both twins. */
  workers?: { name: string; cpu?: string; memory?: string }[];
  /** Files in the working directory (/root for ours, a temp dir for the real kubectl). */
  files?: Record<string, string>;
  /** Shell lines run through our shell on both twins, not compared (build the state). */
  setup?: string[];
  /** Compared command lines (bash syntax both shells understand). */
  commands: string[];
}

export interface Outcome {
  stdout: string;
  stderr: string;
  code: number;
}

export interface Comparison {
  scenario: string;
  command: string;
  ours: Outcome;
  real: Outcome;
  identical: boolean;
}

export interface Runner {
  run(scenario: Scenario): Promise<Comparison[]>;
  close(): Promise<void>;
}

/** Virtual time both twins start at: the wall clock, so describe's client-side ages stay small on both sides. */
function startTimeNow(): number {
  return Math.floor(Date.now() / 1000) * 1000;
}

export async function createRunner(kubectlPath: string): Promise<Runner> {
  const base = mkdtempSync(join(tmpdir(), "shipyard-diff-"));
  const home = join(base, "home");
  const bin = join(base, "bin");
  mkdirSync(home, { recursive: true });
  mkdirSync(bin, { recursive: true });
  symlinkSync(kubectlPath, join(bin, "kubectl"));
  const placeholder = createSim({ seed: 1 });
  const server: KubeHttpServer = await startKubeHttpServer({ cluster: placeholder.cluster, clock: { mode: "on-demand" } });
  const kubeconfig = join(base, "kubeconfig");
  writeFileSync(kubeconfig, server.kubeconfig());

  async function runReal(line: string, cwd: string): Promise<Outcome> {
    return new Promise((resolve) => {
      const child = spawn("/bin/bash", ["-c", line], {
        cwd,
        // Next's types make NODE_ENV required in ProcessEnv; the child gets exactly these variables.
        env: { HOME: home, PATH: `${bin}:/usr/bin:/bin`, KUBECONFIG: kubeconfig, LANG: "C.UTF-8" } as unknown as NodeJS.ProcessEnv,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
      const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ stdout, stderr, code: code ?? -1 });
      });
    });
  }

  async function runOurs(sim: Sim, line: string): Promise<Outcome> {
    let stdout = "";
    let stderr = "";
    const code = await sim.session.run(line, (t, s) => (s === "stdout" ? (stdout += t) : (stderr += t)));
    return { stdout, stderr, code };
  }

  function twin(s: Scenario, startTime: number): Sim {
    let slept = 0;
    let sim: Sim | undefined = undefined;
    // Waits (`-w`, `rollout status`, `delete --wait`) move virtual time 1 s per poll, as on the served twin; a
    // command that would wait forever is interrupted after 10 virtual minutes.
    sim = createSim({
      seed: 7,
      startTime,
      ...(s.workers ? { workers: s.workers } : {}),
      sleep: async (ms) => {
        slept += ms;
        sim!.cluster.advance(ms);
        if (slept > 600_000) sim!.session.interrupt?.();
      },
    });
    return sim;
  }

  return {
    async run(s) {
      const startTime = startTimeNow();
      const ours = twin(s, startTime);
      const served = twin(s, startTime);
      const cwd = mkdtempSync(join(base, "cwd-"));
      for (const [path, content] of Object.entries(s.files ?? {})) {
        const p = join(cwd, path);
        mkdirSync(dirname(p), { recursive: true });
        writeFileSync(p, content);
        for (const sim of [ours, served]) sim.cluster.fs(sim.cluster.hosts()[0])!.writeFile(`/root/${path}`, content);
      }
      for (const line of s.setup ?? []) {
        for (const sim of [ours, served]) {
          const r = await runOurs(sim, line);
          if (r.code !== 0) throw new Error(`setup of ${s.name} failed: ${line}\n${r.stderr}`);
        }
      }
      server.useCluster(served.cluster);
      const out: Comparison[] = [];
      for (const command of s.commands) {
        const t0 = Date.now();
        const o = await runOurs(ours, command);
        const t1 = Date.now();
        const r = await runReal(command, cwd);
        if (process.env.DIFF_TIMING) process.stderr.write(`${t1 - t0}ms ours, ${Date.now() - t1}ms real: ${command}\n`);
        served.cluster.runUntilIdle();
        const t = Math.max(ours.cluster.now(), served.cluster.now());
        for (const sim of [ours, served]) {
          sim.cluster.advance(t - sim.cluster.now());
          sim.cluster.runUntilIdle();
        }
        const no = normalizeOutput(o, { ourServer: "", realCwd: cwd });
        const nr = normalizeOutput(r, { ourServer: "", realCwd: cwd });
        out.push({ scenario: s.name, command, ours: no, real: nr, identical: no.stdout === nr.stdout && no.stderr === nr.stderr && no.code === nr.code });
      }
      rmSync(cwd, { recursive: true, force: true });
      return out;
    },
    async close() {
      await server.close();
      rmSync(base, { recursive: true, force: true });
    },
  };
}
