import type { KubeObject, WatchEventType } from "../../cluster/index";
import { buildTable, type TableOptions } from "./print-table";
import { TabWriter } from "./tab-writer";

export interface WatchPrinterOptions extends TableOptions {
  /** `--output-watch-events`: an EVENT column first (`ADDED   `, `MODIFIED`, `DELETED `). */
  outputWatchEvents?: boolean;
}

/**
 * `kubectl get -w` output: the header once, with the first rows; then one line per event. Column widths are
 * remembered from earlier output and only ever grow (liggitt/tabwriter RememberWidths), so later lines with
 * wider cells shift, exactly as on a real terminal.
 */
export interface WatchPrinter {
  /** The initial list (not with --watch-only). Each object counts as ADDED for --output-watch-events. */
  printList(objects: readonly KubeObject[]): string;
  /** One watch event. */
  printEvent(type: WatchEventType, object: KubeObject): string;
}

const EVENT_CELL: Record<WatchEventType, string> = { ADDED: "ADDED   ", MODIFIED: "MODIFIED", DELETED: "DELETED " };

export function createWatchPrinter(options: WatchPrinterOptions): WatchPrinter {
  const writer = new TabWriter();
  let printedHeader = false;

  function print(objects: readonly KubeObject[], type: WatchEventType | ((i: number) => WatchEventType)): string {
    if (objects.length === 0) return "";
    const table = buildTable(objects, options);
    const events = options.outputWatchEvents === true;
    if (!printedHeader && !options.noHeaders) writer.writeRow(events ? ["EVENT", ...table.header] : table.header);
    printedHeader = true;
    table.rows.forEach((r, i) => {
      const t = typeof type === "function" ? type(i) : type;
      writer.writeRow(events ? [EVENT_CELL[t], ...r] : r);
    });
    return writer.flush();
  }

  return {
    printList: (objects) => print(objects, "ADDED"),
    printEvent: (type, object) => print([object], type),
  };
}
