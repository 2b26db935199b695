/** Protocol-buffers wire format: just enough to walk messages (varints, length-delimited, fixed 32/64). */
export interface WireField {
  no: number;
  wireType: number;
  /** varint / fixed values as bigint; length-delimited as bytes. */
  value: bigint | Uint8Array;
}

export function readFields(buf: Uint8Array): WireField[] {
  const out: WireField[] = [];
  let p = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (p >= buf.length) throw new Error("truncated varint");
      const b = buf[p++];
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
    }
  };
  while (p < buf.length) {
    const key = Number(varint());
    const no = key >>> 3;
    const wireType = key & 7;
    if (wireType === 0) out.push({ no, wireType, value: varint() });
    else if (wireType === 2) {
      const len = Number(varint());
      if (p + len > buf.length) throw new Error("truncated field");
      out.push({ no, wireType, value: buf.subarray(p, p + len) });
      p += len;
    } else if (wireType === 1) {
      let v = 0n;
      for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(buf[p + i]);
      out.push({ no, wireType, value: v });
      p += 8;
    } else if (wireType === 5) {
      let v = 0n;
      for (let i = 3; i >= 0; i--) v = (v << 8n) | BigInt(buf[p + i]);
      out.push({ no, wireType, value: v });
      p += 4;
    } else throw new Error(`unsupported wire type ${wireType}`);
  }
  return out;
}
