import type { FsErrorCode } from "../cluster/index";

/** Resolve a path typed by the user against the working directory ("..", ".", "//" collapsed). */
export function resolvePath(cwd: string, p: string): string {
  const abs = p.startsWith("/") ? p : (cwd === "/" ? "" : cwd) + "/" + p;
  const out: string[] = [];
  for (const part of abs.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}

export function basename(p: string): string {
  const trimmed = p.replace(/\/+$/, "");
  if (trimmed === "") return p.startsWith("/") ? "/" : "";
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

export function dirname(p: string): string {
  const trimmed = p.replace(/\/+$/, "");
  const i = trimmed.lastIndexOf("/");
  if (i < 0) return ".";
  if (i === 0) return "/";
  return trimmed.slice(0, i);
}

/** strerror(3) texts, as coreutils print them after "cmd: path: ". */
const MESSAGES: Record<FsErrorCode, string> = {
  ENOENT: "No such file or directory",
  EISDIR: "Is a directory",
  ENOTDIR: "Not a directory",
  EEXIST: "File exists",
  ENOTEMPTY: "Directory not empty",
  EACCES: "Permission denied",
  EFBIG: "File too large",
  EINVAL: "Invalid argument",
};

export function errnoMessage(code: FsErrorCode): string {
  return MESSAGES[code];
}

/** Shell-quote one argument so that it survives re-parsing (xargs, script editors). */
export function shellQuote(s: string): string {
  if (s !== "" && /^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return "'" + s.replace(/'/g, "'\\''") + "'";
}
