/** `kubectl config` subcommands over the kubeconfig file on the host. */
import type { CommandImpl } from "../command-types";
import type { KubectlContext } from "../context";
import { findContext, type Kubeconfig } from "../kubeconfig";
import { formatColumns, parseOutputFormat, printJsonPath, PrinterError, toKubectlJson, toKubectlYaml } from "../printers/index";

function save(ctx: KubectlContext, config: Kubeconfig): string | undefined {
  const path = ctx.kubeconfig.path;
  const dir = path.slice(0, path.lastIndexOf("/")) || "/";
  ctx.io.fs.mkdir(dir, { parents: true });
  const err = ctx.io.fs.writeFile(path, toKubectlYaml(config), 0o600);
  return err ? `open ${path}: ${err.error === "ENOENT" ? "no such file or directory" : "permission denied"}` : undefined;
}

function contextName(ctx: KubectlContext): string {
  return ctx.str("context") || ctx.kubeconfig.config["current-context"];
}

export const configCurrentContextCommand: CommandImpl = {
  support: "full",
  run(ctx) {
    const name = ctx.kubeconfig.config["current-context"];
    if (!name) return ctx.fail("current-context is not set");
    ctx.out(`${name}\n`);
    return 0;
  },
};

export const configGetContextsCommand: CommandImpl = {
  support: "full",
  run(ctx) {
    const config = ctx.kubeconfig.config;
    let contexts = config.contexts;
    if (ctx.args.length > 0) {
      contexts = [];
      for (const a of ctx.args) {
        const c = findContext(config, a);
        if (!c) return ctx.fail(`context ${a} not found`);
        contexts.push(c);
      }
    }
    const output = ctx.str("output");
    if (output === "name") {
      ctx.out(contexts.map((c) => `${c.name}\n`).join(""));
      return 0;
    }
    if (output !== "") return ctx.fail(`output must be one of '' or 'name': ${output}`);
    const rows = contexts.map((c) => [c.name === config["current-context"] ? "*" : "", c.name, c.context.cluster ?? "", c.context.user ?? "", c.context.namespace ?? ""]);
    ctx.out(formatColumns(ctx.bool("no-headers") ? rows : [["CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE"], ...rows]));
    return 0;
  },
};

export const configUseContextCommand: CommandImpl = {
  support: "full",
  run(ctx) {
    if (ctx.args.length !== 1) return ctx.usage("Unexpected args: " + JSON.stringify(ctx.args));
    const config = ctx.kubeconfig.config;
    const name = ctx.args[0];
    if (!findContext(config, name)) return ctx.fail(`no context exists with the name: ${JSON.stringify(name)}`);
    const err = save(ctx, { ...config, "current-context": name });
    if (err) return ctx.fail(err);
    ctx.out(`Switched to context ${JSON.stringify(name)}.\n`);
    return 0;
  },
};

export const configSetContextCommand: CommandImpl = {
  support: "full",
  run(ctx) {
    const config = JSON.parse(JSON.stringify(ctx.kubeconfig.config)) as Kubeconfig;
    let name = ctx.args[0] ?? "";
    if (ctx.bool("current")) {
      if (ctx.args.length > 0) return ctx.fail("you cannot specify both a context name and --current");
      name = config["current-context"];
      if (!name) return ctx.fail("no current context is set");
    } else if (!name) return ctx.usage("you must specify a non-empty context name or --current");
    let entry = findContext(config, name);
    const exists = !!entry;
    if (!entry) {
      entry = { name, context: { cluster: "", user: "" } };
      config.contexts.push(entry);
    }
    if (ctx.changed("cluster")) entry.context.cluster = ctx.str("cluster");
    if (ctx.changed("user")) entry.context.user = ctx.str("user");
    if (ctx.changed("namespace")) {
      if (ctx.str("namespace")) entry.context.namespace = ctx.str("namespace");
      else delete entry.context.namespace;
    }
    const err = save(ctx, config);
    if (err) return ctx.fail(err);
    ctx.out(`Context ${JSON.stringify(name)} ${exists ? "modified" : "created"}.\n`);
    return 0;
  },
};

export const configViewCommand: CommandImpl = {
  support: "partial",
  notes: "Shows the single kubeconfig file; --raw shows the same placeholders.",
  run(ctx) {
    let config: Kubeconfig = ctx.kubeconfig.config;
    if (ctx.bool("minify")) {
      // clientcmdapi.MinifyConfig's checks, in its order.
      const name = contextName(ctx);
      if (!name) return ctx.fail("current-context must exist in order to minify");
      const c = findContext(config, name);
      if (!c) return ctx.fail(`cannot locate context ${name}`);
      if (c.context.cluster && !config.clusters.some((x) => x.name === c.context.cluster)) return ctx.fail(`cannot locate cluster ${c.context.cluster}`);
      if (c.context.user && !config.users.some((u) => u.name === c.context.user)) return ctx.fail(`cannot locate user ${c.context.user}`);
      config = {
        ...config,
        "current-context": name,
        contexts: [c],
        clusters: config.clusters.filter((x) => x.name === c.context.cluster),
        users: config.users.filter((u) => u.name === c.context.user),
      };
    }
    const redacted = {
      ...config,
      users: config.users.map((u) => ({
        name: u.name,
        user: Object.fromEntries(Object.entries(u.user ?? {}).map(([k, v]) => [k, k.endsWith("-data") ? (ctx.bool("raw") ? v : "REDACTED") : v])),
      })),
    };
    const output = ctx.str("output") || "yaml";
    if (output === "json") ctx.out(toKubectlJson(redacted));
    else if (output === "yaml") ctx.out(toKubectlYaml(redacted));
    else if (output.startsWith("jsonpath")) {
      let format;
      try {
        format = parseOutputFormat(output);
      } catch (e) {
        return ctx.fail(e instanceof Error ? e.message : String(e));
      }
      if (format.kind !== "jsonpath") return ctx.fail(`-o ${output} is not supported by this simulator yet`);
      try {
        ctx.out(printJsonPath(format.template, JSON.parse(toKubectlJson(redacted)), { asJson: format.asJson, allowMissingKeys: ctx.bool("allow-missing-template-keys") }));
      } catch (e) {
        return ctx.fail(e instanceof PrinterError ? e.message : String(e));
      }
    } else return ctx.fail(`-o ${output} is not supported by this simulator yet`);
    return 0;
  },
};

export const configGetClustersCommand: CommandImpl = {
  support: "full",
  run(ctx) {
    ctx.out(`NAME\n${ctx.kubeconfig.config.clusters.map((c) => `${c.name}\n`).join("")}`);
    return 0;
  },
};

export const configGetUsersCommand: CommandImpl = {
  support: "full",
  run(ctx) {
    ctx.out(`NAME\n${ctx.kubeconfig.config.users.map((u) => `${u.name}\n`).join("")}`);
    return 0;
  },
};
