import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LabWorkspace } from "@/app/_components/lab/lab-workspace";
import { loadLabs } from "@/lib/content/load-labs.server";
import { loadCourse } from "@/lib/content/load-content.server";

type Params = { lab: string };

export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return loadLabs().map((l) => ({ lab: l.lab.id }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { lab: id } = await params;
  const entry = loadLabs().find((l) => l.lab.id === id);
  return entry ? { title: entry.lab.title, description: entry.lab.summary } : {};
}

export default async function LabPage({ params }: { params: Promise<Params> }) {
  const { lab: id } = await params;
  const entry = loadLabs().find((l) => l.lab.id === id);
  if (!entry) notFound();
  const mod = loadCourse().modules.find((m) => m.id === entry.lab.module);
  return (
    <div>
      <p className="mb-1 text-sm text-[var(--muted)]">
        <Link href="/" className="hover:underline">Course</Link> / {mod?.title ?? entry.lab.module} · lab
      </p>
      <h1 className="text-2xl font-bold">{entry.lab.title}</h1>
      <p className="mb-4 text-[var(--muted)]">{entry.lab.summary}</p>
      <LabWorkspace labId={entry.lab.id} source={{ file: entry.file, raw: entry.template.raw }} />
    </div>
  );
}
