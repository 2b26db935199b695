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
 * Join the outputs of several describers exactly as `kubectl describe` writes them: the first as is, every
 * further one preceded by "\n\n" (so two blank lines appear between objects, since each output ends in "\n").
 */
export function joinDescriptions(outputs: readonly string[]): string {
  return outputs.map((s, i) => (i === 0 ? s : `\n\n${s}`)).join("");
}

/**
 * Join outputs of the name-prefix fallback (`kubectl describe pods web` when no pod is named exactly "web" but
 * several start with it): kubectl prints each followed by "\n", so one blank line separates them.
 */
export function joinPrefixMatches(outputs: readonly string[]): string {
  return outputs.map((s) => `${s}\n`).join("");
}

/** Describe several objects (same or different kinds) and join them as kubectl does. */
export function describeAll(
  client: ApiClient,
  items: readonly { info: ResourceInfo; object: KubeObject }[],
  now: number,
  options: DescribeOptions = {},
): string {
  return joinDescriptions(items.map(({ info, object }) => describe(client, info, object, now, options)));
}
