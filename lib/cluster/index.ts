/**
 * The one public entry of the simulated cluster. kubectl, the shell, labs and the UI import only from here.
 * (The engine-core helper adds createCluster / restoreCluster and more exports.)
 */
export type * from "./api/types";
export type * from "./apiserver/api-client";
export type * from "./cluster-types";
export type { HostFs, FsError, FsErrorCode, FsStat, FsChange } from "./hosts/host-fs";
export { isFsError } from "./hosts/host-fs";
export type { TraceEntry } from "./runtime/component-context";
export { createCluster, restoreCluster, DEFAULT_START_TIME } from "./cluster";
export { deepCopy } from "./api/object-util";
export { parseLabelSelector, matchesRequirements, labelSelectorMatches, requirementsOf, formatRequirements } from "./api/selectors/label-selector";
export type { Requirement, LabelSelectorObject } from "./api/selectors/label-selector";
