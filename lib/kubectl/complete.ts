/** Completion candidates for a kubectl command line (verbs, subcommands, flags, resource types, object names). */
import type { Cluster } from "../cluster/index";

import { flagSetFor } from "./flag-specs";
import { findCommand } from "./kubectl";

/** `words`: the words after "kubectl", the last one being completed (may be ""). */
export function completeKubectl(words: readonly string[], cluster?: Cluster, namespace = "default"): string[] {
  const current = words[words.length - 1] ?? "";
  const before = words.slice(0, -1);
  const { entry, rest } = findCommand(before);
  if (current.startsWith("-")) {
    const names = flagSetFor(entry.path).specs().map((s) => `--${s.name}`);
    return names.filter((n) => n.startsWith(current)).sort();
  }
  const children = entry.children.filter((c) => c.startsWith(current));
  if (children.length > 0 && rest.filter((r) => !r.startsWith("-")).length === 0) return [...children].sort();
  if (!cluster || !entry.impl) return [];
  const client = cluster.client("kubectl-completion");
  const discovery = client.discovery();
  const positional = rest.filter((r) => !r.startsWith("-"));
  if (positional.length === 0) {
    const names = new Set<string>();
    for (const r of discovery) {
      names.add(r.resource);
      for (const s of r.shortNames) names.add(s);
    }
    return [...names].filter((n) => n.startsWith(current)).sort();
  }
  const type = discovery.find((r) => r.resource === positional[0] || r.singular === positional[0] || r.shortNames.includes(positional[0]));
  if (!type) return [];
  const list = client.list(type.resource, type.namespaced ? namespace : undefined);
  if (!list.ok) return [];
  return list.value.items.map((o) => o.metadata.name ?? "").filter((n) => n.startsWith(current)).sort();
}

