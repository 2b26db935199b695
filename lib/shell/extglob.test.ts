import { describe, it, expect } from "vitest";
import { extglobMatcher, hasExtglob } from "./pattern-match";
import { harness } from "./testing/harness";

describe("extglob patterns", () => {
  const cases: [string, string, boolean][] = [
    ["@(ab|cd)", "cd", true],
    ["@(ab|cd)", "abcd", false],
    ["+(ab)", "ababab", true],
    ["+(ab)", "", false],
    ["*(ab)", "", true],
    ["?(a)b", "b", true],
    ["?(a)b", "aab", false],
    ["!(a*)", "ba", true],
    ["!(a*)", "ab", false],
    ["a!(b)c", "axc", true],
    ["a!(b)c", "abc", false],
    ["*.@(tar.gz|tgz)", "x.tar.gz", true],
    ["kube-@(proxy|dns)-*", "kube-dns-x7", true],
    ["+([0-9]).+([0-9])", "1.25", true],
    ["*(a|)", "aaa", true],
    // An unclosed group is plain text.
    ["@(a", "@(a", true],
  ];
  for (const [pattern, s, want] of cases) {
    it(`${pattern} ${want ? "matches" : "does not match"} "${s}"`, () => {
      expect(extglobMatcher(pattern)(s)).toBe(want);
    });
  }

  it("quoted characters are literal: no group when the parenthesis was quoted", () => {
    expect(hasExtglob("@(a)", [true, false, false, false])).toBe(false);
    expect(hasExtglob("x@(a)", undefined)).toBe(true);
  });
});

describe("extglob in the shell (each line checked against bash 5.2 -O extglob)", () => {
  it("filename globs, case and ${x##pat} use extglob patterns once `shopt -s extglob` is on", async () => {
    const h = harness();
    await h.run("mkdir -p /tmp/g/sub && cd /tmp/g && touch a.yaml b.yml c.txt d.json .hidden");
    expect((await h.run("echo *.@(yaml|yml)")).out).toBe("*.@(yaml|yml)\n");
    expect((await h.run("shopt -s extglob")).code).toBe(0);
    expect((await h.run("echo *.@(yaml|yml); echo +([a-c]).*")).out).toBe("a.yaml b.yml\na.yaml b.yml c.txt\n");
    expect((await h.run("echo !(*.yaml|*.yml)")).out).toBe("c.txt d.json sub\n");
    expect((await h.run("echo @(x|y)")).out).toBe("@(x|y)\n");
    expect((await h.run("case a.yml in *.@(yaml|yml)) echo manifest;; esac")).out).toBe("manifest\n");
    expect((await h.run("(echo *.+(json)); echo $(echo ?(a|b).y*)")).out).toBe("d.json\na.yaml b.yml\n");
    expect((await h.run("x=aaabbb; echo ${x##+(a)} ${x%%*(b)} ${x//@(a|b)/-} ${x/#+(a)/X}")).out).toBe("bbb aaa ------ Xbbb\n");
    expect((await h.run("shopt -u extglob; case a.yml in *.@(yaml|yml)) echo manifest;; *) echo no;; esac")).out).toBe("no\n");
  });

  it("[[ == ]] always matches extglob patterns, whatever shopt says", async () => {
    const h = harness();
    const r = await h.run("[[ kube-proxy-x7 == kube-@(proxy|dns)-* ]] && echo kp; [[ ab == !(a*) ]] || echo no");
    expect(r.out).toBe("kp\nno\n");
  });
});
