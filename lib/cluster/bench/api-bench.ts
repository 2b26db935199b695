import { newTestApiServer } from "../testing/new-test-cluster";
import { podManifest } from "../testing/builders";

/** What the host measures with (the engine has no wall clock of its own): performance.now, process.memoryUsage. */
export interface BenchProbes {
  /** Wall-clock milliseconds. */
  now(): number;
  /** Bytes of JS heap in use. */
  heapUsed(): number;
  /** Force a collection when the host allows it (node --expose-gc). */
  gc?(): void;
}

export interface ApiBenchResult {
  /** Median time of `list("pods", "default")` with 1,000 pods stored. */
  list1000MedianMs: number;
  /** Median time of a label-selected list over the same 1,000 pods. */
  list1000SelectorMedianMs: number;
  /** Heap growth after storing 5,000 defaulted pods. */
  memory5000Mb: number;
  /** Time to create 5,000 pods through the API (decode, default, validate, store). */
  create5000Ms: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Measures the API server alone (no controllers): list latency at 1,000 pods and memory at 5,000. */
export function runApiBench(probes: BenchProbes): ApiBenchResult {
  const small = newTestApiServer();
  for (let i = 0; i < 1000; i++) small.client.create("pods", "default", podManifest(`pod-${i}`, { labels: { app: i % 2 ? "a" : "b" } }));
  const times: number[] = [];
  const selTimes: number[] = [];
  for (let i = 0; i < 51; i++) {
    let t = probes.now();
    small.client.list("pods", "default");
    times.push(probes.now() - t);
    t = probes.now();
    small.client.list("pods", "default", { labelSelector: "app=a" });
    selTimes.push(probes.now() - t);
  }

  probes.gc?.();
  const before = probes.heapUsed();
  const big = newTestApiServer();
  const t0 = probes.now();
  for (let i = 0; i < 5000; i++) big.client.create("pods", "default", podManifest(`pod-${i}`));
  const create5000Ms = probes.now() - t0;
  probes.gc?.();
  const after = probes.heapUsed();
  // Keep `big` alive until after the measurement.
  if (big.store.count("pods") !== 5000) throw new Error("bench: pods were not all stored");
  return {
    list1000MedianMs: median(times),
    list1000SelectorMedianMs: median(selTimes),
    memory5000Mb: (after - before) / (1024 * 1024),
    create5000Ms,
  };
}
