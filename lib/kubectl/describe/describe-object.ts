import type { ApiClient, KubeObject, ResourceInfo } from "../../cluster/index";
import { describeConfigMap } from "./config-map";
import { describeDaemonSet } from "./daemon-set";
import { describeDeployment } from "./deployment";
import { describeEndpoints } from "./endpoints";
import { describeGeneric } from "./generic";
import { describeNamespace } from "./namespace";
import { describeNode } from "./node";
import { describePod } from "./pod";
import { describeReplicaSet, describeReplicationController } from "./replica-set";
import { describeSecret } from "./secret";
import { describeService } from "./service";
import { describeServiceAccount } from "./service-account";

type Describer = (client: ApiClient, obj: any, now: number, showEvents: boolean) => string;

/** The describer map of kubectl (group/Kind -> describer); anything else goes to the generic describer. */
const DESCRIBERS: Record<string, Describer> = {
  "/Pod": describePod,
  "/ReplicationController": describeReplicationController,
  "/Secret": (_c, obj) => describeSecret(obj),
  "/Service": describeService,
  "/ServiceAccount": describeServiceAccount,
  "/Node": describeNode,
  "/Namespace": (c, obj) => describeNamespace(c, obj),
  "/Endpoints": describeEndpoints,
  "/ConfigMap": describeConfigMap,
  "apps/Deployment": describeDeployment,
  "apps/DaemonSet": describeDaemonSet,
  "apps/ReplicaSet": describeReplicaSet,
};

/** Pick the describer for the resource and render the object. */
export function describeObject(client: ApiClient, info: ResourceInfo, object: KubeObject, now: number, showEvents: boolean): string {
  const obj = { ...object, kind: object.kind || info.kind };
  const describer = DESCRIBERS[`${info.group}/${info.kind}`] ?? describeGeneric;
  return describer(client, obj, now, showEvents);
}
