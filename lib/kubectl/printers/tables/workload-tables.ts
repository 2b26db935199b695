import { translateTimestampSince } from "../human-duration";
import { formatLabels, formatLabelSelector, labelSelectorString } from "./label-selector";
import { ageColumn, containerCells, int, nameColumn, type Loose, type TableHandler } from "./table-types";

const wideTemplateColumns = [
  { name: "Containers", priority: 1 },
  { name: "Images", priority: 1 },
  { name: "Selector", priority: 1 },
] as const;

/** ReplicationController and ReplicaSet rows differ only in how the selector prints (a map vs a LabelSelector). */
function replicaTable(selector: (o: Loose) => string): TableHandler {
  return {
    columns: [nameColumn, { name: "Desired", priority: 0 }, { name: "Current", priority: 0 }, { name: "Ready", priority: 0 }, ageColumn, ...wideTemplateColumns],
    row(o: Loose, now) {
      const [names, images] = containerCells(o.spec?.template?.spec?.containers);
      return [
        o.metadata?.name ?? "",
        int(o.spec?.replicas),
        int(o.status?.replicas),
        int(o.status?.readyReplicas),
        translateTimestampSince(o.metadata?.creationTimestamp, now),
        names,
        images,
        selector(o),
      ];
    },
  };
}

export const replicationControllerTable = replicaTable((o) => formatLabels(o.spec?.selector));
export const replicaSetTable = replicaTable((o) => formatLabelSelector(o.spec?.selector));

export const deploymentTable: TableHandler = {
  columns: [nameColumn, { name: "Ready", priority: 0 }, { name: "Up-to-date", priority: 0 }, { name: "Available", priority: 0 }, ageColumn, ...wideTemplateColumns],
  row(o: Loose, now) {
    const [names, images] = containerCells(o.spec?.template?.spec?.containers);
    const selector = labelSelectorString(o.spec?.selector);
    return [
      o.metadata?.name ?? "",
      `${int(o.status?.readyReplicas)}/${int(o.spec?.replicas)}`,
      int(o.status?.updatedReplicas),
      int(o.status?.availableReplicas),
      translateTimestampSince(o.metadata?.creationTimestamp, now),
      names,
      images,
      selector === undefined ? "<invalid>" : selector,
    ];
  },
};

export const daemonSetTable: TableHandler = {
  columns: [
    nameColumn,
    { name: "Desired", priority: 0 },
    { name: "Current", priority: 0 },
    { name: "Ready", priority: 0 },
    { name: "Up-to-date", priority: 0 },
    { name: "Available", priority: 0 },
    { name: "Node Selector", priority: 0 },
    ageColumn,
    ...wideTemplateColumns,
  ],
  row(o: Loose, now) {
    const [names, images] = containerCells(o.spec?.template?.spec?.containers);
    const s = o.status ?? {};
    return [
      o.metadata?.name ?? "",
      int(s.desiredNumberScheduled),
      int(s.currentNumberScheduled),
      int(s.numberReady),
      int(s.updatedNumberScheduled),
      int(s.numberAvailable),
      formatLabels(o.spec?.template?.spec?.nodeSelector),
      translateTimestampSince(o.metadata?.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(o.spec?.selector),
    ];
  },
};

export const statefulSetTable: TableHandler = {
  columns: [nameColumn, { name: "Ready", priority: 0 }, ageColumn, { name: "Containers", priority: 1 }, { name: "Images", priority: 1 }],
  row(o: Loose, now) {
    const [names, images] = containerCells(o.spec?.template?.spec?.containers);
    return [
      o.metadata?.name ?? "",
      `${int(o.status?.readyReplicas)}/${int(o.spec?.replicas)}`,
      translateTimestampSince(o.metadata?.creationTimestamp, now),
      names,
      images,
    ];
  },
};
