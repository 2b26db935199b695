/**
 * `kubectl describe`: describers that render one object the way kubectl v1.32 does
 * (staging/src/k8s.io/kubectl/pkg/describe/describe.go), reading related objects and events through the ApiClient.
 */
import type { ApiClient, KubeObject, ResourceInfo } from "../../cluster/index";
import { describeObject } from "./describe-object";

export interface DescribeOptions {
  /** `--show-events` (default true): when false the Events section is left out entirely. */
  showEvents?: boolean;
}

/**
 * Describe one object. `info` is the registry entry of its resource (from `client.discovery()`), `object` the
 * object as the API served it, `now` the virtual time in epoch ms (ages of events and pods).
 * Returns the complete text kubectl prints, ending in "\n".
 */
export function describe(client: ApiClient, info: ResourceInfo, object: KubeObject, now: number, options: DescribeOptions = {}): string {
  return describeObject(client, info, object, now, options.showEvents ?? true);
}

/**
 * Join outputs of the name-prefix fallback (`kubectl describe pods web` when no pod is named exactly "web" but
 * several start with it): kubectl prints each followed by "\n", so one blank line separates them.
 */
export function joinPrefixMatches(outputs: readonly string[]): string {
  return outputs.map((s) => `${s}\n`).join("");
}

/**
 * Describe several objects (same or different kinds) and hand each description to `write` as soon as it is
 * made, the way kubectl prints one object at a time: `\n\n` before every one but the first, so two blank lines
 * separate objects (each description ends in "\n"). Streaming keeps
 * each chunk small: one joined string for 100 pods (~300 KB) would cost more to allocate than to format.
 * Returns whether anything was written.
 */
export function describeEach(
  client: ApiClient,
  items: readonly { info: ResourceInfo; object: KubeObject }[],
  now: number,
  options: DescribeOptions,
  write: (text: string) => void,
): boolean {
  for (let i = 0; i < items.length; i++) {
    const text = describe(client, items[i].info, items[i].object, now, options);
    write(i === 0 ? text : `\n\n${text}`);
  }
  return items.length > 0;
}

/** Describe several objects (same or different kinds) and join them as kubectl does. */
export function describeAll(
  client: ApiClient,
  items: readonly { info: ResourceInfo; object: KubeObject }[],
  now: number,
  options: DescribeOptions = {},
): string {
  const chunks: string[] = [];
  describeEach(client, items, now, options, (t) => chunks.push(t));
  return chunks.join("");
}
