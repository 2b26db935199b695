import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="font-mono text-sm text-[var(--muted)]">Error from server (NotFound): pages &quot;this-one&quot; not found</p>
      <h1 className="mt-4 text-3xl font-bold">Page not found</h1>
      <p className="mt-2 text-[var(--muted)]">That page is not part of the course.</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-[var(--accent)] px-4 py-2 font-medium text-[var(--accent-fg)]">
        Back to the course
      </Link>
    </div>
  );
}
