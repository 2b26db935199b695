import Link from "next/link";
import { CourseProgress } from "@/app/_components/progress/course-progress";
import { ProgressMark } from "@/app/_components/progress/progress-mark";
import { loadLabs } from "@/lib/content/load-labs.server";
import { loadCourse } from "@/lib/content/load-content.server";

export default function HomePage() {
  const course = loadCourse();
  const labs = loadLabs();
  return (
    <div>
      <section className="mb-10 max-w-3xl">
        <h1 className="mb-3 text-3xl font-bold">{course.title}</h1>
        <p className="text-lg text-[var(--muted)]">
          Short lessons, then hands-on practice in a terminal wired to a simulated Kubernetes v1.32 cluster that runs
          right here in your browser: no VM to boot, no login, no session timeout, and it works offline.
        </p>
      </section>
      <CourseProgress lessons={course.lessons.length} labs={labs.length} />
      <ol className="grid gap-6 md:grid-cols-2" aria-label="Modules">
        {course.modules.map((mod, i) => {
          const lessons = course.lessons.filter((l) => l.module === mod.id);
          const moduleLabs = labs.filter((l) => l.lab.module === mod.id);
          return (
            <li key={mod.id} className="rounded-xl border border-[var(--border)] bg-[var(--card)] p-5">
              <h2 className="text-xl font-semibold">
                <span className="mr-2 text-[var(--muted)]">{i + 1}.</span>
                {mod.title}
              </h2>
              <p className="mt-1 text-sm text-[var(--muted)]">{mod.summary}</p>
              {lessons.length > 0 ? (
                <ol className="mt-4 space-y-2">
                  {lessons.map((l) => (
                    <li key={l.slug}>
                      <Link href={`/lessons/${l.module}/${l.slug}/`} className="group block rounded-md p-2 hover:bg-[var(--bg)]">
                        <span className="font-medium text-[var(--accent)] group-hover:underline">{l.title}</span>
                        <span className="ml-2 text-xs text-[var(--muted)]">{l.minutes} min</span>
                        <ProgressMark lesson={`${l.module}/${l.slug}`} />
                        <span className="block text-sm text-[var(--muted)]">{l.summary}</span>
                      </Link>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="mt-4 text-sm italic text-[var(--muted)]">Lessons coming soon.</p>
              )}
              {moduleLabs.length > 0 && (
                <ul className="mt-3 space-y-1 border-t border-[var(--border)] pt-3" aria-label={`${mod.title} labs`}>
                  {moduleLabs.map(({ lab }) => (
                    <li key={lab.id}>
                      <Link href={`/labs/${lab.id}/`} className="text-sm font-medium text-[var(--accent)] hover:underline">
                        {lab.title}
                      </Link>
                      <span className="ml-2 text-xs text-[var(--muted)]">{lab.tasks.length + lab.questions.length} graded items</span>
                      <ProgressMark lab={lab.id} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
