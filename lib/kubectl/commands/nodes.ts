/** Node maintenance: cordon, uncordon, drain (kubectl pkg/drain), taint. */
import type { KubeObject } from "../../cluster/index";
import type { CommandImpl } from "../command-types";
import type { KubectlContext } from "../context";
import { getDryRun } from "../dry-run";

interface NodeShape extends KubeObject {
  spec?: { unschedulable?: boolean; taints?: { key: string; value?: string; effect: string }[] };
}

function nodeArgs(ctx: KubectlContext): { ok: true; nodes: NodeShape[] } | { ok: false; code: number } {
  const client = ctx.client();
  const selector = ctx.str("selector");
  if (ctx.args.length === 0 && !selector) return { ok: false, code: ctx.usage("USAGE: cordon NODE [flags]") };
  if (selector) {
    const list = client.list("nodes", undefined, { labelSelector: selector });
    if (!list.ok) return { ok: false, code: ctx.statusError(list.status) };
    return { ok: true, nodes: list.value.items as NodeShape[] };
  }
  const nodes: NodeShape[] = [];
  for (const a of ctx.args) {
    const name = a.replace(/^(nodes?|no)\//, "");
    const res = client.get("nodes", undefined, name);
    if (!res.ok) return { ok: false, code: ctx.statusError(res.status) };
    nodes.push(res.value as NodeShape);
  }
  return { ok: true, nodes };
}

function setUnschedulable(ctx: KubectlContext, node: NodeShape, value: boolean, dryRun: string): number {
  const name = node.metadata.name ?? "";
  const verb = value ? "cordoned" : "uncordoned";
  if (!!node.spec?.unschedulable === value) {
    ctx.out(`node/${name} already ${verb}\n`);
    return 0;
  }
  if (dryRun !== "client") {
    const res = ctx.client().patch("nodes", undefined, name, "merge", { spec: { unschedulable: value ? true : null } }, { dryRun: dryRun === "server" });
    if (!res.ok) return ctx.statusError(res.status);
  }
  ctx.out(`node/${name} ${verb}${dryRun === "client" ? " (dry run)" : dryRun === "server" ? " (server dry run)" : ""}\n`);
  return 0;
}

function cordonCommand(value: boolean): CommandImpl {
  return {
    support: "full",
    run(ctx) {
      const dry = getDryRun(ctx);
      if (!dry.ok) return ctx.fail(dry.error);
      const nodes = nodeArgs(ctx);
      if (!nodes.ok) return nodes.code;
      let rc = 0;
      for (const n of nodes.nodes) rc = setUnschedulable(ctx, n, value, dry.value) || rc;
      return rc;
    },
  };
}

export const cordon = cordonCommand(true);
export const uncordon = cordonCommand(false);

interface PodShape extends KubeObject {
  spec?: { volumes?: { emptyDir?: unknown }[] };
  status?: { phase?: string };
}

export const drainCommand: CommandImpl = {
  support: "partial",
  notes: "Pods are deleted rather than evicted (no PodDisruptionBudgets); --pod-selector and --disable-eviction are accepted.",
  async run(ctx) {
    const dry = getDryRun(ctx);
    if (!dry.ok) return ctx.fail(dry.error);
    const nodes = nodeArgs(ctx);
    if (!nodes.ok) return nodes.code;
    let rc = 0;
    for (const node of nodes.nodes) {
      const name = node.metadata.name ?? "";
      rc = setUnschedulable(ctx, node, true, dry.value) || rc;
      const list = ctx.client().list("pods", undefined, { fieldSelector: `spec.nodeName=${name}`, labelSelector: ctx.str("pod-selector") || undefined });
      if (!list.ok) return ctx.statusError(list.status);
      const pods = (list.value.items as PodShape[]).sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
      const ref = (p: PodShape) => `${p.metadata.namespace}/${p.metadata.name}`;
      const daemonSet: PodShape[] = [];
      const unmanaged: PodShape[] = [];
      const localStorage: PodShape[] = [];
      const toEvict: PodShape[] = [];
      for (const p of pods) {
        if (p.metadata.annotations?.["kubernetes.io/config.mirror"]) continue;
        if (p.metadata.deletionTimestamp) continue;
        const controller = p.metadata.ownerReferences?.find((o) => o.controller);
        const finished = p.status?.phase === "Succeeded" || p.status?.phase === "Failed";
        if (controller?.kind === "DaemonSet") {
          daemonSet.push(p);
          continue;
        }
        if (!controller && !finished) unmanaged.push(p);
        if ((p.spec?.volumes ?? []).some((v) => v.emptyDir) && !finished) localStorage.push(p);
        toEvict.push(p);
      }
      const errors: string[] = [];
      const warnings: string[] = [];
      if (daemonSet.length > 0) {
        if (ctx.bool("ignore-daemonsets")) warnings.push(`ignoring DaemonSet-managed Pods: ${daemonSet.map(ref).join(", ")}`);
        else errors.push(`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemonSet.map(ref).join(", ")}`);
      }
      if (localStorage.length > 0) {
        if (ctx.bool("delete-emptydir-data")) warnings.push(`deleting Pods with local storage: ${localStorage.map(ref).join(", ")}`);
        else errors.push(`cannot delete Pods with local storage (use --delete-emptydir-data to override): ${localStorage.map(ref).join(", ")}`);
      }
      if (unmanaged.length > 0) {
        if (ctx.bool("force")) warnings.push(`deleting Pods that declare no controller: ${unmanaged.map(ref).join(", ")}`);
        else errors.push(`cannot delete Pods that declare no controller (use --force to override): ${unmanaged.map(ref).join(", ")}`);
      }
      if (errors.length > 0) {
        ctx.err(`error: unable to drain node ${JSON.stringify(name)} due to error: [${errors.join(", ")}], continuing command...\nThere are pending nodes to be drained:\n ${name}\n${errors.map((e) => `${e}\n`).join("")}`);
        rc = 1;
        continue;
      }
      if (warnings.length > 0) ctx.err(`Warning: ${warnings.join("; ")}\n`);
      if (dry.value === "client") {
        for (const p of toEvict) ctx.out(`evicting pod ${ref(p)} (dry run)\n`);
        ctx.out(`node/${name} drained (dry run)\n`);
        continue;
      }
      const grace = ctx.int("grace-period");
      const deleted: { ns: string; name: string; uid?: string }[] = [];
      for (const p of toEvict) {
        ctx.out(`evicting pod ${ref(p)}\n`);
        const res = ctx.client().delete("pods", p.metadata.namespace, p.metadata.name ?? "", grace >= 0 ? { gracePeriodSeconds: grace } : {});
        if (res.ok) deleted.push({ ns: p.metadata.namespace ?? "", name: p.metadata.name ?? "", uid: p.metadata.uid });
      }
      const timeout = ctx.int("timeout") > 0 ? ctx.int("timeout") : 168 * 3600_000;
      const start = ctx.now();
      const pending = [...deleted];
      while (pending.length > 0 && !ctx.io.signal.aborted && ctx.now() - start < timeout) {
        ctx.io.cluster.runUntilIdle();
        for (let i = pending.length - 1; i >= 0; i--) {
          const d = pending[i];
          const res = ctx.client().get("pods", d.ns, d.name);
          if (!res.ok || res.value.metadata.uid !== d.uid) {
            ctx.out(`pod/${d.name} evicted\n`);
            pending.splice(i, 1);
          }
        }
        if (pending.length > 0) await ctx.io.sleep(1000);
      }
      if (pending.length > 0) {
        rc = ctx.fail(`unable to drain node ${JSON.stringify(name)} due to error: global timeout reached: ${Math.round(timeout / 1000)}s, continuing command...`);
        continue;
      }
      ctx.out(`node/${name} drained\n`);
    }
    return rc;
  },
};

const EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

export const taintCommand: CommandImpl = {
  support: "full",
  run(ctx) {
    const args = [...ctx.args];
    if (args.length === 0) return ctx.usage("at least one taint update is required");
    let type = args.shift() as string;
    let names: string[] = [];
    if (type.includes("/")) {
      names = [type.slice(type.indexOf("/") + 1)];
      type = type.slice(0, type.indexOf("/"));
    }
    if (!/^(nodes?|no)$/.test(type)) return ctx.fail(`invalid resource type ${type}, only node types are supported`);
    const specs: string[] = [];
    for (const a of args) {
      if (a.includes(":") || a.includes("=") || a.endsWith("-")) specs.push(a);
      else names.push(a);
    }
    if (specs.length === 0) return ctx.usage("at least one taint update is required");
    const add: { key: string; value?: string; effect: string }[] = [];
    const remove: { key: string; effect?: string }[] = [];
    for (const s of specs) {
      if (s.endsWith("-")) {
        const body = s.slice(0, -1);
        const [key, effect] = body.split(":");
        if (effect && !EFFECTS.includes(effect)) return ctx.fail(`invalid taint effect: ${effect}, unsupported taint effect`);
        remove.push({ key, ...(effect ? { effect } : {}) });
        continue;
      }
      const m = /^([^=:]+)(?:=([^:]*))?:(.*)$/.exec(s);
      if (!m) return ctx.fail(`invalid taint spec: ${s}, unknown taint spec`);
      if (!EFFECTS.includes(m[3])) return ctx.fail(`invalid taint spec: ${s}, invalid taint effect: ${m[3]}, unsupported taint effect`);
      add.push({ key: m[1], ...(m[2] !== undefined && m[2] !== "" ? { value: m[2] } : {}), effect: m[3] });
    }
    const client = ctx.client();
    let targets: NodeShape[] = [];
    if (ctx.bool("all") || ctx.str("selector")) {
      const list = client.list("nodes", undefined, { labelSelector: ctx.str("selector") || undefined });
      if (!list.ok) return ctx.statusError(list.status);
      targets = list.value.items as NodeShape[];
    } else {
      for (const n of names) {
        const res = client.get("nodes", undefined, n);
        if (!res.ok) return ctx.statusError(res.status);
        targets.push(res.value as NodeShape);
      }
    }
    let rc = 0;
    for (const node of targets) {
      const name = node.metadata.name ?? "";
      let taints = [...(node.spec?.taints ?? [])];
      let removed = false;
      for (const r of remove) {
        const before = taints.length;
        taints = taints.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
        if (taints.length === before) {
          rc = ctx.fail(`taint ${JSON.stringify(r.effect ? `${r.key}:${r.effect}` : r.key)} not found`);
          continue;
        }
        removed = true;
      }
      let failed = false;
      for (const a of add) {
        const existing = taints.findIndex((t) => t.key === a.key && t.effect === a.effect);
        if (existing >= 0) {
          if (!ctx.bool("overwrite")) {
            rc = ctx.fail(`node ${name} already has ${a.key} taint(s) with same effect(s) and --overwrite is false`);
            failed = true;
            break;
          }
          taints[existing] = a;
        } else taints.push(a);
      }
      if (failed || (add.length === 0 && !removed)) continue;
      const res = client.patch("nodes", undefined, name, "merge", { spec: { taints: taints.length > 0 ? taints : null } });
      if (!res.ok) {
        rc = ctx.statusError(res.status);
        continue;
      }
      ctx.out(`node/${name} ${add.length > 0 ? "tainted" : "untainted"}\n`);
    }
    return rc;
  },
};
