/** `kubectl rollout status|history|undo|restart|pause|resume` for Deployments (and status for DaemonSets). */
import type { KubeObject, ResourceInfo, WatchEvent } from "../../cluster/index";
import type { CommandImpl } from "../command-types";
import type { KubectlContext } from "../context";
import { describePodTemplate } from "../describe/pod-template";
import { PrefixWriter } from "../describe/prefix-writer";
import { objectRef } from "../output";
import { parseResourceArgs } from "../resources";

interface DeploymentShape extends KubeObject {
  spec: { replicas?: number; paused?: boolean; template: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: unknown } };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    conditions?: { type: string; reason?: string }[];
  };
}

const REVISION = "deployment.kubernetes.io/revision";

/** rollback.go's annotationsToSkip: kept from the Deployment, never copied from the ReplicaSet. */
const ROLLBACK_SKIPPED_ANNOTATIONS = new Set([
  "kubectl.kubernetes.io/last-applied-configuration",
  REVISION,
  "deployment.kubernetes.io/revision-history",
  "deployment.kubernetes.io/desired-replicas",
  "deployment.kubernetes.io/max-replicas",
  "deprecated.deployment.rollback.to",
]);

function targets(ctx: KubectlContext): { ok: true; items: { info: ResourceInfo; obj: KubeObject }[] } | { ok: false; code: number } {
  if (ctx.args.length === 0) return { ok: false, code: ctx.usage("required resource not specified") };
  const parsed = parseResourceArgs(ctx.discovery(), ctx.args);
  if (!parsed.ok) return { ok: false, code: ctx.fail(parsed.error) };
  const items: { info: ResourceInfo; obj: KubeObject }[] = [];
  for (const req of parsed.requests) {
    if (req.names.length === 0) return { ok: false, code: ctx.fail("resource(s) were provided, but no name was specified") };
    for (const name of req.names) {
      const res = ctx.client().get(req.info.resource, ctx.namespace, name);
      if (!res.ok) return { ok: false, code: ctx.statusError(res.status) };
      items.push({ info: req.info, obj: res.value });
    }
  }
  return { ok: true, items };
}

function notSupported(ctx: KubectlContext, info: ResourceInfo): number {
  const gk = info.group ? `${info.kind}.${info.group}` : info.kind;
  return ctx.fail(`no ${ctx.path[1] === "status" ? "status viewer" : "history viewer"} has been implemented for ${gk}`);
}

/** kubectl DeploymentStatusViewer.Status. */
export function deploymentStatus(d: DeploymentShape): { message: string; done: boolean; error?: string } {
  const name = d.metadata.name;
  const st = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const progressing = st.conditions?.find((c) => c.type === "Progressing");
    if (progressing?.reason === "ProgressDeadlineExceeded") return { message: "", done: false, error: `deployment ${JSON.stringify(name)} exceeded its progress deadline` };
    const replicas = d.spec.replicas ?? 1;
    const updated = st.updatedReplicas ?? 0;
    if (updated < replicas) return { message: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
    if ((st.replicas ?? 0) > updated) return { message: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
    if ((st.availableReplicas ?? 0) < updated) return { message: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
    return { message: `deployment ${JSON.stringify(name)} successfully rolled out\n`, done: true };
  }
  return { message: "Waiting for deployment spec update to be observed...\n", done: false };
}

export const rolloutStatusCommand: CommandImpl = {
  support: "partial",
  notes: "Deployments only.",
  async run(ctx) {
    const t = targets(ctx);
    if (!t.ok) return t.code;
    const timeout = ctx.int("timeout") > 0 ? ctx.int("timeout") : Infinity;
    const start = ctx.now();
    for (const { info, obj } of t.items) {
      if (info.kind !== "Deployment") return notSupported(ctx, info);
      const rc = await watchRollout(ctx, info, obj, () => ctx.now() - start >= timeout);
      if (rc !== undefined) return rc;
    }
    return 0;
  },
};

/**
 * status.go's UntilWithSync: the status of the object as listed, then once per watch event (a repeated message
 * included), until the rollout is done. Returns an exit code to stop with, or undefined when done.
 */
async function watchRollout(ctx: KubectlContext, info: ResourceInfo, obj: KubeObject, timedOut: () => boolean): Promise<number | undefined> {
  ctx.io.cluster.runUntilIdle();
  const namespace = obj.metadata.namespace;
  const name = obj.metadata.name ?? "";
  const res = ctx.client().get(info.resource, namespace, name);
  if (!res.ok) return ctx.statusError(res.status);
  const events: WatchEvent[] = [{ type: "ADDED", object: res.value }];
  const stop = ctx.client().watch(info.resource, namespace, { fieldSelector: `metadata.name=${name}` }, (ev) => events.push(ev));
  try {
    for (;;) {
      for (let ev = events.shift(); ev; ev = events.shift()) {
        if (ev.type === "DELETED") return ctx.fail("object has been deleted");
        const s = deploymentStatus(ev.object as DeploymentShape);
        if (s.error) return ctx.fail(s.error);
        ctx.out(s.message);
        if (s.done || !ctx.bool("watch")) return undefined;
      }
      if (ctx.io.signal.aborted) return 1;
      if (timedOut()) return ctx.fail("timed out waiting for the condition");
      await ctx.io.sleep(1000);
    }
  } finally {
    stop();
  }
}

function ownedReplicaSets(ctx: KubectlContext, d: KubeObject): KubeObject[] {
  const list = ctx.client().list("replicasets", d.metadata.namespace);
  if (!list.ok) return [];
  return list.value.items.filter((rs) => rs.metadata.ownerReferences?.some((o) => o.uid === d.metadata.uid));
}

const revisionOf = (o: KubeObject) => Number(o.metadata.annotations?.[REVISION] ?? "0");

export const rolloutHistoryCommand: CommandImpl = {
  support: "partial",
  notes: "Deployments only.",
  run(ctx) {
    const t = targets(ctx);
    if (!t.ok) return t.code;
    for (const { info, obj } of t.items) {
      if (info.kind !== "Deployment") return notSupported(ctx, info);
      const rss = ownedReplicaSets(ctx, obj).sort((a, b) => revisionOf(a) - revisionOf(b));
      const want = ctx.int("revision");
      if (want > 0) {
        const rs = rss.find((r) => revisionOf(r) === want);
        if (!rs) return ctx.fail(`unable to find the specified revision`);
        ctx.out(`${objectRef(obj)} with revision #${want}\n${templateDescription(rs)}\n`);
        continue;
      }
      const rows = rss.map((rs) => [String(revisionOf(rs)), rs.metadata.annotations?.["kubernetes.io/change-cause"] ?? "<none>"]);
      const width = Math.max(8, ...rows.map((r) => r[0].length)) + 2;
      ctx.out(`${objectRef(obj)} \n${"REVISION".padEnd(width)}CHANGE-CAUSE\n${rows.map((r) => `${r[0].padEnd(width)}${r[1]}\n`).join("")}\n`);
    }
    return 0;
  },
};

/** history.go printTemplate: DescribePodTemplate into a plain PrefixWriter (no tabwriter, so tabs stay raw). */
function templateDescription(rs: KubeObject): string {
  const w = new PrefixWriter();
  describePodTemplate((rs.spec as { template?: Record<string, unknown> }).template, w);
  return w.raw();
}

export const rolloutUndoCommand: CommandImpl = {
  support: "partial",
  notes: "Deployments only.",
  run(ctx) {
    const t = targets(ctx);
    if (!t.ok) return t.code;
    for (const { info, obj } of t.items) {
      if (info.kind !== "Deployment") return notSupported(ctx, info);
      const d = obj as DeploymentShape;
      const rss = ownedReplicaSets(ctx, obj).sort((a, b) => revisionOf(b) - revisionOf(a));
      const current = revisionOf(obj);
      const to = ctx.int("to-revision");
      const target = to > 0 ? rss.find((r) => revisionOf(r) === to) : rss.find((r) => revisionOf(r) !== current && revisionOf(r) < current);
      if (!target) return ctx.fail(to > 0 ? `unable to find specified revision ${to} in history` : `no rollout history found for deployment ${JSON.stringify(obj.metadata.name)}`);
      const tpl = JSON.parse(JSON.stringify((target.spec as DeploymentShape["spec"]).template)) as DeploymentShape["spec"]["template"];
      if (tpl.metadata?.labels) delete tpl.metadata.labels["pod-template-hash"];
      if (JSON.stringify(tpl) === JSON.stringify(d.spec.template)) {
        ctx.out(`${objectRef(obj)} skipped rollback (current template already matches revision ${revisionOf(target)})\n`);
        continue;
      }
      // As rollback.go: the Deployment keeps its own bookkeeping annotations and takes every other annotation
      // (kubernetes.io/change-cause included) from the ReplicaSet of the target revision.
      const annotations: Record<string, string> = {};
      for (const [k, v] of Object.entries(obj.metadata.annotations ?? {})) if (ROLLBACK_SKIPPED_ANNOTATIONS.has(k)) annotations[k] = v;
      for (const [k, v] of Object.entries(target.metadata.annotations ?? {})) if (!ROLLBACK_SKIPPED_ANNOTATIONS.has(k)) annotations[k] = v;
      const res = ctx.client().patch(info.resource, obj.metadata.namespace, obj.metadata.name ?? "", "json", [
        { op: "replace", path: "/spec/template", value: tpl },
        { op: "replace", path: "/metadata/annotations", value: annotations },
      ]);
      if (!res.ok) return ctx.fail(`failed restoring revision ${revisionOf(target)}: ${res.status.message}`);
      ctx.out(`${objectRef(obj)} rolled back\n`);
    }
    return 0;
  },
};

export const rolloutRestartCommand: CommandImpl = {
  support: "partial",
  notes: "Deployments only.",
  run(ctx) {
    const t = targets(ctx);
    if (!t.ok) return t.code;
    for (const { info, obj } of t.items) {
      if (info.kind !== "Deployment") return ctx.fail(`restarting is not supported`);
      if ((obj as DeploymentShape).spec.paused) return ctx.fail(`can't restart paused deployment (run rollout resume first)`);
      const at = new Date(ctx.now()).toISOString().replace(/\.\d{3}Z$/, "Z");
      const res = ctx.client().patch(info.resource, obj.metadata.namespace, obj.metadata.name ?? "", "merge", {
        spec: { template: { metadata: { annotations: { "kubectl.kubernetes.io/restartedAt": at } } } },
      });
      if (!res.ok) return ctx.statusError(res.status);
      ctx.out(`${objectRef(obj)} restarted\n`);
    }
    return 0;
  },
};

function pauseCommand(paused: boolean): CommandImpl {
  return {
    support: "partial",
    notes: "Deployments only.",
    run(ctx) {
      const t = targets(ctx);
      if (!t.ok) return t.code;
      let rc = 0;
      for (const { info, obj } of t.items) {
        if (info.kind !== "Deployment") return ctx.fail(`${paused ? "pausing" : "resuming"} is not supported`);
        if (!!(obj as DeploymentShape).spec.paused === paused) {
          rc = ctx.fail(`${info.resource}.${info.group} ${JSON.stringify(obj.metadata.name)} is ${paused ? "already paused" : "not paused"}`);
          continue;
        }
        const res = ctx.client().patch(info.resource, obj.metadata.namespace, obj.metadata.name ?? "", "merge", { spec: { paused: paused ? true : null } });
        if (!res.ok) return ctx.statusError(res.status);
        ctx.out(`${objectRef(obj)} ${paused ? "paused" : "resumed"}\n`);
      }
      return rc;
    },
  };
}

export const rolloutPauseCommand = pauseCommand(true);
export const rolloutResumeCommand = pauseCommand(false);
