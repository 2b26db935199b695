"use client";

import { useEffect } from "react";

/** Marks a lesson as visited in this browser's course progress. Renders nothing. */
export function LessonVisit({ lesson }: { lesson: string }) {
  useEffect(() => {
    // Loaded after the page is interactive: the schemas (zod) stay out of the lesson's first load.
    void Promise.all([import("./progress-store"), import("./use-progress")])
      .then(([{ recordLessonVisit }, { progressChanged }]) => {
        recordLessonVisit(window.localStorage, lesson, Date.now());
        progressChanged();
      })
      .catch(() => {});
  }, [lesson]);
  return null;
}
