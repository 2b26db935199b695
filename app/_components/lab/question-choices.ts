import { instantiate } from "@/lib/labs/instantiate-lab";
import type { LabSource } from "../terminal/sim-protocol";

/**
 * The choices of each choice question, as this attempt shows them (placeholders filled in from its seed).
 * The grade the worker reports has no choices, so the panel reads them from the lab it was given.
 * An unreadable lab gives no choices: the panel then falls back to a text answer.
 */
export function questionChoices(source: Pick<LabSource, "file" | "raw">, seed: number): Record<string, string[]> {
  try {
    const { lab } = instantiate(source, seed);
    return Object.fromEntries(lab.questions.flatMap((q) => (q.type === "choice" ? [[q.id, q.choices] as const] : [])));
  } catch {
    return {};
  }
}
