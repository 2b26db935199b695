import { describe, expect, it } from "vitest";
import { asList } from "./list-and-name";
import { toKubectlYaml, toKubectlYamlDocuments } from "./to-kubectl-yaml";

// Every expected text below was printed by a real kubectl v1.32.3 (`create … --dry-run=client -o yaml`).
describe("toKubectlYaml", () => {
  it("kubectl run nginx --image=nginx --dry-run=client -o yaml", () => {
    const pod = {
      kind: "Pod",
      apiVersion: "v1",
      metadata: { name: "nginx", creationTimestamp: null, labels: { run: "nginx" } },
      spec: { containers: [{ name: "nginx", image: "nginx", resources: {} }], restartPolicy: "Always", dnsPolicy: "ClusterFirst" },
      status: {},
    };
    expect(toKubectlYaml(pod)).toBe(
      `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: nginx
  name: nginx
spec:
  containers:
  - image: nginx
    name: nginx
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`,
    );
  });

  it("kubectl create service clusterip redis --tcp=6379:6379", () => {
    const svc = {
      kind: "Service",
      apiVersion: "v1",
      metadata: { name: "redis", creationTimestamp: null, labels: { app: "redis" } },
      spec: { ports: [{ name: "6379-6379", protocol: "TCP", port: 6379, targetPort: 6379 }], selector: { app: "redis" }, type: "ClusterIP" },
      status: { loadBalancer: {} },
    };
    expect(toKubectlYaml(svc)).toBe(
      `apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: redis
  name: redis
spec:
  ports:
  - name: 6379-6379
    port: 6379
    protocol: TCP
    targetPort: 6379
  selector:
    app: redis
  type: ClusterIP
status:
  loadBalancer: {}
`,
    );
  });

  it("quotes strings exactly as go-yaml v2 (a ConfigMap printed by kubectl)", () => {
    const data: Record<string, string> = {
      lead: " x", trail: "x ", dash: "- a", dash2: "-a", hash: "a #b", hash2: "a#b", q: "it's", dq: 'say "hi"', colon: "a:b", colon2: "a:",
      brace: "{a}", yes: "yes", y: "y", on: "on", oct: "0755", hex: "0x1F", fl: "1.5", exp: "1e3", inf: ".inf", nan: ".nan", tab: "a\tb",
      uni: "héllo", at: "@x", bt: "`x", pct: "%x", amp: "&x", bang: "!x", pipe: "|x", gt: ">x", qm: "?x", qm2: "? x", comma: "a,b", sq: "'x'",
      minus: "-", ml2: "a\nb", ml3: "a\n\nb\n\n", mlsp: "a \nb", mllead: "  a\nb", date: "2026-11-25", ver: "1.27", neg: "-5", plus: "+5",
      under: "1_000", b60: "1:20:30", tilde: "~x", eq: "=", lt: "<x", star: "*x", bracket: "[x]", ctrl: "a\x01b", True: "True", NULL: "NULL",
      No: "No", off: "Off",
      long: "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available",
    };
    const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x", creationTimestamp: null }, data };
    expect(toKubectlYaml(cm)).toBe(
      `apiVersion: v1
data:
  "NULL": "NULL"
  "No": "No"
  "True": "True"
  amp: '&x'
  at: '@x'
  b60: "1:20:30"
  bang: '!x'
  brace: '{a}'
  bracket: '[x]'
  bt: '\`x'
  colon: a:b
  colon2: 'a:'
  comma: a,b
  ctrl: "a\\x01b"
  dash: '- a'
  dash2: -a
  date: "2026-11-25"
  dq: say "hi"
  eq: =
  exp: "1e3"
  fl: "1.5"
  gt: '>x'
  hash: 'a #b'
  hash2: a#b
  hex: "0x1F"
  inf: ".inf"
  lead: ' x'
  long: '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint
    {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available'
  lt: <x
  minus: '-'
  ml2: |-
    a
    b
  ml3: |+
    a

    b

  mllead: |2-
      a
    b
  mlsp: "a \\nb"
  nan: ".nan"
  neg: "-5"
  oct: "0755"
  "off": "Off"
  "on": "on"
  pct: '%x'
  pipe: '|x'
  plus: "+5"
  q: it's
  qm: ?x
  qm2: '? x'
  sq: '''x'''
  star: '*x'
  tab: "a\\tb"
  tilde: ~x
  trail: 'x '
  under: "1_000"
  uni: héllo
  ver: "1.27"
  "y": "y"
  "yes": "yes"
kind: ConfigMap
metadata:
  creationTimestamp: null
  name: x
`,
    );
  });

  it("quotes what would read back as another type (the first ConfigMap kubectl printed)", () => {
    const data = { a: "80", b: "*", c: "true", d: "", e: "a: b", f: "l1\nl2\n", g: "2026-11-25T10:00:00Z", h: "1:20", i: "null", j: "~" };
    expect(toKubectlYaml({ data })).toBe(
      `data:
  a: "80"
  b: '*'
  c: "true"
  d: ""
  e: 'a: b'
  f: |
    l1
    l2
  g: "2026-11-25T10:00:00Z"
  h: "1:20"
  i: "null"
  j: "~"
`,
    );
  });

  it("folds long lines after column 80 and indents sequence scalars like kubectl (create job … -- args)", () => {
    const job = {
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: { creationTimestamp: null, name: "j" },
      spec: {
        template: {
          metadata: { creationTimestamp: null },
          spec: {
            containers: [
              {
                command: [
                  "word word word word word word word word word word word word word word word word word word word word",
                  "first\nsecond",
                  "",
                  "a: b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p",
                  " lead\nx\n",
                  "tab\tword word word word word word word word word word word word word word word word word word word",
                  "😀",
                  "x  y",
                  "a   b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w",
                  '"quoted" word word word word word word word word word word word word word word word word word',
                ],
                image: "nginx",
                name: "j",
                resources: {},
              },
            ],
            restartPolicy: "Never",
          },
        },
      },
      status: {},
    };
    expect(toKubectlYaml(job)).toBe(
      `apiVersion: batch/v1
kind: Job
metadata:
  creationTimestamp: null
  name: j
spec:
  template:
    metadata:
      creationTimestamp: null
    spec:
      containers:
      - command:
        - word word word word word word word word word word word word word word word
          word word word word word
        - |-
          first
          second
        - ""
        - 'a: b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i
          j k l m n o p'
        - |2
           lead
          x
        - "tab\\tword word word word word word word word word word word word word word
          word word word word word"
        - "\\U0001F600"
        - x  y
        - a   b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i
          j k l m n o p q r s t u v w
        - '"quoted" word word word word word word word word word word word word word
          word word word word'
        image: nginx
        name: j
        resources: {}
      restartPolicy: Never
status: {}
`,
    );
  });

  it("a long plain value at the top level continues two spaces in (create priorityclass --description)", () => {
    const pc = { apiVersion: "scheduling.k8s.io/v1", description: Array(25).fill("word").join(" "), kind: "PriorityClass", metadata: { creationTimestamp: null, name: "pc" }, preemptionPolicy: "PreemptLowerPriority", value: 5 };
    expect(toKubectlYaml(pc)).toBe(
      `apiVersion: scheduling.k8s.io/v1
description: word word word word word word word word word word word word word word
  word word word word word word word word word word word
kind: PriorityClass
metadata:
  creationTimestamp: null
  name: pc
preemptionPolicy: PreemptLowerPriority
value: 5
`,
    );
  });

  it("empty List, nested sequences, numbers, booleans, null, empty collections", () => {
    expect(toKubectlYaml(asList([]))).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
    expect(toKubectlYaml({ a: [[1, 2], [], {}], b: true, c: null, d: 1.5, e: 0.00001, f: -3, g: [{ x: [{ y: 1 }] }] })).toBe(
      "a:\n- - 1\n  - 2\n- []\n- {}\nb: true\nc: null\nd: 1.5\ne: 1e-05\nf: -3\ng:\n- x:\n  - \"y\": 1\n",
    );
    expect(toKubectlYaml("plain")).toBe("plain\n");
    expect(toKubectlYaml([])).toBe("[]\n");
  });

  it("separates several documents with ---", () => {
    expect(toKubectlYamlDocuments([{ a: 1 }, { b: 2 }])).toBe("a: 1\n---\nb: 2\n");
  });

  it("drops undefined fields as a JSON round trip does, and keeps the quoting and folding of each style", () => {
    const obj = {
      metadata: { name: "x", labels: undefined, annotations: { a: undefined } },
      spec: { list: [undefined, 1.5, 1e21], onlyUndefined: { f: undefined } },
      when: "2024-01-02T03:04:05Z",
      quoted: "a value that must be double quoted because it ends with a colon and is long enough to fold:",
      "key with: colon": "true",
      tabbed: "a\tvalue with spaces that is long enough to be folded by the double-quoted writer at col 80",
    };
    expect(toKubectlYaml(obj)).toBe(`'key with: colon': "true"
metadata:
  annotations: {}
  name: x
quoted: 'a value that must be double quoted because it ends with a colon and is long
  enough to fold:'
spec:
  list:
  - null
  - 1.5
  - 1e+21
  onlyUndefined: {}
tabbed: "a\\tvalue with spaces that is long enough to be folded by the double-quoted
  writer at col 80"
when: "2024-01-02T03:04:05Z"
`);
  });
});
