/** `kubectl create namespace NAME`. */
import type { GeneratorResult } from "./generator-result";

export function generateNamespace(name: string): GeneratorResult {
  return { ok: true, object: { kind: "Namespace", apiVersion: "v1", metadata: { name, creationTimestamp: null } as never, spec: {}, status: {} } };
}
