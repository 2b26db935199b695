import type { KubeObject } from "../../cluster/index";
import { kindDisplayName } from "./kind-display-name";

/** The client-side `List` kubectl wraps several objects in for -o yaml/json (and prints, empty, for no results). */
export function asList(objects: readonly unknown[]): { apiVersion: "v1"; items: unknown[]; kind: "List"; metadata: { resourceVersion: "" } } {
  return { apiVersion: "v1", items: [...objects], kind: "List", metadata: { resourceVersion: "" } };
}

/**
 * One line of `-o name`: `pod/nginx\n`, `deployment.apps/web\n`; with `operation` (mutating verbs with -o name)
 * `pod/nginx created\n`.
 */
export function printName(object: Pick<KubeObject, "apiVersion" | "kind" | "metadata">, operation?: string): string {
  const name = `${kindDisplayName(object)}/${object.metadata.name ?? ""}`;
  return operation ? `${name} ${operation}\n` : `${name}\n`;
}
