import type { ComponentContext } from "../runtime/component-context";
import type { Reconciler } from "../runtime/sim-loop";
import { createDaemonSetController } from "./daemon-set-controller";
import { createDeploymentController } from "./deployment/deployment-controller";
import { createEndpointSliceController } from "./endpoint-slice-controller";
import { createEndpointsController } from "./endpoints-controller";
import { createGarbageCollector } from "./garbage-collector";
import { createNamespaceController } from "./namespace-controller";
import { createNodeLifecycleController } from "./node-lifecycle-controller";
import { createReplicaSetController } from "./replica-set-controller";
import { createRootCACertPublisher } from "./root-ca-cert-publisher";
import { createServiceAccountController } from "./service-account-controller";
import { createTaintEvictionController } from "./taint-eviction-controller";

export interface ControllerConfig {
  nodeMonitorGracePeriodSeconds: number;
  /** PEM of the cluster CA for the kube-root-ca.crt ConfigMaps; a seeded stand-in when omitted. */
  rootCACert?: string;
}

/**
 * The controllers this kube-controller-manager runs, by their `--controllers` names (v1.32 spelling),
 * in start order. `--controllers=*` in the kubeadm manifest means all of them.
 */
export const CONTROLLER_NAMES = [
  "namespace-controller",
  "serviceaccount-controller",
  "root-ca-certificate-publisher-controller",
  "garbage-collector-controller",
  "deployment-controller",
  "replicaset-controller",
  "replicationcontroller-controller",
  "daemonset-controller",
  "endpoints-controller",
  "endpointslice-controller",
  "node-lifecycle-controller",
  "taint-eviction-controller",
] as const;

/**
 * kube-controller-manager: starts every controller. `contextFor(name)` hands each controller its own
 * context; the name is the component the real controller records events as ("replicaset-controller",
 * "node-controller", ...), so the trace and `kubectl describe` agree.
 */
export function startControllers(contextFor: (name: string) => ComponentContext, config: ControllerConfig): Reconciler[] {
  return [
    createNamespaceController(contextFor("namespace-controller")),
    createServiceAccountController(contextFor("serviceaccount-controller")),
    createRootCACertPublisher(contextFor("root-ca-cert-publisher"), config.rootCACert),
    createGarbageCollector(contextFor("garbage-collector")),
    createDeploymentController(contextFor("deployment-controller")),
    createReplicaSetController(contextFor("replicaset-controller"), "ReplicaSet"),
    createReplicaSetController(contextFor("replication-controller"), "ReplicationController"),
    createDaemonSetController(contextFor("daemonset-controller")),
    createEndpointsController(contextFor("endpoint-controller")),
    createEndpointSliceController(contextFor("endpointslice-controller")),
    createNodeLifecycleController(contextFor("node-controller"), config.nodeMonitorGracePeriodSeconds),
    createTaintEvictionController(contextFor("taint-eviction-controller")),
  ];
}
