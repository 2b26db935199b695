import { imageNames, type ImageEntry } from "./image-catalogue";

/** When a pull runs: the kubelet pulls one image at a time per node (serializeImagePulls: true). */
export interface PullPlan {
  /** ms from request to completion (what "including waiting" reports). */
  totalMs: number;
  /** ms the pull itself takes once it is its turn. */
  pullMs: number;
}

/** The images containerd holds on one node, and the node's queue of image pulls. */
export class ImageStore {
  private readonly entries: ImageEntry[] = [];
  private queueFreeAt = 0;
  /** Images a queued pull will have fetched by the time the next one runs. */
  private readonly promised = new Set<ImageEntry>();

  /**
   * Queue a pull requested at `now`: `entry` undefined for a reference that will fail. A pull of an image an
   * earlier queued pull fetches only checks the manifest (`cachedMs`).
   */
  planPull(entry: ImageEntry | undefined, now: number, timing: { cachedMs: number; failMs: number }): PullPlan {
    const start = Math.max(now, this.queueFreeAt);
    const pullMs = !entry ? timing.failMs : this.has(entry) || this.promised.has(entry) ? timing.cachedMs : entry.pullMs;
    if (entry) this.promised.add(entry);
    this.queueFreeAt = start + pullMs;
    return { totalMs: start + pullMs - now, pullMs };
  }

  /** In-flight pulls died with the kubelet. */
  resetQueue(): void {
    this.queueFreeAt = 0;
    this.promised.clear();
  }

  has(entry: ImageEntry): boolean {
    return this.entries.includes(entry);
  }

  add(entry: ImageEntry): void {
    if (!this.has(entry)) this.entries.push(entry);
  }

  /** node.status.images: biggest first, as the kubelet sorts them (capped at 50). */
  nodeImages(): { names: string[]; sizeBytes: number }[] {
    return [...this.entries]
      .sort((a, b) => b.size - a.size)
      .slice(0, 50)
      .map((e) => ({ names: imageNames(e), sizeBytes: e.size }));
  }
}

/**
 * host-local IPAM over the node's pod CIDR: addresses handed out in order from a starting point
 * (the cluster has run for a while, so it does not begin at .2), skipping those in use.
 */
export class IpAllocator {
  private readonly prefix: string;
  private next: number;
  private readonly used = new Set<number>();

  /** `offset` (0-7) stands for the addresses used before the simulation began. */
  constructor(podCIDR: string, offset: number) {
    const base = podCIDR.split("/")[0].split(".");
    this.prefix = base.slice(0, 3).join(".");
    this.next = 2 + (Math.abs(Math.floor(offset)) % 8);
  }

  allocate(): string {
    for (let i = 0; i < 253; i++) {
      const n = this.next;
      this.next = this.next >= 254 ? 2 : this.next + 1;
      if (!this.used.has(n)) {
        this.used.add(n);
        return `${this.prefix}.${n}`;
      }
    }
    return `${this.prefix}.254`;
  }

  /** Mark an address taken (pods adopted from a snapshot). */
  reserve(ip: string): void {
    if (!ip.startsWith(`${this.prefix}.`)) return;
    const n = Number(ip.slice(this.prefix.length + 1));
    this.used.add(n);
    // host-local remembers the last address it handed out; continue after the highest one seen.
    if (n >= this.next) this.next = n >= 254 ? 2 : n + 1;
  }

  release(ip: string | undefined): void {
    if (!ip || !ip.startsWith(`${this.prefix}.`)) return;
    this.used.delete(Number(ip.slice(this.prefix.length + 1)));
  }
}
