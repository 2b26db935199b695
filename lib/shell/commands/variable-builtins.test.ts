import { describe, expect, it } from "vitest";
import { harness } from "../testing/harness";

// Checked against bash 5.2.15 (`bash -c`, its "line 1: " prefix dropped, which an interactive shell does not print).
describe("declare, local and export arguments", () => {
  it("refuse a name that is not an identifier with bash's message, go on with the rest and return 1", async () => {
    const h = harness();
    expect(await h.run("export 1a=b ok=1; echo rc=$? $ok")).toEqual({ out: "rc=1 1\n", err: "bash: export: `1a=b': not a valid identifier\n", all: "bash: export: `1a=b': not a valid identifier\nrc=1 1\n", code: 0 });
    expect((await h.run("declare 2x y=2; echo rc=$? $y")).all).toBe("bash: declare: `2x': not a valid identifier\nrc=1 2\n");
    expect((await h.run("f() { local 3y=1 z=3; echo rc=$? $z; }; f")).all).toBe("bash: local: `3y=1': not a valid identifier\nrc=1 3\n");
  });
});
