/**
 * A queue of keys ("namespace/name") like client-go's workqueue: a key is queued at most once,
 * so a burst of events for one object becomes one reconcile that re-reads the current state.
 */
export class WorkQueue {
  private readonly order: string[] = [];
  private readonly queued = new Set<string>();

  constructor(readonly name: string) {}

  add(key: string): void {
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.order.push(key);
  }

  /** Next key, or undefined when empty. */
  get(): string | undefined {
    const key = this.order.shift();
    if (key !== undefined) this.queued.delete(key);
    return key;
  }

  get length(): number {
    return this.order.length;
  }
}
