const HEX = "0123456789abcdef";

/**
 * Seeded randomness (mulberry32). Every random choice in the engine goes through one of these,
 * so the same seed and the same inputs give byte-identical clusters.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  string(length: number, alphabet: string): string {
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  /** A v4-shaped UUID from the seeded stream. */
  uuid(): string {
    // 32 hex draws, then one for the variant; the version digit (12) and the variant (16) overwrite theirs.
    const digits: string[] = new Array(32);
    for (let i = 0; i < 32; i++) digits[i] = HEX[this.int(16)];
    digits[12] = "4";
    digits[16] = "89ab"[this.int(4)];
    // One join gives a flat string; += per character would leave a tree of ~30 cons cells in every stored uid.
    const chars: string[] = new Array(36);
    let j = 0;
    for (let i = 0; i < 32; i++) {
      if (i === 8 || i === 12 || i === 16 || i === 20) chars[j++] = "-";
      chars[j++] = digits[i];
    }
    return chars.join("");
  }

  /** An independent stream derived from this one (so adding draws in one component does not shift another). */
  fork(label: string): SeededRandom {
    let h = this.state ^ 0x9e3779b9;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
    return new SeededRandom(h);
  }

  getState(): number {
    return this.state;
  }

  setState(state: number): void {
    this.state = state >>> 0;
  }
}
