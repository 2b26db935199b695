/**
 * kubectl v1.32 for the simulated cluster: a client that talks to the cluster only through its ApiClient.
 * The shell registers `kubectl` (and the `k` alias) as commands.
 */
export { kubectl, findCommand, kubectlCommands } from "./kubectl";
export { commandTable, commandEntry, type CommandEntry } from "./command-table";
export { supportMatrix, type SupportRow } from "./support-matrix";
export { registerContainerRunner, type ContainerRunner } from "./commands/pods";
export { completeKubectl } from "./complete";
