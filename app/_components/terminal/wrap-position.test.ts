import { describe, expect, it } from "vitest";
import { wrapPosition } from "./wrap-position";

describe("wrapPosition", () => {
  it("counts cells with auto-wrap, a full row ending at the start of the next", () => {
    expect(wrapPosition("abc", 10)).toEqual({ row: 0, col: 3 });
    expect(wrapPosition("a".repeat(10), 10)).toEqual({ row: 1, col: 0 });
    expect(wrapPosition("a".repeat(25), 10)).toEqual({ row: 2, col: 5 });
  });

  it("gives colours no width, wide characters two cells (wrapping whole), combining marks none", () => {
    expect(wrapPosition("\x1b[1;32mok\x1b[0m$ ", 80)).toEqual({ row: 0, col: 4 });
    expect(wrapPosition("a".repeat(9) + "日", 10)).toEqual({ row: 1, col: 2 });
    expect(wrapPosition("e\u0301", 10)).toEqual({ row: 0, col: 1 });
  });
});
