/** Reads docs/known-differences.md: the table rows `| scenario | \`command\` | ... |` name accepted mismatches. */
import { readFileSync } from "node:fs";

export interface KnownDifference {
  scenario: string;
  command: string;
}

export function loadKnownDifferences(path: string): KnownDifference[] {
  const out: KnownDifference[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const m = /^\|\s*([^|`]+?)\s*\|\s*`(.+?)`\s*\|/.exec(line);
    if (m && m[1] !== "scenario") out.push({ scenario: m[1], command: m[2] });
  }
  return out;
}

export function isKnown(known: readonly KnownDifference[], scenario: string, command: string): boolean {
  return known.some((k) => (k.scenario === "*" || k.scenario === scenario) && k.command === command);
}
