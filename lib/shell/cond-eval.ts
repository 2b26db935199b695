import { isFsError, type HostFs } from "../cluster/index";
import { ArithError } from "./arith";
import { compareIntegers } from "./compare";
import { matchPattern } from "./glob";
import type { CondExpr } from "./parser";
import { resolvePath } from "./paths";
import { ereToRegExp } from "./posix-regex";
import type { Word } from "./tokenizer";

/** What `[[ ]]` needs from the shell: expansion without splitting or globbing, arithmetic, files. */
export interface CondContext {
  /** The word's text after expansion and quote removal. */
  text(w: Word): Promise<string>;
  /** The word as a pattern: `active[i]` false where the character was quoted (literal). */
  pattern(w: Word): Promise<{ s: string; active: boolean[] }>;
  /** Evaluate an arithmetic expression (the operands of -eq and friends); throws ArithError. */
  arith(text: string): number;
  isSet(name: string): boolean;
  /** Store BASH_REMATCH (empty array when the match failed). */
  setMatch(groups: string[]): void;
  fs: HostFs;
  cwd: string;
  /** Print a runtime error ("bash: [[: ..."). */
  error(message: string): void;
}

/** Status of `[[ expr ]]`: 0 true, 1 false (or an arithmetic error), 2 for a regex regcomp rejects. */
export async function evalCond(e: CondExpr, ctx: CondContext): Promise<number> {
  try {
    return (await evaluate(e, ctx)) ? 0 : 1;
  } catch (err) {
    if (err instanceof BadRegex) return 2;
    if (err instanceof ArithError) {
      ctx.error(`[[: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

class BadRegex {}

async function evaluate(e: CondExpr, ctx: CondContext): Promise<boolean> {
  switch (e.t) {
    case "and":
      return (await evaluate(e.l, ctx)) && evaluate(e.r, ctx);
    case "or":
      return (await evaluate(e.l, ctx)) || evaluate(e.r, ctx);
    case "not":
      return !(await evaluate(e.e, ctx));
    case "word":
      return (await ctx.text(e.w)) !== "";
    case "unary":
      return unary(e.op, await ctx.text(e.w), ctx);
    case "binary":
      return binary(e.op, e.l, e.r, ctx);
  }
}

function unary(op: string, arg: string, ctx: CondContext): boolean {
  if (op === "-z") return arg === "";
  if (op === "-n") return arg !== "";
  if (op === "-v") return ctx.isSet(arg);
  if (op === "-o") return false;
  if (op === "-t") return false;
  const st = ctx.fs.stat(resolvePath(ctx.cwd, arg));
  if (isFsError(st) || arg === "") return false;
  switch (op) {
    case "-e":
    case "-a":
    case "-r":
    case "-w":
      return true;
    case "-f":
      return st.type === "file";
    case "-d":
      return st.type === "dir";
    case "-s":
      return st.size > 0;
    case "-x":
      return (st.mode & 0o111) !== 0;
    default:
      // Devices, sockets, pipes, links, setuid bits: the simulated hosts have none.
      return false;
  }
}

async function binary(op: string, lw: Word, rw: Word, ctx: CondContext): Promise<boolean> {
  const l = await ctx.text(lw);
  switch (op) {
    case "=":
    case "==":
    case "!=": {
      const p = await ctx.pattern(rw);
      // Inside [[ ]] extglob patterns always work, whatever `shopt extglob` says (bash 5.2).
      const m = matchPattern(l, p.s, p.active, true);
      return op === "!=" ? !m : m;
    }
    case "=~": {
      const p = await ctx.pattern(rw);
      const re = ereToRegExp(
        p.s,
        p.active.map((a) => !a),
      );
      if (!re) throw new BadRegex();
      const m = re.exec(l);
      ctx.setMatch(m ? [...m].map((g) => g ?? "") : []);
      return m !== null;
    }
    case "<":
      return l < (await ctx.text(rw));
    case ">":
      return l > (await ctx.text(rw));
  }
  const r = await ctx.text(rw);
  if (op === "-nt" || op === "-ot" || op === "-ef") {
    const a = ctx.fs.stat(resolvePath(ctx.cwd, l));
    const b = ctx.fs.stat(resolvePath(ctx.cwd, r));
    const ta = isFsError(a) ? undefined : a.mtime;
    const tb = isFsError(b) ? undefined : b.mtime;
    if (op === "-ef") return ta !== undefined && resolvePath(ctx.cwd, l) === resolvePath(ctx.cwd, r);
    if (op === "-nt") return ta !== undefined && (tb === undefined || ta > tb);
    return tb !== undefined && (ta === undefined || ta < tb);
  }
  return compareIntegers(op, ctx.arith(l), ctx.arith(r));
}
