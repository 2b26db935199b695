import type { AndOr, Command, CondExpr, List, Pipeline, Redirect } from "./parser";

/** How `type f` / `declare -f f` show a function: bash re-prints the parsed body in its own layout. */
export function formatFunction(name: string, body: Command): string {
  const inner = body.type === "group" ? list(body.body, 1, false) : pad(1) + command(body, 1);
  return `${name} () \n{ \n${inner}\n}${body.type === "group" ? redirects(body.redirects) : ""}`;
}

const pad = (n: number) => "    ".repeat(n);

/** One and-or list per line; bash ends each with ";" inside if/for/while bodies but not the last of a group. */
function list(items: List, depth: number, terminateLast: boolean): string {
  return items
    .map((ao, k) => {
      const last = k === items.length - 1;
      const end = ao.background ? " &" : last && !terminateLast ? "" : ";";
      return pad(depth) + andOr(ao, depth) + end;
    })
    .join("\n");
}

function inline(items: List, depth: number): string {
  return items.map((ao, k) => andOr(ao, depth) + (ao.background ? " &" : k < items.length - 1 ? "; " : "")).join("");
}

function andOr(ao: AndOr, depth: number): string {
  return [pipeline(ao.first, depth), ...ao.rest.map((r) => `${r.op} ${pipeline(r.pipeline, depth)}`)].join(" ");
}

function pipeline(p: Pipeline, depth: number): string {
  return (p.time ? (p.time === "posix" ? "time -p " : "time ") : "") + (p.bang ? "! " : "") + p.commands.map((c) => command(c, depth)).join(" | ");
}

function redirects(rs: Redirect[]): string {
  return rs
    .map((r) => {
      if (r.op === "<<") return ` <<${r.quoted ? `'${r.delim}'` : r.delim}\n${r.body}${r.delim}\n`;
      const defaultFd = r.op === "<" || r.op === "<&" || r.op === "<<<" || r.op === "<>" ? 0 : 1;
      const fd = r.fd === defaultFd || r.op === "&>" || r.op === "&>>" ? "" : String(r.fd);
      return r.op === ">&" || r.op === "<&" ? ` ${fd}${r.op}${r.target.raw}` : ` ${fd}${r.op} ${r.target.raw}`;
    })
    .join("");
}

function cond(e: CondExpr): string {
  switch (e.t) {
    case "and":
      return `${cond(e.l)} && ${cond(e.r)}`;
    case "or":
      return `${cond(e.l)} || ${cond(e.r)}`;
    case "not":
      return `! ${cond(e.e)}`;
    case "word":
      return e.w.raw;
    case "unary":
      return `${e.op} ${e.w.raw}`;
    case "binary":
      return `${e.l.raw} ${e.op} ${e.r.raw}`;
  }
}

function command(c: Command, depth: number): string {
  switch (c.type) {
    case "simple":
      return [...c.assigns.map((a) => `${a.name}${a.index !== undefined ? `[${a.index}]` : ""}${a.append ? "+" : ""}=${a.array ? `(${a.array.map((w) => w.raw).join(" ")})` : a.value.raw}`), ...c.words.map((w) => w.raw)].join(" ") + redirects(c.redirects);
    case "group":
      return `{ \n${list(c.body, depth + 1, false)}\n${pad(depth)}}${redirects(c.redirects)}`;
    case "subshell":
      return `( ${c.body.map((ao, k) => (k ? pad(depth) : "") + andOr(ao, depth)).join(";\n")} )${redirects(c.redirects)}`;
    case "if": {
      const [first, ...more] = c.clauses;
      let s = `if ${inline(first.cond, depth)}; then\n${list(first.body, depth + 1, true)}\n`;
      if (more.length) {
        // bash shows `elif` as an `if` nested in `else`.
        const nested: Command = { type: "if", clauses: more, otherwise: c.otherwise, redirects: [] };
        s += `${pad(depth)}else\n${pad(depth + 1)}${command(nested, depth + 1)};\n`;
      } else if (c.otherwise) s += `${pad(depth)}else\n${list(c.otherwise, depth + 1, true)}\n`;
      return s + `${pad(depth)}fi${redirects(c.redirects)}`;
    }
    case "for":
      return `for ${c.name}${c.items ? ` in ${c.items.map((w) => w.raw).join(" ")}` : ""};\n${pad(depth)}do\n${list(c.body, depth + 1, true)}\n${pad(depth)}done${redirects(c.redirects)}`;
    case "arithFor":
      return `for ((${c.init.trim()}; ${c.test.trim()}; ${c.step.trim()}))\n${pad(depth)}do\n${list(c.body, depth + 1, true)}\n${pad(depth)}done${redirects(c.redirects)}`;
    case "while":
      return `${c.until ? "until" : "while"} ${inline(c.cond, depth)}; do\n${list(c.body, depth + 1, true)}\n${pad(depth)}done${redirects(c.redirects)}`;
    case "case": {
      const clauses = c.clauses.map((cl) => {
        const body = cl.body.length ? list(cl.body, depth + 2, false) + "\n" : "";
        return `${pad(depth + 1)}${cl.patterns.map((p) => p.raw).join(" | ")})\n${body}${pad(depth + 1)}${cl.terminator}`;
      });
      return `case ${c.word.raw} in \n${clauses.join("\n")}\n${pad(depth)}esac${redirects(c.redirects)}`;
    }
    case "cond":
      return `[[ ${cond(c.expr)} ]]${redirects(c.redirects)}`;
    case "arith":
      return `(( ${c.src.trim()} ))${redirects(c.redirects)}`;
    case "function":
      return formatFunction(c.name, c.body);
  }
}
