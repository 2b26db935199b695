/**
 * Resource type resolution as kubectl's RESTMapper + shortcut expander do it against discovery:
 * plural, singular, short name, kind (case-insensitive), `resource.group`, `resource.version.group`,
 * `TYPE1,TYPE2`, the `all` category, and `TYPE/NAME` arguments.
 */
import type { ResourceInfo } from "../cluster/index";

export type Resolved = { ok: true; info: ResourceInfo } | { ok: false; error: string };

/** Finds one resource type; the error is kubectl's text (without the `error: ` prefix). */
export function resolveResource(discovery: readonly ResourceInfo[], typed: string): Resolved {
  const t = typed.toLowerCase();
  const matches = (r: ResourceInfo, name: string) =>
    r.resource === name || r.singular === name || r.kind.toLowerCase() === name || r.shortNames.includes(name);
  // Exact name in any group first (core wins ties because discovery lists it first).
  const plain = discovery.find((r) => matches(r, t));
  if (plain) return { ok: true, info: plain };
  // resource.group or resource.version.group
  const dot = t.indexOf(".");
  if (dot > 0) {
    const name = t.slice(0, dot);
    const rest = t.slice(dot + 1);
    for (const r of discovery) {
      if (r.resource !== name && r.singular !== name && r.kind.toLowerCase() !== name) continue;
      const group = r.group || "";
      if (rest === group || rest === `${r.version}.${group}` || (group === "" && rest === r.version)) return { ok: true, info: r };
    }
  }
  return { ok: false, error: `the server doesn't have a resource type ${JSON.stringify(typed)}` };
}

/** Expands `pods,svc` or `all` into resource types, in order, without duplicates. */
export function resolveResourceList(discovery: readonly ResourceInfo[], typed: string): { ok: true; infos: ResourceInfo[] } | { ok: false; error: string } {
  const out: ResourceInfo[] = [];
  for (const part of typed.split(",")) {
    if (part === "") continue;
    const category = discovery.filter((r) => r.categories?.includes(part.toLowerCase()));
    if (category.length > 0 && !discovery.some((r) => r.resource === part || r.shortNames.includes(part))) {
      for (const r of category) if (!out.includes(r)) out.push(r);
      continue;
    }
    const res = resolveResource(discovery, part);
    if (!res.ok) return res;
    if (!out.includes(res.info)) out.push(res.info);
  }
  return { ok: true, infos: out };
}

/** One requested resource: a type and either names or "every object" (names empty). */
export interface ResourceRequest {
  info: ResourceInfo;
  names: string[];
}

export type ResourceArgsResult =
  | { ok: true; requests: ResourceRequest[]; typeNameForm: boolean }
  | { ok: false; error: string };

/**
 * kubectl's ResourceTypeOrNameArgs: either `TYPE[,TYPE...] [NAME...]` or `TYPE/NAME [TYPE/NAME...]`.
 * Mixing the two forms gives kubectl's error.
 */
export function parseResourceArgs(discovery: readonly ResourceInfo[], args: readonly string[]): ResourceArgsResult {
  if (args.length === 0) return { ok: true, requests: [], typeNameForm: false };
  if (args.some((a) => a.includes("/"))) {
    const requests: ResourceRequest[] = [];
    for (const a of args) {
      const slash = a.indexOf("/");
      if (slash < 0) {
        return {
          ok: false,
          error: "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
        };
      }
      const type = a.slice(0, slash);
      const name = a.slice(slash + 1);
      if (name === "") return { ok: false, error: `arguments in resource/name form must have a single resource and name` };
      const res = resolveResource(discovery, type);
      if (!res.ok) return res;
      const existing = requests.find((r) => r.info === res.info);
      if (existing) existing.names.push(name);
      else requests.push({ info: res.info, names: [name] });
    }
    return { ok: true, requests, typeNameForm: true };
  }
  const [types, ...names] = args;
  const list = resolveResourceList(discovery, types);
  if (!list.ok) return list;
  return { ok: true, requests: list.infos.map((info) => ({ info, names: [...names] })), typeNameForm: false };
}

/** "pods", "deployments.apps": how API errors and some kubectl messages name a resource. */
export function qualifiedResourceName(info: ResourceInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}

/** "v1", "apps/v1". */
export function apiVersionFor(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** Registry entry for an object's apiVersion + kind (RESTMapper mapping of a manifest). */
export function infoForKind(discovery: readonly ResourceInfo[], apiVersion: string, kind: string): ResourceInfo | undefined {
  const slash = apiVersion.indexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  // The mapper matches the kind case-insensitively (reference §4.4); the server then rejects a wrong case.
  return discovery.find((r) => r.group === group && r.version === version && r.kind.toLowerCase() === kind.toLowerCase());
}
