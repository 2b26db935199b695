import fs from "node:fs";
import path from "node:path";
import { parseLab } from "../labs/load-labs";
import type { LabTemplate } from "../labs/instantiate-lab";
import { loadCourse } from "./load-content.server";

export interface LabEntry {
  template: LabTemplate;
  lab: LabTemplate["lab"];
  /** Path relative to the repository root. */
  file: string;
}

/** Every content/<module>/<id>.lab.yaml, validated; errors name the file and field. */
export function loadLabs(root = path.join(process.cwd(), "content")): LabEntry[] {
  const course = loadCourse(root);
  const modules = new Set(course.modules.map((m) => m.id));
  const entries: LabEntry[] = [];
  const errors: string[] = [];
  for (const dir of fs.readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const name of fs.readdirSync(path.join(root, dir)).filter((n) => n.endsWith(".lab.yaml")).sort()) {
      const file = path.relative(process.cwd(), path.join(root, dir, name));
      try {
        const template = parseLab(file, fs.readFileSync(path.join(root, dir, name), "utf8"));
        const lab = template.lab;
        if (`${lab.id}.lab.yaml` !== name) throw new Error(`${file}: id: "${lab.id}" must match the file name (${name.replace(/\.lab\.yaml$/, "")})`);
        if (!modules.has(lab.module)) throw new Error(`${file}: module: "${lab.module}" is not a module in content/course.yaml`);
        entries.push({ template, lab, file });
      } catch (e) {
        errors.push((e as Error).message);
      }
    }
  }
  if (errors.length) throw new Error(errors.join("\n"));
  return entries;
}
