import { z } from "zod";
import { CheckSchema } from "./check-schema";

const Quantity = z.union([z.string().regex(/^\d+(\.\d+)?(m|Ki|Mi|Gi|Ti|k|M|G)?$/), z.number().positive()]).transform(String);

export const LabNodeSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a DNS-1123 label (lower case letters, digits, '-')"),
  cpu: Quantity.optional(),
  memory: Quantity.optional(),
  pods: Quantity.optional(),
  labels: z.record(z.string(), z.string()).optional(),
  taints: z.array(z.strictObject({ key: z.string(), value: z.string().optional(), effect: z.enum(["NoSchedule", "PreferNoSchedule", "NoExecute"]) })).optional(),
});

/** Seeded variation: each attempt picks values; `{{name}}` anywhere in the lab is replaced by them. */
export const LabParamSchema = z.union([
  z.strictObject({ pick: z.array(z.union([z.string(), z.number()])).min(1) }),
  z.strictObject({ int: z.strictObject({ min: z.number().int(), max: z.number().int() }) }),
]);

export const LabSetupSchema = z.strictObject({
  /** Seed of the attempt (names, IPs, parameters). A learner's attempt may override it; tests use it. */
  seed: z.number().int().min(0).default(1),
  /** Worker nodes (the control plane `controlplane` is always there). Default: one node01. */
  nodes: z.array(LabNodeSchema).optional(),
  /** Control-plane node overrides. */
  controlPlane: LabNodeSchema.partial().optional(),
  nodeMonitorGracePeriodSeconds: z.number().int().min(1).optional(),
  params: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), LabParamSchema).optional(),
  /** YAML documents applied in order, as the admin (like `kubectl apply -f`). */
  manifests: z.array(z.string().min(1)).optional(),
  /** Files placed on hosts before the learner starts (broken manifests to repair, scripts). */
  files: z.array(z.strictObject({ host: z.string().default("controlplane"), path: z.string().startsWith("/"), content: z.string() })).optional(),
  /** Shell commands run on controlplane after manifests and files (e.g. stop a kubelet). */
  commands: z.array(z.string().min(1)).optional(),
  /** Virtual seconds to let the cluster settle after setup (pods become Running). */
  settleSeconds: z.number().int().min(0).max(3600).default(60),
});

export const LabTaskSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Instruction shown to the learner (Markdown). */
  text: z.string().min(5),
  points: z.number().int().min(1).default(1),
  checks: z.array(CheckSchema).min(1),
});

/** Where an answer comes from: a fixed value, a parameter, or the cluster at grading time. */
export const AnswerSourceSchema = z.union([
  z.strictObject({ value: z.union([z.string(), z.number()]) }),
  z.strictObject({ param: z.string() }),
  z.strictObject({
    count: z.strictObject({
      kind: z.string(),
      namespace: z.string().optional(),
      allNamespaces: z.boolean().optional(),
      selector: z.string().optional(),
      phase: z.string().optional(),
    }),
  }),
  z.strictObject({ field: z.strictObject({ kind: z.string(), name: z.string(), namespace: z.string().optional(), path: z.string() }) }),
]);
export type AnswerSource = z.infer<typeof AnswerSourceSchema>;

export const LabQuestionSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("choice"),
    id: z.string().regex(/^[a-z0-9-]+$/),
    text: z.string().min(5),
    points: z.number().int().min(1).default(1),
    choices: z.array(z.string().min(1)).min(2),
    /** The correct choice's text (or a source that computes it). */
    answer: AnswerSourceSchema,
    explanation: z.string().min(5),
  }),
  z.strictObject({
    type: z.literal("value"),
    id: z.string().regex(/^[a-z0-9-]+$/),
    text: z.string().min(5),
    points: z.number().int().min(1).default(1),
    answer: AnswerSourceSchema,
    /** Compare ignoring case (image names, node names are case-sensitive by default). */
    ignoreCase: z.boolean().default(false),
    explanation: z.string().min(5),
  }),
  z.strictObject({
    type: z.literal("text"),
    id: z.string().regex(/^[a-z0-9-]+$/),
    text: z.string().min(5),
    points: z.number().int().min(1).default(1),
    /** Regular expressions (case-insensitive); the answer is accepted when any matches. */
    accept: z.array(z.string().min(1)).min(1),
    explanation: z.string().min(5),
  }),
]);
export type LabQuestion = z.infer<typeof LabQuestionSchema>;

export const LabHintSchema = z.strictObject({
  text: z.string().min(5),
  /** Reveal after this many minutes in the lab (virtual or wall, whichever the host app counts). */
  afterMinutes: z.number().min(0).optional(),
  /** Reveal when this check passes (a state condition: "the pod is in ImagePullBackOff"). */
  when: CheckSchema.optional(),
});

export const LabSolutionSchema = z.strictObject({
  name: z.string().min(1).default("reference"),
  /** Typed through the real shell and kubectl. `sleep N` lets virtual time pass; `lab answer <q> <v>` answers questions. */
  commands: z.array(z.string().min(1)).min(1),
});

export const LabNearMissSchema = z.strictObject({
  name: z.string().min(1),
  /** Why this must not pass (shown when the proof fails). */
  why: z.string().min(5),
  commands: z.array(z.string().min(1)).min(1),
});

export const LabSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(3),
    /** Module id from content/course.yaml. */
    module: z.string().regex(/^[a-z0-9-]+$/),
    summary: z.string().min(10),
    /** Exam mode: a timer and a final score report. */
    timeLimitMinutes: z.number().int().min(1).optional(),
    /** Commands the learner may not use here (prefix match: "kubectl scale"). */
    disabledCommands: z.array(z.string().min(1)).optional(),
    setup: LabSetupSchema,
    tasks: z.array(LabTaskSchema).default([]),
    questions: z.array(LabQuestionSchema).default([]),
    hints: z.array(LabHintSchema).default([]),
    solutions: z.array(LabSolutionSchema).min(1),
    nearMisses: z.array(LabNearMissSchema).default([]),
  })
  .superRefine((lab, ctx) => {
    if (lab.tasks.length + lab.questions.length === 0) ctx.addIssue({ code: "custom", message: "a lab needs at least one task or question", path: ["tasks"] });
    const ids = new Set<string>();
    for (const [i, item] of [...lab.tasks, ...lab.questions].entries()) {
      if (ids.has(item.id)) ctx.addIssue({ code: "custom", message: `duplicate id "${item.id}"`, path: [i < lab.tasks.length ? "tasks" : "questions"] });
      ids.add(item.id);
    }
  });
export type Lab = z.infer<typeof LabSchema>;
export type LabInput = z.input<typeof LabSchema>;
