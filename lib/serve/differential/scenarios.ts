/**
 * The command scripts of the differential suite. Each scenario starts from two fresh twin clusters; `setup`
 * builds state through our shell on both; `commands` are compared one by one (state-changing ones included:
 * both sides then hold the same result, so later commands see the same cluster).
 */
import type { Scenario } from "./differential-runner";

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        ports:
        - containerPort: 80
`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: solo
  labels:
    app: solo
spec:
  containers:
  - name: main
    image: busybox
    command: ["sleep", "3600"]
`;

const RS = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
  labels:
    tier: frontend
spec:
  replicas: 3
  selector:
    matchLabels:
      tier: frontend
  template:
    metadata:
      labels:
        tier: frontend
    spec:
      containers:
      - name: php
        image: nginx
`;

const RC = `apiVersion: v1
kind: ReplicationController
metadata:
  name: myapp-rc
spec:
  replicas: 2
  selector:
    app: myapp
  template:
    metadata:
      labels:
        app: myapp
    spec:
      containers:
      - name: nginx
        image: nginx
`;

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: web-svc
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
`;

const files = {
  "deploy.yaml": DEPLOY,
  "deploy-v2.yaml": DEPLOY.replace("replicas: 2", "replicas: 3").replace("nginx:1.25", "nginx:1.27"),
  "pod.yaml": POD,
  "pod-v2.yaml": POD.replace("app: solo", "app: solo\n    track: v2"),
  "pod-image.yaml": POD.replace("image: busybox", "image: busybox:1.36"),
  "rs.yaml": RS,
  "rc.yaml": RC,
  "svc.yaml": SVC,
  "multi.yaml": `${SVC}---\n${POD.replace("name: solo", "name: second")}`,
  "invalid.yaml": POD.replace("name: main", "name: Main_Bad"),
  "unknown-field.yaml": POD.replace("  containers:", "  containerz: 1\n  containers:"),
  "no-kind.yaml": "apiVersion: v1\nmetadata:\n  name: x\n",
  "bad-kind.yaml": "apiVersion: v1\nkind: Podd\nmetadata:\n  name: x\n",
  "bad-yaml.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: [a\n",
  "no-image.yaml": POD.replace("    image: busybox\n", ""),
  "ns.yaml": "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n",
  "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n",
};

const settle = "sleep 30";

export const SCENARIOS: Scenario[] = [
  {
    name: "fresh cluster: get",
    commands: [
      "kubectl get nodes",
      "kubectl get nodes -o wide",
      "kubectl get no",
      "kubectl get node controlplane",
      "kubectl get nodes --show-labels",
      "kubectl get nodes -o name",
      "kubectl get nodes --no-headers",
      "kubectl get nodes -L kubernetes.io/hostname",
      "kubectl get ns",
      "kubectl get namespaces -o wide",
      "kubectl get ns default -o yaml",
      "kubectl get ns default -o json",
      "kubectl get pods",
      "kubectl get pods -A",
      "kubectl get pods -n kube-system -o wide",
      "kubectl get pods -A -o name",
      "kubectl get pods -A --no-headers",
      "kubectl get pods -n kube-system --sort-by=.metadata.name",
      "kubectl get pods -n kube-system --field-selector spec.nodeName=node01",
      "kubectl get pods -A --field-selector status.phase=Running -o name",
      "kubectl get pods -A -o custom-columns=NAME:.metadata.name,NS:.metadata.namespace",
      "kubectl get pods -n kube-system -o jsonpath='{range .items[*]}{.metadata.name}{\"\\n\"}{end}'",
      "kubectl get nodes -o jsonpath='{.items[*].metadata.name}'",
      "kubectl get all",
      "kubectl get all -A",
      "kubectl get svc",
      "kubectl get svc -A -o wide",
      "kubectl get svc kubernetes -o yaml",
      "kubectl get ep -A",
      "kubectl get cm -A",
      "kubectl get sa -A",
      "kubectl get secrets -A",
      "kubectl get deploy -A",
      "kubectl get deploy -n kube-system -o wide",
      "kubectl get rs -A",
      "kubectl get ds -A",
      "kubectl get ds -n kube-system -o wide",
      "kubectl get leases -A",
      "kubectl get endpointslices -A",
      "kubectl get rc",
      "kubectl get pods,svc -A",
      "kubectl get events -A",
    ],
  },
  {
    name: "fresh cluster: errors and empty results",
    commands: [
      "kubectl get pods -l app=nothing",
      "kubectl get pods -n nosuchns",
      "kubectl get pods -A -l app=none",
      "kubectl get deploy -o yaml",
      "kubectl get deploy -o name",
      "kubectl get pod nope",
      "kubectl get pods nope other",
      "kubectl get deploy nope",
      "kubectl get pod/nope",
      "kubectl get node nope",
      "kubectl get foo",
      "kubectl get pods --foo",
      "kubectl get pods -o foo",
      "kubectl get pods -l 'app in (a'",
      "kubectl get pods --field-selector foo=bar",
      "kubectl describe pods nope",
      "kubectl describe foo",
      "kubectl describe",
      "kubectl delete pod nope",
      "kubectl delete",
      "kubectl delete pods",
      "kubectl scale deploy nope --replicas=2",
      "kubectl scale deploy nope",
      "kubectl logs nope",
      "kubectl logs",
      "kubectl label pod nope a=b",
      "kubectl annotate pod nope a=b",
      "kubectl edit pod nope",
      "kubectl expose deploy nope --port=80",
      "kubectl rollout status deploy/nope",
      "kubectl rollout history deploy/nope",
      "kubectl set image deploy/nope nginx=nginx",
      "kubectl create namespace default",
      "kubectl delete ns default",
      "kubectl delete ns kube-system",
      "kubectl get pods -n kube-system nope -o yaml",
    ],
  },
  {
    name: "fresh cluster: describe and info",
    commands: [
      "kubectl describe node controlplane",
      "kubectl describe node node01",
      "kubectl describe ns default",
      "kubectl describe ns kube-system",
      "kubectl describe svc kubernetes",
      "kubectl describe sa default",
      "kubectl describe cm kube-root-ca.crt",
      "kubectl describe pod -n kube-system etcd-controlplane",
      "kubectl describe pod -n kube-system kube-apiserver-controlplane",
      "kubectl describe deploy -n kube-system coredns",
      "kubectl describe rs -n kube-system",
      "kubectl describe ds -n kube-system kube-proxy",
      "kubectl describe ep kubernetes",
      "kubectl describe lease -n kube-node-lease node01",
      "kubectl api-resources",
      "kubectl api-resources --namespaced=true",
      "kubectl api-resources -o name",
      "kubectl api-resources --api-group=apps",
      "kubectl api-versions",
      "kubectl version",
      "kubectl version -o yaml",
      "kubectl cluster-info",
      "kubectl explain pod",
      "kubectl explain pods.spec",
      "kubectl explain deploy",
      "kubectl explain svc",
      "kubectl explain deploy.spec.strategy.rollingUpdate.maxSurge",
      "kubectl explain pod.spec.containers.resources",
      "kubectl explain pod.spec.containers.resources.limits",
      "kubectl explain rs.spec --recursive",
      "kubectl explain nope",
      "kubectl logs -n kube-system etcd-controlplane --tail=3",
    ],
  },
  {
    name: "workloads: read",
    files,
    setup: [
      "kubectl apply -f deploy.yaml",
      "kubectl apply -f rs.yaml",
      "kubectl apply -f rc.yaml",
      "kubectl apply -f pod.yaml",
      "kubectl apply -f svc.yaml",
      "kubectl run nginx --image=nginx --labels=app=nginx,env=prod",
      settle,
    ],
    commands: [
      "kubectl get pods",
      "kubectl get pods -o wide",
      "kubectl get all",
      "kubectl get all -o wide",
      "kubectl get deploy,rs,rc",
      "kubectl get pods --show-labels",
      "kubectl get pods -L app,env",
      "kubectl get rs -o wide",
      "kubectl get deploy -o wide",
      "kubectl get rc -o wide",
      "kubectl get svc -o wide",
      "kubectl get ep",
      "kubectl get ep web-svc -o yaml",
      "kubectl get endpointslices",
      "kubectl get pods -l app=web",
      "kubectl get pods -l 'app in (web,nginx)'",
      "kubectl get pods -l 'app!=web' -o name",
      "kubectl get all -l app=web",
      "kubectl get pods --field-selector=status.phase=Running",
      "kubectl get pods --sort-by=.metadata.name",
      "kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,NODE:.spec.nodeName",
      "kubectl get deploy web -o json",
      "kubectl get deploy web -o yaml",
      "kubectl get rs frontend -o yaml",
      "kubectl get rc myapp-rc -o yaml",
      "kubectl get pod solo -o yaml",
      "kubectl get pod nginx -o json",
      "kubectl get svc web-svc -o yaml",
      "kubectl get deploy web -o jsonpath='{.spec.replicas}'",
      "kubectl get deploy web -o jsonpath='{.status}'",
      "kubectl get pods -o jsonpath='{.items[*].status.podIP}'",
      "kubectl get pods -o name",
      "kubectl get deploy web rs/frontend rc/myapp-rc",
      "kubectl get events",
      "kubectl get events --field-selector type=Normal -o name",
      "kubectl describe deploy web",
      "kubectl describe rs frontend",
      "kubectl describe rc myapp-rc",
      "kubectl describe pod solo",
      "kubectl describe pod nginx",
      "kubectl describe svc web-svc",
      "kubectl describe ep web-svc",
      "kubectl describe pods -l app=web",
      "kubectl describe all",
      "kubectl logs solo",
      "kubectl logs nginx",
      "kubectl logs deploy/web",
      "kubectl logs nginx -c nope",
      "kubectl rollout history deploy/web",
      "kubectl rollout status deploy/web",
      "kubectl rollout status rs/frontend",
      "kubectl get pods -n default -A",
    ],
  },
  {
    name: "create and run",
    commands: [
      "kubectl create deployment x --image=nginx",
      "kubectl create deployment x --image=nginx",
      "kubectl create deployment y --image=nginx --replicas=3 --port=80",
      "kubectl create deployment z --image=nginx --dry-run=client -o yaml",
      "kubectl create deployment z --image=nginx --dry-run=server -o yaml",
      "kubectl create deployment z --image=nginx --dry-run=server",
      "kubectl create deployment Bad --image=nginx",
      "kubectl create ns dev",
      "kubectl create ns dev",
      "kubectl create cm c --from-literal=a=1 --from-literal=b=two",
      "kubectl create secret generic s --from-literal=p=x",
      "kubectl create svc clusterip s1 --tcp=80:8080",
      "kubectl create svc clusterip s0 --tcp=http:80",
      "kubectl create svc nodeport s2 --tcp=80:80",
      "kubectl create svc nodeport s3 --tcp=80:80 --node-port=30080",
      "kubectl create svc nodeport s4 --tcp=80:80 --node-port=30080",
      "kubectl create svc externalname s5 --external-name=example.com",
      "kubectl run p1 --image=nginx",
      "kubectl run p1 --image=nginx",
      "kubectl run p2 --image=busybox --restart=Never -- sleep 3600",
      "kubectl run p3 --image=nginx --labels=app=x,tier=y --port=80",
      "kubectl run p4 --image=nginx --dry-run=client -o yaml",
      "kubectl run p5 --image=nginx -n dev",
      "kubectl run p6 --image=nginx -n nosuch",
      "kubectl expose deploy y --port=80 --target-port=8080",
      "kubectl expose pod p3 --port=80 --name=p3svc",
      "kubectl expose pod p1 --port=80",
      "kubectl expose deploy x --port=80 --type=NodePort",
      "kubectl get all",
      "kubectl get svc -o wide",
      "kubectl get cm,secret,sa",
      "kubectl get pods -n dev",
      "kubectl create sa robot",
      "kubectl create sa robot",
      "kubectl create sa robot2 --dry-run=client -o yaml",
      "kubectl create secret generic s --from-literal=p=x",
      "kubectl create cm c --from-literal=a=1",
      `kubectl run p7 --image=nginx --overrides='{"apiVersion":"v1","spec":{"restartPolicy":"Never","nodeName":"worker-1"}}' --dry-run=client -o yaml`,
    ],
  },
  {
    name: "apply, create -f, replace",
    files,
    commands: [
      "kubectl apply -f deploy.yaml",
      "kubectl apply -f deploy.yaml",
      "kubectl apply -f deploy-v2.yaml",
      "kubectl get deploy web -o jsonpath='{.spec.replicas} {.spec.template.spec.containers[0].image}'",
      "kubectl apply -f pod.yaml",
      "kubectl apply -f multi.yaml",
      "kubectl apply -f ns.yaml -f cm.yaml",
      "kubectl apply -f invalid.yaml",
      "kubectl apply -f unknown-field.yaml",
      "kubectl apply -f unknown-field.yaml --validate=false",
      "kubectl apply -f missing.yaml",
      "kubectl apply -f bad-kind.yaml",
      "kubectl apply -f no-kind.yaml",
      "kubectl apply -f bad-yaml.yaml",
      "kubectl apply -f no-image.yaml",
      "kubectl create -f pod.yaml",
      "kubectl create -f rs.yaml",
      "kubectl create -f rs.yaml",
      "kubectl create -f unknown-field.yaml",
      "kubectl replace -f pod-v2.yaml",
      "kubectl replace -f pod-image.yaml",
      "kubectl replace -f missing.yaml",
      "kubectl replace --force -f pod-image.yaml",
      "kubectl apply -f rc.yaml --dry-run=server",
      "kubectl apply -f rc.yaml --dry-run=client -o yaml",
      "kubectl apply -f rc.yaml -o name",
      "kubectl delete -f multi.yaml",
      "kubectl delete -f multi.yaml",
      "kubectl delete -f multi.yaml --ignore-not-found",
      "kubectl get all",
      "kubectl get ns,cm",
    ],
  },
  {
    name: "scale, label, annotate",
    files,
    setup: ["kubectl apply -f deploy.yaml", "kubectl apply -f rs.yaml", "kubectl apply -f pod.yaml", settle],
    commands: [
      "kubectl scale deploy web --replicas=5",
      "kubectl scale deploy web --replicas=-1",
      "kubectl scale rs nope --replicas=2",
      "kubectl scale deploy web --current-replicas=2 --replicas=3",
      "kubectl scale deploy web --current-replicas=5 --replicas=1",
      "kubectl scale rs frontend --replicas=1",
      "kubectl scale --replicas=4 rs/frontend deploy/web",
      "kubectl scale pod solo --replicas=2",
      "kubectl get deploy,rs",
      "kubectl label pod solo env=prod",
      "kubectl label pod solo env=dev",
      "kubectl label pod solo env=dev --overwrite",
      "kubectl label pod solo env-",
      "kubectl label pod solo env-",
      "kubectl label pods --all tier=x",
      "kubectl label pods -l app=web track=stable",
      "kubectl label node node01 disk=ssd",
      "kubectl label pod solo 'bad key=x'",
      "kubectl label deploy web --list",
      "kubectl annotate pod solo note=hello",
      "kubectl annotate pod solo note=again",
      "kubectl annotate pod solo note=again --overwrite",
      "kubectl annotate deploy web team=blue",
      "kubectl annotate pod solo note-",
      "kubectl get pods --show-labels",
      "kubectl get nodes -l disk=ssd",
      "kubectl get deploy web -o jsonpath='{.metadata.annotations}'",
    ],
  },
  {
    name: "set image and rollout",
    files,
    setup: ["kubectl apply -f deploy.yaml", settle],
    commands: [
      "kubectl set image deploy/web nginx=nginx:1.27",
      "kubectl rollout status deploy/web",
      "kubectl rollout history deploy/web",
      "kubectl set image deploy/web nope=nginx",
      "kubectl set image deploy/web nginx=nginx:1.21 --dry-run=client -o yaml",
      "kubectl get rs",
      "kubectl rollout undo deploy/web",
      "kubectl rollout status deploy/web",
      "kubectl rollout history deploy/web",
      "kubectl rollout history deploy/web --revision=2",
      "kubectl rollout undo deploy/web --to-revision=9",
      "kubectl rollout pause deploy/web",
      "kubectl rollout pause deploy/web",
      "kubectl set image deploy/web nginx=nginx:1.21",
      "kubectl rollout resume deploy/web",
      "kubectl rollout resume deploy/web",
      "kubectl rollout status deploy/web",
      "kubectl get deploy web -o wide",
      "kubectl describe deploy web",
      // Last: restartedAt holds the wall clock on one side and virtual time on the other, so names diverge after.
      "kubectl rollout restart deploy/web",
    ],
  },
  {
    name: "edit",
    files,
    setup: ["kubectl apply -f deploy.yaml", "kubectl apply -f pod.yaml", settle],
    commands: [
      "KUBE_EDITOR='sed -i s/nginx:1.25/nginx:1.27/' kubectl edit deploy web",
      "KUBE_EDITOR=true kubectl edit deploy web",
      "KUBE_EDITOR='sed -i s/replicas:.2/replicas:.4/' kubectl edit deploy/web",
      "KUBE_EDITOR='sed -i s/busybox/nginx/' kubectl edit pod solo",
      "KUBE_EDITOR='sed -i s/sleep/sleeep/' kubectl edit pod solo",
      "KUBE_EDITOR='sed -i s/app:.solo/app: solo2/' kubectl edit pod solo",
      "KUBE_EDITOR=true kubectl edit pod nope",
      "kubectl get deploy web -o jsonpath='{.spec.replicas} {.spec.template.spec.containers[0].image}'",
      "kubectl get pod solo --show-labels",
    ],
  },
  {
    name: "delete",
    files,
    setup: [
      "kubectl apply -f deploy.yaml",
      "kubectl apply -f rs.yaml",
      "kubectl apply -f pod.yaml",
      "kubectl apply -f svc.yaml",
      "kubectl run p1 --image=nginx --labels=app=x",
      "kubectl run p2 --image=nginx --labels=app=x",
      "kubectl create ns dev",
      "kubectl create cm c --from-literal=a=1",
      settle,
    ],
    commands: [
      "kubectl delete pod solo",
      "kubectl delete pod nope",
      "kubectl delete pods -l app=x",
      "kubectl delete cm c --dry-run=client",
      "kubectl delete cm c --dry-run=server",
      "kubectl delete cm c",
      "kubectl delete svc web-svc kubernetes --dry-run=client",
      "kubectl delete rs frontend --cascade=orphan",
      "kubectl get pods -l tier=frontend",
      "kubectl delete pods -l tier=frontend --grace-period=0 --force",
      "kubectl delete deploy web",
      "kubectl delete ns dev",
      "kubectl get ns",
      "kubectl delete rs nope --ignore-not-found",
      "kubectl delete pods --all",
      "kubectl get all",
    ],
  },
  {
    name: "apply merges lists by key; patch",
    files: {
      ...files,
      "svc-v2.yaml": SVC.replace("targetPort: 80", "targetPort: 8080"),
      "patch.yaml": "spec:\n  template:\n    metadata:\n      labels:\n        tier: web\n",
    },
    setup: ["kubectl apply -f deploy.yaml", "kubectl apply -f pod.yaml", "kubectl apply -f svc.yaml", settle],
    commands: [
      // Only the image changes: the container merges by name, so the server-defaulted fields stay.
      "kubectl apply -f pod-image.yaml",
      "kubectl get pod solo -o jsonpath='{.spec.containers[0].image} {.spec.containers[0].imagePullPolicy}'",
      "kubectl apply -f pod-image.yaml",
      "kubectl apply -f svc-v2.yaml",
      "kubectl get svc web-svc -o jsonpath='{.spec.ports}'",
      "kubectl apply -f deploy-v2.yaml --dry-run=client",
      "kubectl apply -f deploy-v2.yaml --dry-run=server -o jsonpath='{.spec.replicas}'",
      "kubectl get deploy web -o jsonpath='{.metadata.annotations}'",
      "kubectl patch deploy web -p '{\"spec\":{\"replicas\":3}}'",
      "kubectl patch deploy web -p '{\"spec\":{\"replicas\":3}}'",
      "kubectl patch deployment web --type=merge -p '{\"metadata\":{\"labels\":{\"team\":\"blue\"}}}'",
      "kubectl patch pod solo -p '{\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"busybox:1.37\"}]}}'",
      "kubectl patch pod solo --type=json -p '[{\"op\":\"replace\",\"path\":\"/spec/containers/0/image\",\"value\":\"busybox:1.36\"}]'",
      "kubectl patch pod solo --type=json -p '[{\"op\":\"remove\",\"path\":\"/spec/nope\"}]'",
      "kubectl patch pod solo -p '{\"spec\":{\"containers\":[{\"image\":\"busybox:1.36\"}]}}'",
      "kubectl patch pod solo -p $'metadata:\\n  labels:\\n    x: z'",
      "kubectl patch deploy web --patch-file=patch.yaml",
      "kubectl patch deploy web -p '{\"spec\":{\"replicas\":1}}' --dry-run=server",
      "kubectl patch deploy web -p '{\"spec\":{\"replicas\":1}}' --dry-run=client -o jsonpath='{.spec.replicas}'",
      "kubectl patch deploy web -p '{\"spec\":{\"replicas\":-1}}'",
      "kubectl patch -f deploy.yaml -p '{\"spec\":{\"replicas\":2}}' -o name",
      "kubectl patch pod nope -p '{}'",
      "kubectl patch pod solo",
      "kubectl patch pod solo -p '{}' --patch-file=patch.yaml",
      "kubectl patch pod solo --type=foo -p '{}'",
      "kubectl patch pod solo --patch-file=missing.json",
      "kubectl patch pods -p '{}'",
      "kubectl patch -p '{}'",
      "kubectl get deploy web -o jsonpath='{.spec.replicas} {.spec.template.metadata.labels}'",
    ],
  },
];
