/** The integer operators of `test`, `[` and `[[ ]]`. */
export const INTEGER_OPERATORS = new Set(["-eq", "-ne", "-lt", "-le", "-gt", "-ge"]);

/** `a OP b` for the integer comparisons shared by `test` / `[` and `[[ ]]`. */
export function compareIntegers(op: string, a: number, b: number): boolean {
  switch (op) {
    case "-eq":
      return a === b;
    case "-ne":
      return a !== b;
    case "-lt":
      return a < b;
    case "-le":
      return a <= b;
    case "-gt":
      return a > b;
    case "-ge":
      return a >= b;
  }
  return false;
}
