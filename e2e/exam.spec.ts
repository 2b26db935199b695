import type { Locator, Page } from "@playwright/test";
import { expect, terminalText, test, typeCommand } from "./fixtures";

// Items are found by their text (not their position): the exam's content grows independently of these journeys.
const item = (list: Locator, text: string) => list.getByRole("listitem").filter({ hasText: text });
const WEB_EXAM = "Create a pod named `web-exam`";
const WORKER = "Scale the ReplicaSet `worker`";
const NODE = "Bring node02 back to Ready";

async function startExam(page: Page) {
  await page.goto("/labs/mock-exam/");
  const panel = page.getByRole("region", { name: "Lab tasks" });
  await expect(item(panel, WEB_EXAM)).toHaveAccessibleName(/failed$/, { timeout: 30_000 });
  await expect(panel).toContainText("Exam mode: 60 minutes.");
  await expect(panel.getByRole("button", { name: "Show solution" })).toBeVisible();
  await panel.getByRole("button", { name: "Start the timer" }).click();
  return panel;
}

/** Creates the pod `web-exam` and lets cluster time run on until it is ready. */
async function createWebExam(page: Page, panel: Locator) {
  await typeCommand(page, "kubectl run web-exam --image=nginx:alpine --labels=tier=web");
  await expect.poll(() => terminalText(page)).toContain("pod/web-exam created");
  await page.getByRole("group", { name: "Cluster time" }).getByRole("button", { name: "+1 min: advance cluster time 1 minute" }).click();
  await expect(item(panel, WEB_EXAM)).toHaveAccessibleName(/passed$/);
}

test("a timed exam: start the timer, work some tasks, finish early and read the final report", async ({ page, consoleErrors }) => {
  const panel = await startExam(page);
  const timer = panel.getByRole("timer", { name: "Exam time left" });
  await expect(timer).toHaveText(/^Time left: (60:00|59:[0-5]\d)$/);
  await expect(panel.getByRole("button", { name: "Show solution" })).toHaveCount(0);

  // Questions first, from what the cluster says.
  await typeCommand(page, "kubectl get nodes");
  await expect.poll(() => terminalText(page)).toMatch(/\nnode02\s+NotReady\s/);
  await item(panel, "Which node is NotReady?").getByRole("radio", { name: "node02", exact: true }).check();
  await item(panel, "Which node is NotReady?").getByRole("button", { name: "Check" }).click();
  await expect(item(panel, "Which node is NotReady?")).toHaveAccessibleName(/passed$/);
  await typeCommand(page, "kubectl get svc kube-dns -n kube-system");
  await expect.poll(() => terminalText(page)).toMatch(/\nkube-dns\s+ClusterIP\s+10\.96\.0\.10\s/);
  await panel.getByRole("textbox", { name: "Answer to dns-ip" }).fill("10.96.0.10");
  await item(panel, "cluster IP of the cluster's DNS Service").getByRole("button", { name: "Check" }).click();
  await expect(item(panel, "cluster IP of the cluster's DNS Service")).toHaveAccessibleName(/passed$/);

  // Two tasks.
  const workers = /Scale the ReplicaSet `worker` to (\d) pods/.exec((await item(panel, WORKER).textContent()) ?? "")?.[1] ?? "";
  await typeCommand(page, `kubectl scale rs worker --replicas=${workers}`);
  await expect.poll(() => terminalText(page)).toContain("replicaset.apps/worker scaled");
  await createWebExam(page, panel);
  await expect(item(panel, WORKER)).toHaveAccessibleName(/passed$/);
  await expect(timer).toHaveText(/^Time left: 5\d:[0-5]\d$/);

  await panel.getByRole("button", { name: "Finish exam" }).click();
  const dialog = page.getByRole("dialog", { name: "Finish the exam?" });
  await expect(dialog).toContainText("Your score is final once you finish.");
  await dialog.getByRole("button", { name: "Finish" }).click();

  const report = panel.getByRole("region", { name: "Exam report" });
  await expect(report).toBeVisible();
  await expect(timer).toBeHidden();
  await expect(report.getByTestId("exam-final-score")).toHaveText(/^Final score: 5\/(\d+) \(\d+%\) · not a pass$/);
  await expect(report).toContainText(/You finished the exam\. Time used: \d:[0-5]\d\. The CKA pass mark is 66%\./);
  const results = report.getByRole("list", { name: "Results per item" });
  await expect(results.getByRole("listitem")).toHaveCount(15);
  await expect(item(results, WEB_EXAM)).toContainText(/passed 2\/2$/);
  await expect(item(results, WORKER)).toContainText(/passed 1\/1$/);
  await expect(item(results, "Which node is NotReady?")).toContainText(/passed 1\/1$/);
  await expect(item(results, NODE)).toContainText(/failed 0\/3$/);
  // Once finished, answers are closed; the report keeps the score the exam ended with, whatever happens next.
  await expect(panel.getByRole("button", { name: "Check" })).toHaveCount(0);
  await expect(panel.getByRole("button", { name: "Show solution" })).toBeVisible();
  await typeCommand(page, "ssh node02 systemctl start kubelet");
  await page.getByRole("group", { name: "Cluster time" }).getByRole("button", { name: "+1 min: advance cluster time 1 minute" }).click();
  await expect(item(panel.getByRole("list", { name: "Tasks and questions" }), NODE)).toHaveAccessibleName(/passed$/);
  await expect(report.getByTestId("exam-final-score")).toHaveText(/^Final score: 5\//);
  await expect(item(results, NODE)).toContainText(/failed 0\/3$/);
  expect(consoleErrors).toEqual([]);
});

test("when the exam's time runs out, the report comes up on its own", async ({ page, consoleErrors }) => {
  // The countdown is wall-clock time: a controlled clock lets the hour pass in an instant.
  await page.clock.install();
  const panel = await startExam(page);
  const timer = panel.getByRole("timer", { name: "Exam time left" });
  await expect(timer).toHaveText(/^Time left: (60:00|59:[0-5]\d)$/);
  await createWebExam(page, panel);

  await page.clock.fastForward("58:00");
  await expect(timer).toHaveText(/^Time left: 1:[0-5]\d$/);
  await expect(panel.getByRole("textbox", { name: "Answer to pod-count" })).toBeEditable();
  await page.clock.fastForward("02:00");

  const report = panel.getByRole("region", { name: "Exam report" });
  await expect(report).toBeVisible();
  await expect(timer).toBeHidden();
  await expect(report).toContainText("Time is up. Time used: 1:00:00.");
  await expect(report.getByTestId("exam-final-score")).toHaveText(/^Final score: 2\/(\d+) \(\d+%\) · not a pass$/);
  const results = report.getByRole("list", { name: "Results per item" });
  await expect(item(results, WEB_EXAM)).toContainText(/passed 2\/2$/);
  await expect(item(results, "How many pods are there")).toContainText(/failed 0\/1$/);
  await expect(panel.getByRole("textbox", { name: "Answer to pod-count" })).toHaveCount(0);

  // Practice after the end changes the live grade, not the report.
  await typeCommand(page, "kubectl delete pod web-exam");
  await expect.poll(() => terminalText(page)).toContain('pod "web-exam" deleted');
  await page.getByRole("group", { name: "Cluster time" }).getByRole("button", { name: "+1 min: advance cluster time 1 minute" }).click();
  await expect(item(panel.getByRole("list", { name: "Tasks and questions" }), WEB_EXAM)).toHaveAccessibleName(/failed$/);
  await expect(report.getByTestId("exam-final-score")).toHaveText(/^Final score: 2\//);

  // The finished exam is saved with its frozen result: a reload shows the same report, not a fresh timer nor the live score.
  await page.reload();
  await expect(panel.getByRole("region", { name: "Exam report" })).toContainText("Time is up. Time used: 1:00:00.", { timeout: 30_000 });
  await expect(item(panel.getByRole("list", { name: "Tasks and questions" }), WEB_EXAM)).toHaveAccessibleName(/failed$/);
  await expect(report.getByTestId("exam-final-score")).toHaveText(/^Final score: 2\/(\d+) \(\d+%\) · not a pass$/);
  await expect(item(results, WEB_EXAM)).toContainText(/passed 2\/2$/);
  await expect(panel.getByRole("button", { name: "Start the timer" })).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
