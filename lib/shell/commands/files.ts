import type { FsStat, HostFs } from "../../cluster/index";
import { isFsError } from "../../cluster/index";
import type { CommandFn, CommandIO } from "../command-types";
import { basename, errnoMessage, resolvePath } from "../paths";
import { getopt, usage } from "./util";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function modeString(st: FsStat): string {
  const bits = ["r", "w", "x"];
  let s = st.type === "dir" ? "d" : "-";
  for (let i = 8; i >= 0; i--) s += st.mode & (1 << i) ? bits[(8 - i) % 3] : "-";
  if (st.mode & 0o1000) s = s.slice(0, 9) + (st.mode & 1 ? "t" : "T");
  return s;
}

/** ls -l time: "Nov 25 10:00" within six months of now, else "Nov 25  2025". */
function lsTime(mtime: number, now: number): string {
  const d = new Date(mtime);
  const day = String(d.getUTCDate()).padStart(2, " ");
  const recent = now - mtime < 183 * 24 * 3600 * 1000 && mtime <= now + 3600 * 1000;
  const tail = recent ? `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}` : ` ${d.getUTCFullYear()}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}

function human(n: number): string {
  if (n < 1024) return String(n);
  const units = ["K", "M", "G", "T"];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return (v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) : String(Math.ceil(v))) + units[u];
}

function linkCount(fs: HostFs, path: string, st: FsStat): number {
  if (st.type !== "dir") return 1;
  const names = fs.readdir(path);
  if (isFsError(names)) return 2;
  return 2 + names.filter((n) => {
    const s = fs.stat(resolvePath(path, n));
    return !isFsError(s) && s.type === "dir";
  }).length;
}

/** GNU ls columns for a terminal 80 wide: fill column by column, the fewest rows that fit. */
function columns(names: string[], width = 80): string {
  if (names.length === 0) return "";
  for (let rows = 1; rows <= names.length; rows++) {
    const cols = Math.ceil(names.length / rows);
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) widths.push(Math.max(...names.slice(c * rows, c * rows + rows).map((n) => n.length)));
    const total = widths.reduce((a, b) => a + b, 0) + 2 * (cols - 1);
    if (total <= width || rows === names.length) {
      let out = "";
      for (let r = 0; r < rows; r++) {
        const cells: string[] = [];
        for (let c = 0; c < cols; c++) {
          const n = names[c * rows + r];
          if (n === undefined) continue;
          cells.push(n);
        }
        out += cells.map((n, c) => (c === cells.length - 1 ? n : n.padEnd(widths[c] + 2))).join("") + "\n";
      }
      return out;
    }
  }
  return names.join("\n") + "\n";
}

const ls: CommandFn = (io) => {
  const p = getopt(io, "ls", io.args, { flags: "lah1AdRrtSFhi", long: { all: "a", "almost-all": "A", "human-readable": "h", directory: "d", reverse: "r", "color=": "color", color: "color" } }, 2);
  if (typeof p === "number") return p;
  const o = p.opts;
  const long = o.has("l");
  const now = io.cluster.now();
  const targets = p.operands.length ? p.operands : ["."];
  let code = 0;
  const files: { name: string; path: string; st: FsStat }[] = [];
  const dirs: { name: string; path: string }[] = [];
  for (const t of targets) {
    const path = resolvePath(io.cwd, t);
    const st = io.fs.stat(path);
    if (isFsError(st)) {
      io.stderr(`ls: cannot access '${t}': ${errnoMessage(st.error)}\n`);
      code = 2;
      continue;
    }
    if (st.type === "dir" && !o.has("d")) dirs.push({ name: t, path });
    else files.push({ name: t, path, st });
  }
  const order = <T extends { name: string; st: FsStat }>(entries: T[]): T[] => {
    const sorted = [...entries].sort((a, b) => {
      if (o.has("t") && a.st.mtime !== b.st.mtime) return b.st.mtime - a.st.mtime;
      if (o.has("S") && a.st.size !== b.st.size) return b.st.size - a.st.size;
      return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
    return o.has("r") ? sorted.reverse() : sorted;
  };
  const decorate = (e: { name: string; st: FsStat }) => e.name + (o.has("F") ? (e.st.type === "dir" ? "/" : e.st.mode & 0o111 ? "*" : "") : "");
  const render = (entries: { name: string; path: string; st: FsStat }[], withTotal: boolean): string => {
    const sorted = order(entries);
    if (long) {
      const rows = sorted.map((e) => ({
        mode: modeString(e.st),
        links: String(linkCount(io.fs, e.path, e.st)),
        size: o.has("h") ? human(e.st.size) : String(e.st.size),
        time: lsTime(e.st.mtime, now),
        name: decorate(e),
      }));
      const lw = Math.max(0, ...rows.map((r) => r.links.length));
      const sw = Math.max(0, ...rows.map((r) => r.size.length));
      const blocks = sorted.reduce((a, e) => a + (e.st.type === "dir" ? 4 : Math.ceil(e.st.size / 4096) * 4), 0);
      let out = withTotal ? `total ${o.has("h") ? human(blocks * 1024) : blocks}\n` : "";
      for (const r of rows) out += `${r.mode} ${r.links.padStart(lw)} root root ${r.size.padStart(sw)} ${r.time} ${r.name}\n`;
      return out;
    }
    const names = sorted.map(decorate);
    if (o.has("1") || !io.tty) return names.map((n) => n + "\n").join("");
    return columns(names);
  };
  let out = "";
  if (files.length) out += render(files, false);
  const header = dirs.length + files.length > 1 || o.has("R");
  dirs.sort((a, b) => (a.name < b.name ? -1 : 1));
  const listDir = (d: { name: string; path: string }, first: boolean) => {
    const names = io.fs.readdir(d.path);
    if (isFsError(names)) {
      io.stderr(`ls: cannot open directory '${d.name}': ${errnoMessage(names.error)}\n`);
      code = 2;
      return;
    }
    const entries: { name: string; path: string; st: FsStat }[] = [];
    if (o.has("a")) {
      for (const dot of [".", ".."]) {
        const path = resolvePath(d.path, dot);
        const st = io.fs.stat(path);
        if (!isFsError(st)) entries.push({ name: dot, path, st });
      }
    }
    for (const n of names) {
      if (n.startsWith(".") && !o.has("a") && !o.has("A")) continue;
      const path = resolvePath(d.path, n);
      const st = io.fs.stat(path);
      if (!isFsError(st)) entries.push({ name: n, path, st });
    }
    if (!first || files.length) out += "\n";
    if (header) out += `${d.name}:\n`;
    out += render(entries, true);
    if (o.has("R")) {
      for (const e of order(entries)) {
        if (e.st.type === "dir" && e.name !== "." && e.name !== "..") listDir({ name: d.name.replace(/\/$/, "") + "/" + e.name, path: e.path }, false);
      }
    }
  };
  dirs.forEach((d, i) => listDir(d, i === 0));
  io.stdout(out);
  return code;
};

const mkdir: CommandFn = (io) => {
  const p = getopt(io, "mkdir", io.args, { flags: "pv", values: "m", long: { parents: "p", verbose: "v" } });
  if (typeof p === "number") return p;
  if (p.operands.length === 0) return usage(io, "mkdir", "missing operand");
  let code = 0;
  for (const d of p.operands) {
    const e = io.fs.mkdir(resolvePath(io.cwd, d), { parents: p.opts.has("p") });
    if (e) {
      io.stderr(`mkdir: cannot create directory ‘${d}’: ${errnoMessage(e.error)}\n`);
      code = 1;
    } else if (p.opts.has("v")) io.stdout(`mkdir: created directory '${d}'\n`);
  }
  return code;
};

const rm: CommandFn = (io) => {
  const p = getopt(io, "rm", io.args, { flags: "rRfidv", long: { recursive: "r", force: "f", dir: "d", verbose: "v", "no-preserve-root": "npr" } });
  if (typeof p === "number") return p;
  const force = p.opts.has("f");
  const recursive = p.opts.has("r") || p.opts.has("R");
  if (p.operands.length === 0) {
    if (force) return 0;
    return usage(io, "rm", "missing operand");
  }
  let code = 0;
  for (const f of p.operands) {
    const path = resolvePath(io.cwd, f);
    if (path === "/" && recursive) {
      io.stderr("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
      code = 1;
      continue;
    }
    if (/(^|\/)\.\.?\/*$/.test(f)) {
      io.stderr(`rm: refusing to remove '.' or '..' directory: skipping '${f}'\n`);
      code = 1;
      continue;
    }
    const st = io.fs.stat(path);
    if (isFsError(st)) {
      if (!force) {
        io.stderr(`rm: cannot remove '${f}': ${errnoMessage(st.error)}\n`);
        code = 1;
      }
      continue;
    }
    if (st.type === "dir" && !recursive) {
      const empty = io.fs.readdir(path);
      if (!(p.opts.has("d") && !isFsError(empty) && empty.length === 0)) {
        io.stderr(`rm: cannot remove '${f}': Is a directory\n`);
        code = 1;
        continue;
      }
    }
    const e = io.fs.remove(path, { recursive });
    if (e) {
      io.stderr(`rm: cannot remove '${f}': ${errnoMessage(e.error)}\n`);
      code = 1;
    } else if (p.opts.has("v")) io.stdout(`removed ${st.type === "dir" ? "directory " : ""}'${f}'\n`);
  }
  return code;
};

const rmdir: CommandFn = (io) => {
  if (io.args.length === 0) return usage(io, "rmdir", "missing operand");
  let code = 0;
  for (const d of io.args) {
    const path = resolvePath(io.cwd, d);
    const st = io.fs.stat(path);
    const e = isFsError(st) ? st : st.type !== "dir" ? { error: "ENOTDIR" as const } : io.fs.remove(path);
    if (e) {
      io.stderr(`rmdir: failed to remove '${d}': ${errnoMessage(e.error)}\n`);
      code = 1;
    }
  }
  return code;
};

/** Copy a file or (recursive) directory tree inside one filesystem. */
function copyTree(fs: HostFs, from: string, to: string): ReturnType<HostFs["mkdir"]> {
  const st = fs.stat(from);
  if (isFsError(st)) return st;
  if (st.type === "file") {
    const c = fs.readFile(from);
    if (isFsError(c)) return c;
    return fs.writeFile(to, c, st.mode);
  }
  const tst = fs.stat(to);
  if (isFsError(tst)) {
    const e = fs.mkdir(to);
    if (e) return e;
  }
  const names = fs.readdir(from);
  if (isFsError(names)) return names;
  for (const n of names) {
    const e = copyTree(fs, resolvePath(from, n), resolvePath(to, n));
    if (e) return e;
  }
  return undefined;
}

function copyOrMove(cmd: "cp" | "mv"): CommandFn {
  return (io) => {
    const p = getopt(io, cmd, io.args, { flags: cmd === "cp" ? "rRafipv" : "fivn", long: { recursive: "r", force: "f", verbose: "v" } });
    if (typeof p === "number") return p;
    const ops = p.operands;
    if (ops.length === 0) return usage(io, cmd, "missing file operand");
    if (ops.length === 1) return usage(io, cmd, `missing destination file operand after '${ops[0]}'`);
    const dest = ops[ops.length - 1];
    const destPath = resolvePath(io.cwd, dest);
    const dst = io.fs.stat(destPath);
    const destIsDir = !isFsError(dst) && dst.type === "dir";
    const sources = ops.slice(0, -1);
    if (sources.length > 1 && !destIsDir) {
      io.stderr(`${cmd}: target '${dest}': ${isFsError(dst) ? "No such file or directory" : "Not a directory"}\n`);
      return 1;
    }
    let code = 0;
    for (const s of sources) {
      const from = resolvePath(io.cwd, s);
      const st = io.fs.stat(from);
      if (isFsError(st)) {
        io.stderr(`${cmd}: cannot stat '${s}': ${errnoMessage(st.error)}\n`);
        code = 1;
        continue;
      }
      if (cmd === "cp" && st.type === "dir" && !(p.opts.has("r") || p.opts.has("R") || p.opts.has("a"))) {
        io.stderr(`cp: -r not specified; omitting directory '${s}'\n`);
        code = 1;
        continue;
      }
      const to = destIsDir ? resolvePath(destPath, basename(s)) : destPath;
      if (to === from) {
        io.stderr(`${cmd}: '${s}' and '${destIsDir ? dest.replace(/\/$/, "") + "/" + basename(s) : dest}' are the same file\n`);
        code = 1;
        continue;
      }
      if (st.type === "dir" && (to + "/").startsWith(from + "/")) {
        io.stderr(cmd === "cp" ? `cp: cannot copy a directory, '${s}', into itself, '${dest}'\n` : `mv: cannot move '${s}' to a subdirectory of itself, '${dest}'\n`);
        code = 1;
        continue;
      }
      const tst = io.fs.stat(to);
      if (!isFsError(tst) && tst.type === "dir" && st.type === "file") {
        io.stderr(`${cmd}: cannot overwrite directory '${to}' with non-directory\n`);
        code = 1;
        continue;
      }
      let e;
      if (cmd === "cp") e = copyTree(io.fs, from, to);
      else {
        if (!isFsError(tst) && tst.type === "file") io.fs.remove(to);
        e = io.fs.rename(from, to);
      }
      if (e) {
        io.stderr(`${cmd}: cannot ${cmd === "cp" ? "create regular file" : "move"} '${cmd === "cp" ? dest : s}'${cmd === "mv" ? ` to '${dest}'` : ""}: ${errnoMessage(e.error)}\n`);
        code = 1;
      } else if (p.opts.has("v")) io.stdout(`'${s}' -> '${destIsDir ? dest.replace(/\/$/, "") + "/" + basename(s) : dest}'\n`);
    }
    return code;
  };
}

const touch: CommandFn = (io) => {
  const p = getopt(io, "touch", io.args, { flags: "acm" });
  if (typeof p === "number") return p;
  if (p.operands.length === 0) return usage(io, "touch", "missing file operand");
  let code = 0;
  for (const f of p.operands) {
    const path = resolvePath(io.cwd, f);
    const st = io.fs.stat(path);
    if (!isFsError(st) && st.type === "dir") continue;
    if (isFsError(st) && p.opts.has("c")) continue;
    const content = io.fs.readFile(path);
    const e = io.fs.writeFile(path, isFsError(content) ? "" : content);
    if (e) {
      io.stderr(`touch: cannot touch '${f}': ${errnoMessage(e.error)}\n`);
      code = 1;
    }
  }
  return code;
};

const chmod: CommandFn = (io) => {
  const args = io.args.filter((a) => a !== "-R");
  if (args.length < 2) return usage(io, "chmod", args.length ? `missing operand after ‘${args[0]}’` : "missing operand");
  const [spec, ...files] = args;
  let code = 0;
  for (const f of files) {
    const path = resolvePath(io.cwd, f);
    const st = io.fs.stat(path);
    if (isFsError(st)) {
      io.stderr(`chmod: cannot access '${f}': ${errnoMessage(st.error)}\n`);
      code = 1;
      continue;
    }
    let mode = st.mode;
    if (/^[0-7]{1,4}$/.test(spec)) mode = parseInt(spec, 8);
    else {
      for (const clause of spec.split(",")) {
        const m = /^([ugoa]*)([+-=])([rwx]*)$/.exec(clause);
        if (!m) {
          io.stderr(`chmod: invalid mode: ‘${spec}’\nTry 'chmod --help' for more information.\n`);
          return 1;
        }
        const who = m[1] === "" || m[1].includes("a") ? "ugo" : m[1];
        let bits = 0;
        for (const w of who) {
          const shift = w === "u" ? 6 : w === "g" ? 3 : 0;
          for (const r of m[3]) bits |= (r === "r" ? 4 : r === "w" ? 2 : 1) << shift;
        }
        if (m[2] === "+") mode |= bits;
        else if (m[2] === "-") mode &= ~bits;
        else mode = bits;
      }
    }
    if (st.type === "file") {
      const c = io.fs.readFile(path);
      if (!isFsError(c)) io.fs.writeFile(path, c, mode);
    }
  }
  return code;
};

const find: CommandFn = (io) => {
  const roots: string[] = [];
  let i = 0;
  while (i < io.args.length && !io.args[i].startsWith("-")) roots.push(io.args[i++]);
  if (roots.length === 0) roots.push(".");
  const tests: ((name: string, st: FsStat) => boolean)[] = [];
  let maxDepth = Infinity;
  for (; i < io.args.length; i++) {
    const a = io.args[i];
    const v = io.args[i + 1];
    if ((a === "-name" || a === "-iname") && v !== undefined) {
      const src = v.replace(/[.+^${}()|\\/]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
      const re = new RegExp("^" + src + "$", a === "-iname" ? "i" : "");
      tests.push((name) => re.test(name));
      i++;
    } else if (a === "-type" && v !== undefined) {
      tests.push((_n, st) => (v === "d" ? st.type === "dir" : v === "f" ? st.type === "file" : false));
      i++;
    } else if (a === "-maxdepth" && v !== undefined) {
      maxDepth = Number(v);
      i++;
    } else if (a === "-print") continue;
    else {
      io.stderr(`find: unknown predicate \`${a}'\n`);
      return 1;
    }
  }
  let out = "";
  let code = 0;
  const walk = (shown: string, abs: string, depth: number) => {
    const st = io.fs.stat(abs);
    if (isFsError(st)) {
      io.stderr(`find: ‘${shown}’: ${errnoMessage(st.error)}\n`);
      code = 1;
      return;
    }
    if (tests.every((t) => t(basename(shown) || shown, st))) out += shown + "\n";
    if (st.type === "dir" && depth < maxDepth) {
      const names = io.fs.readdir(abs);
      if (!isFsError(names)) for (const n of names) walk((shown.endsWith("/") ? shown : shown + "/") + n, resolvePath(abs, n), depth + 1);
    }
  };
  for (const r of roots) walk(r, resolvePath(io.cwd, r), 0);
  io.stdout(out);
  return code;
};

const stat: CommandFn = (io) => {
  if (io.args.length === 0) return usage(io, "stat", "missing operand");
  let code = 0;
  for (const f of io.args) {
    const st = io.fs.stat(resolvePath(io.cwd, f));
    if (isFsError(st)) {
      io.stderr(`stat: cannot statx '${f}': ${errnoMessage(st.error)}\n`);
      code = 1;
      continue;
    }
    const d = new Date(st.mtime).toISOString().replace("T", " ").replace("Z", "000000 +0000");
    io.stdout(
      `  File: ${f}\n  Size: ${st.size}\t\tBlocks: ${st.type === "dir" ? 8 : Math.ceil(st.size / 4096) * 8}\tIO Block: 4096   ${st.type === "dir" ? "directory" : st.size === 0 ? "regular empty file" : "regular file"}\n` +
        `Access: (${st.mode.toString(8).padStart(4, "0")}/${modeString(st)})  Uid: (    0/    root)   Gid: (    0/    root)\nModify: ${d}\n`,
    );
  }
  return code;
};

export const fileCommands: Record<string, CommandFn> = {
  ls,
  mkdir,
  rm,
  rmdir,
  cp: copyOrMove("cp"),
  mv: copyOrMove("mv"),
  touch,
  chmod,
  find,
  stat,
};

export type { CommandIO };
