import type { Locator } from "@playwright/test";
import { expect, terminalText, test, typeCommand } from "./fixtures";

// Items are found by their text (not their position): lab content grows independently of these journeys.
const item = (panel: Locator, text: string) => panel.getByRole("listitem").filter({ hasText: text });
const CONTAINERS = "How many containers are part of the pod";
const CREATE_REDIS = "Create a pod named `redis`";

test("a lab attempt survives a reload, shows on the course home, and can be reset", async ({ page, consoleErrors }) => {
  await page.goto("/labs/pods-practice/");
  const panel = page.getByRole("region", { name: "Lab tasks" });
  const saved = page.getByTestId("save-status");
  await expect(item(panel, CONTAINERS)).toHaveAccessibleName(/unanswered$/, { timeout: 30_000 });

  await panel.getByRole("textbox", { name: "Answer to containers" }).fill("2");
  await item(panel, CONTAINERS).getByRole("button", { name: "Check" }).click();
  await expect(item(panel, CONTAINERS)).toHaveAccessibleName(/passed$/);
  await typeCommand(page, "kubectl run redis --image=redis123");
  await expect.poll(() => terminalText(page)).toContain("pod/redis created");
  await expect(item(panel, CREATE_REDIS)).toHaveAccessibleName(/passed$/);
  await expect(saved).toHaveText("Progress saved in this browser");

  await page.reload();
  await expect(item(panel, CONTAINERS)).toHaveAccessibleName(/passed$/, { timeout: 30_000 });
  await expect(item(panel, CREATE_REDIS)).toHaveAccessibleName(/passed$/);
  await typeCommand(page, "history");
  await expect.poll(() => terminalText(page)).toMatch(/1 {2}kubectl run redis --image=redis123\n\s+2 {2}history/);

  await page.goto("/");
  await expect(page.getByTestId("course-progress")).toContainText(/0 of \d+ labs complete/);
  await expect(page.getByRole("list", { name: "Pods labs" })).toContainText(/in progress · best \d+\/\d+/);

  await page.goto("/labs/pods-practice/");
  await expect(item(panel, CONTAINERS)).toHaveAccessibleName(/passed$/, { timeout: 30_000 });
  await panel.getByRole("button", { name: "Reset lab" }).click();
  const dialog = page.getByRole("dialog", { name: "Reset this lab?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Reset" }).click();
  await expect(item(panel, CONTAINERS)).toHaveAccessibleName(/unanswered$/, { timeout: 30_000 });
  await expect(item(panel, CREATE_REDIS)).toHaveAccessibleName(/failed$/);
  expect(consoleErrors).toEqual([]);
});

test("corrupted saved data gives a notice and a clean start, never a crash", async ({ page, consoleErrors }) => {
  await page.goto("/");
  await page.evaluate(() => {
    localStorage.setItem("shipyard:progress", "{broken");
    localStorage.setItem("shipyard:lab:pods-practice", JSON.stringify({ version: 1, labId: "pods-practice", run: 42 }));
  });
  await page.reload();
  await expect(page.getByRole("region", { name: "Your progress" }).getByRole("status")).toContainText("could not be read");
  await page.goto("/labs/pods-practice/?seed=3");
  await expect(page.getByTestId("lab-notice")).toContainText("Your saved lab could not be read, so it starts afresh.");
  await expect(page.getByRole("textbox", { name: "Share this attempt" })).toHaveValue(/\/labs\/pods-practice\/\?seed=3$/, { timeout: 30_000 });
  await expect(item(page.getByRole("region", { name: "Lab tasks" }), CREATE_REDIS)).toHaveAccessibleName(/failed$/);
  expect(consoleErrors).toEqual([]);
});

test("the solution, with confirmation, runs its commands in the terminal; the cluster map explains the cluster", async ({ page, consoleErrors }) => {
  await page.goto("/labs/pods-practice/");
  const panel = page.getByRole("region", { name: "Lab tasks" });
  await expect(item(panel, CREATE_REDIS)).toHaveAccessibleName(/failed$/, { timeout: 30_000 });
  await expect(page.getByTestId("terminal")).toHaveAttribute("data-state", "ready");
  await panel.getByRole("button", { name: "Show solution" }).click();
  await page.getByRole("dialog", { name: "Show the solution?" }).getByRole("button", { name: "Show solution" }).click();
  const solution = panel.getByRole("region", { name: "Reference solution" });
  await expect(solution).toContainText("kubectl run redis --image=redis123");
  await item(solution, "kubectl run redis --image=redis123").getByRole("button", { name: /^Run command/ }).click();
  await expect.poll(() => terminalText(page)).toContain("pod/redis created");
  await expect(item(panel, CREATE_REDIS)).toHaveAccessibleName(/passed$/);

  await page.getByRole("button", { name: "Show cluster map" }).click();
  const map = page.getByRole("region", { name: "Cluster map" });
  await expect(map.getByRole("img", { name: /^Cluster map: nodes controlplane Ready, node01 Ready;/ })).toBeVisible();
  await expect(map.getByText(/Last scheduling decision: pod default\/redis → node node01/)).toBeVisible();
  await expect(map.getByRole("region", { name: "Activity" })).toContainText("kube-scheduler");
  await map.getByRole("button", { name: "Show as table" }).click();
  await expect(map.getByRole("table", { name: "Control plane (controlplane)" })).toContainText("kube-apiserverRunning");
  await map.getByRole("table", { name: /^Pods/ }).getByRole("button", { name: "redis", exact: true }).click();
  const details = map.getByRole("region", { name: "Details of pod default/redis" });
  await expect(details.getByRole("tabpanel")).toContainText(/Name:\s+redis\nNamespace:\s+default/);
  await details.getByRole("tab", { name: "kubectl get -o yaml" }).click();
  await expect(details.getByRole("tabpanel")).toContainText("image: redis123");
  expect(consoleErrors).toEqual([]);
});

test("a lesson's kubectl block runs in the lesson terminal", async ({ page, consoleErrors }) => {
  await page.goto("/lessons/architecture/cluster-overview/");
  await expect(page.getByTestId("terminal")).toHaveAttribute("data-state", "ready", { timeout: 30_000 });
  await page.getByRole("button", { name: "Run in the terminal: kubectl get nodes" }).click();
  await expect.poll(() => terminalText(page)).toMatch(/kubectl get nodes\nNAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\ncontrolplane\s+Ready/);
  expect(consoleErrors).toEqual([]);
});
