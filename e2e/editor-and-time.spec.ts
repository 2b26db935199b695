import { expect, terminalText, test, typeCommand } from "./fixtures";

test("kubectl edit opens the in-page editor; saving applies the change", async ({ page, consoleErrors }) => {
  await page.goto("/labs/pods-practice/");
  await typeCommand(page, "kubectl create deployment web --image=nginx");
  await expect.poll(() => terminalText(page)).toContain("deployment.apps/web created");

  await typeCommand(page, "kubectl edit deployment web");
  const editor = page.getByRole("dialog", { name: /^vim: \/tmp\/kubectl-edit-.*\.yaml$/ });
  await expect(editor).toBeVisible();
  await expect(editor.getByTestId("vim-status")).toHaveText(/^"\/tmp\/kubectl-edit-.*\.yaml" \d+L, \d+B/);
  const text = editor.getByRole("textbox", { name: /Contents of/ });
  await expect(text).toBeFocused();
  // Normal mode, as in vim: keys move the cursor, nothing is typed into the file until `i`.
  await page.keyboard.type("jjk");
  const before = await text.inputValue();
  expect(before).toContain("  replicas: 1\n");
  await page.keyboard.press("i");
  await expect(editor.getByTestId("vim-status")).toHaveText(/-- INSERT --/);
  await text.fill(before.replace("  replicas: 1\n", "  replicas: 3\n"));
  await page.keyboard.press("Escape");
  await page.keyboard.type(":wq");
  await page.keyboard.press("Enter");
  await expect(editor).toBeHidden();
  await expect.poll(() => terminalText(page)).toContain("deployment.apps/web edited");

  await typeCommand(page, "kubectl get deployment web --no-headers");
  await expect.poll(() => terminalText(page)).toMatch(/\nweb\s+\d\/3\s+3\s/);

  // :q! leaves the file as it was: kubectl says so.
  await typeCommand(page, "kubectl edit deployment web");
  await expect(editor).toBeVisible();
  await page.keyboard.type(":q!");
  await page.keyboard.press("Enter");
  await expect.poll(() => terminalText(page)).toContain("Edit cancelled, no changes made.");

  // nano: Ctrl+O writes, Ctrl+X leaves.
  await typeCommand(page, "nano notes.txt");
  const nano = page.getByRole("dialog", { name: "nano: /root/notes.txt" });
  await expect(nano).toBeVisible();
  await page.keyboard.type("hello from nano");
  await page.keyboard.press("Control+o");
  await page.keyboard.press("Enter");
  await expect(nano.getByRole("status")).toHaveText(/\[ Wrote 1 line \]/);
  await page.keyboard.press("Control+x");
  await expect(nano).toBeHidden();
  await typeCommand(page, "cat notes.txt");
  await expect.poll(() => terminalText(page)).toContain("cat notes.txt\nhello from nano\ncontrolplane:~$");
  expect(consoleErrors).toEqual([]);
});

test("time controls: a stopped kubelet makes its node NotReady after +1 min", async ({ page, consoleErrors }) => {
  await page.goto("/labs/pods-practice/");
  const time = page.getByRole("group", { name: "Cluster time" });
  await typeCommand(page, "ssh node01");
  await typeCommand(page, "systemctl stop kubelet");
  await typeCommand(page, "exit");
  await expect.poll(() => terminalText(page)).toContain("Connection to node01 closed.");
  await time.getByRole("button", { name: "Pause cluster time" }).click();
  await expect(time.getByRole("button", { name: "Pause cluster time" })).toHaveAttribute("aria-pressed", "true");
  const clockBefore = await page.getByTestId("cluster-time").textContent();
  await typeCommand(page, "kubectl get nodes");
  await expect.poll(() => terminalText(page)).toMatch(/node01\s+Ready\s/);

  await time.getByRole("button", { name: "+1 min: advance cluster time 1 minute" }).click();
  await expect(page.getByTestId("cluster-time")).not.toHaveText(clockBefore ?? "");
  await typeCommand(page, "clear");
  await typeCommand(page, "kubectl get nodes");
  await expect.poll(() => terminalText(page)).toMatch(/node01\s+NotReady\s+<none>/);
  expect(consoleErrors).toEqual([]);
});
