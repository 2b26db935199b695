/**
 * One-off generator of k8s-proto-table.json: the field numbers, names and types of the Kubernetes API protobuf
 * messages, read from the file descriptors that the real kubectl binary embeds (gzipped FileDescriptorProtos).
 * Run: npx tsx lib/serve/protobuf/generate-proto-table.ts  (needs .cache/kubectl/kubectl: node scripts/real-kubectl.mjs)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { readFields } from "./wire";

const td = new TextDecoder();
const str = (v: bigint | Uint8Array) => td.decode(v as Uint8Array);

type Field = [name: string, type: number, repeated: 0 | 1, typeName?: string];
const table: Record<string, Record<number, Field>> = {};
const mapEntries = new Set<string>();

function message(pkg: string, prefix: string, bytes: Uint8Array) {
  const fields = readFields(bytes);
  const name = str(fields.find((f) => f.no === 1)!.value);
  const full = `${prefix}.${name}`;
  const out: Record<number, Field> = {};
  for (const f of fields) {
    if (f.no === 2) {
      const ff = readFields(f.value as Uint8Array);
      const get = (n: number) => ff.find((x) => x.no === n)?.value;
      const typeName = get(6);
      out[Number(get(3))] = [str(get(1)!), Number(get(5)), Number(get(4)) === 3 ? 1 : 0, ...(typeName ? [str(typeName).replace(/^\./, "")] : [])] as Field;
    } else if (f.no === 3) message(pkg, full, f.value as Uint8Array);
    else if (f.no === 7) {
      const opts = readFields(f.value as Uint8Array);
      if (opts.some((o) => o.no === 7 && o.value === 1n)) mapEntries.add(full);
    }
  }
  table[full] = out;
}

const bin = readFileSync(join(process.cwd(), ".cache/kubectl/kubectl"));
let files = 0;
for (let i = bin.indexOf(Buffer.from([0x1f, 0x8b, 0x08])); i >= 0; i = bin.indexOf(Buffer.from([0x1f, 0x8b, 0x08]), i + 1)) {
  let raw: Buffer;
  try {
    raw = gunzipSync(bin.subarray(i, i + 2_000_000));
  } catch {
    try {
      // Trailing bytes after the gzip stream make gunzip complain; find the real end by trying shorter slices is slow,
      // so use the streaming API's "finishFlush" tolerance.
      raw = gunzipSync(bin.subarray(i, i + 2_000_000), { finishFlush: 2 });
    } catch {
      continue;
    }
  }
  let fields;
  try {
    fields = readFields(raw);
  } catch {
    continue;
  }
  const name = fields.find((f) => f.no === 1 && f.wireType === 2);
  if (!name) continue;
  const fname = str(name.value);
  if (!/^k8s\.io\/(api|apimachinery)\/.*generated\.proto$/.test(fname)) continue;
  const pkg = str(fields.find((f) => f.no === 2)!.value);
  files++;
  for (const f of fields) if (f.no === 4) message(pkg, pkg, f.value as Uint8Array);
}
// Keep what the kinds we serve reach (kubectl's typed clients send these as protobuf).
const ROOTS = ["ConfigMap", "Endpoints", "Event", "Namespace", "Node", "Pod", "ReplicationController", "Secret", "ServiceAccount", "Service"]
  .map((k) => `k8s.io.api.core.v1.${k}`)
  .concat(["DaemonSet", "Deployment", "ReplicaSet"].map((k) => `k8s.io.api.apps.v1.${k}`))
  .concat(["k8s.io.api.coordination.v1.Lease", "k8s.io.api.discovery.v1.EndpointSlice", "k8s.io.api.autoscaling.v1.Scale"])
  .concat(["k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions", "k8s.io.apimachinery.pkg.runtime.Unknown"]);
const keep: Record<string, unknown> = {};
const todo = [...ROOTS];
while (todo.length > 0) {
  const m = todo.pop()!;
  if (keep[m] || !table[m]) continue;
  const fields = Object.fromEntries(Object.entries(table[m]));
  keep[m] = mapEntries.has(m) ? { ...fields, map: 1 } : fields;
  for (const f of Object.values(table[m])) if (f[3]) todo.push(f[3]);
}
const sorted = Object.fromEntries(Object.keys(keep).sort().map((k) => [k, keep[k]]));
writeFileSync(join(process.cwd(), "lib/serve/protobuf/k8s-proto-table.json"), JSON.stringify(sorted, null, 0).replace(/\},"/g, '},\n"') + "\n");
console.log(`${files} proto files, ${Object.keys(table).length} messages; kept ${Object.keys(keep).length}`);
