import { describe, it, expect } from "vitest";
import { harness } from "./testing/harness";

describe("shell basics", () => {
  it("shows a kubeadm-lab prompt with ~ for home", async () => {
    const h = harness();
    expect(h.shell.prompt()).toBe("controlplane:~$ ");
    await h.run("cd /etc");
    expect(h.shell.prompt()).toBe("controlplane:/etc$ ");
    await h.run("mkdir -p ~/a/b && cd ~/a/b");
    expect(h.shell.prompt()).toBe("controlplane:~/a/b$ ");
  });

  it("expands variables, quotes, $? and command substitution", async () => {
    const h = harness();
    expect((await h.run('X=hello; echo "$X world" \'$X\' ${X}s')).out).toBe("hello world $X hellos\n");
    expect((await h.run("false; echo $?")).out).toBe("1\n");
    expect((await h.run("echo $(echo a b) `echo c`")).out).toBe("a b c\n");
    expect((await h.run("echo $((2 + 3 * 4))")).out).toBe("14\n");
    expect((await h.run("echo ${UNSET:-default} ${#X}")).out).toBe("default 5\n");
    expect((await h.run("Y=a.tar.gz; echo ${Y%.gz} ${Y#*.} ${Y/tar/zip}")).out).toBe("a.tar tar.gz a.zip.gz\n");
  });

  it("splits unquoted expansions and drops empty ones", async () => {
    const h = harness();
    expect((await h.run('A="1  2"; printf "[%s]" $A "$A" $EMPTY; echo')).out).toBe("[1][2][1  2]\n");
  });

  it("unknown commands answer like bash with 127", async () => {
    const h = harness();
    expect(await h.run("foo --bar")).toMatchObject({ err: "bash: foo: command not found\n", code: 127 });
  });

  it("prints bash syntax errors with status 2", async () => {
    const h = harness();
    expect(await h.run("ls | | wc")).toMatchObject({ err: "bash: syntax error near unexpected token `|'\n", code: 2 });
    expect(await h.run("echo 'open")).toMatchObject({ err: "bash: unexpected EOF while looking for matching `''\nbash: syntax error: unexpected end of file\n", code: 2 });
  });

  it("redirects stdout, stderr, appends and heredocs into the host filesystem", async () => {
    const h = harness();
    await h.run("echo one > f.txt; echo two >> f.txt; cat nope 2> err.txt; cat nope > both.txt 2>&1");
    expect((await h.run("cat f.txt err.txt both.txt")).out).toBe("one\ntwo\ncat: nope: No such file or directory\ncat: nope: No such file or directory\n");
    expect((await h.run("cat nope 2>&1 > /dev/null")).out).toBe("cat: nope: No such file or directory\n");
    await h.run("X=42; cat <<EOF > pod.yaml\nvalue: $X\nEOF");
    expect(h.cluster.fs("controlplane")!.readFile("/root/pod.yaml")).toBe("value: 42\n");
    await h.run("cat <<'EOF' > lit.txt\nvalue: $X\nEOF");
    expect((await h.run("cat lit.txt")).out).toBe("value: $X\n");
    expect(await h.run("echo x > /nodir/f")).toMatchObject({ err: "bash: /nodir/f: No such file or directory\n", code: 1 });
    expect(await h.run("wc -l < f.txt")).toMatchObject({ out: "2\n" });
  });

  it("pipes through coreutils", async () => {
    const h = harness();
    const r = await h.run("printf 'b 2\\na 1\\nb 2\\nc 3\\n' | sort | uniq -c | sort -rn | head -n 1");
    expect(r.out).toBe("      2 b 2\n");
    expect((await h.run("echo hello | tr a-z A-Z")).out).toBe("HELLO\n");
  });

  it("globs against the filesystem, keeping unmatched patterns", async () => {
    const h = harness();
    await h.run("mkdir d && touch d/a.yaml d/b.yaml d/c.txt d/.hidden.yaml");
    expect((await h.run("echo d/*.yaml")).out).toBe("d/a.yaml d/b.yaml\n");
    expect((await h.run("echo d/*.json '*'")).out).toBe("d/*.json *\n");
    expect((await h.run("cd d && echo ?.txt")).out).toBe("c.txt\n");
  });

  it("runs control flow and reads lines from a pipe", async () => {
    const h = harness();
    expect((await h.run("for i in 1 2 3; do echo n$i; done")).out).toBe("n1\nn2\nn3\n");
    expect((await h.run("printf 'a b\\nc d\\n' | while read x y; do echo $y$x; done")).out).toBe("ba\ndc\n");
    expect((await h.run("if [ -d /etc ]; then echo dir; else echo no; fi")).out).toBe("dir\n");
    expect((await h.run("i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; echo $i")).out).toBe("3\n");
    expect((await h.run("true && echo yes || echo no; false && echo yes || echo no")).out).toBe("yes\nno\n");
  });

  it("has the CKA alias k=kubectl and alias/type/which builtins", async () => {
    const h = harness({ commands: { kubectl: (io) => (io.stdout(`kubectl ${io.args.join(" ")}\n`), 0) } });
    expect((await h.run("k get po")).out).toBe("kubectl get po\n");
    expect((await h.run("type k cd ls")).out).toBe("k is aliased to `kubectl'\ncd is a shell builtin\nls is /usr/bin/ls\n");
    expect((await h.run("which kubectl")).out).toBe("/usr/bin/kubectl\n");
    expect((await h.run("alias")).out).toBe("alias k='kubectl'\n");
  });

  it("keeps history, env and export", async () => {
    const h = harness();
    await h.run("export FOO=bar");
    expect((await h.run("env | grep FOO")).out).toBe("FOO=bar\n");
    expect((await h.run("history")).out).toBe("    1  export FOO=bar\n    2  env | grep FOO\n    3  history\n");
    expect((await h.run("A=1 env | grep ^A=")).out).toBe("A=1\n");
    expect((await h.run("echo ${A:-unset}")).out).toBe("unset\n");
  });

  it("cd errors use bash's texts", async () => {
    const h = harness();
    expect((await h.run("cd /nope")).err).toBe("bash: cd: /nope: No such file or directory\n");
    await h.run("touch f");
    expect((await h.run("cd f")).err).toBe("bash: cd: f: Not a directory\n");
  });

  it("refuses over-long lines and heredocs", async () => {
    const h = harness();
    const r = await h.run("echo " + "x".repeat(70 * 1024));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^bash: input refused/);
  });

  it("ends runaway loops", async () => {
    const h = harness();
    const r = await h.run("while true; do :; done");
    expect(r.code).toBe(1);
    expect(r.err).toContain("simulation limit");
  });

  it("exit in a subshell does not leave the shell", async () => {
    const h = harness();
    expect((await h.run("(exit 3); echo $?")).out).toBe("3\n");
    const r = await h.shell.run("exit 4");
    expect(r).toEqual({ exitCode: 4, exited: true });
  });
});
