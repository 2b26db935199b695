import type { ApiClient } from "../../cluster/index";
import { describeEvents, searchEvents } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { formatPodStatusCounts, podStatusForController } from "./pod-status-counts";
import { describePodTemplate } from "./pod-template";
import { LEVEL_0, PrefixWriter } from "./prefix-writer";
import { formatLabels, labelSelectorString } from "./selectors";

type Obj = Record<string, any>;

/** DaemonSetDescriber. */
export function describeDaemonSet(client: ApiClient, ds: Obj, now: number, showEvents: boolean): string {
  const meta: Obj = ds.metadata ?? {};
  const st: Obj = ds.status ?? {};
  const selector = labelSelectorString(ds.spec?.selector);
  const counts = podStatusForController(client, meta.namespace, selector, meta.uid);
  const events = showEvents ? searchEvents(client, { kind: "DaemonSet", name: meta.name, namespace: meta.namespace, uid: meta.uid }) : undefined;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${meta.name}\n`);
  w.write(LEVEL_0, `Selector:\t${selector}\n`);
  w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
  printLabelsMultiline(w, "Labels", meta.labels);
  printAnnotationsMultiline(w, "Annotations", meta.annotations);
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${st.desiredNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${st.currentNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${st.updatedNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${st.numberAvailable ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${st.numberMisscheduled ?? 0}\n`);
  w.write(LEVEL_0, `Pods Status:\t${formatPodStatusCounts(counts)}\n`);
  describePodTemplate(ds.spec?.template, w);
  if (events) describeEvents(events, w, now);
  return w.toString();
}
