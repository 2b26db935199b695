/**
 * --from-literal / --from-file / --from-env-file for `create configmap` and `create secret generic`
 * (kubectl pkg/cmd/create/create_configmap.go, create_secret.go, pkg/util/env_file.go).
 */
import { isFsError, type HostFs } from "../../cluster/index";
import { absolutePath } from "../manifests";

export interface DataSources {
  literals: string[];
  files: string[];
  envFiles: string[];
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_NAME_MSG =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";
const KEY_NAME = /^[-._a-zA-Z0-9]+$/;
const KEY_NAME_MSG = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

/** Collects key -> value; `kindName` is e.g. `ConfigMap "c"` for the duplicate-key message. */
export function collectData(
  src: DataSources,
  fs: HostFs,
  cwd: string,
  env: Record<string, string>,
  kindName: string,
): { ok: true; data: Record<string, string> } | { ok: false; error: string } {
  const data: Record<string, string> = {};
  const add = (key: string, value: string): string | undefined => {
    if (!KEY_NAME.test(key)) return `${JSON.stringify(key)} is not a valid key name for a ${kindName.split(" ")[0]}: ${KEY_NAME_MSG}`;
    if (key in data) return `cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ${kindName}`;
    data[key] = value;
    return undefined;
  };
  for (const f of src.files) {
    const eq = f.indexOf("=");
    const key = eq >= 0 ? f.slice(0, eq) : "";
    const path = eq >= 0 ? f.slice(eq + 1) : f;
    if (eq >= 0 && (key === "" || path === "")) return { ok: false, error: `key names or file paths cannot be empty` };
    const abs = absolutePath(cwd, path);
    const st = fs.stat(abs);
    if (isFsError(st)) return { ok: false, error: `error reading ${path}: no such file or directory` };
    if (st.type === "dir") {
      if (key) return { ok: false, error: `cannot give a key name for a directory path` };
      const names = fs.readdir(abs);
      if (isFsError(names)) return { ok: false, error: `error reading ${path}: no such file or directory` };
      for (const n of names) {
        const content = fs.readFile(`${abs}/${n}`);
        if (isFsError(content)) continue;
        const err = add(n, content);
        if (err) return { ok: false, error: err };
      }
      continue;
    }
    const content = fs.readFile(abs);
    if (isFsError(content)) return { ok: false, error: `error reading ${path}: no such file or directory` };
    const err = add(key || (path.split("/").pop() ?? path), content);
    if (err) return { ok: false, error: err };
  }
  for (const l of src.literals) {
    const eq = l.indexOf("=");
    if (eq <= 0) return { ok: false, error: `invalid literal source ${l}, expected key=value` };
    const err = add(l.slice(0, eq), l.slice(eq + 1));
    if (err) return { ok: false, error: err };
  }
  for (const f of src.envFiles) {
    const text = fs.readFile(absolutePath(cwd, f));
    if (isFsError(text)) return { ok: false, error: `error reading ${f}: no such file or directory` };
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].replace(/^\s+/, "").replace(/\r$/, "");
      if (line === "" || line.startsWith("#")) continue;
      const eq = line.indexOf("=");
      const key = eq >= 0 ? line.slice(0, eq) : line;
      if (!ENV_NAME.test(key)) return { ok: false, error: `${JSON.stringify(key)} is not a valid key name: ${ENV_NAME_MSG}` };
      const value = eq >= 0 ? line.slice(eq + 1) : env[key];
      if (value === undefined) continue;
      const err = add(key, value);
      if (err) return { ok: false, error: err };
    }
  }
  return { ok: true, data };
}
