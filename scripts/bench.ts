// `npm run bench`: performance numbers for the engine and kubectl (printed, not asserted; see issue targets).
import { runApiBench } from "../lib/cluster/bench/api-bench";
import { createCluster } from "../lib/cluster/index";
import { createSim } from "../lib/sim/create-sim";

const gc = (globalThis as { gc?: () => void }).gc;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const line = (name: string, value: string, target: string) => console.log(`${name.padEnd(58)} ${value.padStart(10)}   (target ${target})`);

function benchApi() {
  const r = runApiBench({ now: () => performance.now(), heapUsed: () => process.memoryUsage().heapUsed, gc });
  line("API list of 1,000 pods, median", `${r.list1000MedianMs.toFixed(3)} ms`, "<= 1 ms");
  line("API list of 1,000 pods with a label selector, median", `${r.list1000SelectorMedianMs.toFixed(3)} ms`, "-");
  line("memory for 5,000 stored pods", `${r.memory5000Mb.toFixed(1)} MB`, "<= 100 MB");
  line("create 5,000 pods through the API", `${r.create5000Ms.toFixed(0)} ms`, "-");
}

function benchScale() {
  const workers = Array.from({ length: 50 }, (_, i) => ({ name: `node${String(i + 1).padStart(2, "0")}`, cpu: "64", memory: "256Gi", pods: "110" }));
  const cluster = createCluster({ seed: 1, workers });
  const api = cluster.client();
  const created = api.create("replicasets", "default", {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name: "big" },
    spec: {
      replicas: 5000,
      selector: { matchLabels: { app: "big" } },
      template: { metadata: { labels: { app: "big" } }, spec: { containers: [{ name: "web", image: "nginx" }] } },
    },
  });
  if (!created.ok) throw new Error(created.status.message);
  const t0 = performance.now();
  let running = 0;
  let virtualMs = 0;
  for (; virtualMs < 10 * 60 * 1000; virtualMs += 1000) {
    cluster.advance(1000);
    const pods = api.list("pods", "default", { labelSelector: "app=big" });
    running = pods.ok ? pods.value.items.filter((p) => (p.status as { phase?: string })?.phase === "Running").length : 0;
    if (running === 5000) break;
  }
  const wall = performance.now() - t0;
  line(`ReplicaSet of 5,000 pods on 50 nodes: all Running (${running}, ${virtualMs / 1000}s virtual)`, `${wall.toFixed(0)} ms`, "<= 2000 ms");
}

async function benchKubectl() {
  const sim = createSim({ seed: 1 });
  const api = sim.cluster.client();
  for (let i = 0; i < 100; i++) {
    api.create("pods", "default", { apiVersion: "v1", kind: "Pod", metadata: { name: `p-${i}`, labels: { app: "x" } }, spec: { containers: [{ name: "c", image: "nginx" }] } });
  }
  sim.cluster.advance(60_000);
  const commands = ["kubectl get pods", "kubectl get pods -o wide", "kubectl get pods -o yaml", "kubectl get pods -o json", "kubectl get pods -l app=x -o name", "kubectl describe pods"];
  // The terminal's worker posts every write to the page, which copies the text flat. Read each write here
  // too (indexOf flattens a lazily concatenated string): a string built with += only looks free otherwise.
  let seen = 0;
  const sink = (text: string) => {
    seen += text.indexOf("\u0000") + 1;
  };
  // Warm every code path first, so the first command measured does not pay for the JIT of all of them.
  for (let i = 0; i < 20; i++) for (const command of commands) await sim.session.run(command, sink);
  for (const command of commands) {
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t = performance.now();
      await sim.session.run(command, sink);
      times.push(performance.now() - t);
    }
    line(`\`${command}\` over 100 pods, median`, `${median(times.slice(5)).toFixed(2)} ms`, "<= 2 ms");
  }
  if (seen !== 0) throw new Error("kubectl wrote a NUL character");
  const t = performance.now();
  createSim({ seed: 2 });
  line("create the default kubeadm cluster (createSim)", `${(performance.now() - t).toFixed(0)} ms`, "-");
}

async function main() {
  console.log(`Shipyard bench (node ${process.version}${gc ? ", --expose-gc" : ""})`);
  benchApi();
  await benchKubectl();
  benchScale();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
