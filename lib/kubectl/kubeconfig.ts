/**
 * The kubeconfig kubectl reads: `--kubeconfig`, else $KUBECONFIG, else $HOME/.kube/config on the host the shell
 * runs on. A kubeadm lab copies admin.conf there; when the file is missing we use that same admin config, so a
 * fresh host behaves like a lab where `cp /etc/kubernetes/admin.conf ~/.kube/config` was done.
 */
import { parse } from "yaml";
import { isFsError, type HostFs } from "../cluster/index";

export interface KubeconfigContext {
  name: string;
  context: { cluster: string; user: string; namespace?: string };
}

export interface Kubeconfig {
  apiVersion: "v1";
  kind: "Config";
  clusters: { name: string; cluster: { server: string; "certificate-authority-data"?: string } }[];
  contexts: KubeconfigContext[];
  "current-context": string;
  preferences: Record<string, unknown>;
  users: { name: string; user: Record<string, string> }[];
}

export const ADMIN_CONTEXT = "kubernetes-admin@kubernetes";

export function defaultKubeconfig(server: string): Kubeconfig {
  return {
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "kubernetes", cluster: { "certificate-authority-data": "DATA+OMITTED", server } }],
    contexts: [{ name: ADMIN_CONTEXT, context: { cluster: "kubernetes", user: "kubernetes-admin" } }],
    "current-context": ADMIN_CONTEXT,
    preferences: {},
    users: [{ name: "kubernetes-admin", user: { "client-certificate-data": "DATA+OMITTED", "client-key-data": "DATA+OMITTED" } }],
  };
}

export interface LoadedKubeconfig {
  config: Kubeconfig;
  path: string;
  exists: boolean;
}

export function kubeconfigPath(env: Record<string, string>, flag: string): string {
  if (flag) return flag;
  const fromEnv = (env.KUBECONFIG ?? "").split(":").find((p) => p !== "");
  if (fromEnv) return fromEnv;
  return `${env.HOME || "/root"}/.kube/config`;
}

/** The last kubeconfig text parsed, as JSON: every kubectl command reads the same file, and YAML parsing is slow. */
let lastParsed: { text: string; json: string } | undefined;

/** A fresh copy each time: commands such as `config set-context` change the object they get. */
function parseCached(text: string): Partial<Kubeconfig> {
  if (lastParsed?.text !== text) lastParsed = { text, json: JSON.stringify(parse(text) ?? {}) };
  return JSON.parse(lastParsed.json) as Partial<Kubeconfig>;
}

export function loadKubeconfig(fs: HostFs, path: string, server: () => string): LoadedKubeconfig | { error: string } {
  const text = fs.readFile(path);
  if (isFsError(text)) {
    // Built lazily: the server address needs an API read that most commands never use.
    let cached: Kubeconfig | undefined;
    return {
      get config() {
        cached ??= defaultKubeconfig(server());
        return cached;
      },
      path,
      exists: false,
    };
  }
  try {
    const doc = parseCached(text);
    const config: Kubeconfig = {
      apiVersion: "v1",
      kind: "Config",
      clusters: Array.isArray(doc.clusters) ? doc.clusters : [],
      contexts: Array.isArray(doc.contexts) ? doc.contexts : [],
      "current-context": typeof doc["current-context"] === "string" ? doc["current-context"] : "",
      preferences: doc.preferences && typeof doc.preferences === "object" ? doc.preferences : {},
      users: Array.isArray(doc.users) ? doc.users : [],
    };
    return { config, path, exists: true };
  } catch {
    return { error: `error loading config file "${path}": couldn't get version/kind; json parse error` };
  }
}

export function findContext(config: Kubeconfig, name: string): KubeconfigContext | undefined {
  return config.contexts.find((c) => c?.name === name);
}

/** The namespace of the context in use, "" when unset. */
export function contextNamespace(config: Kubeconfig, contextOverride: string): string {
  const ctx = findContext(config, contextOverride || config["current-context"]);
  return ctx?.context?.namespace ?? "";
}
