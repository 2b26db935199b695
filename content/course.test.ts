import { describe, expect, it } from "vitest";
import { compileLesson } from "@/lib/content/compile-mdx.server";
import { loadCourse } from "@/lib/content/load-content.server";

// The real course content: every lesson's frontmatter is valid and its MDX compiles.
const course = loadCourse();

describe("course content", () => {
  it("has at least one lesson", () => {
    expect(course.lessons.length).toBeGreaterThan(0);
  });

  for (const lesson of course.lessons) {
    it(`${lesson.file} compiles`, async () => {
      const compiled = await compileLesson(lesson);
      expect(compiled.code.length).toBeGreaterThan(0);
    });
  }
});
