import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadCourse, parseLessonFile } from "./load-content.server";

const good = `---
title: Pods at a glance
summary: What a pod is and why Kubernetes never runs a bare container.
module: pods
order: 1
minutes: 5
objectives:
  - Explain what a pod is
---

Body text.
`;

const dirs: string[] = [];
function tempContent(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "shipyard-content-"));
  dirs.push(root);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const course = "title: Test course\nmodules:\n  - id: pods\n    title: Pods\n    summary: Pods and their lifecycle.\n";

describe("lesson frontmatter", () => {
  it("parses a valid lesson", () => {
    const lesson = parseLessonFile("content/pods/intro.mdx", good);
    expect(lesson.title).toBe("Pods at a glance");
    expect(lesson.objectives).toEqual(["Explain what a pod is"]);
    expect(lesson.body.trim()).toBe("Body text.");
  });

  it("names the file and the field when a field is missing", () => {
    const bad = good.replace("title: Pods at a glance\n", "");
    expect(() => parseLessonFile("content/pods/intro.mdx", bad)).toThrow(/^content\/pods\/intro\.mdx: frontmatter\.title: /);
  });

  it("names the file and the field when a field has the wrong type", () => {
    const bad = good.replace("minutes: 5", "minutes: five");
    expect(() => parseLessonFile("content/pods/intro.mdx", bad)).toThrow("content/pods/intro.mdx: frontmatter.minutes: Invalid input: expected number, received string");
  });

  it("rejects unknown fields (a typo is not silently ignored)", () => {
    const bad = good.replace("order: 1", "order: 1\nobjectivs: []");
    expect(() => parseLessonFile("content/pods/intro.mdx", bad)).toThrow(/content\/pods\/intro\.mdx: frontmatter\.\(root\): Unrecognized key: "objectivs"/);
  });

  it("rejects a file without frontmatter", () => {
    expect(() => parseLessonFile("content/pods/intro.mdx", "# Hello")).toThrow("content/pods/intro.mdx: missing frontmatter");
  });
});

describe("loadCourse", () => {
  it("orders lessons by module then order", () => {
    const root = tempContent({
      "course.yaml": course,
      "pods/b.mdx": good.replace("order: 1", "order: 2").replace("Pods at a glance", "Second lesson"),
      "pods/a.mdx": good,
    });
    const loaded = loadCourse(root);
    expect(loaded.lessons.map((l) => `${l.slug}:${l.title}`)).toEqual(["a:Pods at a glance", "b:Second lesson"]);
  });

  it("fails on a lesson whose module is not declared, naming the file", () => {
    const root = tempContent({ "course.yaml": course, "pods/a.mdx": good.replace("module: pods", "module: podz") });
    expect(() => loadCourse(root)).toThrow(/pods\/a\.mdx: frontmatter\.module: "podz" is not a module in content\/course\.yaml/);
  });

  it("fails on two lessons with the same order in a module", () => {
    const root = tempContent({ "course.yaml": course, "pods/a.mdx": good, "pods/b.mdx": good });
    expect(() => loadCourse(root)).toThrow(/pods\/b\.mdx: frontmatter\.order: 1 is already used by .*pods\/a\.mdx/);
  });

  it("reports every broken lesson at once", () => {
    const root = tempContent({
      "course.yaml": course,
      "pods/a.mdx": good.replace("title: Pods at a glance\n", ""),
      "pods/b.mdx": good.replace("summary: ", "summry: ").replace("order: 1", "order: 2"),
    });
    expect(() => loadCourse(root)).toThrow(/a\.mdx: frontmatter\.title[\s\S]*b\.mdx: frontmatter\.summary/);
  });
});
