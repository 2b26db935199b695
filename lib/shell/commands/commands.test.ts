import { describe, it, expect } from "vitest";
import { harness } from "../testing/harness";

async function setup() {
  const h = harness();
  await h.run("printf 'NAME READY STATUS\\nweb-1 1/1 Running\\ndb-0 0/1 Pending\\nweb-2 1/1 Running\\n' > pods.txt");
  return h;
}

describe("text tools", () => {
  it("awk prints fields, filters by NR, regex and comparisons, with -F", async () => {
    const h = await setup();
    expect((await h.run("awk '{print $1}' pods.txt")).out).toBe("NAME\nweb-1\ndb-0\nweb-2\n");
    expect((await h.run("awk 'NR>1 {print $1, $3}' pods.txt")).out).toBe("web-1 Running\ndb-0 Pending\nweb-2 Running\n");
    expect((await h.run("awk '/web/ {print}' pods.txt")).out).toBe("web-1 1/1 Running\nweb-2 1/1 Running\n");
    expect((await h.run(`awk '$3 == "Pending" {print $1}' pods.txt`)).out).toBe("db-0\n");
    expect((await h.run("echo a:b:c | awk -F: '{print $2, NF}'")).out).toBe("b 3\n");
    expect((await h.run("awk 'NR>1 {n[$3]++} END {for (s in n) print s, n[s]}' pods.txt | sort")).out).toBe("Pending 1\nRunning 2\n");
    expect((await h.run("awk '{s += $1} END {printf \"%d items, sum %.1f\\n\", NR, s}' <<EOF\n1\n2.5\nEOF")).out).toBe("2 items, sum 3.5\n");
  });

  it("sed substitutes, deletes, prints lines and edits in place", async () => {
    const h = await setup();
    expect((await h.run("sed 's/Running/Up/g' pods.txt | tail -n 1")).out).toBe("web-2 1/1 Up\n");
    expect((await h.run("sed -n '2p' pods.txt")).out).toBe("web-1 1/1 Running\n");
    expect((await h.run("sed '/web/d' pods.txt")).out).toBe("NAME READY STATUS\ndb-0 0/1 Pending\n");
    expect((await h.run("sed -e '1d' -e 's/-[0-9]//' pods.txt | head -1")).out).toBe("web 1/1 Running\n");
    await h.run("sed -i 's/image: nginx/image: nginx:1.27/' pod.yaml 2>/dev/null; echo 'image: nginx' > pod.yaml; sed -i 's/image: nginx/image: nginx:1.27/' pod.yaml");
    expect((await h.run("cat pod.yaml")).out).toBe("image: nginx:1.27\n");
    expect((await h.run("echo hello | sed -E 's/(l+)/[\\1]/'")).out).toBe("he[ll]o\n");
    expect(await h.run("sed 's/a/b' pods.txt")).toMatchObject({ err: "sed: -e expression #1, char 5: unterminated `s' command\n", code: 1 });
    expect(await h.run("sed p nope")).toMatchObject({ err: "sed: can't read nope: No such file or directory\n", code: 2 });
  });

  it("grep with -c -i -v -n -o -w -E and file prefixes", async () => {
    const h = await setup();
    expect((await h.run("grep -c Running pods.txt")).out).toBe("2\n");
    expect((await h.run("grep -in pending pods.txt")).out).toBe("3:db-0 0/1 Pending\n");
    expect((await h.run("grep -v web pods.txt")).out).toBe("NAME READY STATUS\ndb-0 0/1 Pending\n");
    expect((await h.run("grep -oE 'web-[0-9]+' pods.txt")).out).toBe("web-1\nweb-2\n");
    expect((await h.run("grep -w web pods.txt")).out).toBe("web-1 1/1 Running\nweb-2 1/1 Running\n");
    await h.run("echo Running > other.txt");
    expect((await h.run("grep Running pods.txt other.txt")).out).toBe("pods.txt:web-1 1/1 Running\npods.txt:web-2 1/1 Running\nother.txt:Running\n");
    expect(await h.run("grep x nope.txt")).toMatchObject({ err: "grep: nope.txt: No such file or directory\n", code: 2 });
    expect((await h.run("grep zzz pods.txt")).code).toBe(1);
    await h.run("mkdir -p d/e && echo needle > d/e/f.yaml");
    expect((await h.run("grep -r needle d")).out).toBe("d/e/f.yaml:needle\n");
  });

  it("sort, uniq, cut, wc, head, tail, tr", async () => {
    const h = await setup();
    expect((await h.run("tail -n +2 pods.txt | sort -k3 -r | cut -d' ' -f1")).out).toBe("web-2\nweb-1\ndb-0\n");
    expect((await h.run("printf '10\\n9\\n100\\n' | sort -n")).out).toBe("9\n10\n100\n");
    expect((await h.run("printf 'b\\na\\nb\\n' | sort -u")).out).toBe("a\nb\n");
    expect((await h.run("cut -c1-3 pods.txt | head -2")).out).toBe("NAM\nweb\n");
    expect((await h.run("wc -l pods.txt")).out).toBe("4 pods.txt\n");
    expect((await h.run("wc pods.txt")).out).toBe(" 4 12 71 pods.txt\n");
    expect((await h.run("cat pods.txt | wc")).out).toBe("      4      12      71\n");
    expect((await h.run("echo 'a  b' | tr -s ' '")).out).toBe("a b\n");
    expect((await h.run("echo abc | tr -d b")).out).toBe("ac\n");
    expect((await h.run("head -c 4 pods.txt; echo")).out).toBe("NAME\n");
  });

  it("echo -n/-e, printf, seq, base64, diff", async () => {
    const h = harness();
    expect((await h.run("echo -n a; echo -e 'b\\tc'")).out).toBe("ab\tc\n");
    expect((await h.run("printf '%-6s|%3d|%s\\n' ab 7 x y 8")).out).toBe("ab    |  7|x\ny     |  8|\n");
    expect((await h.run("seq 3; seq 2 2 6")).out).toBe("1\n2\n3\n2\n4\n6\n");
    expect((await h.run("echo -n admin | base64")).out).toBe("YWRtaW4=\n");
    expect((await h.run("echo YWRtaW4= | base64 -d")).out).toBe("admin");
    await h.run("printf 'a\\nb\\nc\\n' > x; printf 'a\\nB\\nc\\nd\\n' > y");
    expect(await h.run("diff x y")).toMatchObject({ out: "2c2\n< b\n---\n> B\n3a4\n> d\n", code: 1 });
    expect((await h.run("diff x x")).code).toBe(0);
  });
});

describe("file tools", () => {
  it("ls -l shows realistic columns and ls errors use GNU text", async () => {
    const h = harness();
    await h.run("mkdir app && echo hello > app/a.txt && touch app/b.txt");
    expect((await h.run("ls app")).out).toBe("a.txt  b.txt\n");
    expect((await h.run("ls app | cat")).out).toBe("a.txt\nb.txt\n");
    expect((await h.run("ls -l app")).out).toBe("total 4\n-rw-r--r-- 1 root root 6 Nov 25 10:00 a.txt\n-rw-r--r-- 1 root root 0 Nov 25 10:00 b.txt\n");
    expect((await h.run("ls -a1 app")).out).toBe(".\n..\na.txt\nb.txt\n");
    expect(await h.run("ls nope")).toMatchObject({ err: "ls: cannot access 'nope': No such file or directory\n", code: 2 });
  });

  it("ls in a terminal prints columns", async () => {
    const h = harness();
    await h.run("mkdir c && cd c && touch one two three");
    await h.run("touch a-much-longer-file-name-number-one a-much-longer-file-name-number-two b-much-longer-file-name-number-3");
    expect((await h.run("ls")).out).toBe(
      "a-much-longer-file-name-number-one  b-much-longer-file-name-number-3  three\na-much-longer-file-name-number-two  one                               two\n",
    );
  });

  it("mkdir, rm, cp, mv, touch with GNU errors", async () => {
    const h = harness();
    expect(await h.run("mkdir /root")).toMatchObject({ err: "mkdir: cannot create directory ‘/root’: File exists\n", code: 1 });
    expect(await h.run("rm nope")).toMatchObject({ err: "rm: cannot remove 'nope': No such file or directory\n", code: 1 });
    expect((await h.run("rm -f nope")).code).toBe(0);
    await h.run("mkdir d && touch d/f");
    expect(await h.run("rm d")).toMatchObject({ err: "rm: cannot remove 'd': Is a directory\n", code: 1 });
    expect(await h.run("cp d e")).toMatchObject({ err: "cp: -r not specified; omitting directory 'd'\n", code: 1 });
    expect((await h.run("cp -r d e && ls e")).out).toBe("f\n");
    expect((await h.run("mv e/f g && ls e g")).out).toBe("g\n\ne:\n");
    expect(await h.run("cat d")).toMatchObject({ err: "cat: d: Is a directory\n", code: 1 });
    expect(await h.run("cat missing")).toMatchObject({ err: "cat: missing: No such file or directory\n", code: 1 });
    expect((await h.run("rm -r d && ls")).out).toBe("e  g\n");
  });
});

describe("system tools", () => {
  it("date uses the virtual clock, sleep advances it", async () => {
    const h = harness();
    expect((await h.run("date")).out).toBe("Wed Nov 25 10:00:00 UTC 2026\n");
    await h.run("sleep 90");
    expect((await h.run("date +%H:%M:%S")).out).toBe("10:01:30\n");
    expect(await h.run("sleep abc")).toMatchObject({ err: "sleep: invalid time interval ‘abc’\nTry 'sleep --help' for more information.\n", code: 1 });
  });

  it("hostname, whoami, id, uname", async () => {
    const h = harness();
    expect((await h.run("hostname; whoami; id; uname; uname -r")).out).toBe("controlplane\nroot\nuid=0(root) gid=0(root) groups=0(root)\nLinux\n5.15.0-124-generic\n");
  });
});
