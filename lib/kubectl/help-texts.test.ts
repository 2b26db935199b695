import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commandTable } from "./command-table";
import { HELP_TEXTS } from "./help/help-texts";
import { supportMatrix } from "./support-matrix";

const HELP_DIR = join(__dirname, "help");

describe("help texts and the command table", () => {
  it("help-texts.ts bundles exactly the checked-in .txt files", () => {
    const files = readdirSync(HELP_DIR).filter((f) => f.endsWith(".txt"));
    expect(Object.keys(HELP_TEXTS).sort()).toEqual(files.map((f) => f.replace(/\.txt$/, "")).sort());
    for (const f of files) expect(HELP_TEXTS[f.replace(/\.txt$/, "")]).toBe(readFileSync(join(HELP_DIR, f), "utf8"));
  });

  it("derives the command tree, aliases and summaries from the real help", () => {
    const t = commandTable();
    expect(t.get("create-deployment")?.aliases).toEqual(["deploy"]);
    expect(t.get("create-configmap")?.aliases).toEqual(["cm"]);
    expect(t.get("rollout")?.children).toEqual(["history", "pause", "restart", "resume", "status", "undo"]);
    expect(t.get("get")?.summary).toBe("Display one or many resources");
  });

  it("the support matrix lists every real command with an honest level", () => {
    const rows = supportMatrix();
    expect(rows.find((r) => r.command === "kubectl get")?.support).toBe("partial");
    expect(rows.find((r) => r.command === "kubectl port-forward")?.support).toBe("unsupported");
    expect(rows.find((r) => r.command === "kubectl create deployment")?.support).toBe("full");
    expect(rows.length).toBeGreaterThan(100);
  });
});
