/**
 * /openapi/v2, which v1.32 serves only as protobuf (gnostic openapi_v2.Document). kubectl reads it when a kind
 * is missing from OpenAPI v3 (validating a manifest of an unknown kind, apply's patch-type lookup). We serve a
 * document with no definitions: kubectl then finds no schema for any kind and goes on as a real cluster makes
 * it go for a kind nobody serves (validation skipped, then the mapping error), and apply keeps computing
 * strategic merge patches from its compiled-in types.
 */
/** kubectl asks for `application/com.github.proto-openapi.spec.v2@v1.0+protobuf`; that is no valid media type to answer with. */
export const OPENAPI_V2_CONTENT_TYPE = "application/octet-stream";

/** One length-delimited protobuf field (field numbers here are below 16, lengths below 128). */
function field(no: number, payload: Uint8Array): Uint8Array {
  return Uint8Array.from([(no << 3) | 2, payload.length, ...payload]);
}

const utf8 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0)); // ASCII only

/** Document{swagger (1): "2.0", info (2): Info{title (1): "Kubernetes", version (2): "v1.32.4"}}. */
export function openApiV2Document(): Uint8Array {
  const info = Uint8Array.from([...field(1, utf8("Kubernetes")), ...field(2, utf8("v1.32.4"))]);
  return Uint8Array.from([...field(1, utf8("2.0")), ...field(2, info)]);
}
