import { describe, expect, it } from "vitest";
import { createCluster } from "../cluster/index";
import { loadKubeconfig } from "./kubeconfig";

const CONFIG = `apiVersion: v1
kind: Config
clusters:
- name: kubernetes
  cluster:
    server: https://172.30.1.2:6443
contexts:
- name: admin@kubernetes
  context:
    cluster: kubernetes
    user: admin
    namespace: dev
current-context: admin@kubernetes
users:
- name: admin
  user: {}
`;

describe("loadKubeconfig", () => {
  const cluster = createCluster({ seed: 1 });
  const fs = cluster.fs(cluster.hosts()[0])!;
  const server = () => "https://unused";

  it("gives every caller its own copy of the same file (commands change what they load)", () => {
    fs.writeFile("/root/kc-a", CONFIG);
    const first = loadKubeconfig(fs, "/root/kc-a", server);
    if ("error" in first) throw new Error(first.error);
    first.config.contexts[0].context.namespace = "changed";
    first.config["current-context"] = "other";
    const second = loadKubeconfig(fs, "/root/kc-a", server);
    if ("error" in second) throw new Error(second.error);
    expect(second.config["current-context"]).toBe("admin@kubernetes");
    expect(second.config.contexts[0].context.namespace).toBe("dev");
  });

  it("reads the file again once it changed", () => {
    fs.writeFile("/root/kc-b", CONFIG);
    loadKubeconfig(fs, "/root/kc-b", server);
    fs.writeFile("/root/kc-b", CONFIG.replace("namespace: dev", "namespace: prod"));
    const loaded = loadKubeconfig(fs, "/root/kc-b", server);
    if ("error" in loaded) throw new Error(loaded.error);
    expect(loaded.config.contexts[0].context.namespace).toBe("prod");
  });

  it("still reports a file that is not YAML", () => {
    fs.writeFile("/root/kc-c", "clusters: [unclosed");
    expect(loadKubeconfig(fs, "/root/kc-c", server)).toEqual({ error: 'error loading config file "/root/kc-c": couldn\'t get version/kind; json parse error' });
  });
});
