// `npm run sim`: the simulated cluster's terminal in Node.
//   On a TTY: an interactive shell. On a pipe: script mode, reading commands from stdin.
//   --json         one JSON object per command: {"command","stdout","stderr","exitCode"}
//   --echo         in script mode, print the prompt and each command before its output
//   --seed N       seed of every random choice (default 1)
//   --nodes a:cpu:mem[,b:cpu:mem]  worker nodes (controlplane stays)
//   --lab ID       start from a lab's setup (content/<module>/<ID>.lab.yaml), with the `lab` command
//   --serve        serve the cluster over the Kubernetes HTTP API for a real kubectl (--port N, --speed N)
import readline from "node:readline";
import { loadLabs } from "../lib/content/load-labs.server";
import type { NodeConfig } from "../lib/cluster/index";
import { createSim, type Sim } from "../lib/sim/create-sim";
import { startLab } from "../lib/sim/start-lab";
import { serveCli } from "../lib/serve/serve-cli";

interface Args {
  json: boolean;
  echo: boolean;
  seed?: number;
  nodes?: NodeConfig[];
  lab?: string;
  serve?: { port?: number; speed?: number };
}

function usage(message: string): never {
  process.stderr.write(`sim: ${message}\nusage: npm run sim -- [--json] [--echo] [--seed N] [--nodes name:cpu:memory,...] [--lab ID] [--serve [--port N] [--speed N]]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, echo: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`);
    switch (flag) {
      case "--json":
        args.json = true;
        break;
      case "--echo":
        args.echo = true;
        break;
      case "--seed": {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0) usage("--seed takes a whole number");
        args.seed = n;
        break;
      }
      case "--nodes":
        args.nodes = value()
          .split(",")
          .map((spec) => {
            const [name, cpu, memory] = spec.split(":");
            if (!name || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) usage(`bad node name in --nodes: "${spec}"`);
            return { name, ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) };
          });
        break;
      case "--lab":
        args.lab = value();
        break;
      case "--serve":
        args.serve ??= {};
        break;
      case "--port":
      case "--speed": {
        const n = Number(value());
        if (!Number.isFinite(n) || n < 0 || (flag === "--port" && !Number.isInteger(n))) usage(`${flag} takes a number`);
        args.serve = { ...args.serve, [flag.slice(2)]: n };
        break;
      }
      default:
        usage(`unknown option ${argv[i]}`);
    }
  }
  return args;
}

const current: { sim: Sim } = { sim: undefined as unknown as Sim };
let resetRequested = false;
let restartLab: (() => Promise<Sim>) | undefined;

async function resetIfAsked(): Promise<void> {
  if (!resetRequested || !restartLab) return;
  resetRequested = false;
  current.sim = await restartLab();
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  let sim: Sim;
  if (args.lab) {
    const entry = loadLabs().find((l) => l.lab.id === args.lab);
    if (!entry) usage(`no lab with id "${args.lab}" (have: ${loadLabs().map((l) => l.lab.id).join(", ")})`);
    // `lab reset` asks for a fresh start; it happens once the command that asked has finished.
    const start = async (): Promise<Sim> => (await startLab(entry.template, { seed: args.seed, onReset: () => (resetRequested = true) })).sim;
    restartLab = start;
    sim = await start();
  } else {
    sim = createSim({ seed: args.seed, workers: args.nodes });
  }
  current.sim = sim;

  if (args.serve) {
    await serveCli(sim.cluster, args.serve, (line) => process.stdout.write(`${line}\n`));
    return; // the server keeps the process alive until Ctrl-C
  }

  if (process.stdin.isTTY && !args.json) return interactive();

  // Script mode: complete inputs (a heredoc spans lines) run one after another; time moves only by the commands.
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let pending: string | undefined;
  let last = 0;
  for await (const line of lines) {
    const input = pending === undefined ? line : `${pending}\n${line}`;
    if (current.sim.session.needsMoreInput && (await current.sim.session.needsMoreInput(input))) {
      pending = input;
      continue;
    }
    pending = undefined;
    if (!input.trim()) continue;
    last = await runOne(current.sim, input, args);
    await resetIfAsked();
    if (current.sim.exited) break;
  }
  if (pending !== undefined) last = await runOne(current.sim, pending, args);
  process.exitCode = args.json ? 0 : last;
}

async function runOne(sim: Sim, input: string, args: Args): Promise<number> {
  if (args.json) {
    let stdout = "";
    let stderr = "";
    const exitCode = await sim.session.run(input, (t, s) => (s === "stdout" ? (stdout += t) : (stderr += t)));
    process.stdout.write(JSON.stringify({ command: input, stdout, stderr, exitCode }) + "\n");
    return exitCode;
  }
  if (args.echo) process.stdout.write(`${sim.session.prompt()}${input}\n`);
  return sim.session.run(input, (t, s) => (s === "stdout" ? process.stdout : process.stderr).write(t));
}

async function interactive() {
  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: true,
    completer: (line: string, cb: (err: null, result: [string[], string]) => void) => {
      void current.sim.session.complete!(line, line.length).then(({ from, candidates }) => cb(null, [candidates, line.slice(from)]));
    },
  });
  rl.on("SIGINT", () => {
    current.sim.session.interrupt?.();
    process.stdout.write("^C\n");
    rl.setPrompt(current.sim.session.prompt());
    rl.prompt();
  });
  let pending: string | undefined;
  rl.setPrompt(current.sim.session.prompt());
  rl.prompt();
  for await (const line of rl) {
    const input = pending === undefined ? line : `${pending}\n${line}`;
    if (current.sim.session.needsMoreInput && (await current.sim.session.needsMoreInput(input))) {
      pending = input;
      rl.setPrompt("> ");
      rl.prompt();
      continue;
    }
    pending = undefined;
    rl.pause();
    await current.sim.session.run(input, (t, s) => (s === "stdout" ? process.stdout : process.stderr).write(t));
    await resetIfAsked();
    if (current.sim.exited) {
      rl.close();
      return;
    }
    rl.resume();
    rl.setPrompt(current.sim.session.prompt());
    rl.prompt();
  }
}

main().catch((e) => {
  process.stderr.write(`sim: ${(e as Error).message}\n`);
  process.exit(1);
});
