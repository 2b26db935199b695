import { parse } from "yaml";
import { deepCopy, isPlainObject, jsonEqual } from "../api/object-util";

/** Enough for every kubelet file of a cluster plus a learner's edits; the oldest entry goes first. */
const MAX_ENTRIES = 64;

/**
 * The kubelets' YAML files (static pod manifests, config.yaml) parsed, by their exact text. A snapshot carries
 * them, so a restored cluster's kubelets boot without parsing YAML: in a fresh browser worker the cold YAML
 * parser is most of a restore. A file with other text (an edit) is parsed as usual. Only documents that are plain
 * JSON values are kept (no Infinity, NaN or undefined), so what a snapshot gives back is what parsing would give.
 */
export class ParsedFiles {
  private readonly docs = new Map<string, unknown>();

  /** `saved` is what save() returned (from a snapshot; anything malformed is ignored). */
  constructor(saved?: unknown) {
    if (!isPlainObject(saved)) return;
    for (const [text, doc] of Object.entries(saved)) if (isPlainObject(doc)) this.remember(text, doc);
  }

  /** The YAML document in `text`, as `yaml.parse` gives it (throws as it does); a fresh copy each time. */
  parse(text: string): unknown {
    const known = this.docs.get(text);
    if (known !== undefined) return deepCopy(known);
    const doc: unknown = parse(text);
    if (isPlainObject(doc) && jsonEqual(JSON.parse(JSON.stringify(doc)), doc)) this.remember(text, deepCopy(doc));
    return doc;
  }

  save(): Record<string, unknown> {
    return Object.fromEntries(this.docs);
  }

  private remember(text: string, doc: unknown): void {
    this.docs.set(text, doc);
    if (this.docs.size > MAX_ENTRIES) this.docs.delete(this.docs.keys().next().value as string);
  }
}
