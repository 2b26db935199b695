import { describe, expect, it } from "vitest";
import { extractProseCommands, unsupportedOutput } from "./prose-commands";

const knownCommands = new Set(["kubectl", "k", "cat", "echo", "ssh", "systemctl", "ps", "grep", "etcdctl"]);
const extract = (source: string) => extractProseCommands(source, { knownCommands });

describe("extractProseCommands", () => {
  it("takes commands from bash, sh and shell blocks only, with their source line", () => {
    const src = [
      "---",
      "title: x",
      "---",
      "Run `kubectl get pods` (inline code is prose, not a command).",
      "```bash",
      "kubectl get nodes",
      "```",
      "```yaml",
      "kind: Pod",
      "```",
      "```sh",
      "k get po",
      "```",
      "```shell",
      "echo hi",
      "```",
      "```text",
      "kubectl get svc",
      "```",
    ].join("\n");
    expect(extract(src)).toEqual([
      { line: 6, text: "kubectl get nodes", expectError: false },
      { line: 12, text: "k get po", expectError: false },
      { line: 15, text: "echo hi", expectError: false },
    ]);
  });

  it("skips comments, pasted output and lines marked # not run; keeps # expect error", () => {
    const src = [
      "```bash",
      "# list the nodes",
      "kubectl get nodes",
      "NAME           STATUS   ROLES           AGE   VERSION",
      "controlplane   Ready    control-plane   3d    v1.32.4",
      "kubectl drain node01   # not run: it would empty the node",
      "kubectl get pod nope   # expect error: there is no such pod",
      "```",
    ].join("\n");
    expect(extract(src).map((c) => [c.text, c.expectError])).toEqual([
      ["kubectl get nodes", false],
      ["kubectl get pod nope   # expect error: there is no such pod", true],
    ]);
  });

  it("strips pasted prompts and looks past VAR=value and sudo to find the command", () => {
    const src = ["```bash", "$ kubectl get ns", "controlplane:~$ cat /etc/hosts", "ETCDCTL_API=3 etcdctl version", "sudo ps aux", "```"].join("\n");
    expect(extract(src).map((c) => c.text)).toEqual(["kubectl get ns", "cat /etc/hosts", "ETCDCTL_API=3 etcdctl version", "sudo ps aux"]);
  });

  it("joins heredocs and backslash continuations into one command", () => {
    const src = [
      "```bash",
      "kubectl apply -f - <<EOF",
      "apiVersion: v1",
      "kind: Namespace",
      "metadata: { name: dev }",
      "EOF",
      "kubectl get pods \\",
      "  -A",
      "```",
    ].join("\n");
    expect(extract(src)).toEqual([
      { line: 2, text: "kubectl apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nmetadata: { name: dev }\nEOF", expectError: false },
      { line: 7, text: "kubectl get pods \\\n  -A", expectError: false },
    ]);
  });

  it("reads fenced blocks indented inside lists and JSX, and ~~~ fences", () => {
    const src = ["1. Look:", "   ```bash", "   kubectl get nodes", "   ```", "<Callout kind=\"tip\">", "~~~shell", "ps aux", "~~~", "</Callout>"].join("\n");
    expect(extract(src).map((c) => c.text)).toEqual(["kubectl get nodes", "ps aux"]);
  });
});

describe("unsupportedOutput", () => {
  it("flags the simulator's messages for missing commands and flags", () => {
    expect(unsupportedOutput("bash: iptables: command not found\n")).toBe("bash: iptables: command not found");
    expect(unsupportedOutput("error: unknown flag: --frobnicate\nSee 'kubectl get --help' for usage.\n")).toBe("error: unknown flag: --frobnicate");
    expect(unsupportedOutput("error: --overrides is not supported by this simulator yet\n")).toBeDefined();
    expect(unsupportedOutput("error: unknown shorthand flag: 'z' in -z\n")).toBeDefined();
    expect(unsupportedOutput("etcdctl: 'watch /' is not simulated here (get, endpoint health, member list, snapshot save)\n")).toBeDefined();
  });

  it("accepts ordinary Kubernetes output, errors included", () => {
    expect(unsupportedOutput("NAME     READY   STATUS    RESTARTS   AGE\nnginx    1/1     Running   0          5s\n")).toBeUndefined();
    expect(unsupportedOutput('Error from server (NotFound): pods "nope" not found\n')).toBeUndefined();
  });
});
