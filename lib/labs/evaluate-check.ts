import { parse as parseYaml } from "yaml";
import type { KubeObject } from "../cluster/index";
import type { Check } from "./check-schema";
import { customChecks } from "./custom-checks";
import { getObject, listObjects, readHostFile, resolveKind, type LabWorld } from "./lab-world";
import { readPath, show } from "./object-path";
import { isPodReady, podImages, podPhase, podProblem } from "./pod-state";

export interface CheckResult {
  passed: boolean;
  /** What was checked, in a learner's words ("ReplicaSet myapp has 6 ready pods"). */
  title: string;
  /** Why it failed: expected vs actual and which object. Absent when passed. */
  explanation?: string;
}

const ns = (n: string | undefined) => n ?? "default";
const where = (n: string | undefined) => (n && n !== "default" ? ` in namespace ${n}` : "");

function kindName(world: LabWorld, kind: string): string {
  return resolveKind(world, kind)?.kind ?? kind;
}


function summarizeProblems(pods: KubeObject[]): string {
  const groups = new Map<string, number>();
  for (const p of pods) groups.set(podProblem(p), (groups.get(podProblem(p)) ?? 0) + 1);
  return [...groups].map(([problem, n]) => `${n} ${problem}`).join(", ");
}

/** Evaluate one check against the world. Never throws: a broken check reads as a failure with its reason. */
export function evaluateCheck(world: LabWorld, check: Check): CheckResult {
  try {
    return evaluate(world, check);
  } catch (e) {
    return { passed: false, title: `check ${check.type}`, explanation: `the check could not run: ${(e as Error).message}` };
  }
}

function evaluate(world: LabWorld, check: Check): CheckResult {
  switch (check.type) {
    case "exists": {
      const title = `${kindName(world, check.kind)} ${check.name} exists${where(check.namespace)}`;
      const obj = getObject(world, check.kind, check.name, ns(check.namespace));
      return obj ? { passed: true, title } : { passed: false, title, explanation: `there is no ${kindName(world, check.kind)} named "${check.name}"${where(check.namespace) || " in namespace default"}` };
    }
    case "absent": {
      const title = `${kindName(world, check.kind)} ${check.name} is gone${where(check.namespace)}`;
      const obj = getObject(world, check.kind, check.name, ns(check.namespace));
      if (!obj) return { passed: true, title };
      const terminating = obj.metadata.deletionTimestamp ? " (it is still terminating)" : "";
      return { passed: false, title, explanation: `${kindName(world, check.kind)} "${check.name}" still exists${terminating}` };
    }
    case "field": {
      const kind = kindName(world, check.kind);
      const expected = check.equals !== undefined ? `= ${show(check.equals)}` : check.matches !== undefined ? `matching /${check.matches}/` : `one of ${check.oneOf!.map(show).join(", ")}`;
      const title = `${kind} ${check.name}: ${check.path} ${expected}`;
      const obj = getObject(world, check.kind, check.name, ns(check.namespace));
      if (!obj) return { passed: false, title, explanation: `there is no ${kind} named "${check.name}"${where(check.namespace) || " in namespace default"}` };
      const values = readPath(obj, check.path);
      const ok = (v: unknown) =>
        check.equals !== undefined
          ? String(v) === String(check.equals)
          : check.matches !== undefined
            ? new RegExp(check.matches).test(String(v))
            : check.oneOf!.map(String).includes(String(v));
      const passed = values.length > 0 && (check.all ? values.every(ok) : values.some(ok));
      if (passed) return { passed: true, title };
      const actual = values.length === 0 ? "it is not set" : `it is ${values.map(show).join(", ")}`;
      return { passed: false, title, explanation: `expected ${check.path} of ${kind} ${check.name} ${expected}, but ${actual}` };
    }
    case "podCount": {
      const filters = [check.phase, check.ready ? "Ready" : undefined].filter(Boolean).join(" and ");
      const sel = check.selector ? ` with ${check.selector}` : "";
      const img = check.image ? ` running ${check.image}` : "";
      const target = check.equals !== undefined ? `${check.equals}` : check.min !== undefined && check.max !== undefined ? `${check.min} to ${check.max}` : check.min !== undefined ? `at least ${check.min}` : `at most ${check.max}`;
      const what = `${filters ? `${filters} ` : ""}pod`;
      const title = `${target} ${what}s${sel}${img}${where(check.namespace)}`;
      // Terminating pods are on their way out: they count for nothing.
      const all = listObjects(world, "pods", ns(check.namespace), check.selector).filter((p) => !p.metadata.deletionTimestamp);
      const matching = all.filter(
        (p) =>
          (check.phase === undefined || podPhase(p) === check.phase) &&
          (check.ready === undefined || isPodReady(p) === check.ready) &&
          (check.image === undefined || podImages(p).every((i) => i === check.image)),
      );
      const n = matching.length;
      const passed = (check.equals === undefined || n === check.equals) && (check.min === undefined || n >= check.min) && (check.max === undefined || n <= check.max);
      if (passed) return { passed: true, title };
      const others = all.filter((p) => !matching.includes(p));
      const rest = others.length ? ` and ${summarizeProblems(others)}` : "";
      return { passed: false, title, explanation: `expected ${target} ${what}s${sel}${img}, found ${n}${rest}` };
    }
    case "replicas": {
      const kind = kindName(world, check.kind);
      const parts = [check.desired !== undefined ? `${check.desired} desired` : "", check.ready !== undefined ? `${check.ready} ready` : ""].filter(Boolean);
      const title = `${kind} ${check.name} has ${parts.join(" and ")} replicas`;
      const obj = getObject(world, check.kind, check.name, ns(check.namespace));
      if (!obj) return { passed: false, title, explanation: `there is no ${kind} named "${check.name}"${where(check.namespace) || " in namespace default"}` };
      const desired = Number(readPath(obj, "spec.replicas")[0] ?? 1);
      const ready = Number(readPath(obj, "status.readyReplicas")[0] ?? 0);
      const problems: string[] = [];
      if (check.desired !== undefined && desired !== check.desired) problems.push(`spec.replicas is ${desired}, expected ${check.desired}`);
      if (check.ready !== undefined && ready !== check.ready) {
        const selector = readPath(obj, "spec.selector.matchLabels")[0] ?? readPath(obj, "spec.selector")[0];
        const sel = selector && typeof selector === "object" ? Object.entries(selector as Record<string, string>).map(([k, v]) => `${k}=${v}`).join(",") : undefined;
        const notReady = sel ? listObjects(world, "pods", ns(check.namespace), sel).filter((p) => !isPodReady(p)) : [];
        problems.push(`${ready} ready, expected ${check.ready}${notReady.length ? ` (${summarizeProblems(notReady)})` : ""}`);
      }
      return problems.length ? { passed: false, title, explanation: `${kind} ${check.name}: ${problems.join("; ")}` } : { passed: true, title };
    }
    case "owner": {
      const subject = check.name ? `${kindName(world, check.kind)} ${check.name}` : `every ${kindName(world, check.kind)} with ${check.selector ?? "any labels"}`;
      const title = `${subject} is controlled by ${check.ownerKind}${check.ownerName ? ` ${check.ownerName}` : ""}`;
      const objs = check.name
        ? [getObject(world, check.kind, check.name, ns(check.namespace))].filter((o): o is KubeObject => !!o)
        : listObjects(world, check.kind, ns(check.namespace), check.selector);
      if (objs.length === 0) return { passed: false, title, explanation: `no ${kindName(world, check.kind)} found${check.name ? ` named "${check.name}"` : ` with ${check.selector}`}` };
      const ownerKind = kindName(world, check.ownerKind);
      const bad = objs.filter((o) => !(o.metadata.ownerReferences ?? []).some((r) => r.controller && r.kind === ownerKind && (!check.ownerName || r.name === check.ownerName)));
      if (!bad.length) return { passed: true, title };
      const describeOwner = (o: KubeObject) => {
        const c = (o.metadata.ownerReferences ?? []).find((r) => r.controller);
        return c ? `${c.kind} ${c.name}` : "nothing";
      };
      return { passed: false, title, explanation: bad.map((o) => `${o.metadata.name} is controlled by ${describeOwner(o)}`).join("; ") };
    }
    case "placement": {
      const title = check.node ? `pod ${check.pod} runs on ${check.node}` : `pod ${check.pod} does not run on ${check.notNode}`;
      const pod = getObject(world, "pods", check.pod, ns(check.namespace));
      if (!pod) return { passed: false, title, explanation: `there is no pod named "${check.pod}"${where(check.namespace) || " in namespace default"}` };
      const node = readPath(pod, "spec.nodeName")[0] as string | undefined;
      if (check.node) {
        if (node === check.node) return { passed: true, title };
        return { passed: false, title, explanation: node ? `pod ${check.pod} is on ${node}` : `pod ${check.pod} is not scheduled: ${podProblem(pod)}` };
      }
      if (!node) return { passed: false, title, explanation: `pod ${check.pod} is not scheduled yet: ${podProblem(pod)}` };
      return node !== check.notNode ? { passed: true, title } : { passed: false, title, explanation: `pod ${check.pod} is on ${node}` };
    }
    case "serviceEndpoints": {
      const min = check.min ?? 1;
      const title = `service ${check.service} has ${min === 1 ? "an endpoint" : `${min} endpoints`}`;
      const svc = getObject(world, "services", check.service, ns(check.namespace));
      if (!svc) return { passed: false, title, explanation: `there is no service named "${check.service}"${where(check.namespace) || " in namespace default"}` };
      const ep = getObject(world, "endpoints", check.service, ns(check.namespace));
      const ready = ep ? readPath(ep, "subsets[*].addresses[*]").length : 0;
      if (ready >= min) return { passed: true, title };
      const selector = readPath(svc, "spec.selector")[0] as Record<string, string> | undefined;
      const sel = selector ? Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(",") : "";
      const pods = sel ? listObjects(world, "pods", ns(check.namespace), sel) : [];
      const why = !sel ? "it has no selector" : pods.length === 0 ? `no pod has the labels ${sel}` : `${pods.length} pod(s) match ${sel} but ${summarizeProblems(pods.filter((p) => !isPodReady(p))) || "none is ready"}`;
      return { passed: false, title, explanation: `service ${check.service} has ${ready} ready endpoint(s): ${why}` };
    }
    case "fileManifest": {
      const host = check.host ?? "controlplane";
      const title = `${check.path} on ${host} is a ${check.kind} manifest${check.fields ? ` with ${Object.entries(check.fields).map(([k, v]) => `${k}: ${v}`).join(", ")}` : ""}`;
      const text = readHostFile(world, host, check.path);
      if (text === undefined) return { passed: false, title, explanation: `${check.path} does not exist on ${host}` };
      let doc: unknown;
      try {
        doc = parseYaml(text, { maxAliasCount: 50 });
      } catch (e) {
        return { passed: false, title, explanation: `${check.path} is not valid YAML: ${(e as Error).message.split("\n")[0]}` };
      }
      const kind = readPath(doc, "kind")[0];
      if (kind !== check.kind) return { passed: false, title, explanation: `${check.path} has kind ${show(kind)}, expected ${check.kind}` };
      for (const [path, expected] of Object.entries(check.fields ?? {})) {
        const actual = readPath(doc, path);
        if (!actual.some((v) => String(v) === String(expected))) {
          return { passed: false, title, explanation: `${check.path}: expected ${path} to be ${show(expected)}, found ${actual.length ? actual.map(show).join(", ") : "nothing"}` };
        }
      }
      return { passed: true, title };
    }
    case "event": {
      const title = `an event ${check.reason}${check.object ? ` for ${check.object}` : ""} happened${where(check.namespace)}`;
      const events = listObjects(world, "events", ns(check.namespace));
      const found = events.some((e) => {
        if (readPath(e, "reason")[0] !== check.reason) return false;
        if (!check.object) return true;
        const name = String(readPath(e, "involvedObject.name")[0] ?? "");
        return check.object.endsWith("*") ? name.startsWith(check.object.slice(0, -1)) : name === check.object;
      });
      return found ? { passed: true, title } : { passed: false, title, explanation: `no ${check.reason} event${check.object ? ` for ${check.object}` : ""} has been recorded` };
    }
    case "commandUsed": {
      const title = check.description;
      const re = new RegExp(check.pattern);
      return world.commands.some((c) => re.test(c)) ? { passed: true, title } : { passed: false, title, explanation: `this task asks you to ${check.description.charAt(0).toLowerCase()}${check.description.slice(1)}` };
    }
    case "custom": {
      const fn = customChecks[check.id];
      if (!fn) return { passed: false, title: `custom check ${check.id}`, explanation: `unknown custom check "${check.id}"` };
      return fn(world, check.params ?? {});
    }
  }
}

