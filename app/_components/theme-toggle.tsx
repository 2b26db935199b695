"use client";

import { useEffect, useState } from "react";

/** Light/dark switch; the choice is remembered, the system preference is the default. */
export function ThemeToggle() {
  const [dark, setDark] = useState<boolean | null>(null);
  useEffect(() => setDark(document.documentElement.classList.contains("dark")), []);
  const toggle = () => {
    const next = !document.documentElement.classList.contains("dark");
    document.documentElement.classList.toggle("dark", next);
    try {
      localStorage.setItem("shipyard-theme", next ? "dark" : "light");
    } catch {}
    setDark(next);
  };
  return (
    <button
      type="button"
      onClick={toggle}
      className="rounded-md border border-[var(--border)] px-3 py-1 text-sm hover:bg-[var(--card)]"
      aria-label={dark ? "Switch to light theme" : "Switch to dark theme"}
    >
      {dark === null ? "Theme" : dark ? "Light" : "Dark"}
    </button>
  );
}
