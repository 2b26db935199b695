import type { Locator } from "@playwright/test";
import { expect, terminalText, test, typeCommand } from "./fixtures";

// Items are found by their text (not their position): lab content grows independently of these journeys.
const item = (panel: Locator, text: string) => panel.getByRole("listitem").filter({ hasText: text });

test("the ReplicaSet lab, solved through the terminal and the panel, ends complete with full marks", async ({ page, consoleErrors }) => {
  await page.goto("/labs/replicasets-practice/");
  const panel = page.getByRole("region", { name: "Lab tasks" });
  const score = page.getByTestId("lab-score");
  await expect(item(panel, "How many ReplicaSets exist")).toHaveAccessibleName(/unanswered$/, { timeout: 30_000 });
  await expect(score).toHaveText(/^Score 0\/\d+$/);
  // Choice questions offer their choices as radio buttons.
  await expect(item(panel, "Why are the pods").getByRole("group", { name: "Answer to why" }).getByRole("radio")).toHaveCount(4);

  // Look around first, as a learner would, and answer the questions from what the cluster says.
  await typeCommand(page, "kubectl get rs");
  await expect.poll(() => terminalText(page)).toMatch(/NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE\nnew-replica-set\s+\d\s+\d\s+0\s+/);
  const desired = /\nnew-replica-set\s+(\d)\s/.exec(await terminalText(page))?.[1] ?? "";
  const answer = async (id: string, text: string, value: string) => {
    await panel.getByRole("textbox", { name: `Answer to ${id}` }).fill(value);
    await item(panel, text).getByRole("button", { name: "Check" }).click();
    await expect(item(panel, text)).toHaveAccessibleName(/passed$/);
  };
  const choose = async (text: string, choice: string) => {
    await item(panel, text).getByRole("radio", { name: choice, exact: true }).check();
    await item(panel, text).getByRole("button", { name: "Check" }).click();
    await expect(item(panel, text)).toHaveAccessibleName(/passed$/);
  };
  await answer("rs-count", "How many ReplicaSets exist", "1");
  await answer("desired", "supposed to run (DESIRED)", desired);
  await typeCommand(page, "kubectl describe rs new-replica-set | grep Image");
  await expect.poll(() => terminalText(page)).toMatch(/Image:\s+busybox777/);
  await answer("image", "What image does", "busybox777");
  await answer("ready", "pods of `new-replica-set` are ready", "0");
  // A wrong choice says so and leaves the question open for another try.
  await item(panel, "Why are the pods").getByRole("radio", { name: "There is no node with enough CPU" }).check();
  await item(panel, "Why are the pods").getByRole("button", { name: "Check" }).click();
  await expect(item(panel, "Why are the pods")).toHaveAccessibleName(/failed$/);
  await expect(item(panel, "Why are the pods")).toContainText('"There is no node with enough CPU" is not the right answer');
  await choose("Why are the pods", "The image busybox777 cannot be pulled");
  await choose("Which `apiVersion` does the ReplicationController", "v1");

  // The two broken manifests: kubectl says why, the learner fixes the files and creates them.
  await typeCommand(page, "kubectl create -f replicaset-definition-1.yaml");
  await expect.poll(() => terminalText(page)).toContain("ensure CRDs are installed first");
  await typeCommand(page, "sed -i 's#: v1$#: apps/v1#' replicaset-definition-1.yaml");
  await typeCommand(page, "kubectl create -f replicaset-definition-1.yaml");
  await expect.poll(() => terminalText(page)).toContain("replicaset.apps/replicaset-1 created");
  await expect(item(panel, "replicaset-definition-1.yaml")).toHaveAccessibleName(/passed$/);
  await typeCommand(page, "kubectl create -f replicaset-definition-2.yaml");
  await expect.poll(() => terminalText(page)).toContain('The ReplicaSet "replicaset-2" is invalid: spec.template.metadata.labels');
  await typeCommand(page, "sed -i 's/tier: nginx/tier: frontend/' replicaset-definition-2.yaml");
  await typeCommand(page, "kubectl create -f replicaset-definition-2.yaml");
  await expect.poll(() => terminalText(page)).toContain("replicaset.apps/replicaset-2 created");
  await expect(item(panel, "replicaset-definition-2.yaml")).toHaveAccessibleName(/passed$/);

  // The image, the scale, the ReplicationController.
  const target = /Scale `new-replica-set` to (\d) pods/.exec((await item(panel, "Scale `new-replica-set`").textContent()) ?? "")?.[1] ?? "";
  await typeCommand(page, "clear");
  await typeCommand(page, "kubectl set image rs new-replica-set busybox-container=busybox");
  await expect.poll(() => terminalText(page)).toContain("replicaset.apps/new-replica-set image updated");
  await typeCommand(page, "kubectl delete pods -l name=busybox-pod --wait=false");
  await expect.poll(() => terminalText(page)).toMatch(/pod "new-replica-set-\w+" deleted/);
  await typeCommand(page, `kubectl scale rs new-replica-set --replicas=${target}`);
  await expect.poll(() => terminalText(page)).toContain("replicaset.apps/new-replica-set scaled");
  await typeCommand(page, "kubectl scale rc legacy --replicas=1");
  await expect.poll(() => terminalText(page)).toContain("replicationcontroller/legacy scaled");

  // Pods take a while to pull and start: move cluster time on, then look.
  await page.getByRole("group", { name: "Cluster time" }).getByRole("button", { name: "+1 min: advance cluster time 1 minute" }).click();
  await typeCommand(page, "clear");
  await typeCommand(page, "kubectl get rs new-replica-set --no-headers");
  await expect.poll(() => terminalText(page)).toMatch(new RegExp(`\\nnew-replica-set\\s+${target}\\s+${target}\\s+${target}\\s`));
  for (const task of ["Make `new-replica-set` run the image `busybox`", "Scale `new-replica-set`", "should keep exactly one pod"]) {
    await expect(item(panel, task)).toHaveAccessibleName(/passed$/);
  }
  await expect(page.getByRole("status").filter({ hasText: "Lab complete" })).toHaveText(/^Lab complete: every task and question is done \((\d+)\/\1 points\)\.$/);
  await expect(score).toHaveText(/^Score (\d+)\/\1 · complete$/);

  // The course home counts the lab as complete.
  await page.goto("/");
  await expect(page.getByTestId("course-progress")).toContainText(/1 of \d+ labs complete/);
  await expect(page.getByRole("list", { name: "ReplicationControllers and ReplicaSets labs" })).toContainText(/✓ complete · best (\d+)\/\1/);
  expect(consoleErrors).toEqual([]);
});
