import { bundleMDX } from "mdx-bundler";
import rehypePrettyCode from "rehype-pretty-code";
import remarkGfm from "remark-gfm";
import { headingId } from "./heading-id";
import type { LessonEntry } from "./lesson-schema";

export interface CompiledLesson {
  /** The bundled MDX module code, run on the page by mdx-bundler's getMDXComponent. */
  code: string;
  /** Headings (h2) for the table of contents. */
  headings: { id: string; text: string }[];
}

const cache = new Map<string, Promise<CompiledLesson>>();

function extractHeadings(body: string): { id: string; text: string }[] {
  const out: { id: string; text: string }[] = [];
  let inFence = false;
  for (const line of body.split("\n")) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const m = /^##\s+(.+?)\s*$/.exec(line);
    if (m) out.push({ id: headingId(m[1]), text: m[1].replace(/`/g, "") });
  }
  return out;
}

/** Compile a lesson once per build; code blocks are highlighted here, at build time (shiki). */
export function compileLesson(lesson: LessonEntry): Promise<CompiledLesson> {
  let pending = cache.get(lesson.file);
  if (!pending) {
    pending = bundleMDX({
      source: lesson.body,
      mdxOptions(options) {
        // GitHub-flavoured Markdown: tables, strikethrough, task lists.
        options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm];
        options.rehypePlugins = [
          ...(options.rehypePlugins ?? []),
          [rehypePrettyCode, { theme: { light: "github-light", dark: "github-dark" }, keepBackground: false }],
        ];
        return options;
      },
    })
      .then(({ code }) => ({ code, headings: extractHeadings(lesson.body) }))
      .catch((e: unknown) => {
        const err = e as { errors?: { text: string; location?: { line: number; column: number } }[]; message?: string };
        const detail = err.errors?.map((x) => `${x.location ? `${x.location.line}:${x.location.column}: ` : ""}${x.text}`).join("\n") ?? err.message;
        throw new Error(`${lesson.file}: MDX does not compile: ${detail}`);
      });
    cache.set(lesson.file, pending);
  }
  return pending;
}
