import type { KubectlContext } from "./context";

/** How much of a real kubectl command the simulator implements (shown on the support-matrix page). */
export type SupportLevel = "full" | "partial" | "unsupported";

/** The implementation of one kubectl command (a leaf of the command tree). */
export interface CommandImpl {
  run(ctx: KubectlContext): Promise<number> | number;
  /** cobra MarkFlagRequired: checked after parsing, before run (`error: required flag(s) "image" not set`). */
  requiredFlags?: string[];
  support: Exclude<SupportLevel, "unsupported">;
  /** What is missing or approximated, for the support matrix. */
  notes?: string;
}
