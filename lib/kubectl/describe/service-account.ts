import type { ApiClient } from "../../cluster/index";
import { describeEvents, searchEvents } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { LEVEL_0, PrefixWriter } from "./prefix-writer";

type Obj = Record<string, any>;

/** ServiceAccountDescriber: pull secrets, mountable secrets and legacy token secrets ("(not found)" when missing). */
export function describeServiceAccount(client: ApiClient, sa: Obj, now: number, showEvents: boolean): string {
  const meta: Obj = sa.metadata ?? {};
  const tokens: string[] = [];
  const missing = new Set<string>();
  const secrets = client.list("secrets", meta.namespace);
  if (secrets.ok) {
    const existing = new Set<string>();
    for (const s of secrets.value.items as Obj[]) {
      if (s.type === "kubernetes.io/service-account-token") {
        const ann: Obj = s.metadata?.annotations ?? {};
        if (ann["kubernetes.io/service-account.name"] === meta.name && ann["kubernetes.io/service-account.uid"] === meta.uid) tokens.push(s.metadata.name);
      }
      existing.add(s.metadata?.name);
    }
    for (const s of [...(sa.secrets ?? []), ...(sa.imagePullSecrets ?? [])] as Obj[]) if (!existing.has(s.name)) missing.add(s.name);
  }
  const events = showEvents ? searchEvents(client, { kind: "ServiceAccount", name: meta.name, namespace: meta.namespace, uid: meta.uid }) : undefined;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${meta.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", meta.labels);
  printAnnotationsMultiline(w, "Annotations", meta.annotations);
  // Headers are padded to the same width and listed in sorted order, as kubectl does.
  const sections: [string, string[]][] = [
    ["Image pull secrets:", (sa.imagePullSecrets ?? []).map((s: Obj) => s.name)],
    ["Mountable secrets: ", (sa.secrets ?? []).map((s: Obj) => s.name)],
    ["Tokens:            ", tokens],
  ];
  for (const [header, names] of sections) {
    if (names.length === 0) {
      w.write(LEVEL_0, `${header}\t<none>\n`);
      continue;
    }
    let prefix = header;
    for (const name of names) {
      w.write(LEVEL_0, `${prefix}\t${name}${missing.has(name) ? " (not found)" : ""}\n`);
      prefix = "                   ";
    }
  }
  if (events) describeEvents(events, w, now);
  return w.toString();
}
