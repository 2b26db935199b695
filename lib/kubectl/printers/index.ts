/**
 * kubectl v1.32 output printers for `get` (and for `-o yaml|json|name|jsonpath|custom-columns` of other verbs).
 * Pure functions over objects as the API serves them; time comes in as `now` (virtual epoch ms).
 *
 * Typical use by the `get` verb:
 *   - human-readable:  printTable(objects, { now, wide, withNamespace, withKind, showLabels, labelColumns, noHeaders })
 *   - several kinds:   printTableGroups([[pods...], [services...]], { now, withKind: true })
 *   - -o yaml / json:  toKubectlYaml(asList(objects)) / toKubectlJson(asList(objects)) (single object: the object itself);
 *                      the *Chunks variants return the same text in pieces, to write one after another
 *   - -o name:         objects.map(printName).join("")
 *   - -o jsonpath=T:   printJsonPath(T, data)          (throws PrinterError with kubectl's message)
 *   - -o custom-columns=SPEC: printCustomColumns(SPEC, objects, { noHeaders })
 *   - --sort-by=F:     sortObjects(objects, F)
 *   - -w:              createWatchPrinter(options).printList(objects) / .printEvent(type, object)
 *   - empty result:    noResourcesFound(namespace) -> text for stderr
 *   - -o value:        parseOutputFormat(value)
 */
export { humanDuration, translateTimestampSince } from "./human-duration";
export { kindDisplayName, groupOfApiVersion, type KindRef } from "./kind-display-name";
export { TabWriter, formatColumns } from "./tab-writer";
export { printTable, printTableGroups, buildTable, type TableOptions, type BuiltTable } from "./print-table";
export { createWatchPrinter, type WatchPrinter, type WatchPrinterOptions } from "./watch-printer";
export { toKubectlYaml, toKubectlYamlChunks, toKubectlYamlDocuments } from "./to-kubectl-yaml";
export { toKubectlJson, toKubectlJsonChunks, type JsonOptions } from "./to-kubectl-json";
export { asList, printName } from "./list-and-name";
export { printJsonPath, type JsonPathOptions } from "./jsonpath/print-jsonpath";
export { printCustomColumns, parseCustomColumnsSpec, parseCustomColumnsFile, type CustomColumn } from "./custom-columns";
export { sortObjects } from "./sort-objects";
export { noResourcesFound } from "./no-resources-found";
export { parseOutputFormat, type OutputFormat } from "./output-format";
export { PrinterError } from "./printer-error";
