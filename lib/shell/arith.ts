/** `$(( ))` arithmetic: integers, the usual C operators, variables by name. Errors read like bash's. */
export class ArithError extends Error {}

export function evalArith(src: string, getVar: (name: string) => string | undefined, setVar: (name: string, v: string) => void): number {
  const toks = src.match(/\s*(\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<=|>=|==|!=|&&|\|\||<<|>>|\+\+|--|[-+*/%()<>!~^&|?:=])/gy);
  const joined = (toks ?? []).join("");
  if (joined.length !== src.replace(/\s+$/, "").length && src.trim() !== "") {
    const bad = src.slice(joined.length).trim();
    throw new ArithError(`${src.trim()}: syntax error: invalid arithmetic operator (error token is "${bad}")`);
  }
  const t = (toks ?? []).map((x) => x.trim());
  let i = 0;
  const peek = () => t[i];
  const num = (name: string): number => {
    const v = getVar(name);
    if (v === undefined || v === "") return 0;
    const n = Number(v);
    return Number.isFinite(n) ? Math.trunc(n) : 0;
  };
  const primary = (): number => {
    const x = t[i++];
    if (x === undefined) throw new ArithError(`${src.trim()}: syntax error: operand expected (error token is "${src.trim()}")`);
    if (x === "(") {
      const v = ternary();
      if (t[i++] !== ")") throw new ArithError(`${src.trim()}: syntax error: missing )`);
      return v;
    }
    if (x === "-") return -unary();
    if (x === "+") return unary();
    if (x === "!") return unary() ? 0 : 1;
    if (x === "~") return ~unary();
    if (/^\d+$/.test(x)) return parseInt(x, 10);
    if (/^[A-Za-z_]/.test(x)) {
      if (peek() === "=" ) {
        i++;
        const v = ternary();
        setVar(x, String(v));
        return v;
      }
      if (peek() === "++" || peek() === "--") {
        const op = t[i++];
        const v = num(x);
        setVar(x, String(op === "++" ? v + 1 : v - 1));
        return v;
      }
      return num(x);
    }
    throw new ArithError(`${src.trim()}: syntax error: operand expected (error token is "${t.slice(i - 1).join(" ")}")`);
  };
  const unary = primary;
  const levels: string[][] = [["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", ">", "<=", ">="], ["<<", ">>"], ["+", "-"], ["*", "/", "%"], ["**"]];
  const binary = (level: number): number => {
    if (level >= levels.length) return unary();
    let left = binary(level + 1);
    while (peek() !== undefined && levels[level].includes(peek()!)) {
      const op = t[i++];
      const right = op === "**" ? binary(level) : binary(level + 1);
      left = apply(op, left, right);
    }
    return left;
  };
  const apply = (op: string, a: number, b: number): number => {
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
      case "*": return a * b;
      case "/":
      case "%":
        if (b === 0) throw new ArithError(`${src.trim()}: division by 0 (error token is "${String(b)}")`);
        return op === "/" ? Math.trunc(a / b) : a % b;
      case "**": return a ** b;
    }
    return 0;
  };
  const ternary = (): number => {
    const c = binary(0);
    if (peek() === "?") {
      i++;
      const a = ternary();
      if (t[i++] !== ":") throw new ArithError(`${src.trim()}: syntax error in conditional expression`);
      const b = ternary();
      return c ? a : b;
    }
    return c;
  };
  if (t.length === 0) return 0;
  const v = ternary();
  if (i < t.length) throw new ArithError(`${src.trim()}: syntax error in expression (error token is "${t.slice(i).join(" ")}")`);
  return v;
}
