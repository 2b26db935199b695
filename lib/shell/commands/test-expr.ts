import { isFsError } from "../../cluster/index";
import type { CommandIO } from "../command-types";
import { compareIntegers, INTEGER_OPERATORS } from "../compare";
import { resolvePath } from "../paths";

class TestError {
  constructor(readonly message: string) {}
}

/** `test` / `[`: file tests, string and integer comparisons, `!`, `-a`, `-o`. Exit 0 true, 1 false, 2 error. */
export function testExpression(io: CommandIO, name: "test" | "["): number {
  let args = io.args;
  if (name === "[") {
    if (args[args.length - 1] !== "]") {
      io.stderr("bash: [: missing `]'\n");
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(args, io, name) ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) {
      io.stderr(`bash: ${name}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function int(s: string): number {
  if (!/^\s*-?\d+\s*$/.test(s)) throw new TestError(`${s}: integer expression expected`);
  return parseInt(s, 10);
}

function evaluate(args: string[], io: CommandIO, name: string): boolean {
  let i = 0;
  const orExpr = (): boolean => {
    let v = andExpr();
    while (args[i] === "-o") {
      i++;
      const r = andExpr();
      v = v || r;
    }
    return v;
  };
  const andExpr = (): boolean => {
    let v = notExpr();
    while (args[i] === "-a") {
      i++;
      const r = notExpr();
      v = v && r;
    }
    return v;
  };
  const notExpr = (): boolean => {
    if (args[i] === "!" && i + 1 < args.length) {
      i++;
      return !notExpr();
    }
    return primary();
  };
  const primary = (): boolean => {
    const a = args[i];
    if (a === undefined) throw new TestError("argument expected");
    if (a === "(" ) {
      i++;
      const v = orExpr();
      if (args[i] !== ")") throw new TestError("`)' expected");
      i++;
      return v;
    }
    const op = args[i + 1];
    const binOps = ["=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "<", ">"];
    if (op !== undefined && binOps.includes(op) && args[i + 2] !== undefined) {
      const b = args[i + 2];
      i += 3;
      switch (op) {
        case "=":
        case "==":
          return a === b;
        case "!=":
          return a !== b;
        case "<":
          return a < b;
        case ">":
          return a > b;
      }
      if (INTEGER_OPERATORS.has(op)) return compareIntegers(op, int(a), int(b));
    }
    if (/^-[a-zA-Z]$/.test(a) && args[i + 1] !== undefined && !(args.length - i === 1)) {
      const arg = args[i + 1];
      i += 2;
      if (a === "-z") return arg === "";
      if (a === "-n") return arg !== "";
      const st = io.fs.stat(resolvePath(io.cwd, arg));
      const exists = !isFsError(st);
      switch (a) {
        case "-e":
        case "-a":
          return exists;
        case "-f":
          return exists && st.type === "file";
        case "-d":
          return exists && st.type === "dir";
        case "-s":
          return exists && st.size > 0;
        case "-r":
        case "-w":
          return exists;
        case "-x":
          return exists && (st.mode & 0o111) !== 0;
        case "-L":
        case "-h":
          return false;
        default:
          throw new TestError(`${a}: unary operator expected`);
      }
    }
    i++;
    if (args.length - i > 0 && args[i] !== "-a" && args[i] !== "-o" && args[i] !== ")") {
      throw new TestError(args.length === 2 ? `${a}: unary operator expected` : "too many arguments");
    }
    void name;
    return a !== "";
  };
  if (args.length === 0) return false;
  const v = orExpr();
  if (i < args.length) throw new TestError("too many arguments");
  return v;
}
