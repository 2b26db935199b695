import type { KubeObject } from "../../../cluster/index";

/** metav1.TableColumnDefinition, the parts kubectl uses to lay out a table. */
export interface ColumnDefinition {
  /** As the server names it ("Nominated Node"); kubectl upper-cases it for the header. */
  name: string;
  /** 0: always shown; 1: only with -o wide. */
  priority: 0 | 1;
  /** "name" marks the column kubectl prefixes with `kind/` when several kinds are printed. */
  format?: "name";
}

/**
 * A server-side table handler (pkg/printers/internalversion/printers.go): the columns and one row of cells per
 * object. Rows always hold the cells of every column (the API server prints wide; kubectl filters by priority).
 */
export interface TableHandler {
  columns: readonly ColumnDefinition[];
  row(object: KubeObject, now: number): string[];
}

/** Objects arrive as plain JSON whose fields may be missing; handlers read them through this loose type. */
export type Loose = any;

export const nameColumn: ColumnDefinition = { name: "Name", priority: 0, format: "name" };
export const ageColumn: ColumnDefinition = { name: "Age", priority: 0 };

/** Go's fmt of an int64 field that may be absent (zero value). */
export function int(value: unknown): string {
  return typeof value === "number" ? String(Math.trunc(value)) : "0";
}

/** Containers and images of a pod template on one line each (layoutContainerCells). */
export function containerCells(containers: Loose): [string, string] {
  const list: Loose[] = Array.isArray(containers) ? containers : [];
  return [list.map((c) => c?.name ?? "").join(","), list.map((c) => c?.image ?? "").join(",")];
}
