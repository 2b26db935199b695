/**
 * Container image references as containerd normalizes them ("nginx" -> "docker.io/library/nginx:latest").
 * Parsing follows the distribution reference grammar closely enough for the mistakes learners make
 * (uppercase letters, stray characters, a missing name).
 */
export interface ImageReference {
  /** What the pod spec says, e.g. "nginx:1.27". */
  raw: string;
  /** Registry host, "docker.io" when absent. */
  domain: string;
  /** Repository path, "library/nginx" for official Docker Hub images. */
  path: string;
  tag: string;
  digest?: string;
  /** Fully qualified, as containerd names it: "docker.io/library/nginx:1.27". */
  full: string;
}

export type ImageReferenceResult = { ok: true; ref: ImageReference } | { ok: false; message: string };

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

/**
 * Parse like the kubelet does before pulling (applyDefaultImageTag). The error text is what the
 * kubelet puts in the InspectFailed event / InvalidImageName waiting message.
 */
export function parseImageReference(raw: string): ImageReferenceResult {
  const invalid = (why: string): ImageReferenceResult => ({
    ok: false,
    message: `Failed to apply default image tag "${raw}": couldn't parse image reference "${raw}": invalid reference format${why}`,
  });
  if (raw === "" || raw.trim() !== raw) return invalid("");
  let rest = raw;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return invalid("");
  }
  let tag: string | undefined;
  const lastColon = rest.lastIndexOf(":");
  if (lastColon > rest.lastIndexOf("/")) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!TAG.test(tag)) return invalid("");
  }
  const parts = rest.split("/");
  let domain = "docker.io";
  if (parts.length > 1 && (parts[0].includes(".") || parts[0].includes(":") || parts[0] === "localhost")) {
    domain = parts.shift()!;
  }
  if (parts.length === 0 || parts.some((p) => p === "")) return invalid("");
  if (parts.some((p) => p !== p.toLowerCase())) {
    if (parts.every((p) => PATH_COMPONENT.test(p.toLowerCase()))) return invalid(": repository name must be lowercase");
    return invalid("");
  }
  if (!parts.every((p) => PATH_COMPONENT.test(p))) return invalid("");
  if (domain === "docker.io" && parts.length === 1) parts.unshift("library");
  const path = parts.join("/");
  const finalTag = tag ?? (digest ? "" : "latest");
  const full = `${domain}/${path}${finalTag ? `:${finalTag}` : ""}${digest ? `@${digest}` : ""}`;
  return { ok: true, ref: { raw, domain, path, tag: finalTag, digest, full } };
}
