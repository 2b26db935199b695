/**
 * OpenAPI v3 component schemas generated from the engine's zod decoding schemas (field names, Go types, and
 * which struct a field refers to), with descriptions from openapi-descriptions.ts where we have them.
 * Names follow the real documents ("io.k8s.api.core.v1.PodSpec") because `kubectl explain` prints the last
 * segment as the field type (`<PodSpec>`).
 */
import type { z } from "zod";
import type { ResourceInfo } from "../cluster/index";
import { goInfo } from "../cluster/api/schemas/go-types";
import { schemaFor } from "../cluster/api/schemas/schema-for";
import { describeField, describeType } from "./openapi-descriptions";

type Schema = Record<string, unknown>;

const META_TYPES = new Set(["ObjectMeta", "OwnerReference", "LabelSelector", "LabelSelectorRequirement", "ManagedFieldsEntry", "Time"]);
const GROUP_PACKAGE: Record<string, string> = { "": "core", apps: "apps", "coordination.k8s.io": "coordination", "discovery.k8s.io": "discovery" };
/** Struct-name prefixes that live in a group's own package; everything else reached from it is core/v1. */
const GROUP_PREFIXES: Record<string, string[]> = {
  apps: ["Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "RollingUpdate"],
  "coordination.k8s.io": ["Lease"],
  "discovery.k8s.io": ["EndpointSlice", "Endpoint", "ForZone"],
};

function packageOf(typeName: string, group: string): string {
  if (META_TYPES.has(typeName)) return "io.k8s.apimachinery.pkg.apis.meta.v1";
  const own = GROUP_PREFIXES[group]?.some((p) => typeName.startsWith(p));
  return `io.k8s.api.${own ? GROUP_PACKAGE[group] : "core"}.v1`;
}

export function schemaNameFor(r: Pick<ResourceInfo, "group" | "kind">): string {
  return `${packageOf(r.kind, r.group)}.${r.kind}`;
}

const QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
const INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";

interface Def {
  type?: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  getter?: () => z.ZodType;
}

function defOf(s: z.ZodType): Def {
  return (s as unknown as { _zod: { def: Def } })._zod.def;
}

/** Walks one kind's schema, adding every struct it reaches to `out`. */
class Walker {
  constructor(
    private readonly group: string,
    readonly out: Record<string, Schema>,
  ) {}

  ref(name: string, description: string | undefined): Schema {
    const r = { $ref: `#/components/schemas/${name}` };
    return description ? { allOf: [r], description } : r;
  }

  field(s: z.ZodType, owner: string, field: string): Schema {
    const description = describeField(owner, field);
    const t = this.type(s, description);
    return description && !("allOf" in t) && !("description" in t) ? { ...t, description } : t;
  }

  type(s: z.ZodType, description?: string): Schema {
    const info = goInfo(s);
    if (info?.go === "quantity") return this.leaf(QUANTITY, { type: "string", "x-kubernetes-int-or-string": true }, description);
    if (info?.go === "intorstring") return this.leaf(INT_OR_STRING, { type: "string", format: "int-or-string", "x-kubernetes-int-or-string": true }, description);
    if (info?.go === "int32" || info?.go === "int64") return { type: "integer", format: info.go };
    if (info?.go === "struct") {
      const name = `${packageOf(info.name, this.group)}.${info.name}`;
      if (!this.out[name]) {
        this.out[name] = { type: "object" }; // placeholder against cycles
        const d = defOf(s);
        const properties: Record<string, Schema> = {};
        for (const [k, v] of Object.entries(d.shape ?? {})) properties[k] = this.field(v, info.name, k);
        const typeDesc = describeType(info.name);
        this.out[name] = { ...(typeDesc ? { description: typeDesc } : {}), type: "object", ...(d.shape ? { properties } : {}) };
      }
      return this.ref(name, description);
    }
    const d = defOf(s);
    switch (d.type) {
      case "optional":
      case "nullable":
      case "default":
      case "readonly":
        return this.type(d.innerType!, description);
      case "pipe":
        return this.type(d.in!, description);
      case "lazy":
        return this.type(d.getter!(), description);
      case "array":
        return { type: "array", items: this.type(d.element!) };
      case "record":
        return { type: "object", additionalProperties: this.type(d.valueType!) };
      case "string":
      case "enum":
      case "literal":
        return { type: "string" };
      case "number":
        return { type: "number" };
      case "boolean":
        return { type: "boolean" };
      case "object":
        return { type: "object" };
      default:
        return { type: "object", "x-kubernetes-preserve-unknown-fields": true };
    }
  }

  private leaf(name: string, schema: Schema, description: string | undefined): Schema {
    this.out[name] ??= schema;
    return this.ref(name, description);
  }
}

/** The component schemas of one group-version document. */
export function componentSchemas(kinds: ResourceInfo[], groupVersion: string): Record<string, Schema> {
  const out: Record<string, Schema> = {
    "io.k8s.apimachinery.pkg.apis.meta.v1.Patch": {
      description: "Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.",
      type: "object",
    },
  };
  const [group, version] = groupVersion.includes("/") ? groupVersion.split("/") : ["", groupVersion];
  for (const r of kinds) {
    const w = new Walker(group, out);
    const schema = schemaFor(r.kind);
    const name = schemaNameFor(r);
    if (schema) w.type(schema);
    const base = out[name] ?? { type: "object" };
    const props = (base.properties ?? {}) as Record<string, Schema>;
    // apiVersion and kind are plain strings in every kind; their texts are the same everywhere.
    for (const k of ["apiVersion", "kind"]) props[k] = { type: "string", description: describeField("*", k) };
    out[name] = {
      ...base,
      ...(describeType(r.kind) ? { description: describeType(r.kind) } : {}),
      properties: props,
      "x-kubernetes-group-version-kind": [{ group, kind: r.kind, version }],
    };
  }
  return out;
}
