/** Implementations by help key ("get", "create-deployment"); the tree itself comes from the help texts. */
import type { CommandImpl } from "../command-types";
import { applyCommand } from "./apply";
import {
  configCurrentContextCommand,
  configGetClustersCommand,
  configGetContextsCommand,
  configGetUsersCommand,
  configSetContextCommand,
  configUseContextCommand,
  configViewCommand,
} from "./config";
import {
  createCommand,
  createConfigMapCommand,
  createDeploymentCommand,
  createNamespaceCommand,
  createSecretGenericCommand,
  createServiceClusterIPCommand,
  createServiceExternalNameCommand,
  createServiceLoadBalancerCommand,
  createServiceAccountCommand,
  createServiceNodePortCommand,
} from "./create";
import { deleteCommand } from "./delete";
import { describeCommand } from "./describe";
import { editCommand, replaceCommand } from "./edit";
import { explainCommand } from "./explain";
import { getCommand } from "./get";
import { apiResourcesCommand, apiVersionsCommand, clusterInfoCommand, optionsCommand, versionCommand } from "./info";
import { annotateCommand, exposeCommand, labelCommand, scaleCommand, setImageCommand } from "./mutate";
import { cordon, drainCommand, taintCommand, uncordon } from "./nodes";
import { patchCommand } from "./patch";
import { execCommand, logsCommand } from "./pods";
import { rolloutHistoryCommand, rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand, rolloutStatusCommand, rolloutUndoCommand } from "./rollout";
import { runCommand } from "./run";
import { waitCommand } from "./wait";

export const COMMAND_IMPLS: Readonly<Record<string, CommandImpl>> = {
  annotate: annotateCommand,
  "api-resources": apiResourcesCommand,
  "api-versions": apiVersionsCommand,
  apply: applyCommand,
  "cluster-info": clusterInfoCommand,
  "config-current-context": configCurrentContextCommand,
  "config-get-clusters": configGetClustersCommand,
  "config-get-contexts": configGetContextsCommand,
  "config-get-users": configGetUsersCommand,
  "config-set-context": configSetContextCommand,
  "config-use-context": configUseContextCommand,
  "config-view": configViewCommand,
  cordon,
  create: createCommand,
  "create-configmap": createConfigMapCommand,
  "create-deployment": createDeploymentCommand,
  "create-namespace": createNamespaceCommand,
  "create-secret-generic": createSecretGenericCommand,
  "create-service-clusterip": createServiceClusterIPCommand,
  "create-service-externalname": createServiceExternalNameCommand,
  "create-service-loadbalancer": createServiceLoadBalancerCommand,
  "create-service-nodeport": createServiceNodePortCommand,
  "create-serviceaccount": createServiceAccountCommand,
  delete: deleteCommand,
  describe: describeCommand,
  drain: drainCommand,
  edit: editCommand,
  exec: execCommand,
  explain: explainCommand,
  expose: exposeCommand,
  get: getCommand,
  label: labelCommand,
  logs: logsCommand,
  patch: patchCommand,
  options: optionsCommand,
  replace: replaceCommand,
  "rollout-history": rolloutHistoryCommand,
  "rollout-pause": rolloutPauseCommand,
  "rollout-restart": rolloutRestartCommand,
  "rollout-resume": rolloutResumeCommand,
  "rollout-status": rolloutStatusCommand,
  "rollout-undo": rolloutUndoCommand,
  run: runCommand,
  scale: scaleCommand,
  "set-image": setImageCommand,
  taint: taintCommand,
  uncordon,
  version: versionCommand,
  wait: waitCommand,
};
