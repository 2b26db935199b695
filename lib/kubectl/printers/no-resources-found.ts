/**
 * What `kubectl get` prints on stderr when nothing was printed (exit code stays 0): with a namespace when every
 * requested resource is namespaced and -A was not given, otherwise without (pass `undefined`).
 */
export function noResourcesFound(namespace?: string): string {
  return namespace === undefined ? "No resources found\n" : `No resources found in ${namespace} namespace.\n`;
}
