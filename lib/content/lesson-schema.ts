import { z } from "zod";

/** Frontmatter every lesson MDX file starts with. */
export const LessonFrontmatterSchema = z.strictObject({
  /** Shown as the page title and in the course index. */
  title: z.string().min(3).max(100),
  /** One or two sentences for the course index. */
  summary: z.string().min(10).max(300),
  /** Id of a module declared in content/course.yaml. */
  module: z.string().regex(/^[a-z0-9-]+$/),
  /** Position inside the module (1 = first). */
  order: z.number().int().min(1),
  /** Estimated minutes to read and practise. */
  minutes: z.number().int().min(1).max(180),
  /** What the learner can do after the lesson. */
  objectives: z.array(z.string().min(3)).min(1),
});
export type LessonFrontmatter = z.infer<typeof LessonFrontmatterSchema>;

export const ModuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(3),
  summary: z.string().min(10),
});
export type Module = z.infer<typeof ModuleSchema>;

/** content/course.yaml: the modules in teaching order. */
export const CourseSchema = z.strictObject({
  title: z.string().min(3),
  modules: z.array(ModuleSchema).min(1),
});
export type Course = z.infer<typeof CourseSchema>;

export interface LessonEntry extends LessonFrontmatter {
  /** URL segment, from the file name ("etcd" for content/architecture/etcd.mdx). */
  slug: string;
  /** Path relative to the repository root, for error messages. */
  file: string;
  /** MDX body without the frontmatter. */
  body: string;
}

/** Turns zod issues into "file: field: message" lines an author can act on. */
export function describeIssues(file: string, prefix: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.length ? issue.path.join(".") : "(root)";
      return `${file}: ${prefix}${path}: ${issue.message}`;
    })
    .join("\n");
}
