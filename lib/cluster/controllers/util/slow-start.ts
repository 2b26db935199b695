/**
 * controller.slowStartBatch: run `fn` count times in batches of 1, 2, 4, ... and stop after the first batch
 * with a failure, so a refusing API server (quota, terminating namespace) costs one call, not hundreds.
 * Returns how many calls succeeded.
 */
export function slowStartBatch(count: number, initialBatchSize: number, fn: () => boolean): number {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let failed = false;
    for (let i = 0; i < batch; i++) {
      if (fn()) successes++;
      else failed = true;
    }
    remaining -= batch;
    if (failed) break;
  }
  return successes;
}
