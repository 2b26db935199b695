import type { KubeObject } from "../../cluster/index";
import { kindDisplayName } from "./kind-display-name";
import { TabWriter } from "./tab-writer";
import { formatLabels } from "./tables/label-selector";
import { tableHandlerFor } from "./tables/table-handler-for";

/** The flags of `kubectl get` that shape a human-readable table. */
export interface TableOptions {
  /** Virtual time (epoch ms) for AGE and other age cells. */
  now: number;
  /** `-o wide`: also the priority-1 columns. */
  wide?: boolean;
  /** `-A`: NAMESPACE as first column. Ignored for cluster-scoped objects (those without metadata.namespace). */
  withNamespace?: boolean;
  /** NAME cells as `kind[.group]/name` (several kinds requested, or `--show-kind`). */
  withKind?: boolean;
  /** `--show-labels`: LABELS as last column. */
  showLabels?: boolean;
  /** `-L k1,k2`: one column per label key, header = upper-cased last `/` segment of the key. */
  labelColumns?: readonly string[];
  /** `--no-headers`. */
  noHeaders?: boolean;
}

/** A table ready for layout: header (upper-cased) and rows of cells, after kubectl's client-side decoration. */
export interface BuiltTable {
  header: string[];
  rows: string[][];
}

/** Cut a cell at the first line break, as tableprinter does (the tabwriter would break the line there). */
function cellText(cell: string): string {
  const i = cell.search(/[\f\n\r]/);
  return i >= 0 ? cell.slice(0, i) + "..." : cell;
}

/**
 * Build the table kubectl would print for objects of ONE kind: server columns filtered by priority, then
 * (tableprinter decorateTable) NAMESPACE first, `kind/` on the name column, -L columns and LABELS last.
 */
export function buildTable(objects: readonly KubeObject[], options: TableOptions): BuiltTable {
  const first = objects[0];
  const handler = tableHandlerFor(first?.apiVersion ?? "v1", first?.kind ?? "", options.wide ?? false);
  const visible = handler.columns.map((c, i) => ({ c, i })).filter(({ c }) => options.wide || c.priority === 0);
  const namespaced = options.withNamespace === true && first !== undefined && first.metadata.namespace !== undefined && first.metadata.namespace !== "";
  const labelKeys = options.labelColumns ?? [];
  const header: string[] = [];
  if (namespaced) header.push("NAMESPACE");
  header.push(...visible.map(({ c }) => c.name.toUpperCase()));
  header.push(...labelKeys.map((k) => k.split("/").pop()!.toUpperCase()));
  if (options.showLabels) header.push("LABELS");
  const nameIndex = options.withKind ? handler.columns.findIndex((c) => c.format === "name") : -1;

  const rows = objects.map((o) => {
    const cells = handler.row(o, options.now);
    if (nameIndex >= 0) cells[nameIndex] = `${kindDisplayName(o)}/${cells[nameIndex]}`;
    const row: string[] = [];
    if (namespaced) row.push(o.metadata.namespace ?? "");
    row.push(...visible.map(({ i }) => cellText(cells[i] ?? "")));
    const labels = o.metadata.labels ?? {};
    row.push(...labelKeys.map((k) => labels[k] ?? ""));
    if (options.showLabels) row.push(formatLabels(labels));
    return row;
  });
  return { header, rows };
}

/** Feed one kind's table into a writer (no header line when there are no rows or with --no-headers). */
export function writeTable(writer: TabWriter, objects: readonly KubeObject[], options: TableOptions): void {
  if (objects.length === 0) return;
  const table = buildTable(objects, options);
  if (!options.noHeaders) writer.writeRow(table.header);
  for (const r of table.rows) writer.writeRow(r);
}

/**
 * `kubectl get` human-readable output for objects of one kind (all the same apiVersion/kind), e.g.
 * "NAME    READY   STATUS    RESTARTS   AGE\nnginx   1/1     Running   0          5m\n". Empty string for no objects
 * (the caller then prints noResourcesFound() on stderr).
 */
export function printTable(objects: readonly KubeObject[], options: TableOptions): string {
  const w = new TabWriter();
  writeTable(w, objects, options);
  return w.flush();
}

/**
 * Several kinds at once (`get all`, `get pods,svc`): one table per non-empty group, in the given order, each
 * with its own column widths and header, separated by one blank line (none with --no-headers, as kubectl).
 * Pass `withKind: true` for the `pod/nginx` names kubectl shows then.
 */
export function printTableGroups(groups: readonly (readonly KubeObject[])[], options: TableOptions): string {
  let out = "";
  for (const g of groups) {
    if (g.length === 0) continue;
    const text = printTable(g, options);
    if (out !== "" && !options.noHeaders && text !== "") out += "\n";
    out += text;
  }
  return out;
}
