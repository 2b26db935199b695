/**
 * The `kubectl` command for the shell: finds the command in the table (cobra's Find), parses flags (pflag),
 * handles help and cobra's errors, then runs the verb. Never throws: bad input prints kubectl's error.
 */
import type { CommandFn, CommandIO } from "../shell/command-types";
import { commandEntry, commandTable, findChild, helpText, suggestionsFor, type CommandEntry } from "./command-table";
import { KubectlContext } from "./context";
import { flagError } from "./errors";
import { flagSetFor } from "./flag-specs";
import { kubeconfigPath, loadKubeconfig } from "./kubeconfig";

const GROUP_HELP_STREAM: Record<string, "stdout" | "stderr"> = { rollout: "stdout", certificate: "stdout" };

export const kubectl: CommandFn = async (io) => {
  try {
    return await runKubectl(io);
  } catch (e) {
    io.stderr(`error: internal simulator error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
};

/** Finds the deepest command named by the args, as cobra's Find does (flags and their values are skipped). */
export function findCommand(args: readonly string[]): { entry: CommandEntry; rest: string[] } {
  let entry = commandEntry([]) as CommandEntry;
  const rest = [...args];
  for (;;) {
    const fs = flagSetFor(entry.path);
    let idx = -1;
    for (let i = 0; i < rest.length; i++) {
      const s = rest[i];
      if (s === "--") break;
      if (s.startsWith("-")) {
        if (s.length > 1 && fs.takesNextArg(s)) i++;
        continue;
      }
      if (s !== "") {
        idx = i;
        break;
      }
    }
    if (idx < 0) break;
    const child = findChild(entry, rest[idx]);
    if (!child) break;
    entry = child;
    rest.splice(idx, 1);
  }
  return { entry, rest };
}

async function runKubectl(io: CommandIO): Promise<number> {
  const { entry, rest } = findCommand(io.args);
  const parsed = flagSetFor(entry.path).parse(rest);
  if (!parsed.ok) {
    io.stderr(flagError(entry.path, parsed.error));
    return 1;
  }
  const p = parsed.parsed;
  if (p.help) {
    io.stdout(helpText(entry));
    return 0;
  }
  if (entry.path.length === 0) {
    if (p.args.length === 0) {
      io.stdout(helpText(entry));
      return 0;
    }
    const names = [...entry.children, "options"].sort();
    const suggestions = suggestionsFor(p.args[0], names);
    const hint = suggestions.length > 0 ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join("")}` : "";
    io.stderr(`error: unknown command ${JSON.stringify(p.args[0])} for "kubectl"${hint}${hint ? "" : "\n"}`);
    return 1;
  }
  if (!entry.impl) {
    if (entry.children.length > 0) {
      if (p.args.length > 0) {
        io.stderr(`error: unknown command ${JSON.stringify(p.args.join(" "))}\nSee '${["kubectl", ...entry.path].join(" ")} -h' for help and examples\n`);
        return 1;
      }
      // Where cobra's DefaultSubCommandRun writes the help differs per group in kubectl's source.
      const stream = GROUP_HELP_STREAM[entry.key] ?? "stderr";
      if (stream === "stderr") io.stderr(helpText(entry));
      else io.stdout(helpText(entry));
      return entry.key === "certificate" ? 0 : 1;
    }
    io.stderr(`error: kubectl ${entry.path.join(" ")} is not supported by this simulator yet\n`);
    return 1;
  }
  const missing = (entry.impl.requiredFlags ?? []).filter((f) => !p.changed.has(f));
  if (missing.length > 0) {
    io.stderr(`error: required flag(s) ${missing.map((f) => JSON.stringify(f)).join(", ")} not set\n`);
    return 1;
  }
  const path = kubeconfigPath(io.env, typeof p.values.get("kubeconfig") === "string" ? (p.values.get("kubeconfig") as string) : "");
  const loaded = loadKubeconfig(io.fs, path, () => serverAddress(io));
  if ("error" in loaded) {
    io.stderr(`error: ${loaded.error}\n`);
    return 1;
  }
  const ctx = new KubectlContext(io, entry.path, p, loaded);
  return await entry.impl.run(ctx);
}

/** https://<control-plane InternalIP>:6443, as kubeadm writes it into admin.conf. */
function serverAddress(io: CommandIO): string {
  const host = io.cluster.hosts()[0] ?? "controlplane";
  const node = io.cluster.client("kubectl").get("nodes", undefined, host);
  if (node.ok) {
    const addresses = ((node.value as { status?: { addresses?: { type: string; address: string }[] } }).status?.addresses ?? []);
    const ip = addresses.find((a) => a.type === "InternalIP")?.address;
    if (ip) return `https://${ip}:6443`;
  }
  return `https://${host}:6443`;
}

/** All command entries (for completion and the support matrix). */
export function kubectlCommands(): CommandEntry[] {
  return [...commandTable().values()];
}
