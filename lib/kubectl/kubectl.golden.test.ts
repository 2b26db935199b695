/**
 * Golden transcripts through a real simulated cluster (fixed seed, virtual clock): each step is a command and the
 * exact stdout / stderr / exit code kubectl v1.32 prints (reference transcripts/mutating.txt).
 */
import { describe, expect, it } from "vitest";
import { createCluster, type Cluster } from "../cluster/index";
import { runKubectl, type HarnessOptions } from "./testing/run-kubectl";

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
  labels:
    app: myapp
spec:
  containers:
  - name: nginx-container
    image: nginx
`;

const RS = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: myapp-replicaset
  labels:
    app: myapp
spec:
  replicas: 3
  selector:
    matchLabels:
      type: front-end
  template:
    metadata:
      name: myapp-pod
      labels:
        app: myapp
        type: front-end
    spec:
      containers:
      - name: nginx-container
        image: nginx
`;

const MULTI = `apiVersion: v1
kind: Pod
metadata:
  name: multi-a
spec:
  containers:
  - name: c
    image: nginx
---
apiVersion: v1
kind: Service
metadata:
  name: multi-svc
spec:
  selector:
    app: multi
  ports:
  - port: 80
`;

const FILES: Record<string, string> = {
  "/root/pod.yaml": POD,
  "/root/rs.yaml": RS,
  "/root/multi.yaml": MULTI,
  "/root/rs-v1.yaml": RS.replace("apps/v1", "v1"),
  "/root/bad-yaml.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: nginx\n     image: nginx\n",
  "/root/bad-yaml2.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n\tcontainers:\n  - name: nginx\n",
  "/root/nokind.yaml": "apiVersion: v1\nmetadata:\n  name: x\n",
  "/root/noapiversion.yaml": "kind: Pod\nmetadata:\n  name: x\n",
  "/root/pod-noname.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    a: b\nspec:\n  containers:\n  - name: c\n    image: nginx\n",
  "/root/pod-ns.yaml": POD.replace("  name: myapp-pod\n", "  name: myapp-pod\n  namespace: dev\n"),
};

function newCluster(): Cluster {
  const c = createCluster({ seed: 7 });
  const fs = c.fs("controlplane")!;
  fs.mkdir("/root", { parents: true });
  for (const [p, text] of Object.entries(FILES)) fs.writeFile(p, text);
  return c;
}

type Step = [cmd: string, stdout: string, stderr?: string, code?: number];

async function play(c: Cluster, steps: Step[], opts: HarnessOptions = {}) {
  for (const [cmd, stdout, stderr = "", code = stderr && !stderr.startsWith("Warning") ? 1 : 0] of steps) {
    const r = await runKubectl(c, cmd.split(" ").slice(1), opts);
    expect({ cmd, stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ cmd, stdout, stderr, code });
    c.advance(2000);
  }
}

describe("kubectl golden transcripts", () => {
  it("create, apply, delete with files", async () => {
    await play(newCluster(), [
      ["kubectl create -f pod.yaml", "pod/myapp-pod created\n"],
      ["kubectl create -f pod.yaml", "", `Error from server (AlreadyExists): error when creating "pod.yaml": pods "myapp-pod" already exists\n`],
      [
        "kubectl apply -f pod.yaml",
        "pod/myapp-pod configured\n",
        "Warning: resource pods/myapp-pod is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n",
      ],
      ["kubectl apply -f pod.yaml", "pod/myapp-pod unchanged\n"],
      ["kubectl delete -f pod.yaml", `pod "myapp-pod" deleted\n`],
      ["kubectl apply -f pod.yaml", "pod/myapp-pod created\n"],
      ["kubectl apply -f pod.yaml", "pod/myapp-pod unchanged\n"],
      ["kubectl create -f multi.yaml", "pod/multi-a created\nservice/multi-svc created\n"],
      ["kubectl delete -f multi.yaml", `pod "multi-a" deleted\nservice "multi-svc" deleted\n`],
      [
        "kubectl delete -f multi.yaml",
        "",
        `Error from server (NotFound): error when deleting "multi.yaml": pods "multi-a" not found\nError from server (NotFound): error when deleting "multi.yaml": services "multi-svc" not found\n`,
      ],
      ["kubectl create -f pod-ns.yaml", "", `Error from server (NotFound): error when creating "pod-ns.yaml": namespaces "dev" not found\n`],
      [
        "kubectl create -f pod-ns.yaml -n kube-system",
        "",
        `error: the namespace from the provided object "dev" does not match the namespace "kube-system". You must pass '--namespace=dev' to perform this operation.\n`,
      ],
      [
        "kubectl apply -f pod-noname.yaml",
        "",
        `error: error when retrieving current configuration of:\nResource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"\nName: "", Namespace: "default"\nfrom server for: "pod-noname.yaml": resource name may not be empty\n`,
      ],
      ["kubectl replace -f pod-noname.yaml", "", `error: error when replacing "pod-noname.yaml": resource name may not be empty\n`],
      ["kubectl replace --force -f pod.yaml", `pod "myapp-pod" deleted\npod/myapp-pod replaced\n`],
    ]);
  });

  it("file errors", async () => {
    await play(newCluster(), [
      ["kubectl create -f missing.yaml", "", `error: the path "missing.yaml" does not exist\n`],
      ["kubectl apply -f missing.yaml", "", `error: the path "missing.yaml" does not exist\n`],
      ["kubectl create", "", "error: must specify one of -f and -k\n"],
      ["kubectl create -f bad-yaml.yaml", "", "error: error parsing bad-yaml.yaml: error converting YAML to JSON: yaml: line 8: mapping values are not allowed in this context\n"],
      ["kubectl apply -f bad-yaml2.yaml", "", "error: error parsing bad-yaml2.yaml: error converting YAML to JSON: yaml: line 6: found character that cannot start any token\n"],
      ["kubectl create -f nokind.yaml", "", `error: error validating "nokind.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n`],
      ["kubectl create -f noapiversion.yaml", "", `error: error validating "noapiversion.yaml": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false\n`],
      [
        "kubectl create -f rs-v1.yaml --validate=false",
        "",
        `error: resource mapping not found for name: "myapp-replicaset" namespace: "" from "rs-v1.yaml": no matches for kind "ReplicaSet" in version "v1"\nensure CRDs are installed first\n`,
      ],
    ]);
  });

  it("scale, label, annotate, set image, expose", async () => {
    const c = newCluster();
    await play(c, [
      ["kubectl create -f rs.yaml", "replicaset.apps/myapp-replicaset created\n"],
      ["kubectl scale rs myapp-replicaset --replicas=6", "replicaset.apps/myapp-replicaset scaled\n"],
      ["kubectl scale --replicas=5 -f rs.yaml", "replicaset.apps/myapp-replicaset scaled\n"],
      ["kubectl scale rs myapp-replicaset --replicas=4 --current-replicas=3", "", "error: Expected replicas to be 3, was 5\n"],
      ["kubectl scale rs nope --replicas=2", "", `error: no objects passed to scale replicasets.apps "nope" not found\n`],
      ["kubectl scale deploy --replicas=3", "", "error: resource(s) were provided, but no name was specified\n"],
      ["kubectl scale rs myapp-replicaset --replicas=-1", "", "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n"],
      ["kubectl run nginx --image=nginx", "pod/nginx created\n"],
      ["kubectl run nginx --image=nginx", "", `Error from server (AlreadyExists): pods "nginx" already exists\n`],
      ["kubectl run nginx2 --image=nginx --dry-run=client", "pod/nginx2 created (dry run)\n"],
      ["kubectl run nginx6 --image nginx -n nosuchns", "", `Error from server (NotFound): namespaces "nosuchns" not found\n`],
      ["kubectl label pod nginx env=prod", "pod/nginx labeled\n"],
      ["kubectl label pod nginx env=dev", "", "error: 'env' already has a value (prod), and --overwrite is false\n"],
      ["kubectl label pod nginx env=dev --overwrite", "pod/nginx labeled\n"],
      ["kubectl label pod nginx env-", "pod/nginx unlabeled\n"],
      ["kubectl label pod nginx env-", `label "env" not found.\npod/nginx not labeled\n`],
      ["kubectl label node node01 disktype=ssd", "node/node01 labeled\n"],
      ["kubectl annotate pod nginx note=hello", "pod/nginx annotated\n"],
      ["kubectl set image rs/myapp-replicaset nginx-container=nginx:1.27", "replicaset.apps/myapp-replicaset image updated\n"],
      ["kubectl set image rs/myapp-replicaset nginx-container=nginx:1.27", ""],
      ["kubectl set image rs/myapp-replicaset foo=nginx:1.27", "", `error: unable to find container named "foo"\n`],
      [
        "kubectl expose pod nginx --port=80 --name=nginx-service --dry-run=client -o yaml",
        "apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: nginx\n  name: nginx-service\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 80\n  selector:\n    run: nginx\nstatus:\n  loadBalancer: {}\n",
      ],
      ["kubectl expose pod nginx --port=80 --name nginx-svc", "service/nginx-svc exposed\n"],
      ["kubectl expose pod nginx --port=80 --name nginx-svc", "", `Error from server (AlreadyExists): services "nginx-svc" already exists\n`],
      [
        "kubectl expose rs myapp-replicaset --port=80 --target-port=8080 --type=NodePort --dry-run=client -o yaml",
        "apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: myapp\n  name: myapp-replicaset\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 8080\n  selector:\n    type: front-end\n  type: NodePort\nstatus:\n  loadBalancer: {}\n",
      ],
      ["kubectl run nginx5 --image=nginx --port=80 --expose", "service/nginx5 created\npod/nginx5 created\n"],
      ["kubectl delete rs myapp-replicaset", `replicaset.apps "myapp-replicaset" deleted\n`],
      ["kubectl delete pod", "", "error: resource(s) were provided, but no name was specified\n"],
      ["kubectl delete pod nope", "", `Error from server (NotFound): pods "nope" not found\n`],
      ["kubectl delete pod --all -n kube-public", "No resources found\n"],
      ["kubectl delete pod/nginx svc/kubernetes --dry-run=client", `pod "nginx" deleted (dry run)\nservice "kubernetes" deleted (dry run)\n`],
      [
        "kubectl delete pod nginx --force --grace-period=0",
        `pod "nginx" force deleted\n`,
        "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n",
        0,
      ],
    ]);
  });

  it("get: single objects, errors and empty results", async () => {
    const c = newCluster();
    await play(c, [
      ["kubectl get pods", "", "No resources found in default namespace.\n", 0],
      ["kubectl get pods -n kube-public", "", "No resources found in kube-public namespace.\n", 0],
      ["kubectl get pods -A -l app=none", "", "No resources found\n", 0],
      ["kubectl get pods -o yaml", `apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n`],
      ["kubectl get pods -o name", ""],
      ["kubectl get pod nonexist", "", `Error from server (NotFound): pods "nonexist" not found\n`],
      ["kubectl get deploy nope", "", `Error from server (NotFound): deployments.apps "nope" not found\n`],
      ["kubectl get podz", "", `error: the server doesn't have a resource type "podz"\n`],
      ["kubectl get pods/x pods", "", "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n"],
      ["kubectl get ns default -o name", "namespace/default\n"],
      ["kubectl get svc kubernetes -o jsonpath={.spec.clusterIP}", "10.96.0.1"],
      ["kubectl get svc", "NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nkubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   3d\n"],
      ["kubectl get all", "NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   3d\n"],
    ]);
  });

  it("config and version", async () => {
    const c = newCluster();
    await play(c, [
      ["kubectl config current-context", "kubernetes-admin@kubernetes\n"],
      [
        "kubectl config get-contexts",
        "CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   \n",
      ],
      ["kubectl config set-context --current --namespace=kube-system", `Context "kubernetes-admin@kubernetes" modified.\n`],
      [
        "kubectl config get-contexts",
        "CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   kube-system\n",
      ],
      ["kubectl get pods -l component=nothing", "", "No resources found in kube-system namespace.\n", 0],
      ["kubectl version --client", "Client Version: v1.32.4\nKustomize Version: v5.5.0\n"],
    ]);
  });

  it("edit: no change, a change, a forbidden change", async () => {
    const c = newCluster();
    await play(c, [["kubectl create -f rs.yaml", "replicaset.apps/myapp-replicaset created\n"]]);
    await play(c, [["kubectl edit rs myapp-replicaset", "", "Edit cancelled, no changes made.\n", 0]], { editor: () => 0 });
    const bump = (path: string, fs: import("../cluster/index").HostFs) => {
      const text = fs.readFile(path) as string;
      fs.writeFile(path, text.replace("replicas: 3", "replicas: 4"));
      return 0;
    };
    await play(c, [["kubectl edit rs myapp-replicaset", "replicaset.apps/myapp-replicaset edited\n"]], { editor: bump });
    await play(c, [["kubectl edit pod nope", "", `Error from server (NotFound): pods "nope" not found\n`]], { editor: () => 0 });
  });
});

describe("kubectl run --dry-run=client -o yaml (reference transcripts)", () => {
  const cases: [string, string][] = [
    [
      "kubectl run nginx --image=nginx --dry-run=client -o yaml",
      "apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: nginx\n  name: nginx\nspec:\n  containers:\n  - image: nginx\n    name: nginx\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n",
    ],
    [
      "kubectl run redis --image=redis:alpine --labels=tier=db,app=redis --port=6379 --dry-run=client -o yaml",
      "apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: redis\n    tier: db\n  name: redis\nspec:\n  containers:\n  - image: redis:alpine\n    name: redis\n    ports:\n    - containerPort: 6379\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n",
    ],
    [
      "kubectl run bb --image=busybox --restart=Never --dry-run=client -o yaml -- sleep 3600",
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: bb\n  name: bb\nspec:\n  containers:\n  - args:\n    - sleep\n    - "3600"\n    image: busybox\n    name: bb\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Never\nstatus: {}\n',
    ],
    [
      "kubectl run bb2 --image=busybox --command --dry-run=client -o yaml -- sleep 3600",
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: bb2\n  name: bb2\nspec:\n  containers:\n  - command:\n    - sleep\n    - "3600"\n    image: busybox\n    name: bb2\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n',
    ],
    [
      "kubectl run envpod --image=nginx --env=FOO=bar --dry-run=client -o yaml",
      "apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: envpod\n  name: envpod\nspec:\n  containers:\n  - env:\n    - name: FOO\n      value: bar\n    image: nginx\n    name: envpod\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n",
    ],
  ];
  it.each(cases)("%s", async (cmd, yaml) => {
    const r = await runKubectl(newCluster(), cmd.split(" ").slice(1));
    expect(r).toEqual({ stdout: yaml, stderr: "", code: 0 });
  });

  it("run errors", async () => {
    await play(newCluster(), [
      ["kubectl run nginx5 --image=nginx --expose", "", "error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples\n"],
      [
        "kubectl run -i -t tmp --image=busybox --rm --restart=Never --dry-run=client -o yaml -- sh",
        "",
        "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples\n",
      ],
      ["kubectl run --image=nginx", "", "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n"],
      ["kubectl run x --image=Nginx:BAD", "", `error: Invalid image name "Nginx:BAD": invalid reference format\n`],
    ]);
  });
});

describe("kubectl get -w", () => {
  it("prints the list, then one line per event, until interrupted", async () => {
    const c = newCluster();
    await runKubectl(c, ["run", "nginx", "--image=nginx"]);
    c.advance(60_000);
    const r = await runKubectl(c, ["get", "pods", "--watch", "--output-watch-events"], {
      interruptAfterMs: 20_000,
      onSleep: (t) => {
        if (t === 0) c.client("test").create("pods", "default", { apiVersion: "v1", kind: "Pod", metadata: { name: "web2" }, spec: { containers: [{ name: "c", image: "nginx" }] } });
      },
    });
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("EVENT      NAME    READY   STATUS    RESTARTS   AGE");
    expect(lines[1]).toMatch(/^ADDED {6}nginx {3}1\/1 {5}Running {3}0 {10}\d+s$/);
    // Later lines keep the widths of the first block, so wider cells shift (RememberWidths).
    expect(lines.some((l) => /^ADDED {6}web2 {4}0\/1 {5}Pending {3}0 {10}0s$/.test(l))).toBe(true);
    expect(lines.some((l) => /^MODIFIED {3}web2 {4}1\/1 {5}Running {13}0 {10}\d+s$/.test(l))).toBe(true);
  });
});
