/**
 * The small per-host filesystem the engine owns (kubeadm files, static pod manifests, home directory).
 * The shell exposes it; the kubelet on the control plane watches /etc/kubernetes/manifests in it.
 * Paths are absolute and normalized ("/etc/kubernetes/manifests/kube-scheduler.yaml").
 * Errors are returned as errno-style codes so the shell can print the real messages.
 */
export type FsErrorCode = "ENOENT" | "EISDIR" | "ENOTDIR" | "EEXIST" | "ENOTEMPTY" | "EACCES" | "EFBIG" | "EINVAL";

export interface FsError {
  error: FsErrorCode;
}

export interface FsStat {
  type: "file" | "dir";
  size: number;
  /** Octal permission bits, e.g. 0o644. */
  mode: number;
  /** Virtual epoch ms of the last write. */
  mtime: number;
}

export type FsChange = { kind: "write" | "delete"; path: string };

export interface HostFs {
  readonly host: string;
  stat(path: string): FsStat | FsError;
  readFile(path: string): string | FsError;
  /** Creates or replaces a file; the parent directory must exist. */
  writeFile(path: string, content: string, mode?: number): FsError | undefined;
  appendFile(path: string, content: string): FsError | undefined;
  mkdir(path: string, opts?: { parents?: boolean }): FsError | undefined;
  /** Names in a directory, sorted. */
  readdir(path: string): string[] | FsError;
  remove(path: string, opts?: { recursive?: boolean }): FsError | undefined;
  rename(from: string, to: string): FsError | undefined;
  /** Subscribe to writes and deletes; returns unsubscribe. */
  onChange(listener: (change: FsChange) => void): () => void;
  /** JSON-able copy of every file and directory, for snapshots. */
  serialize(): unknown;
}

export function isFsError(v: unknown): v is FsError {
  return typeof v === "object" && v !== null && "error" in v && typeof (v as FsError).error === "string";
}
