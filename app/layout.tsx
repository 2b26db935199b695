import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";
import { ThemeToggle } from "./_components/theme-toggle";
import { themeScript } from "./theme-script";

export const metadata: Metadata = {
  title: { default: "Shipyard: Kubernetes for the CKA", template: "%s · Shipyard" },
  description: "Short Kubernetes lessons and graded labs on a simulated cluster that runs in your browser.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
          Skip to content
        </a>
        <header className="sticky top-0 z-10 border-b border-[var(--border)] bg-[var(--bg)]/90 backdrop-blur">
          <div className="mx-auto flex max-w-6xl items-center justify-between px-4 py-3">
            <Link href="/" className="flex items-center gap-2 font-semibold">
              <span aria-hidden="true">⚓</span> Shipyard
            </Link>
            <div className="flex items-center gap-4">
              <Link href="/kubectl/" className="text-sm hover:underline">kubectl support</Link>
              <ThemeToggle />
            </div>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
