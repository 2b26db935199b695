import { parse as parseYaml } from "yaml";
import { instantiate, LabFormatError, type LabTemplate } from "./instantiate-lab";

export { LabFormatError };

/**
 * Parse one lab file's text into a template, validated by instantiating it with its own seed. Errors name
 * the file and the field ("content/pods/pods-practice.lab.yaml: tasks.2.checks.0.kind: ..."), so an
 * instructor can fix it without reading code.
 */
export function parseLab(file: string, text: string): LabTemplate {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100, prettyErrors: true });
  } catch (e) {
    throw new LabFormatError(`${file}: not valid YAML: ${(e as Error).message}`);
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new LabFormatError(`${file}: (root): a lab is a mapping with id, title, module, setup, tasks, ...`);
  const raw = data as Record<string, unknown>;
  const { lab } = instantiate({ file, raw });
  return { id: lab.id, file, raw, lab };
}
