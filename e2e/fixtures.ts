import { test as base, expect, type Page } from "@playwright/test";

/** Every journey fails on any console error or uncaught page error. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") errors.push(msg.text());
    });
    page.on("pageerror", (err) => errors.push(err.message));
    await use(errors);
    expect(errors, "console errors on the page").toEqual([]);
  },
});

export { expect };

/** The terminal's visible text, one string per row (trailing spaces trimmed). */
export async function terminalText(page: Page, index = 0): Promise<string> {
  const rows = page.locator(".xterm-rows").nth(index);
  return rows.evaluate((el) => Array.from(el.children, (row) => (row.textContent ?? "").replace(/\s+$/, "")).join("\n"));
}

/** Types a command into the terminal like a learner and presses Enter. */
export async function typeCommand(page: Page, command: string, index = 0): Promise<void> {
  const terminal = page.getByTestId("terminal").nth(index);
  await expect(terminal).toHaveAttribute("data-state", "ready", { timeout: 30_000 });
  await terminal.click();
  await page.keyboard.type(command);
  await page.keyboard.press("Enter");
}
