/** Read-only informational commands: version, options, api-resources, api-versions, cluster-info. */
import type { CommandImpl } from "../command-types";
import { HELP_TEXTS } from "../help/help-texts";
import { formatColumns } from "../printers/index";
import { apiVersionFor } from "../resources";
import { toKubectlJson, toKubectlYaml } from "../printers/index";

export const CLIENT_VERSION = "v1.32.4";
const SERVER_VERSION = "v1.32.4";
const KUSTOMIZE_VERSION = "v5.5.0";

function versionInfo(git: string) {
  return {
    major: "1",
    minor: "32",
    gitVersion: git,
    gitCommit: "59526cd4867447956156ae3a602fcbac10ec2ad7",
    gitTreeState: "clean",
    buildDate: "2025-04-22T16:01:28Z",
    goVersion: "go1.23.6",
    compiler: "gc",
    platform: "linux/amd64",
  };
}

export const versionCommand: CommandImpl = {
  support: "full",
  run(ctx) {
    const output = ctx.str("output");
    const client = ctx.bool("client");
    if (output !== "" && output !== "yaml" && output !== "json") return ctx.fail("--output must be 'yaml' or 'json'");
    if (output === "") {
      ctx.out(`Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
      if (!client) ctx.out(`Server Version: ${SERVER_VERSION}\n`);
      return 0;
    }
    const v: Record<string, unknown> = { clientVersion: versionInfo(CLIENT_VERSION), kustomizeVersion: KUSTOMIZE_VERSION };
    if (!client) v.serverVersion = versionInfo(SERVER_VERSION);
    ctx.out(output === "yaml" ? toKubectlYaml(v) : toKubectlJson(v, { sortKeys: false }));
    return 0;
  },
};

export const optionsCommand: CommandImpl = {
  support: "full",
  run(ctx) {
    ctx.out(HELP_TEXTS["options"] ?? "");
    return 0;
  },
};

export const apiResourcesCommand: CommandImpl = {
  support: "full",
  run(ctx) {
    let list = ctx.discovery();
    const group = ctx.str("api-group");
    if (ctx.changed("api-group")) list = list.filter((r) => r.group === group);
    if (ctx.changed("namespaced")) list = list.filter((r) => r.namespaced === ctx.bool("namespaced"));
    const verbs = ctx.list("verbs");
    if (verbs.length > 0) list = list.filter((r) => verbs.every((v) => r.verbs.includes(v)));
    const sortBy = ctx.str("sort-by");
    // kubectl groups by API group (core first, then groups by name), then sorts by name within a group.
    list = [...list].sort((a, b) => {
      if (sortBy === "kind") return a.kind.localeCompare(b.kind);
      if (a.group !== b.group) return a.group === "" ? -1 : b.group === "" ? 1 : a.group < b.group ? -1 : 1;
      return a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0;
    });
    const output = ctx.str("output");
    if (output === "name") {
      ctx.out(list.map((r) => (r.group ? `${r.resource}.${r.group}\n` : `${r.resource}\n`)).join(""));
      return 0;
    }
    if (output !== "" && output !== "wide") return ctx.fail(`--output ${output} is not available`);
    const header = ["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"];
    if (output === "wide") header.push("VERBS", "CATEGORIES");
    const rows = list.map((r) => {
      const row = [r.resource, r.shortNames.join(","), apiVersionFor(r), String(r.namespaced), r.kind];
      if (output === "wide") row.push(`[${r.verbs.join(" ")}]`, (r.categories ?? []).join(","));
      return row;
    });
    ctx.out(formatColumns(ctx.bool("no-headers") ? rows : [header, ...rows]));
    return 0;
  },
};

export const apiVersionsCommand: CommandImpl = {
  support: "full",
  run(ctx) {
    const versions = new Set<string>();
    for (const r of ctx.discovery()) versions.add(apiVersionFor(r));
    ctx.out([...versions].sort().map((v) => `${v}\n`).join(""));
    return 0;
  },
};

export const clusterInfoCommand: CommandImpl = {
  support: "partial",
  notes: "`cluster-info dump` is not supported.",
  run(ctx) {
    if (ctx.args.length > 0) {
      if (ctx.args[0] === "dump") return ctx.fail("kubectl cluster-info dump is not supported by this simulator yet");
      return ctx.usage(`Unexpected args: [${ctx.args.join(" ")}]`);
    }
    const server = ctx.kubeconfig.config.clusters[0]?.cluster?.server ?? "https://controlplane:6443";
    // kubectl colours these only when stdout is a terminal.
    const tty = ctx.io.tty === true;
    const green = (s: string) => (tty ? `\x1b[0;32m${s}\x1b[0m` : s);
    const yellow = (s: string) => (tty ? `\x1b[0;33m${s}\x1b[0m` : s);
    let text = `${green("Kubernetes control plane")} is running at ${yellow(server)}\n`;
    const dns = ctx.client().get("services", "kube-system", "kube-dns");
    if (dns.ok) text += `${green("CoreDNS")} is running at ${yellow(`${server}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy`)}\n`;
    text += `\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`;
    ctx.out(text);
    return 0;
  },
};
