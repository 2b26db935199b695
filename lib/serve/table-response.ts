/**
 * Server-side printing: the meta.k8s.io/v1 Table a v1.32 API server returns when kubectl asks for
 * `as=Table;v=v1;g=meta.k8s.io`. Columns and cells come from kubectl's own table handlers (the port of
 * pkg/printers/internalversion/printers.go), called as the server calls them: always wide.
 */
import type { KubeObject } from "../cluster/index";
import { tableHandlerFor } from "../kubectl/printers/tables/table-handler-for";

export type IncludeObject = "None" | "Metadata" | "Object";

const COLUMN_TYPES: Record<string, string> = { Age: "string", Restarts: "string" };

/** What `row.object` carries: the object, its metadata only (PartialObjectMetadata, the default), or nothing. */
function rowObject(o: KubeObject, include: IncludeObject): object | undefined {
  if (include === "None") return undefined;
  if (include === "Object") return o;
  return { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: o.metadata };
}

export interface TableRequest {
  apiVersion: string;
  kind: string;
  now: number;
  include: IncludeObject;
  /** Watch events after the first carry rows only (the server hides column definitions after the first). */
  noHeaders?: boolean;
  resourceVersion?: string;
}

export function toTable(objects: readonly KubeObject[], req: TableRequest): object {
  const handler = tableHandlerFor(req.apiVersion, req.kind, true);
  const columnDefinitions = req.noHeaders
    ? undefined
    : handler.columns.map((c) => ({
        name: c.name,
        type: COLUMN_TYPES[c.name] ?? "string",
        format: c.format ?? "",
        description: "",
        priority: c.priority,
      }));
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata: req.resourceVersion !== undefined ? { resourceVersion: req.resourceVersion } : {},
    ...(columnDefinitions ? { columnDefinitions } : {}),
    rows: objects.map((o) => {
      const object = rowObject(o, req.include);
      return { cells: handler.row(o, req.now), ...(object ? { object } : {}) };
    }),
  };
}

/** Parses the Accept header: which representation the client asked for first that we can serve. */
export function wantedRepresentation(accept: string | undefined): "Table" | "PartialObjectMetadata" | "PartialObjectMetadataList" | "json" {
  for (const part of (accept ?? "").split(",")) {
    const params = new Map(
      part
        .split(";")
        .slice(1)
        .map((p) => p.trim().split("=") as [string, string]),
    );
    const as = params.get("as");
    if (!as) {
      if (/json|\*\/\*/.test(part)) return "json";
      continue;
    }
    if (params.get("g") !== "meta.k8s.io" || params.get("v") !== "v1") continue;
    if (as === "Table" || as === "PartialObjectMetadata" || as === "PartialObjectMetadataList") return as;
  }
  return "json";
}
