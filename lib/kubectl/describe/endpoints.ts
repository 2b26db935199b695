import type { ApiClient } from "../../cluster/index";
import { describeEvents, searchEvents } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { LEVEL_0, LEVEL_1, LEVEL_2, PrefixWriter } from "./prefix-writer";

type Obj = Record<string, any>;

/** EndpointsDescriber: one block per subset, each followed by a blank line. */
export function describeEndpoints(client: ApiClient, ep: Obj, now: number, showEvents: boolean): string {
  const meta: Obj = ep.metadata ?? {};
  const events = showEvents ? searchEvents(client, { kind: "Endpoints", name: meta.name, namespace: meta.namespace, uid: meta.uid }) : undefined;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${meta.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", meta.labels);
  printAnnotationsMultiline(w, "Annotations", meta.annotations);
  w.write(LEVEL_0, "Subsets:\n");
  for (const subset of (ep.subsets ?? []) as Obj[]) {
    const addresses = (subset.addresses ?? []).map((a: Obj) => a.ip).join(",");
    w.write(LEVEL_1, `Addresses:\t${addresses || "<none>"}\n`);
    const notReady = (subset.notReadyAddresses ?? []).map((a: Obj) => a.ip).join(",");
    w.write(LEVEL_1, `NotReadyAddresses:\t${notReady || "<none>"}\n`);
    if ((subset.ports ?? []).length > 0) {
      w.write(LEVEL_1, "Ports:\n");
      w.write(LEVEL_2, "Name\tPort\tProtocol\n");
      w.write(LEVEL_2, "----\t----\t--------\n");
      for (const p of subset.ports as Obj[]) w.write(LEVEL_2, `${p.name || "<unset>"}\t${p.port}\t${p.protocol ?? "TCP"}\n`);
    }
    w.write(LEVEL_0, "\n");
  }
  if (events) describeEvents(events, w, now);
  return w.toString();
}
