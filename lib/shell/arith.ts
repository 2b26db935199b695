/** Shell arithmetic (`$(( ))`, `(( ))`, `[[ -eq ]]`): integers, C operators, variables by name. Errors read like bash's. */
export class ArithError extends Error {}

/** Bash integer constants: 10, 010 (octal), 0x1f, 2#101; anything else is "value too great for base". */
function parseNumber(x: string): number {
  if (/^0[xX][0-9a-fA-F]+$/.test(x)) return parseInt(x.slice(2), 16);
  if (/^0[0-7]*$/.test(x)) return parseInt(x, 8);
  if (/^[1-9][0-9]*$/.test(x)) return parseInt(x, 10);
  const m = /^(\d+)#([0-9A-Za-z]+)$/.exec(x);
  if (m && Number(m[1]) >= 2 && Number(m[1]) <= 36) {
    const v = parseInt(m[2], Number(m[1]));
    if (Number.isFinite(v) && v.toString(Number(m[1])) === m[2].toLowerCase().replace(/^0+(?=.)/, "")) return v;
  }
  throw new ArithError(`${x}: value too great for base (error token is "${x}")`);
}

// A name may carry a subscript (`a[i+1]`, `m[key]`): getVar/setVar receive it whole and resolve the element.
const TOKEN = /\s*(\d[0-9A-Za-z_#@]*|[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?|\*\*=|<<=|>>=|\*\*|<=|>=|==|!=|&&|\|\||<<|>>|\+\+|--|[-+*/%&|^]=|[-+*/%()<>!~^&|?:=,])/y;
const ASSIGN = new Set(["=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "|=", "^=", "**="]);

/** How deep variables may refer to variables holding expressions (bash allows more, but the JS stack must hold them). */
const MAX_RECURSION = 200;

export function evalArith(src: string, getVar: (name: string) => string | undefined, setVar: (name: string, v: string) => void, depth = 0): number {
  const expr = src.replace(/^\s+/, "");
  if (depth > MAX_RECURSION) throw new ArithError(`${expr}: expression recursion level exceeded (error token is "${expr}")`);
  const t: string[] = [];
  const at: number[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  for (;;) {
    const m = TOKEN.exec(src);
    if (!m) break;
    t.push(m[1]);
    at.push(pos + m[0].length - m[1].length);
    pos = TOKEN.lastIndex;
  }
  if (src.slice(pos).trim() !== "") {
    const bad = src.slice(pos).replace(/^\s+/, "");
    throw new ArithError(`${expr}: syntax error: invalid arithmetic operator (error token is "${bad}")`);
  }
  if (t.length === 0) return 0;
  let i = 0;
  /** Text from token k to the end: bash's "error token". */
  const rest = (k: number) => (k < t.length ? src.slice(at[k]) : "");
  const fail = (what: string, k: number): never => {
    throw new ArithError(`${expr}: ${what} (error token is "${rest(k)}")`);
  };
  const peek = () => t[i];
  const num = (name: string): number => {
    const v = getVar(name);
    if (v === undefined || v.trim() === "") return 0;
    if (/^\s*-?\d+\s*$/.test(v)) return parseInt(v, 10);
    // A variable holding an expression is evaluated in turn, as bash does.
    return evalArith(v, getVar, setVar, depth + 1);
  };
  const apply = (op: string, a: number, b: number, k: number): number => {
    switch (op) {
      case "||": return a || b ? 1 : 0;
      case "&&": return a && b ? 1 : 0;
      case "|": return a | b;
      case "^": return a ^ b;
      case "&": return a & b;
      case "==": return a === b ? 1 : 0;
      case "!=": return a !== b ? 1 : 0;
      case "<": return a < b ? 1 : 0;
      case ">": return a > b ? 1 : 0;
      case "<=": return a <= b ? 1 : 0;
      case ">=": return a >= b ? 1 : 0;
      case "<<": return a << b;
      case ">>": return a >> b;
      case "+": return a + b;
      case "-": return a - b;
      case "*": return Math.imul(a, b) === a * b ? a * b : Number(BigInt.asIntN(64, BigInt(a) * BigInt(b)));
      case "/":
      case "%":
        if (b === 0) fail("division by 0", k);
        return op === "/" ? Math.trunc(a / b) : a % b;
      case "**":
        if (b < 0) fail("exponent less than 0", k);
        return a ** b;
    }
    return 0;
  };
  const primary = (): number => {
    const k = i;
    const x = t[i++];
    if (x === undefined) fail("syntax error: operand expected", k - 1);
    if (x === "(") {
      const v = comma();
      if (t[i] !== ")") fail("syntax error: missing `)'", i);
      i++;
      return v;
    }
    if (x === "-") return -primary();
    if (x === "+") return primary();
    if (x === "!") return primary() ? 0 : 1;
    if (x === "~") return ~primary();
    if (x === "++" || x === "--") {
      const name = t[i];
      if (name === undefined || !/^[A-Za-z_]/.test(name)) return x === "--" ? primary() : primary();
      i++;
      const v = num(name) + (x === "++" ? 1 : -1);
      setVar(name, String(v));
      return v;
    }
    if (/^\d/.test(x)) return parseNumber(x);
    if (/^[A-Za-z_]/.test(x)) {
      const op = peek();
      if (op !== undefined && ASSIGN.has(op)) {
        i++;
        const r = assignment();
        const v = op === "=" ? r : apply(op.slice(0, -1), num(x), r, i - 1);
        setVar(x, String(v));
        return v;
      }
      if (op === "++" || op === "--") {
        i++;
        const v = num(x);
        setVar(x, String(op === "++" ? v + 1 : v - 1));
        return v;
      }
      return num(x);
    }
    return fail("syntax error: operand expected", k);
  };
  const levels: string[][] = [["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", ">", "<=", ">="], ["<<", ">>"], ["+", "-"], ["*", "/", "%"], ["**"]];
  const binary = (level: number): number => {
    if (level >= levels.length) return primary();
    let left = binary(level + 1);
    while (peek() !== undefined && levels[level].includes(peek()!)) {
      const op = t[i++];
      const right = op === "**" ? binary(level) : binary(level + 1);
      left = apply(op, left, right, i - 1);
    }
    return left;
  };
  const assignment = (): number => {
    const c = binary(0);
    if (peek() === "?") {
      i++;
      const a = assignment();
      if (t[i] !== ":") fail("syntax error in conditional expression", i);
      i++;
      const b = assignment();
      return c ? a : b;
    }
    return c;
  };
  const comma = (): number => {
    let v = assignment();
    while (peek() === ",") {
      i++;
      v = assignment();
    }
    return v;
  };
  const v = comma();
  if (i < t.length) fail("syntax error in expression", i);
  return v;
}
