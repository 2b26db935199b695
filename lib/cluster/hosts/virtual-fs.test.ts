import { describe, it, expect } from "vitest";
import { createVirtualFs, MAX_FILE_BYTES, normalizePath } from "./virtual-fs";
import type { FsChange } from "./host-fs";

function clockAt(ms: number) {
  const c = { t: ms, now: () => c.t };
  return c;
}

describe("createVirtualFs", () => {
  it("starts with a Debian-like skeleton and /etc/hostname", () => {
    const fs = createVirtualFs("node01", clockAt(1000));
    expect(fs.readFile("/etc/hostname")).toBe("node01\n");
    expect(fs.readdir("/")).toContain("root");
    expect(fs.stat("/tmp")).toEqual({ type: "dir", size: 4096, mode: 0o1777, mtime: 1000 });
  });

  it("writes, reads, appends and stats files with mtime from the clock", () => {
    const clock = clockAt(5000);
    const fs = createVirtualFs("controlplane", clock);
    expect(fs.writeFile("/root/a.txt", "héllo\n")).toBeUndefined();
    clock.t = 6000;
    expect(fs.appendFile("/root/a.txt", "x")).toBeUndefined();
    expect(fs.readFile("/root/a.txt")).toBe("héllo\nx");
    expect(fs.stat("/root/a.txt")).toEqual({ type: "file", size: 8, mode: 0o644, mtime: 6000 });
    fs.writeFile("/root/b.sh", "#!/bin/sh\n", 0o755);
    expect(fs.stat("/root/b.sh")).toMatchObject({ mode: 0o755 });
    fs.writeFile("/root/b.sh", "echo\n");
    expect(fs.stat("/root/b.sh")).toMatchObject({ mode: 0o755 });
  });

  it("returns errno codes like the kernel", () => {
    const fs = createVirtualFs("h", clockAt(0));
    expect(fs.readFile("/nope")).toEqual({ error: "ENOENT" });
    expect(fs.readFile("/etc")).toEqual({ error: "EISDIR" });
    expect(fs.readFile("/etc/hostname/x")).toEqual({ error: "ENOTDIR" });
    expect(fs.readFile("relative")).toEqual({ error: "EINVAL" });
    expect(fs.writeFile("/no/such/file", "x")).toEqual({ error: "ENOENT" });
    expect(fs.writeFile("/etc", "x")).toEqual({ error: "EISDIR" });
    expect(fs.mkdir("/etc")).toEqual({ error: "EEXIST" });
    expect(fs.mkdir("/a/b")).toEqual({ error: "ENOENT" });
    expect(fs.mkdir("/etc/hostname/x", { parents: true })).toEqual({ error: "ENOTDIR" });
    expect(fs.readdir("/etc/hostname")).toEqual({ error: "ENOTDIR" });
    expect(fs.remove("/etc")).toEqual({ error: "ENOTEMPTY" });
    expect(fs.remove("/")).toEqual({ error: "EACCES" });
  });

  it("rejects files over 1 MiB with EFBIG and keeps the old content", () => {
    const fs = createVirtualFs("h", clockAt(0));
    fs.writeFile("/tmp/f", "small");
    expect(fs.writeFile("/tmp/f", "a".repeat(MAX_FILE_BYTES + 1))).toEqual({ error: "EFBIG" });
    expect(fs.readFile("/tmp/f")).toBe("small");
    expect(fs.writeFile("/tmp/g", "a".repeat(MAX_FILE_BYTES))).toBeUndefined();
    expect(fs.appendFile("/tmp/g", "b")).toEqual({ error: "EFBIG" });
  });

  it("mkdir -p, readdir of direct children sorted, recursive remove", () => {
    const fs = createVirtualFs("h", clockAt(0));
    expect(fs.mkdir("/etc/kubernetes/manifests", { parents: true })).toBeUndefined();
    expect(fs.mkdir("/etc/kubernetes/manifests", { parents: true })).toBeUndefined();
    fs.writeFile("/etc/kubernetes/manifests/z.yaml", "z");
    fs.writeFile("/etc/kubernetes/manifests/a.yaml", "a");
    fs.writeFile("/etc/kubernetes/admin.conf", "c");
    expect(fs.readdir("/etc/kubernetes")).toEqual(["admin.conf", "manifests"]);
    expect(fs.readdir("/etc/kubernetes/manifests/")).toEqual(["a.yaml", "z.yaml"]);
    expect(fs.remove("/etc/kubernetes", { recursive: true })).toBeUndefined();
    expect(fs.stat("/etc/kubernetes/manifests/a.yaml")).toEqual({ error: "ENOENT" });
  });

  it("renames files and directories and reports file changes", () => {
    const fs = createVirtualFs("h", clockAt(0));
    const changes: FsChange[] = [];
    const off = fs.onChange((c) => changes.push(c));
    fs.mkdir("/etc/kubernetes/manifests", { parents: true });
    fs.writeFile("/etc/kubernetes/manifests/s.yaml", "s");
    expect(fs.rename("/etc/kubernetes/manifests/s.yaml", "/tmp/s.yaml")).toBeUndefined();
    expect(fs.rename("/etc/kubernetes", "/etc/kubernetes/x")).toEqual({ error: "EINVAL" });
    fs.writeFile("/tmp/m/x", "x");
    expect(fs.rename("/tmp/s.yaml", "/etc")).toEqual({ error: "EISDIR" });
    fs.mkdir("/tmp/d");
    fs.writeFile("/tmp/d/f", "f");
    expect(fs.rename("/tmp/d", "/root/d2")).toBeUndefined();
    expect(fs.readFile("/root/d2/f")).toBe("f");
    fs.remove("/root/d2", { recursive: true });
    off();
    fs.writeFile("/tmp/after", "x");
    expect(changes).toEqual([
      { kind: "write", path: "/etc/kubernetes/manifests/s.yaml" },
      { kind: "delete", path: "/etc/kubernetes/manifests/s.yaml" },
      { kind: "write", path: "/tmp/s.yaml" },
      { kind: "write", path: "/tmp/d/f" },
      { kind: "delete", path: "/tmp/d/f" },
      { kind: "write", path: "/root/d2/f" },
      { kind: "delete", path: "/root/d2/f" },
    ]);
  });

  it("serializes to JSON and restores exactly", () => {
    const clock = clockAt(42);
    const a = createVirtualFs("node01", clock);
    a.mkdir("/etc/kubernetes/manifests", { parents: true });
    a.writeFile("/etc/kubernetes/manifests/etcd.yaml", "kind: Pod\n", 0o600);
    a.remove("/opt");
    const json = JSON.parse(JSON.stringify(a.serialize()));
    const b = createVirtualFs("node01", clockAt(999));
    b.writeFile("/root/junk", "j");
    b.restore(json);
    expect(b.serialize()).toEqual(a.serialize());
    expect(b.stat("/etc/kubernetes/manifests/etcd.yaml")).toEqual({ type: "file", size: 10, mode: 0o600, mtime: 42 });
    expect(b.stat("/root/junk")).toEqual({ error: "ENOENT" });
    expect(() => b.restore({ version: 1, host: "x", entries: { "/a/../b": { t: "d", m: 0, mt: 0 } } })).toThrow();
    expect(() => b.restore("garbage")).toThrow();
  });

  it("normalizes paths", () => {
    expect(normalizePath("/a//b/./c/../d/")).toBe("/a/b/d");
    expect(normalizePath("/..")).toBe("/");
    expect(normalizePath("a")).toBeUndefined();
  });
});
