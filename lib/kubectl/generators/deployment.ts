/** `kubectl create deployment NAME --image=...` (kubectl pkg/cmd/create/create_deployment.go). */
import type { GeneratorResult } from "./generator-result";

export interface DeploymentOptions {
  name: string;
  images: string[];
  replicas: number;
  /** -1 = no port. */
  port: number;
}

/** Container name from an image: last path segment without tag or digest, `_` -> `-`, made unique. */
export function containerNameForImage(image: string, used: Set<string>): string {
  let name = image.split("/").pop() ?? image;
  if (name.includes(":")) name = name.split(":")[0];
  if (name.includes("@")) name = name.split("@")[0];
  name = name.replace(/_/g, "-");
  let unique = name;
  // kubectl appends 5 random characters; a counter keeps the simulator deterministic.
  for (let i = 2; used.has(unique); i++) unique = `${name}-${i}`;
  used.add(unique);
  return unique;
}

export function generateDeployment(o: DeploymentOptions): GeneratorResult {
  const labels = { app: o.name };
  const used = new Set<string>();
  const containers: Record<string, unknown>[] = o.images.map((image) => ({ name: containerNameForImage(image, used), image, resources: {} }));
  if (o.port >= 0 && containers.length > 0) {
    const first = containers[0];
    containers[0] = { name: first.name, image: first.image, ports: [{ containerPort: o.port }], resources: {} };
  }
  return {
    ok: true,
    object: {
      kind: "Deployment",
      apiVersion: "apps/v1",
      metadata: { name: o.name, creationTimestamp: null, labels: { ...labels } } as never,
      spec: {
        replicas: o.replicas,
        selector: { matchLabels: { ...labels } },
        template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
        strategy: {},
      },
      status: {},
    },
  };
}
