import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

// axe on the three kinds of page a learner uses: no serious or critical accessibility issues.
for (const [name, path] of [
  ["course home", "/"],
  ["lesson", "/lessons/architecture/cluster-overview/"],
  ["lab", "/labs/pods-practice/"],
  ["kubectl support", "/kubectl/"],
] as const) {
  test(`${name} page has no serious or critical axe violations`, async ({ page, consoleErrors }) => {
    await page.goto(path);
    if (path.startsWith("/l")) await expect(page.getByTestId("terminal").first()).toHaveAttribute("data-state", "ready", { timeout: 30_000 });
    const results = await new AxeBuilder({ page }).exclude(".xterm-helper-textarea").analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    expect(serious).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}
