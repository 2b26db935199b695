import { translateTimestampSince } from "../human-duration";
import { ageColumn, nameColumn, type Loose, type TableHandler } from "./table-types";

const age = (o: Loose, now: number) => translateTimestampSince(o.metadata?.creationTimestamp, now);
const name = (o: Loose) => String(o.metadata?.name ?? "");
const count = (m: unknown) => String(m && typeof m === "object" ? Object.keys(m).length : 0);

export const namespaceTable: TableHandler = {
  columns: [nameColumn, { name: "Status", priority: 0 }, ageColumn],
  row: (o: Loose, now) => [name(o), o.status?.phase ?? "", age(o, now)],
};

export const serviceAccountTable: TableHandler = {
  columns: [nameColumn, { name: "Secrets", priority: 0 }, ageColumn],
  row: (o: Loose, now) => [name(o), String((o.secrets ?? []).length), age(o, now)],
};

export const configMapTable: TableHandler = {
  columns: [nameColumn, { name: "Data", priority: 0 }, ageColumn],
  row: (o: Loose, now) => [name(o), String(Number(count(o.data)) + Number(count(o.binaryData))), age(o, now)],
};

export const secretTable: TableHandler = {
  columns: [nameColumn, { name: "Type", priority: 0 }, { name: "Data", priority: 0 }, ageColumn],
  row: (o: Loose, now) => [name(o), o.type ?? "", count(o.data), age(o, now)],
};

export const leaseTable: TableHandler = {
  columns: [nameColumn, { name: "Holder", priority: 0 }, ageColumn],
  row: (o: Loose, now) => [name(o), o.spec?.holderIdentity ?? "", age(o, now)],
};

/** Kinds without a printer of their own (like CRDs without printer columns): NAME and AGE. */
export const genericTable: TableHandler = {
  columns: [nameColumn, ageColumn],
  row: (o: Loose, now) => [name(o), age(o, now)],
};
