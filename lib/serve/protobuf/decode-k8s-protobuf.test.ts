import { describe, expect, it } from "vitest";
import { decodeKubernetesProtobuf } from "./decode-k8s-protobuf";

/** A tiny encoder for the test: length-delimited and varint fields only. */
function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
}
const bytes = (no: number, b: number[]) => [...varint((no << 3) | 2), ...varint(b.length), ...b];
const text = (no: number, s: string) => bytes(no, [...new TextEncoder().encode(s)]);
const num = (no: number, n: number) => [...varint(no << 3), ...varint(n)];

describe("decodeKubernetesProtobuf", () => {
  it("turns what kubectl's typed client sends for `create deployment` into the JSON object", () => {
    const meta = [...text(1, "web"), ...bytes(11, [...text(1, "app"), ...text(2, "web")])];
    const container = [...text(1, "nginx"), ...text(2, "nginx"), ...bytes(8, [])];
    const template = [...bytes(1, [...bytes(11, [...text(1, "app"), ...text(2, "web")])]), ...bytes(2, bytes(2, container))];
    const spec = [...num(1, 0), ...bytes(2, bytes(1, [...text(1, "app"), ...text(2, "web")])), ...bytes(3, template), ...bytes(4, [])];
    const raw = [...bytes(1, meta), ...bytes(2, spec), ...bytes(3, [])];
    const unknown = [...bytes(1, [...text(1, "apps/v1"), ...text(2, "Deployment")]), ...bytes(2, raw)];
    const body = new Uint8Array([0x6b, 0x38, 0x73, 0x00, ...unknown]);
    expect(decodeKubernetesProtobuf(body)).toEqual({
      ok: true,
      value: {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "web", labels: { app: "web" } },
        spec: {
          replicas: 0,
          selector: { matchLabels: { app: "web" } },
          template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx", resources: {} }] } },
          strategy: {},
        },
        status: {},
      },
    });
  });

  it("refuses bodies without the k8s magic", () => {
    expect(decodeKubernetesProtobuf(new Uint8Array([1, 2, 3]))).toMatchObject({ ok: false });
  });
});
