import { z } from "zod";
import type { Clock } from "../runtime/clock";
import type { FsChange, FsError, FsErrorCode, FsStat, HostFs } from "./host-fs";

/** Largest file a host keeps (bytes of UTF-8): larger writes fail with EFBIG so a paste cannot eat memory. */
export const MAX_FILE_BYTES = 1024 * 1024;

const FileEntrySchema = z.object({ t: z.literal("f"), m: z.number().int(), mt: z.number(), c: z.string() });
const DirEntrySchema = z.object({ t: z.literal("d"), m: z.number().int(), mt: z.number() });
const EntrySchema = z.discriminatedUnion("t", [FileEntrySchema, DirEntrySchema]);
type Entry = z.infer<typeof EntrySchema>;

/** What serialize() returns and restore() accepts: every path with its entry, sorted. */
export const VirtualFsDataSchema = z.object({
  version: z.literal(1),
  host: z.string(),
  entries: z.record(z.string(), EntrySchema),
});
export type VirtualFsData = z.infer<typeof VirtualFsDataSchema>;

export type VirtualFs = HostFs & { restore(data: unknown): void };

/** Directories every node has from the start (Debian-like); the engine adds kubeadm's files on top. */
const SKELETON_DIRS: [string, number][] = [
  ["/", 0o755],
  ["/bin", 0o755],
  ["/dev", 0o755],
  ["/etc", 0o755],
  ["/home", 0o755],
  ["/opt", 0o755],
  ["/root", 0o700],
  ["/run", 0o755],
  ["/tmp", 0o1777],
  ["/usr", 0o755],
  ["/usr/bin", 0o755],
  ["/usr/local", 0o755],
  ["/usr/local/bin", 0o755],
  ["/var", 0o755],
  ["/var/lib", 0o755],
  ["/var/log", 0o755],
];

function err(code: FsErrorCode): FsError {
  return { error: code };
}

/** UTF-8 length without TextEncoder (not in the engine's ES-only lib). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** "/a//b/./c/../d/" -> "/a/b/d"; undefined for relative paths (the shell resolves those against cwd). */
export function normalizePath(path: string): string | undefined {
  if (!path.startsWith("/")) return undefined;
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}

function parentOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i <= 0 ? "/" : path.slice(0, i);
}

/**
 * An in-memory filesystem for one host. Paths must be absolute; "." and ".." are resolved.
 * Change events cover files only (what the kubelet's manifest watch needs); removing or renaming a directory
 * reports every file under it.
 */
export function createVirtualFs(host: string, clock: Clock): VirtualFs {
  let entries = new Map<string, Entry>();
  const listeners = new Set<(change: FsChange) => void>();

  for (const [p, m] of SKELETON_DIRS) entries.set(p, { t: "d", m, mt: clock.now() });
  entries.set("/etc/hostname", { t: "f", m: 0o644, mt: clock.now(), c: host + "\n" });

  function emit(change: FsChange): void {
    for (const l of [...listeners]) l(change);
  }

  /** Resolve a path to its entry, with ENOTDIR when a middle component is a file. */
  function lookup(raw: string): { path: string; entry: Entry } | FsError {
    const path = normalizePath(raw);
    if (path === undefined) return err("EINVAL");
    const entry = entries.get(path);
    if (!entry) {
      // Distinguish "a/b where a is a file" (ENOTDIR) from plain absence (ENOENT), as the kernel does.
      let p = parentOf(path);
      while (p !== "/") {
        const e = entries.get(p);
        if (e) return err(e.t === "f" ? "ENOTDIR" : "ENOENT");
        p = parentOf(p);
      }
      return err("ENOENT");
    }
    if (entry.t === "f" && raw.length > 1 && raw.endsWith("/")) return err("ENOTDIR");
    return { path, entry };
  }

  /** Check that a new entry may be created at path: its parent exists and is a directory. */
  function parentDir(raw: string): string | FsError {
    const path = normalizePath(raw);
    if (path === undefined) return err("EINVAL");
    if (path === "/") return err("EEXIST");
    const parent = lookup(parentOf(path));
    if ("error" in parent) return parent;
    if (parent.entry.t !== "d") return err("ENOTDIR");
    return path;
  }

  function subtree(path: string): string[] {
    const prefix = path === "/" ? "/" : path + "/";
    const out: string[] = [];
    for (const p of entries.keys()) if (p === path || p.startsWith(prefix)) out.push(p);
    return out.sort();
  }

  function isErr(v: unknown): v is FsError {
    return typeof v === "object" && v !== null && "error" in v;
  }

  const fs: VirtualFs = {
    host,

    stat(raw: string): FsStat | FsError {
      const r = lookup(raw);
      if (isErr(r)) return r;
      const e = r.entry;
      return e.t === "f"
        ? { type: "file", size: utf8Length(e.c), mode: e.m, mtime: e.mt }
        : { type: "dir", size: 4096, mode: e.m, mtime: e.mt };
    },

    readFile(raw: string): string | FsError {
      const r = lookup(raw);
      if (isErr(r)) return r;
      if (r.entry.t === "d") return err("EISDIR");
      return r.entry.c;
    },

    writeFile(raw: string, content: string, mode?: number): FsError | undefined {
      if (raw.endsWith("/") && raw !== "/") {
        const r = lookup(raw);
        return isErr(r) ? (r.error === "ENOENT" ? err("EISDIR") : r) : r.entry.t === "d" ? err("EISDIR") : err("ENOTDIR");
      }
      const path = parentDir(raw);
      if (isErr(path)) return path.error === "EEXIST" ? err("EISDIR") : path;
      const existing = entries.get(path);
      if (existing?.t === "d") return err("EISDIR");
      if (utf8Length(content) > MAX_FILE_BYTES) return err("EFBIG");
      // Replacing a file keeps its mode unless one is given, like `>` on an existing file.
      entries.set(path, { t: "f", m: mode ?? existing?.m ?? 0o644, mt: clock.now(), c: content });
      emit({ kind: "write", path });
      return undefined;
    },

    appendFile(raw: string, content: string): FsError | undefined {
      const path = parentDir(raw);
      if (isErr(path)) return path.error === "EEXIST" ? err("EISDIR") : path;
      const existing = entries.get(path);
      if (existing?.t === "d") return err("EISDIR");
      const next = (existing?.t === "f" ? existing.c : "") + content;
      if (utf8Length(next) > MAX_FILE_BYTES) return err("EFBIG");
      entries.set(path, { t: "f", m: existing?.m ?? 0o644, mt: clock.now(), c: next });
      emit({ kind: "write", path });
      return undefined;
    },

    mkdir(raw: string, opts?: { parents?: boolean }): FsError | undefined {
      const path = normalizePath(raw);
      if (path === undefined) return err("EINVAL");
      const existing = lookup(path);
      if (!isErr(existing)) {
        if (opts?.parents && existing.entry.t === "d") return undefined;
        return err("EEXIST");
      }
      if (opts?.parents) {
        const parts = path.split("/").filter(Boolean);
        let cur = "";
        for (const part of parts) {
          cur += "/" + part;
          const e = entries.get(cur);
          if (e?.t === "f") return err("ENOTDIR");
          if (!e) entries.set(cur, { t: "d", m: 0o755, mt: clock.now() });
        }
        return undefined;
      }
      const p = parentDir(path);
      if (isErr(p)) return p;
      entries.set(path, { t: "d", m: 0o755, mt: clock.now() });
      return undefined;
    },

    readdir(raw: string): string[] | FsError {
      const r = lookup(raw);
      if (isErr(r)) return r;
      if (r.entry.t === "f") return err("ENOTDIR");
      const prefix = r.path === "/" ? "/" : r.path + "/";
      const names: string[] = [];
      for (const p of entries.keys()) {
        if (p !== r.path && p.startsWith(prefix) && !p.slice(prefix.length).includes("/")) names.push(p.slice(prefix.length));
      }
      return names.sort();
    },

    remove(raw: string, opts?: { recursive?: boolean }): FsError | undefined {
      const r = lookup(raw);
      if (isErr(r)) return r;
      if (r.path === "/") return err("EACCES");
      const paths = subtree(r.path);
      if (r.entry.t === "d" && paths.length > 1 && !opts?.recursive) return err("ENOTEMPTY");
      const files = paths.filter((p) => entries.get(p)?.t === "f");
      for (const p of paths) entries.delete(p);
      for (const p of files) emit({ kind: "delete", path: p });
      return undefined;
    },

    rename(rawFrom: string, rawTo: string): FsError | undefined {
      const from = lookup(rawFrom);
      if (isErr(from)) return from;
      if (from.path === "/") return err("EACCES");
      const to = parentDir(rawTo);
      if (isErr(to)) return to.error === "EEXIST" ? err("EACCES") : to;
      if (to === from.path) return undefined;
      if (to.startsWith(from.path + "/")) return err("EINVAL");
      const target = entries.get(to);
      if (target) {
        if (from.entry.t === "f" && target.t === "d") return err("EISDIR");
        if (from.entry.t === "d" && target.t === "f") return err("ENOTDIR");
        if (target.t === "d" && subtree(to).length > 1) return err("ENOTEMPTY");
      }
      const moved = subtree(from.path);
      const next = new Map(entries);
      if (target) next.delete(to);
      const changes: FsChange[] = [];
      for (const p of moved) {
        const e = next.get(p)!;
        next.delete(p);
        const np = to + p.slice(from.path.length);
        next.set(np, e);
        if (e.t === "f") changes.push({ kind: "delete", path: p }, { kind: "write", path: np });
      }
      entries = next;
      for (const c of changes) emit(c);
      return undefined;
    },

    onChange(listener: (change: FsChange) => void): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    serialize(): VirtualFsData {
      const out: Record<string, Entry> = {};
      for (const p of [...entries.keys()].sort()) out[p] = { ...entries.get(p)! };
      return { version: 1, host, entries: out };
    },

    /** Replace every entry with a serialize() result; throws on malformed data (a corrupt snapshot is a bug). */
    restore(data: unknown): void {
      const parsed = VirtualFsDataSchema.parse(data);
      const next = new Map<string, Entry>();
      for (const [p, e] of Object.entries(parsed.entries)) {
        if (normalizePath(p) !== p) throw new Error(`virtual-fs restore: path not normalized: ${p}`);
        next.set(p, { ...e });
      }
      if (next.get("/")?.t !== "d") throw new Error("virtual-fs restore: missing root directory");
      entries = next;
    },
  };
  return fs;
}
