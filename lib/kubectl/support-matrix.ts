/** What the simulator's kubectl implements, derived from the command table (rendered by the site). */
import { commandTable } from "./command-table";
import type { SupportLevel } from "./command-types";

export interface SupportRow {
  /** "kubectl create deployment" */
  command: string;
  summary: string;
  support: SupportLevel;
  notes?: string;
}

export function supportMatrix(): SupportRow[] {
  return [...commandTable().values()]
    .filter((e) => e.path.length > 0)
    .map((e) => ({
      command: ["kubectl", ...e.path].join(" "),
      summary: e.summary,
      support: e.support,
      ...(e.impl?.notes ? { notes: e.impl.notes } : {}),
    }));
}
