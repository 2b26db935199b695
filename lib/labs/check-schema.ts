import { z } from "zod";

/**
 * Checks are data: each reads cluster state (never the commands typed, except `commandUsed`) and explains
 * itself on failure. Strings may hold `{{param}}` placeholders filled from the lab's seeded parameters.
 */
const Ref = {
  /** kubectl resource name: "pods", "pod", "po", "replicasets", "rs", "deployment", ... */
  kind: z.string().min(1),
  namespace: z.string().min(1).optional(),
};

const Named = { ...Ref, name: z.string().min(1) };

export const ExistsCheckSchema = z.strictObject({ type: z.literal("exists"), ...Named });
export const AbsentCheckSchema = z.strictObject({ type: z.literal("absent"), ...Named });

/** A field of one object, by path: "spec.replicas", "spec.containers[0].image", "metadata.labels.app", "spec.containers[*].image". */
export const FieldCheckSchema = z
  .strictObject({
    type: z.literal("field"),
    ...Named,
    path: z.string().min(1),
    equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
    /** Regular expression the value (as text) must match. */
    matches: z.string().optional(),
    oneOf: z.array(z.union([z.string(), z.number()])).optional(),
    /** For `[*]` paths: every value must satisfy the condition (default: at least one). */
    all: z.boolean().optional(),
  })
  .refine((c) => [c.equals, c.matches, c.oneOf].filter((x) => x !== undefined).length === 1, {
    message: "a field check needs exactly one of equals, matches, oneOf",
  });

/** "6 Running and Ready pods with type=front-end". */
export const PodCountCheckSchema = z
  .strictObject({
    type: z.literal("podCount"),
    namespace: z.string().min(1).optional(),
    /** Label selector in kubectl syntax ("type=front-end"). */
    selector: z.string().optional(),
    /** Only count pods in this phase. */
    phase: z.enum(["Pending", "Running", "Succeeded", "Failed", "Unknown"]).optional(),
    /** Only count pods whose Ready condition is True. */
    ready: z.boolean().optional(),
    /** Only count pods whose containers all use this image. */
    image: z.string().optional(),
    equals: z.number().int().min(0).optional(),
    min: z.number().int().min(0).optional(),
    max: z.number().int().min(0).optional(),
  })
  .refine((c) => c.equals !== undefined || c.min !== undefined || c.max !== undefined, { message: "a podCount check needs equals, min or max" });

/** spec.replicas and status.readyReplicas of a ReplicaSet, ReplicationController or Deployment. */
export const ReplicasCheckSchema = z
  .strictObject({
    type: z.literal("replicas"),
    ...Named,
    desired: z.number().int().min(0).optional(),
    ready: z.number().int().min(0).optional(),
  })
  .refine((c) => c.desired !== undefined || c.ready !== undefined, { message: "a replicas check needs desired or ready" });

/** An object is controlled by another ("pod x belongs to ReplicaSet y"); with `selector`, every matching pod is. */
export const OwnerCheckSchema = z.strictObject({
  type: z.literal("owner"),
  kind: z.string().min(1),
  namespace: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
  selector: z.string().optional(),
  ownerKind: z.string().min(1),
  ownerName: z.string().min(1).optional(),
});

export const PlacementCheckSchema = z
  .strictObject({
    type: z.literal("placement"),
    namespace: z.string().min(1).optional(),
    pod: z.string().min(1),
    node: z.string().min(1).optional(),
    notNode: z.string().min(1).optional(),
  })
  .refine((c) => (c.node === undefined) !== (c.notNode === undefined), { message: "a placement check needs node or notNode" });

export const EndpointsCheckSchema = z.strictObject({
  type: z.literal("serviceEndpoints"),
  namespace: z.string().min(1).optional(),
  service: z.string().min(1),
  /** Minimum number of ready endpoint addresses (default 1). */
  min: z.number().int().min(0).optional(),
});

/** A file on a host parses as a manifest of a kind with given fields ("/root/rs.yaml is a ReplicaSet with apiVersion apps/v1"). */
export const FileManifestCheckSchema = z.strictObject({
  type: z.literal("fileManifest"),
  host: z.string().min(1).optional(),
  path: z.string().startsWith("/"),
  kind: z.string().min(1),
  /** path -> expected value, e.g. { "apiVersion": "apps/v1", "spec.replicas": 3 }. */
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

export const EventCheckSchema = z.strictObject({
  type: z.literal("event"),
  namespace: z.string().min(1).optional(),
  reason: z.string().min(1),
  /** Name of the involved object (prefix match when it ends with "*"). */
  object: z.string().min(1).optional(),
});

/** Only for tasks that are about a specific command ("use kubectl scale"). Matches a regular expression against typed commands. */
export const CommandUsedCheckSchema = z.strictObject({
  type: z.literal("commandUsed"),
  pattern: z.string().min(1),
  description: z.string().min(3),
});

/** A rare check written in TypeScript (lib/labs/custom-checks.ts); it must supply its own messages. */
export const CustomCheckSchema = z.strictObject({
  type: z.literal("custom"),
  id: z.string().min(1),
  params: z.record(z.string(), z.unknown()).optional(),
});

export const CheckSchema = z.discriminatedUnion("type", [
  ExistsCheckSchema,
  AbsentCheckSchema,
  FieldCheckSchema,
  PodCountCheckSchema,
  ReplicasCheckSchema,
  OwnerCheckSchema,
  PlacementCheckSchema,
  EndpointsCheckSchema,
  FileManifestCheckSchema,
  EventCheckSchema,
  CommandUsedCheckSchema,
  CustomCheckSchema,
]);
export type Check = z.infer<typeof CheckSchema>;
