import type { ComponentContext } from "../runtime/component-context";
import type { SeededRandom } from "../runtime/random";
import type { Reconciler } from "../runtime/sim-loop";
import { WorkQueue } from "../runtime/work-queue";

const COMPONENT = "root-ca-cert-publisher";
const NAME = "kube-root-ca.crt";
const DESCRIPTION =
  "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.";

/**
 * root-ca-cert-publisher: every active namespace has the ConfigMap `kube-root-ca.crt` with the cluster CA
 * (`ca.crt`), restored when deleted or edited.
 */
export function createRootCACertPublisher(ctx: ComponentContext, caCert?: string): Reconciler {
  const client = ctx.client;
  const queue = new WorkQueue(COMPONENT);
  const ca = caCert ?? fakeCertificate(ctx.random);
  client.watch("namespaces", undefined, { sendInitialEvents: true }, (e) => {
    if (e.type !== "DELETED") queue.add(e.object.metadata.name ?? "");
  });
  client.watch("configmaps", undefined, {}, (e) => {
    if (e.object.metadata.name === NAME) queue.add(e.object.metadata.namespace ?? "");
  });

  function reconcile(ns: string): void {
    const got = client.get("namespaces", undefined, ns);
    if (!got.ok || got.value.metadata.deletionTimestamp) return;
    const want = { "ca.crt": ca };
    const cur = client.get("configmaps", ns, NAME);
    if (!cur.ok) {
      client.create("configmaps", ns, {
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: { name: NAME, namespace: ns, annotations: { "kubernetes.io/description": DESCRIPTION } },
        data: want,
      });
      return;
    }
    const data = cur.value.data as Record<string, string> | undefined;
    if (data?.["ca.crt"] === ca && Object.keys(data).length === 1) return;
    client.update("configmaps", ns, NAME, { ...cur.value, data: want });
  }

  return { queue, reconcile };
}

/** A PEM-shaped certificate (base64 lines of 64) derived from the seed: looks right in `kubectl get cm -o yaml`. */
function fakeCertificate(random: SeededRandom): string {
  const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const body = "MIIDBTCCAe2gAwIBAgII" + random.string(1008, b64);
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += 64) lines.push(body.slice(i, i + 64));
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
}
