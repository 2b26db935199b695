/** A tiny HostFs for kubectl tests that need files but no cluster. */
import type { FsError, FsStat, HostFs } from "../../cluster/index";

export function memoryFs(files: Record<string, string> = {}): HostFs {
  const data = new Map<string, string>(Object.entries(files));
  const dirs = new Set<string>(["/"]);
  const addParents = (p: string) => {
    const parts = p.split("/").filter(Boolean);
    for (let i = 1; i < parts.length; i++) dirs.add(`/${parts.slice(0, i).join("/")}`);
  };
  for (const p of data.keys()) addParents(p);
  const enoent: FsError = { error: "ENOENT" };
  return {
    host: "controlplane",
    stat(path): FsStat | FsError {
      if (data.has(path)) return { type: "file", size: data.get(path)!.length, mode: 0o644, mtime: 0 };
      if (dirs.has(path)) return { type: "dir", size: 4096, mode: 0o755, mtime: 0 };
      return enoent;
    },
    readFile: (path) => (data.has(path) ? data.get(path)! : dirs.has(path) ? { error: "EISDIR" } : enoent),
    writeFile(path, content) {
      addParents(path);
      data.set(path, content);
      return undefined;
    },
    appendFile(path, content) {
      data.set(path, (data.get(path) ?? "") + content);
      return undefined;
    },
    mkdir(path) {
      addParents(`${path}/x`);
      return undefined;
    },
    readdir(path) {
      if (!dirs.has(path)) return enoent;
      const prefix = path === "/" ? "/" : `${path}/`;
      const names = new Set<string>();
      for (const p of [...data.keys(), ...dirs]) if (p.startsWith(prefix) && p !== path) names.add(p.slice(prefix.length).split("/")[0]);
      return [...names].sort();
    },
    remove(path) {
      data.delete(path);
      return undefined;
    },
    rename(from, to) {
      const v = data.get(from);
      if (v === undefined) return enoent;
      data.delete(from);
      data.set(to, v);
      return undefined;
    },
    onChange: () => () => {},
    serialize: () => Object.fromEntries(data),
  };
}
