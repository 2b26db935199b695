import { describe, it, expect } from "vitest";
import { AssocArray, bashHash, formatArrayValue, IndexedArray } from "./shell-array";

describe("AssocArray iterates in bash 5.2's hash order", () => {
  it("hashes with 32-bit FNV-1 over UTF-8 bytes (bucket = hash & 1023)", () => {
    expect(bashHash("k") & 1023).toBe(372);
    expect(bashHash("x y") & 1023).toBe(678);
    expect(bashHash("é") & 1023).toBe(1021);
  });

  it("lists keys bucket by bucket, as `declare -p` printed them in bash", () => {
    const m = new AssocArray();
    for (const [k, v] of [["k", "v"], ["k2", "v2"], ["a", "1"], ["b", "2"], ["x y", "3"], ["*", "s"], ["é", "e"]]) m.set(k, v);
    expect(formatArrayValue(m)).toBe('(["*"]="s" [k]="v" [b]="2" [a]="1" [k2]="v2" ["x y"]="3" [é]="e" )');
  });

  it("keeps bash's order after the table grows past 2048 entries (rehash into 4096 buckets)", () => {
    const m = new AssocArray();
    for (let i = 0; i < 2100; i++) m.set(`k${i}`, String(i));
    const keys = m.keys();
    // From bash 5.2.15: declare -A m; for ((i=0;i<2100;i++)); do m[k$i]=$i; done; k=("${!m[@]}")
    expect(keys.slice(0, 8).join(" ")).toBe("k1698 k1699 k1696 k1697 k1694 k1695 k1692 k1693");
    expect(keys.slice(2092).join(" ")).toBe("k1041 k1040 k1047 k1046 k1045 k1044 k1049 k1048");
    m.delete("k5");
    m.set("new", "1");
    expect(m.size).toBe(2100);
  });

  it("a clone is independent of the original", () => {
    const m = new AssocArray();
    m.set("a", "1");
    const c = m.clone();
    c.set("a", "2");
    expect(m.get("a")).toBe("1");
  });
});

describe("IndexedArray", () => {
  it("is sparse and prints like declare -p, with $'...' for control characters", () => {
    const a = new IndexedArray();
    a.set(5, "x");
    a.set(0, "a\tb");
    expect(a.maxIndex).toBe(5);
    expect(formatArrayValue(a)).toBe(`([0]=$'a\\tb' [5]="x")`);
  });
});
