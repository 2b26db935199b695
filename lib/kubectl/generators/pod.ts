/** `kubectl run NAME --image=...`: the Pod kubectl v1.32 builds (kubectl pkg/cmd/run, generate/versioned BasicPod). */
import type { GeneratorResult } from "./generator-result";
import { isValidImageReference } from "./image-reference";

export interface RunOptions {
  name: string;
  image: string;
  /** --labels "k=v,k2=v2" ("" = run=<name>). */
  labels: string;
  annotations: string[];
  env: string[];
  /** --port as typed ("" = none). */
  port: string;
  restart: string;
  command: boolean;
  /** Everything after the name (or after `--`). */
  args: string[];
  imagePullPolicy: string;
  stdin: boolean;
  tty: boolean;
  leaveStdinOpen: boolean;
  privileged: boolean;
}

export function generatePod(o: RunOptions): GeneratorResult {
  if (!isValidImageReference(o.image)) return { ok: false, error: `Invalid image name "${o.image}": invalid reference format` };
  if (!["Always", "OnFailure", "Never"].includes(o.restart)) return { ok: false, error: `invalid restart policy: ${o.restart}`, usage: true };
  let labels: Record<string, string> = { run: o.name };
  if (o.labels !== "") {
    labels = {};
    for (const pair of o.labels.split(",")) {
      const kv = pair.split("=");
      if (kv.length !== 2) return { ok: false, error: `unexpected label spec: ${pair}` };
      labels[kv[0]] = kv[1];
    }
  }
  const annotations: Record<string, string> = {};
  for (const a of o.annotations) {
    const eq = a.indexOf("=");
    if (eq <= 0) return { ok: false, error: `invalid annotation spec: ${a}` };
    annotations[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const env: { name: string; value: string }[] = [];
  for (const e of o.env) {
    const eq = e.indexOf("=");
    if (eq <= 0) return { ok: false, error: `invalid env: ${e}` };
    env.push({ name: e.slice(0, eq), value: e.slice(eq + 1) });
  }
  const container: Record<string, unknown> = { name: o.name, image: o.image };
  if (o.args.length > 0) container[o.command ? "command" : "args"] = [...o.args];
  if (o.port !== "") {
    if (!/^[+-]?\d+$/.test(o.port)) return { ok: false, error: `strconv.Atoi: parsing ${JSON.stringify(o.port)}: invalid syntax` };
    const port = Number(o.port);
    if (port > 0) container.ports = [{ containerPort: port }];
  }
  if (env.length > 0) container.env = env;
  container.resources = {};
  if (o.imagePullPolicy) container.imagePullPolicy = o.imagePullPolicy;
  if (o.privileged) container.securityContext = { privileged: true };
  if (o.stdin) container.stdin = true;
  if (o.stdin && !o.leaveStdinOpen) container.stdinOnce = true;
  if (o.tty) container.tty = true;
  const metadata: Record<string, unknown> = { name: o.name, creationTimestamp: null, labels };
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  return {
    ok: true,
    object: {
      kind: "Pod",
      apiVersion: "v1",
      metadata: metadata as never,
      spec: { containers: [container], restartPolicy: o.restart, dnsPolicy: "ClusterFirst" },
      status: {},
    },
  };
}
