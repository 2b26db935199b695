import { expect, terminalText, test } from "./fixtures";

test("a keyboard-only learner leaves the terminal, controls time and explores the cluster map", async ({ page, consoleErrors }) => {
  await page.goto("/labs/pods-practice/");
  const terminal = page.getByTestId("terminal");
  await expect(terminal).toHaveAttribute("data-state", "ready", { timeout: 30_000 });
  const input = page.getByRole("textbox", { name: "Lab terminal" });
  await input.focus();
  await page.keyboard.type("echo typed");
  await page.keyboard.press("Enter");
  await expect.poll(() => terminalText(page)).toContain("echo typed\ntyped");
  // Tab completes inside the shell; Escape then Tab moves on.
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  const mapButton = page.getByRole("button", { name: "Show cluster map" });
  await expect(mapButton).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Hide cluster map" })).toHaveAttribute("aria-expanded", "true");

  const map = page.getByRole("region", { name: "Cluster map" });
  const asTable = map.getByRole("button", { name: "Show as table" });
  await asTable.focus();
  await page.keyboard.press("Enter");
  const node = map.getByRole("table", { name: "Nodes" }).getByRole("button", { name: "node01" });
  await node.focus();
  await page.keyboard.press("Enter");
  await expect(map.getByRole("region", { name: "Details of node node01" }).getByRole("tabpanel")).toContainText(/Name:\s+node01/);

  const pause = page.getByRole("button", { name: "Pause cluster time" });
  await pause.focus();
  await page.keyboard.press("Enter");
  await expect(pause).toHaveAttribute("aria-pressed", "true");
  expect(consoleErrors).toEqual([]);
});
