import { z } from "zod";
import { ExamResultSchema } from "../lab/exam-result";

/**
 * What the browser remembers: course progress (small, localStorage) and one saved attempt per lab.
 * Everything read back is parsed with a schema; old formats are migrated, anything else is dropped with
 * a notice. Reading never throws.
 */
export type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem"> & { readonly length?: number; key?(i: number): string | null };

export const PROGRESS_KEY = "shipyard:progress";
export const LAB_KEY_PREFIX = "shipyard:lab:";

/** The first format: lessons visited as a list, a lab's best score as a number. */
const ProgressV1Schema = z.object({
  version: z.literal(1),
  lessonsVisited: z.array(z.string()),
  labs: z.record(z.string(), z.number()),
});

export const LabProgressSchema = z.object({
  bestScore: z.number().min(0),
  total: z.number().min(0),
  completed: z.boolean(),
});

export const ProgressSchema = z.object({
  version: z.literal(2),
  /** "module/lesson" -> first visit (epoch ms). */
  lessons: z.record(z.string(), z.object({ visitedAt: z.number() })),
  labs: z.record(z.string(), LabProgressSchema),
});
export type Progress = z.infer<typeof ProgressSchema>;
export type LabProgress = z.infer<typeof LabProgressSchema>;

export const emptyProgress = (): Progress => ({ version: 2, lessons: {}, labs: {} });

const AnswerRecordSchema = z.object({ value: z.string(), correct: z.boolean() });

export const SavedRunSchema = z.object({
  seed: z.number().int(),
  snapshot: z.looseObject({ version: z.literal(1) }),
  commands: z.array(z.string()),
  answers: z.record(z.string(), AnswerRecordSchema),
  revealedHints: z.array(z.string()),
  startedAt: z.number(),
});

/** The first saved-lab format: a finished exam kept only its times, so its report fell back to the live score. */
const LabSaveV1Schema = z.object({
  version: z.literal(1),
  labId: z.string(),
  fingerprint: z.string(),
  savedAt: z.number(),
  run: SavedRunSchema,
  exam: z.object({ startedAt: z.number(), finishedAt: z.number().optional() }).optional(),
});

export const ExamStateSchema = z.object({
  /** Wall-clock start (epoch ms). */
  startedAt: z.number(),
  /** When the learner finished, or the time ran out. */
  finishedAt: z.number().optional(),
  /** The grade when the exam ended; the cluster stays open for practice, the report keeps this. */
  result: ExamResultSchema.optional(),
});

export const LAB_SAVE_VERSION = 2;

export const LabSaveSchema = z.object({
  version: z.literal(LAB_SAVE_VERSION),
  labId: z.string(),
  /** Hash of the lab file: a changed lab does not resume an attempt made on the old one. */
  fingerprint: z.string(),
  savedAt: z.number(),
  run: SavedRunSchema,
  /** Exam mode only. */
  exam: ExamStateSchema.optional(),
});
export type LabSave = z.infer<typeof LabSaveSchema>;

const labSaveMigrations: Record<number, (old: unknown) => unknown> = {
  // Nothing to fill in: an exam finished before version 2 has no frozen result.
  1: (old) => ({ ...LabSaveV1Schema.parse(old), version: 2 }),
};

/** Parse a saved lab of any known version; migrate step by step to the current one. */
export function parseLabSave(data: unknown): LabSave {
  let value = data;
  for (let guard = 0; guard < 10; guard++) {
    const version = (value as { version?: unknown } | null)?.version;
    if (version === LAB_SAVE_VERSION) return LabSaveSchema.parse(value);
    const migrate = typeof version === "number" ? labSaveMigrations[version] : undefined;
    if (!migrate) throw new Error(`unknown saved lab format (version ${String(version)})`);
    value = migrate(value);
  }
  throw new Error("saved lab migrations do not end");
}

export const ExportSchema = z.object({
  format: z.literal("shipyard-progress"),
  version: z.literal(1),
  exportedAt: z.number(),
  progress: z.unknown(),
  labs: z.array(z.unknown()),
});

const migrations: Record<number, (old: unknown) => unknown> = {
  1: (old) => {
    const v1 = ProgressV1Schema.parse(old);
    return {
      version: 2,
      lessons: Object.fromEntries(v1.lessonsVisited.map((l) => [l, { visitedAt: 0 }])),
      labs: Object.fromEntries(Object.entries(v1.labs).map(([id, score]) => [id, { bestScore: score, total: score, completed: false }])),
    };
  },
};

/** Parse progress of any known version; migrate step by step to the current one. */
export function parseProgress(data: unknown): Progress {
  let value = data;
  for (let guard = 0; guard < 10; guard++) {
    const version = (value as { version?: unknown } | null)?.version;
    if (version === 2) return ProgressSchema.parse(value);
    const migrate = typeof version === "number" ? migrations[version] : undefined;
    if (!migrate) throw new Error(`unknown progress format (version ${String(version)})`);
    value = migrate(value);
  }
  throw new Error("progress migrations do not end");
}

function readJson(store: KeyValueStore, key: string): unknown {
  const raw = store.getItem(key);
  return raw === null ? undefined : JSON.parse(raw);
}

export interface Loaded<T> {
  value: T;
  /** Set when saved data was unreadable and was dropped. */
  notice?: string;
}

export function loadProgress(store: KeyValueStore): Loaded<Progress> {
  try {
    const data = readJson(store, PROGRESS_KEY);
    if (data === undefined) return { value: emptyProgress() };
    return { value: parseProgress(data) };
  } catch {
    store.removeItem(PROGRESS_KEY);
    return { value: emptyProgress(), notice: "Your saved progress could not be read (it may come from another version of the course), so it was reset." };
  }
}

export function saveProgress(store: KeyValueStore, progress: Progress): void {
  store.setItem(PROGRESS_KEY, JSON.stringify(progress));
}

export function recordLessonVisit(store: KeyValueStore, lesson: string, now: number): Progress {
  const p = loadProgress(store).value;
  if (!p.lessons[lesson]) {
    p.lessons[lesson] = { visitedAt: now };
    saveProgress(store, p);
  }
  return p;
}

export function recordLabScore(store: KeyValueStore, labId: string, score: number, total: number, completed: boolean): Progress {
  const p = loadProgress(store).value;
  const prev = p.labs[labId];
  const next = { bestScore: Math.max(prev?.bestScore ?? 0, score), total, completed: Boolean(prev?.completed) || completed };
  if (!prev || prev.bestScore !== next.bestScore || prev.completed !== next.completed || prev.total !== total) {
    p.labs[labId] = next;
    saveProgress(store, p);
  }
  return p;
}

export function loadLabSave(store: KeyValueStore, labId: string, fingerprint: string): Loaded<LabSave | undefined> {
  const key = LAB_KEY_PREFIX + labId;
  try {
    const data = readJson(store, key);
    if (data === undefined) return { value: undefined };
    const save = parseLabSave(data);
    if (save.labId !== labId) throw new Error("saved under another lab");
    if (save.fingerprint !== fingerprint) {
      store.removeItem(key);
      return { value: undefined, notice: "This lab has changed since your last visit, so it starts afresh." };
    }
    return { value: save };
  } catch {
    store.removeItem(key);
    return { value: undefined, notice: "Your saved lab could not be read, so it starts afresh." };
  }
}

/** Returns an error message when the browser refuses (storage full, private mode). */
export function saveLab(store: KeyValueStore, save: LabSave): string | undefined {
  try {
    store.setItem(LAB_KEY_PREFIX + save.labId, JSON.stringify(save));
    return undefined;
  } catch (e) {
    return `The lab could not be saved in this browser (${(e as Error).name === "QuotaExceededError" ? "storage is full" : (e as Error).message}).`;
  }
}

export function clearLab(store: KeyValueStore, labId: string): void {
  store.removeItem(LAB_KEY_PREFIX + labId);
}

function labKeys(store: KeyValueStore): string[] {
  const keys: string[] = [];
  for (let i = 0; i < (store.length ?? 0); i++) {
    const k = store.key?.(i);
    if (k?.startsWith(LAB_KEY_PREFIX)) keys.push(k);
  }
  return keys;
}

/** Everything, as one JSON document to download. */
export function exportProgress(store: KeyValueStore, now: number): string {
  const labs: unknown[] = [];
  for (const key of labKeys(store)) {
    try {
      labs.push(parseLabSave(readJson(store, key)));
    } catch {}
  }
  return JSON.stringify({ format: "shipyard-progress", version: 1, exportedAt: now, progress: loadProgress(store).value, labs }, null, 2);
}

/** Replaces progress (and saved labs) with an exported document; nothing is changed when it is invalid. */
export function importProgress(store: KeyValueStore, text: string): { ok: true; labs: number } | { ok: false; error: string } {
  let progress: Progress;
  let labs: LabSave[];
  try {
    const doc = ExportSchema.parse(JSON.parse(text));
    progress = parseProgress(doc.progress);
    labs = doc.labs.map((l) => parseLabSave(l));
  } catch (e) {
    return { ok: false, error: e instanceof SyntaxError ? "The file is not JSON." : "The file is not a Shipyard progress export." };
  }
  saveProgress(store, progress);
  for (const key of labKeys(store)) store.removeItem(key);
  for (const l of labs) saveLab(store, l);
  return { ok: true, labs: labs.length };
}

/** FNV-1a of a lab file's content, to notice that a lab changed. */
export function fingerprint(value: unknown): string {
  const text = JSON.stringify(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}
