import type { CommandFn } from "../command-types";
import { formatCDate } from "./builtins";
import { usage } from "./util";

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** strftime for `date +FORMAT`, UTC (the lab nodes run in UTC). */
export function strftime(fmt: string, ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, "0");
  return fmt.replace(/%([%a-zA-Z])/g, (_m, c: string) => {
    switch (c) {
      case "Y": return String(d.getUTCFullYear());
      case "y": return p2(d.getUTCFullYear() % 100);
      case "m": return p2(d.getUTCMonth() + 1);
      case "d": return p2(d.getUTCDate());
      case "e": return String(d.getUTCDate()).padStart(2, " ");
      case "H": return p2(d.getUTCHours());
      case "I": return p2(((d.getUTCHours() + 11) % 12) + 1);
      case "p": return d.getUTCHours() < 12 ? "AM" : "PM";
      case "M": return p2(d.getUTCMinutes());
      case "S": return p2(d.getUTCSeconds());
      case "N": return String((ms % 1000) * 1_000_000).padStart(9, "0");
      case "s": return String(Math.floor(ms / 1000));
      case "F": return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
      case "T": return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
      case "R": return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
      case "D": return `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${p2(d.getUTCFullYear() % 100)}`;
      case "Z": return "UTC";
      case "z": return "+0000";
      case "a": return DAYS[d.getUTCDay()].slice(0, 3);
      case "A": return DAYS[d.getUTCDay()];
      case "b":
      case "h": return MONTHS[d.getUTCMonth()].slice(0, 3);
      case "B": return MONTHS[d.getUTCMonth()];
      case "j": return String(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1).padStart(3, "0");
      case "u": return String(d.getUTCDay() || 7);
      case "w": return String(d.getUTCDay());
      case "n": return "\n";
      case "t": return "\t";
      case "%": return "%";
    }
    return "%" + c;
  });
}

const date: CommandFn = (io) => {
  const now = io.cluster.now();
  let fmt: string | undefined;
  for (const a of io.args) {
    if (a.startsWith("+")) fmt = a.slice(1);
    else if (a === "-u" || a === "--utc" || a === "-R" || a === "-I" || a.startsWith("--iso-8601")) {
      if (a === "-R") fmt = "%a, %d %b %Y %T %z";
      if (a === "-I" || a === "--iso-8601") fmt = "%F";
      if (a === "--iso-8601=seconds") fmt = "%FT%T+00:00";
    } else {
      io.stderr(`date: invalid date '${a}'\n`);
      return 1;
    }
  }
  io.stdout((fmt !== undefined ? strftime(fmt, now) : formatCDate(new Date(now), "UTC")) + "\n");
  return 0;
};

/** Parse GNU sleep's NUMBER[smhd] (fractions allowed); undefined when invalid. */
export function parseDuration(s: string): number | undefined {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(s);
  if (!m) return undefined;
  const mult = { "": 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]]!;
  return Number(m[1]) * mult * 1000;
}

const sleep: CommandFn = async (io) => {
  if (io.args.length === 0) return usage(io, "sleep", "missing operand");
  let total = 0;
  for (const a of io.args) {
    const ms = parseDuration(a);
    if (ms === undefined) return usage(io, "sleep", `invalid time interval ‘${a}’`);
    total += ms;
  }
  await io.sleep(total);
  return io.signal.aborted ? 130 : 0;
};

const uname: CommandFn = (io) => {
  const info = { s: "Linux", n: io.host, r: "5.15.0-124-generic", v: "#134-Ubuntu SMP Fri Sep 27 20:20:17 UTC 2024", m: "x86_64", p: "x86_64", i: "x86_64", o: "GNU/Linux" };
  const flags = io.args.join("").replace(/-/g, "");
  if (flags.includes("a")) {
    io.stdout(Object.values(info).join(" ") + "\n");
    return 0;
  }
  const picked = (["s", "n", "r", "v", "m", "p", "i", "o"] as const).filter((k) => flags.includes(k));
  io.stdout((picked.length ? picked.map((k) => info[k]) : [info.s]).join(" ") + "\n");
  return 0;
};

const env: CommandFn = async (io) => {
  const extra: Record<string, string> = {};
  let i = 0;
  for (; i < io.args.length; i++) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(io.args[i]);
    if (!m) break;
    extra[m[1]] = m[2];
  }
  if (i < io.args.length && io.run) {
    const prefix = Object.entries(extra).map(([k, v]) => `${k}=${quote(v)}`);
    return io.run([...prefix, ...io.args.slice(i).map(quote)].join(" "));
  }
  const all = { ...io.env, ...extra };
  io.stdout(Object.entries(all).map(([k, v]) => `${k}=${v}\n`).join(""));
  return 0;
};

function quote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : "'" + s.replace(/'/g, "'\\''") + "'";
}

const printenv: CommandFn = (io) => {
  if (io.args.length === 0) {
    io.stdout(Object.entries(io.env).map(([k, v]) => `${k}=${v}\n`).join(""));
    return 0;
  }
  let code = 0;
  for (const n of io.args) {
    if (io.env[n] !== undefined) io.stdout(io.env[n] + "\n");
    else code = 1;
  }
  return code;
};

const editor = (name: string): CommandFn => async (io) => {
  const file = io.args.filter((a) => !a.startsWith("-") && !a.startsWith("+")).pop();
  if (file === undefined) {
    io.stderr(`${name}: a file name is needed in this terminal (${name} FILE)\n`);
    return 1;
  }
  return io.edit(file, name);
};

export const systemCommands: Record<string, CommandFn> = {
  date,
  sleep,
  uname,
  env,
  printenv,
  clear: (io) => {
    io.stdout("\x1b[H\x1b[2J\x1b[3J");
    return 0;
  },
  reset: (io) => {
    io.stdout("\x1b[H\x1b[2J\x1b[3J");
    return 0;
  },
  hostname: (io) => {
    if (io.args.length && !io.args[0].startsWith("-")) {
      io.stderr("hostname: you must be root to change the host name\n");
      return 1;
    }
    io.stdout((io.args.includes("-i") || io.args.includes("-I") ? (io.env.NODE_IP ?? "127.0.1.1") : io.host) + "\n");
    return 0;
  },
  whoami: (io) => {
    io.stdout("root\n");
    return 0;
  },
  id: (io) => {
    io.stdout("uid=0(root) gid=0(root) groups=0(root)\n");
    return 0;
  },
  vi: editor("vi"),
  vim: editor("vim"),
  nano: editor("nano"),
  view: editor("vi"),
};
