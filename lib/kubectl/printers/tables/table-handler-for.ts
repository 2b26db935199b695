import { groupOfApiVersion } from "../kind-display-name";
import { eventTable } from "./event-table";
import { nodeTable } from "./node-table";
import { podTable } from "./pod-table";
import { endpointSliceTable, endpointsTable, serviceTable } from "./service-tables";
import { configMapTable, genericTable, leaseTable, namespaceTable, secretTable, serviceAccountTable } from "./simple-tables";
import type { TableHandler } from "./table-types";
import { daemonSetTable, deploymentTable, replicaSetTable, replicationControllerTable, statefulSetTable } from "./workload-tables";

const handlers: Record<string, TableHandler> = {
  "/Pod": podTable,
  "/ReplicationController": replicationControllerTable,
  "apps/ReplicaSet": replicaSetTable,
  "apps/Deployment": deploymentTable,
  "apps/DaemonSet": daemonSetTable,
  "apps/StatefulSet": statefulSetTable,
  "/Endpoints": endpointsTable,
  "discovery.k8s.io/EndpointSlice": endpointSliceTable,
  "/Node": nodeTable,
  "/Event": eventTable,
  "/Namespace": namespaceTable,
  "/ServiceAccount": serviceAccountTable,
  "/ConfigMap": configMapTable,
  "/Secret": secretTable,
  "coordination.k8s.io/Lease": leaseTable,
};

/** The server-side table handler for objects of this apiVersion and kind (NAME/AGE for unknown kinds). */
export function tableHandlerFor(apiVersion: string, kind: string, wide: boolean): TableHandler {
  const group = groupOfApiVersion(apiVersion);
  if (group === "" && kind === "Service") return serviceTable(wide);
  return handlers[`${group}/${kind}`] ?? genericTable;
}
