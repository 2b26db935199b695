import { describe, expect, it } from "vitest";
import {
  LAB_KEY_PREFIX,
  PROGRESS_KEY,
  clearLab,
  exportProgress,
  fingerprint,
  importProgress,
  loadLabSave,
  loadProgress,
  recordLabScore,
  recordLessonVisit,
  saveLab,
  type KeyValueStore,
  type LabSave,
} from "./progress-store";

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
  };
}

const save = (labId = "pods-practice", fp = "abc"): LabSave => ({
  version: 2,
  labId,
  fingerprint: fp,
  savedAt: 5,
  run: { seed: 7, snapshot: { version: 1, objects: [] }, commands: ["kubectl get pods"], answers: { q: { value: "3", correct: true } }, revealedHints: [], startedAt: 1 },
});

describe("course progress", () => {
  it("records visits and keeps a lab's best score and completion", () => {
    const s = memoryStore();
    recordLessonVisit(s, "architecture/cluster-overview", 100);
    recordLessonVisit(s, "architecture/cluster-overview", 200);
    recordLabScore(s, "pods-practice", 5, 9, false);
    recordLabScore(s, "pods-practice", 3, 9, false);
    recordLabScore(s, "pods-practice", 9, 9, true);
    recordLabScore(s, "pods-practice", 2, 9, false);
    expect(loadProgress(s).value).toEqual({
      version: 2,
      lessons: { "architecture/cluster-overview": { visitedAt: 100 } },
      labs: { "pods-practice": { bestScore: 9, total: 9, completed: true } },
    });
  });

  it("migrates the first format", () => {
    const s = memoryStore();
    s.setItem(PROGRESS_KEY, JSON.stringify({ version: 1, lessonsVisited: ["a/b"], labs: { x: 4 } }));
    expect(loadProgress(s)).toEqual({ value: { version: 2, lessons: { "a/b": { visitedAt: 0 } }, labs: { x: { bestScore: 4, total: 4, completed: false } } } });
  });

  it("drops corrupted or unknown data with a notice instead of failing", () => {
    for (const junk of ["{not json", JSON.stringify({ version: 99 }), JSON.stringify({ version: 2, lessons: 3 })]) {
      const s = memoryStore();
      s.setItem(PROGRESS_KEY, junk);
      const r = loadProgress(s);
      expect(r.value).toEqual({ version: 2, lessons: {}, labs: {} });
      expect(r.notice).toMatch(/could not be read/);
      expect(s.getItem(PROGRESS_KEY)).toBeNull();
    }
  });
});

describe("saved labs", () => {
  it("round-trips a saved attempt", () => {
    const s = memoryStore();
    expect(saveLab(s, save())).toBeUndefined();
    expect(loadLabSave(s, "pods-practice", "abc")).toEqual({ value: save() });
    clearLab(s, "pods-practice");
    expect(loadLabSave(s, "pods-practice", "abc")).toEqual({ value: undefined });
  });

  it("starts afresh, with a notice, when the lab changed or the save is corrupt", () => {
    const s = memoryStore();
    saveLab(s, save());
    expect(loadLabSave(s, "pods-practice", "other").notice).toMatch(/changed since your last visit/);
    s.setItem(LAB_KEY_PREFIX + "pods-practice", JSON.stringify({ ...save(), run: { seed: "x" } }));
    expect(loadLabSave(s, "pods-practice", "abc")).toEqual({ value: undefined, notice: "Your saved lab could not be read, so it starts afresh." });
  });

  it("keeps a finished exam's frozen result", () => {
    const s = memoryStore();
    const result = {
      score: 2,
      total: 20,
      percent: 10,
      passed: false,
      items: [
        { number: 1, kind: "task" as const, text: "Create a pod", passed: true, earned: 2, points: 2 },
        { number: 2, kind: "question" as const, text: "How many pods?", passed: false, earned: 0, points: 18 },
      ],
    };
    const exam = { ...save(), exam: { startedAt: 10, finishedAt: 3_600_010, result } };
    saveLab(s, exam);
    expect(loadLabSave(s, "pods-practice", "abc")).toEqual({ value: exam });
    // A result that does not read back is corrupt data like any other.
    s.setItem(LAB_KEY_PREFIX + "pods-practice", JSON.stringify({ ...exam, exam: { ...exam.exam, result: { ...result, items: [{ number: "one" }] } } }));
    expect(loadLabSave(s, "pods-practice", "abc")).toEqual({ value: undefined, notice: "Your saved lab could not be read, so it starts afresh." });
  });

  it("migrates a save of the first format, whose exam kept only its times", () => {
    const s = memoryStore();
    const v1 = { ...save(), version: 1, exam: { startedAt: 10, finishedAt: 20 } };
    s.setItem(LAB_KEY_PREFIX + "pods-practice", JSON.stringify(v1));
    expect(loadLabSave(s, "pods-practice", "abc")).toEqual({ value: { ...save(), exam: { startedAt: 10, finishedAt: 20 } } });
    s.setItem(LAB_KEY_PREFIX + "pods-practice", JSON.stringify({ ...v1, version: 7 }));
    expect(loadLabSave(s, "pods-practice", "abc").notice).toBe("Your saved lab could not be read, so it starts afresh.");
  });

  it("reports a full storage instead of throwing", () => {
    const s = { ...memoryStore(), setItem: () => { throw Object.assign(new Error("full"), { name: "QuotaExceededError" }); } };
    expect(saveLab(s, save())).toMatch(/storage is full/);
  });
});

describe("export and import", () => {
  it("moves progress and saved labs between browsers", () => {
    const a = memoryStore();
    recordLessonVisit(a, "architecture/cluster-overview", 1);
    recordLabScore(a, "pods-practice", 9, 9, true);
    saveLab(a, save());
    const doc = exportProgress(a, 42);
    const b = memoryStore();
    saveLab(b, save("old-lab"));
    expect(importProgress(b, doc)).toEqual({ ok: true, labs: 1 });
    expect(loadProgress(b).value).toEqual(loadProgress(a).value);
    expect(loadLabSave(b, "pods-practice", "abc").value).toEqual(save());
    expect(b.getItem(LAB_KEY_PREFIX + "old-lab")).toBeNull();
  });

  it("imports an export made before saved labs had a version 2", () => {
    const s = memoryStore();
    const doc = { format: "shipyard-progress", version: 1, exportedAt: 1, progress: { version: 2, lessons: {}, labs: {} }, labs: [{ ...save(), version: 1 }] };
    expect(importProgress(s, JSON.stringify(doc))).toEqual({ ok: true, labs: 1 });
    expect(loadLabSave(s, "pods-practice", "abc").value).toEqual(save());
  });

  it("refuses other files and changes nothing", () => {
    const s = memoryStore();
    recordLabScore(s, "x", 1, 2, false);
    expect(importProgress(s, "nope")).toEqual({ ok: false, error: "The file is not JSON." });
    expect(importProgress(s, JSON.stringify({ format: "other" }))).toEqual({ ok: false, error: "The file is not a Shipyard progress export." });
    expect(loadProgress(s).value.labs.x.bestScore).toBe(1);
  });
});

describe("fingerprint", () => {
  it("changes with the content", () => {
    expect(fingerprint({ a: 1 })).toBe(fingerprint({ a: 1 }));
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
  });
});
