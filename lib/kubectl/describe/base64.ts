const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Decode standard base64 (as Secret.data is served) into bytes; invalid characters are skipped. */
export function decodeBase64(input: string): number[] {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of input) {
    if (ch === "=") break;
    const v = ALPHABET.indexOf(ch);
    if (v < 0) continue;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return out;
}

/** Bytes as text, decoding UTF-8 sequences. */
export function bytesToString(bytes: number[]): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    let cp = b;
    let extra = 0;
    if (b >= 0xf0) [cp, extra] = [b & 0x07, 3];
    else if (b >= 0xe0) [cp, extra] = [b & 0x0f, 2];
    else if (b >= 0xc0) [cp, extra] = [b & 0x1f, 1];
    for (let k = 0; k < extra && i + 1 < bytes.length; k++) cp = (cp << 6) | (bytes[++i] & 0x3f);
    s += String.fromCodePoint(cp);
  }
  return s;
}
