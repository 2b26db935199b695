import type { FsChange, FsError, FsStat, HostFs } from "../cluster/index";
import { resolvePath } from "./paths";

type Entry = { dir: true; mode: number; mtime: number } | { dir: false; mode: number; mtime: number; content: string };

/**
 * A plain in-memory HostFs for container filesystems (the engine's per-host fs is not part of the public API).
 * Same error codes as the host filesystem; no size accounting beyond a 1 MiB cap per file.
 */
export function createMemoryFs(host: string, now: () => number): HostFs {
  const entries = new Map<string, Entry>([["/", { dir: true, mode: 0o755, mtime: now() }]]);
  const listeners = new Set<(c: FsChange) => void>();
  const norm = (p: string) => (p.startsWith("/") ? resolvePath("/", p) : undefined);
  const err = (e: FsError["error"]): FsError => ({ error: e });
  const parentOk = (p: string): FsError | undefined => {
    const parent = p.slice(0, p.lastIndexOf("/")) || "/";
    const e = entries.get(parent);
    if (!e) return err("ENOENT");
    if (!e.dir) return err("ENOTDIR");
    return undefined;
  };
  const fs: HostFs = {
    host,
    stat(raw): FsStat | FsError {
      const p = norm(raw);
      if (!p) return err("EINVAL");
      const e = entries.get(p);
      if (!e) return err("ENOENT");
      return { type: e.dir ? "dir" : "file", size: e.dir ? 4096 : e.content.length, mode: e.mode, mtime: e.mtime };
    },
    readFile(raw) {
      const p = norm(raw);
      if (!p) return err("EINVAL");
      const e = entries.get(p);
      if (!e) return err("ENOENT");
      return e.dir ? err("EISDIR") : e.content;
    },
    writeFile(raw, content, mode) {
      const p = norm(raw);
      if (!p) return err("EINVAL");
      const e = entries.get(p);
      if (e?.dir) return err("EISDIR");
      const pe = parentOk(p);
      if (pe) return pe;
      if (content.length > 1024 * 1024) return err("EFBIG");
      entries.set(p, { dir: false, mode: mode ?? e?.mode ?? 0o644, mtime: now(), content });
      for (const l of listeners) l({ kind: "write", path: p });
      return undefined;
    },
    appendFile(raw, content) {
      const cur = fs.readFile(raw);
      if (typeof cur !== "string" && cur.error !== "ENOENT") return cur;
      return fs.writeFile(raw, (typeof cur === "string" ? cur : "") + content);
    },
    mkdir(raw, opts) {
      const p = norm(raw);
      if (!p) return err("EINVAL");
      if (entries.has(p)) return opts?.parents && entries.get(p)!.dir ? undefined : err("EEXIST");
      if (opts?.parents) {
        let cur = "";
        for (const part of p.split("/").filter(Boolean)) {
          cur += "/" + part;
          const e = entries.get(cur);
          if (e && !e.dir) return err("ENOTDIR");
          if (!e) entries.set(cur, { dir: true, mode: 0o755, mtime: now() });
        }
        return undefined;
      }
      const pe = parentOk(p);
      if (pe) return pe;
      entries.set(p, { dir: true, mode: 0o755, mtime: now() });
      return undefined;
    },
    readdir(raw) {
      const p = norm(raw);
      if (!p) return err("EINVAL");
      const e = entries.get(p);
      if (!e) return err("ENOENT");
      if (!e.dir) return err("ENOTDIR");
      const prefix = p === "/" ? "/" : p + "/";
      return [...entries.keys()].filter((k) => k !== p && k.startsWith(prefix) && !k.slice(prefix.length).includes("/")).map((k) => k.slice(prefix.length)).sort();
    },
    remove(raw, opts) {
      const p = norm(raw);
      if (!p) return err("EINVAL");
      if (p === "/") return err("EACCES");
      if (!entries.has(p)) return err("ENOENT");
      const under = [...entries.keys()].filter((k) => k === p || k.startsWith(p + "/"));
      if (under.length > 1 && !opts?.recursive) return err("ENOTEMPTY");
      for (const k of under) entries.delete(k);
      return undefined;
    },
    rename(from, to) {
      const f = norm(from);
      const t = norm(to);
      if (!f || !t) return err("EINVAL");
      if (!entries.has(f)) return err("ENOENT");
      const pe = parentOk(t);
      if (pe) return pe;
      if (t.startsWith(f + "/")) return err("EINVAL");
      const moved = [...entries.entries()].filter(([k]) => k === f || k.startsWith(f + "/"));
      for (const [k] of moved) entries.delete(k);
      for (const [k, e] of moved) entries.set(t + k.slice(f.length), e);
      return undefined;
    },
    onChange(l) {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    serialize() {
      return Object.fromEntries(entries);
    },
  };
  return fs;
}
