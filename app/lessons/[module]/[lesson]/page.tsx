import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MdxContent } from "@/app/_components/mdx-content";
import { LessonVisit } from "@/app/_components/progress/lesson-visit";
import { compileLesson } from "@/lib/content/compile-mdx.server";
import { loadCourse } from "@/lib/content/load-content.server";

type Params = { module: string; lesson: string };

export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return loadCourse().lessons.map((l) => ({ module: l.module, lesson: l.slug }));
}

function findLesson(params: Params) {
  const course = loadCourse();
  const index = course.lessons.findIndex((l) => l.module === params.module && l.slug === params.lesson);
  return { course, index, lesson: course.lessons[index] };
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { lesson } = findLesson(await params);
  return lesson ? { title: lesson.title, description: lesson.summary } : {};
}

export default async function LessonPage({ params }: { params: Promise<Params> }) {
  const { course, index, lesson } = findLesson(await params);
  if (!lesson) notFound();
  const { code, headings } = await compileLesson(lesson);
  const mod = course.modules.find((m) => m.id === lesson.module)!;
  const prev = course.lessons[index - 1];
  const next = course.lessons[index + 1];
  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_220px]">
      <article className="prose min-w-0">
        <p className="mb-2 text-sm text-[var(--muted)]">
          <Link href="/" className="hover:underline">Course</Link> / {mod.title} · {lesson.minutes} min
        </p>
        <h1>{lesson.title}</h1>
        <section aria-label="Objectives" className="rounded-lg border border-[var(--border)] bg-[var(--card)] px-4 py-2">
          <p className="font-semibold">You will be able to</p>
          <ul>
            {lesson.objectives.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </section>
        <MdxContent code={code} />
        <LessonVisit lesson={`${lesson.module}/${lesson.slug}`} />
        <nav aria-label="Lesson navigation" className="mt-12 flex justify-between gap-4 border-t border-[var(--border)] pt-6 text-sm">
          {prev ? <Link href={`/lessons/${prev.module}/${prev.slug}/`}>← {prev.title}</Link> : <span />}
          {next ? <Link href={`/lessons/${next.module}/${next.slug}/`}>{next.title} →</Link> : <span />}
        </nav>
      </article>
      {headings.length > 0 && (
        <aside className="hidden lg:block">
          <nav aria-label="On this page" className="sticky top-20 text-sm">
            <p className="mb-2 font-semibold">On this page</p>
            <ul className="space-y-1">
              {headings.map((h) => (
                <li key={h.id}>
                  <a href={`#${h.id}`} className="text-[var(--muted)] hover:text-[var(--fg)]">{h.text}</a>
                </li>
              ))}
            </ul>
          </nav>
        </aside>
      )}
    </div>
  );
}
