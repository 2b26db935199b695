import { bytesToString, decodeBase64 } from "./base64";
import { printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { LEVEL_0, PrefixWriter } from "./prefix-writer";

type Obj = Record<string, any>;

/** SecretDescriber: sizes in bytes, never the values (except a service-account token). No events. */
export function describeSecret(secret: Obj): string {
  const meta: Obj = secret.metadata ?? {};
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${meta.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", meta.labels);
  printAnnotationsMultiline(w, "Annotations", meta.annotations);
  w.write(LEVEL_0, `\nType:\t${secret.type ?? ""}\n`);
  w.write(LEVEL_0, "\nData\n====\n");
  const data: Obj = secret.data ?? {};
  for (const k of Object.keys(data).sort()) {
    const bytes = decodeBase64(String(data[k] ?? ""));
    if (k === "token" && secret.type === "kubernetes.io/service-account-token") w.write(LEVEL_0, `${k}:\t${bytesToString(bytes)}\n`);
    else w.write(LEVEL_0, `${k}:\t${bytes.length} bytes\n`);
  }
  return w.toString();
}
