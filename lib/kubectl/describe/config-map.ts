import type { ApiClient } from "../../cluster/index";
import { decodeBase64 } from "./base64";
import { describeEvents, searchEvents } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { LEVEL_0, PrefixWriter } from "./prefix-writer";

type Obj = Record<string, any>;

/** ConfigMapDescriber. Go ranges over the data map in random order; keys are sorted here for stable output. */
export function describeConfigMap(client: ApiClient, cm: Obj, now: number, showEvents: boolean): string {
  const meta: Obj = cm.metadata ?? {};
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${meta.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", meta.labels);
  printAnnotationsMultiline(w, "Annotations", meta.annotations);
  w.write(LEVEL_0, "\nData\n====\n");
  const data: Obj = cm.data ?? {};
  for (const k of Object.keys(data).sort()) {
    w.write(LEVEL_0, `${k}:\n----\n`);
    w.write(LEVEL_0, `${data[k]}\n`);
    w.write(LEVEL_0, "\n");
  }
  w.write(LEVEL_0, "\nBinaryData\n====\n");
  const binary: Obj = cm.binaryData ?? {};
  for (const k of Object.keys(binary).sort()) w.write(LEVEL_0, `${k}: ${decodeBase64(String(binary[k])).length} bytes\n`);
  w.write(LEVEL_0, "\n");
  if (showEvents) describeEvents(searchEvents(client, { kind: "ConfigMap", name: meta.name, namespace: meta.namespace, uid: meta.uid }), w, now);
  return w.toString();
}
