import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { CourseSchema, LessonFrontmatterSchema, describeIssues, type Course, type LessonEntry } from "./lesson-schema";

export class ContentError extends Error {
  override name = "ContentError";
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Split "---\nyaml\n---\nbody" and validate the yaml; errors name the file and the field. */
export function parseLessonFile(file: string, source: string): Omit<LessonEntry, "slug"> {
  const match = FRONTMATTER.exec(source);
  if (!match) throw new ContentError(`${file}: missing frontmatter (a "---" block with title, summary, module, order, minutes, objectives)`);
  let data: unknown;
  try {
    data = parseYaml(match[1], { maxAliasCount: 10 });
  } catch (e) {
    throw new ContentError(`${file}: frontmatter is not valid YAML: ${(e as Error).message}`);
  }
  const parsed = LessonFrontmatterSchema.safeParse(data ?? {});
  if (!parsed.success) throw new ContentError(describeIssues(file, "frontmatter.", parsed.error));
  return { ...parsed.data, file, body: source.slice(match[0].length) };
}

export interface LoadedCourse extends Course {
  lessons: LessonEntry[];
}

/**
 * Reads content/course.yaml and every content/<module>/<slug>.mdx. Any malformed file throws with its
 * path and field: a broken lesson fails the build and the tests, it is never silently skipped.
 */
export function loadCourse(root = path.join(process.cwd(), "content")): LoadedCourse {
  const rel = (p: string) => path.relative(process.cwd(), p) || p;
  const coursePath = path.join(root, "course.yaml");
  if (!fs.existsSync(coursePath)) throw new ContentError(`${rel(coursePath)}: missing (it lists the course modules)`);
  const parsedCourse = CourseSchema.safeParse(parseYaml(fs.readFileSync(coursePath, "utf8")) ?? {});
  if (!parsedCourse.success) throw new ContentError(describeIssues(rel(coursePath), "", parsedCourse.error));
  const course = parsedCourse.data;
  const moduleIds = new Set(course.modules.map((m) => m.id));

  const lessons: LessonEntry[] = [];
  const errors: string[] = [];
  for (const dirent of fs.readdirSync(root, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!dirent.isDirectory()) continue;
    const dir = path.join(root, dirent.name);
    for (const name of fs.readdirSync(dir).sort()) {
      if (!name.endsWith(".mdx")) continue;
      const file = rel(path.join(dir, name));
      try {
        const lesson = parseLessonFile(file, fs.readFileSync(path.join(dir, name), "utf8"));
        const slug = name.replace(/\.mdx$/, "");
        if (!/^[a-z0-9-]+$/.test(slug)) throw new ContentError(`${file}: file name must be kebab-case (a-z, 0-9, -)`);
        if (!moduleIds.has(lesson.module)) {
          throw new ContentError(`${file}: frontmatter.module: "${lesson.module}" is not a module in content/course.yaml (${[...moduleIds].join(", ")})`);
        }
        if (lesson.module !== dirent.name) {
          throw new ContentError(`${file}: frontmatter.module: "${lesson.module}" but the file is in content/${dirent.name}/`);
        }
        lessons.push({ ...lesson, slug });
      } catch (e) {
        errors.push((e as Error).message);
      }
    }
  }
  const seen = new Map<string, string>();
  for (const l of lessons) {
    const key = `${l.module}#${l.order}`;
    if (seen.has(key)) errors.push(`${l.file}: frontmatter.order: ${l.order} is already used by ${seen.get(key)}`);
    seen.set(key, l.file);
  }
  if (errors.length) throw new ContentError(errors.join("\n"));
  const moduleIndex = new Map(course.modules.map((m, i) => [m.id, i]));
  lessons.sort((a, b) => moduleIndex.get(a.module)! - moduleIndex.get(b.module)! || a.order - b.order);
  return { ...course, lessons };
}
