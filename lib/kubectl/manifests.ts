/**
 * Reading `-f` arguments the way kubectl's resource builder does: files, directories (lexical order, .json/.yaml/
 * .yml, -R recursive), `-` for stdin, multi-document YAML, `List` objects; with kubectl's error texts for missing
 * paths, YAML syntax errors (go-yaml wording), missing kind/apiVersion and unknown kinds.
 */
import { parseAllDocuments, type YAMLError } from "yaml";
import { isFsError, type HostFs, type KubeObject, type ResourceInfo } from "../cluster/index";
import { infoForKind } from "./resources";

export interface ManifestItem {
  /** The -f argument the object came from, as typed ("pod.yaml", "STDIN"). */
  source: string;
  object: KubeObject;
  /** Registry entry; undefined when the kind is not served (the mapping error is in `mappingError`). */
  info?: ResourceInfo;
  mappingError?: string;
}

export type ManifestResult = { ok: true; items: ManifestItem[] } | { ok: false; error: string };

export interface ManifestInput {
  fs: HostFs;
  cwd: string;
  stdin: string;
  discovery: readonly ResourceInfo[];
  filenames: readonly string[];
  recursive: boolean;
  /** --validate != false: missing kind/apiVersion are validation errors. */
  validate: boolean;
}

export function absolutePath(cwd: string, p: string): string {
  const abs = p.startsWith("/") ? p : `${cwd.replace(/\/$/, "")}/${p}`;
  const parts: string[] = [];
  for (const seg of abs.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join("/")}`;
}

const MANIFEST_EXT = /\.(json|ya?ml)$/;

export function readManifests(input: ManifestInput): ManifestResult {
  const items: ManifestItem[] = [];
  for (const name of input.filenames) {
    if (/^https?:\/\//.test(name)) return { ok: false, error: `reading manifests from a URL (${name}) is not supported by this simulator yet` };
    if (name === "-") {
      const res = parseSource(input, "STDIN", input.stdin);
      if (!res.ok) return res;
      items.push(...res.items);
      continue;
    }
    const abs = absolutePath(input.cwd, name);
    const st = input.fs.stat(abs);
    if (isFsError(st)) return { ok: false, error: `the path ${JSON.stringify(name)} does not exist` };
    const files: { shown: string; abs: string }[] = [];
    if (st.type === "dir") collectDir(input.fs, abs, name.replace(/\/$/, ""), input.recursive, files);
    else files.push({ shown: name, abs });
    for (const f of files) {
      const text = input.fs.readFile(f.abs);
      if (isFsError(text)) return { ok: false, error: `the path ${JSON.stringify(f.shown)} does not exist` };
      const res = parseSource(input, f.shown, text);
      if (!res.ok) return res;
      items.push(...res.items);
    }
  }
  return { ok: true, items };
}

function collectDir(fs: HostFs, abs: string, shown: string, recursive: boolean, out: { shown: string; abs: string }[]): void {
  const names = fs.readdir(abs);
  if (isFsError(names)) return;
  for (const n of names) {
    const childAbs = `${abs}/${n}`;
    const st = fs.stat(childAbs);
    if (isFsError(st)) continue;
    if (st.type === "dir") {
      if (recursive) collectDir(fs, childAbs, `${shown}/${n}`, recursive, out);
      continue;
    }
    if (MANIFEST_EXT.test(n)) out.push({ shown: `${shown}/${n}`, abs: childAbs });
  }
}

function parseSource(input: ManifestInput, source: string, text: string): ManifestResult {
  const docs = parseAllDocuments(text, { uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [];
  for (const d of list) {
    if (d.errors.length > 0) return { ok: false, error: `error parsing ${source}: error converting YAML to JSON: ${goYamlMessage(d.errors[0], text)}` };
  }
  const items: ManifestItem[] = [];
  for (const d of list) {
    let value: unknown;
    try {
      value = d.toJS({ maxAliasCount: 100 });
    } catch (e) {
      return { ok: false, error: `error parsing ${source}: error converting YAML to JSON: yaml: ${e instanceof Error ? e.message : String(e)}` };
    }
    if (value === null || value === undefined) continue;
    if (typeof value !== "object" || Array.isArray(value)) {
      return { ok: false, error: `error parsing ${source}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(value) ? "array" : typeof value === "string" ? "string" : "number"} into Go value of type map[string]interface {}` };
    }
    const obj = value as Record<string, unknown>;
    if (obj.kind === "List" && Array.isArray(obj.items)) {
      for (const it of obj.items) {
        const res = toItem(input, source, it as Record<string, unknown>);
        if (!res.ok) return res;
        items.push(res.item);
      }
      continue;
    }
    const res = toItem(input, source, obj);
    if (!res.ok) return res;
    items.push(res.item);
  }
  return { ok: true, items };
}

function toItem(input: ManifestInput, source: string, obj: Record<string, unknown>): { ok: true; item: ManifestItem } | { ok: false; error: string } {
  const kind = typeof obj.kind === "string" ? obj.kind : "";
  const apiVersion = typeof obj.apiVersion === "string" ? obj.apiVersion : "";
  if (!kind || !apiVersion) {
    if (input.validate) {
      return {
        ok: false,
        error: `error validating ${JSON.stringify(source)}: error validating data: ${!apiVersion ? "apiVersion" : "kind"} not set; if you choose to ignore these errors, turn validation off with --validate=false`,
      };
    }
    return { ok: false, error: `unable to decode ${JSON.stringify(source)}: Object 'Kind' is missing in '${JSON.stringify(obj)}'` };
  }
  const meta = (obj.metadata && typeof obj.metadata === "object" ? obj.metadata : {}) as Record<string, unknown>;
  const object = { ...obj, metadata: meta } as unknown as KubeObject;
  const info = infoForKind(input.discovery, apiVersion, kind);
  if (!info) {
    const name = typeof meta.name === "string" ? meta.name : "";
    const ns = typeof meta.namespace === "string" ? meta.namespace : "";
    return {
      ok: true,
      item: {
        source,
        object,
        mappingError: `resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(ns)} from ${JSON.stringify(source)}: no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}\nensure CRDs are installed first`,
      },
    };
  }
  return { ok: true, item: { source, object, info } };
}

/** go-yaml's wording for the first syntax error (sigs.k8s.io/yaml wraps go-yaml v2). Best effort: see reference §4.5. */
function goYamlMessage(err: YAMLError, text: string): string {
  const line = err.linePos?.[0]?.line ?? 1;
  const lines = text.split("\n");
  const scanner = (n: number, msg: string) => (n <= 1 ? `yaml: ${msg}` : `yaml: line ${n}: ${msg}`);
  const parser = (n: number, msg: string) => (n <= 0 ? `yaml: ${msg}` : `yaml: line ${n}: ${msg}`);
  switch (err.code) {
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY": {
      const here = lines[line - 1] ?? "";
      const colons = here.split(/:(?=\s|$)/).length - 1;
      return scanner(colons >= 2 ? line : line + 1, "mapping values are not allowed in this context");
    }
    case "TAB_AS_INDENT":
      return scanner(line, "found character that cannot start any token");
    case "MISSING_CHAR":
      return scanner(line, "found unexpected end of stream");
    case "BAD_INDENT":
      if (/Flow sequence/.test(err.message)) return parser(line - 1, "did not find expected ',' or ']'");
      if (/Flow mapping/.test(err.message)) return parser(line - 1, "did not find expected ',' or '}'");
      return parser(line - 1, "did not find expected key");
    case "UNEXPECTED_TOKEN": {
      const seq = /^\s*-\s/.test(lines.find((l) => l.trim() !== "" && !l.trim().startsWith("#")) ?? "");
      return parser(line - 1, seq ? "did not find expected '-' indicator" : "did not find expected key");
    }
    default:
      return parser(line - 1, "did not find expected key");
  }
}
