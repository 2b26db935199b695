"use client";

import { useEffect } from "react";
import { recordLessonVisit } from "./progress-store";
import { progressChanged } from "./use-progress";

/** Marks a lesson as visited in this browser's course progress. Renders nothing. */
export function LessonVisit({ lesson }: { lesson: string }) {
  useEffect(() => {
    try {
      recordLessonVisit(window.localStorage, lesson, Date.now());
      progressChanged();
    } catch {}
  }, [lesson]);
  return null;
}
