import { expect, terminalText, test, typeCommand } from "./fixtures";

test("a learner finds the starter lesson on the home page and uses its terminal", async ({ page, consoleErrors }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kubernetes");
  await page.getByRole("link", { name: /A cluster is a fleet/ }).click();

  await expect(page).toHaveURL(/\/lessons\/architecture\/cluster-overview\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "A cluster is a fleet" })).toBeVisible();
  // Lesson text is there before (and without) the terminal.
  await expect(page.getByRole("heading", { level: 2, name: "The command ship" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Try it" })).toHaveAttribute("href", "#try-it");
  // Code blocks are highlighted at build time.
  await expect(page.locator("pre code[data-theme]").first()).toBeVisible();

  await typeCommand(page, "echo hello, cluster");
  await expect.poll(() => terminalText(page)).toContain("controlplane:~$ echo hello, cluster\nhello, cluster\ncontrolplane:~$");

  await typeCommand(page, "kubectl-typo");
  await expect.poll(() => terminalText(page)).toContain("bash: kubectl-typo: command not found");
  expect(consoleErrors).toEqual([]);
});

test("a command longer than the terminal is wide is shown once, wrapped, and runs", async ({ page, consoleErrors }) => {
  await page.goto("/lessons/architecture/cluster-overview/");
  const word = `${"0123456789".repeat(11)}abcde`;
  const command = `echo ${word}`; // 120 characters: wraps in an 80-column terminal
  await typeCommand(page, command);
  // Rows joined back into lines: the prompt and the command appear once, then the output, then the next prompt.
  await expect.poll(async () => (await terminalText(page)).replace(/\n/g, "")).toContain(`controlplane:~$ ${command}${word}controlplane:~$`);
  expect((await terminalText(page)).split("controlplane:~$ echo").length - 1).toBe(1);
  expect(consoleErrors).toEqual([]);
});

test("an unknown page shows the 404 page", async ({ page }) => {
  const response = await page.goto("/lessons/nope/nothing/");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the course" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("the theme can be switched and is remembered", async ({ page, consoleErrors }) => {
  await page.goto("/");
  const html = page.locator("html");
  const wasDark = await html.evaluate((el) => el.classList.contains("dark"));
  await page.getByRole("button", { name: /Switch to (light|dark) theme/ }).click();
  await expect(html).toHaveClass(wasDark ? /^(?!.*dark)/ : /dark/);
  await page.reload();
  await expect(html).toHaveClass(wasDark ? /^(?!.*dark)/ : /dark/);
  expect(consoleErrors).toEqual([]);
});
