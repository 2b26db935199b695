type Obj = Record<string, unknown>;

function goName(k: string): string {
  const special: Record<string, string> = { dnsPolicy: "DNSPolicy", nodeName: "NodeName", hostIPC: "HostIPC", hostPID: "HostPID" };
  return special[k] ?? k.charAt(0).toUpperCase() + k.slice(1);
}

function goLit(v: unknown): string {
  if (v === undefined || v === null) return "nil";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `{${v.map(goLit).join(", ")}}`;
  const o = v as Obj;
  return `{${Object.keys(o).map((k) => `${goName(k)}: ${goLit(o[k])}`).join(", ")}}`;
}

/**
 * A cmp.Diff-like rendering of what changed in a pod spec (the second part of the Forbidden message):
 * unchanged fields are elided, changed ones shown as -/+ lines in Go syntax.
 */
export function podSpecDiff(oldSpec: Obj, newSpec: Obj): string {
  const lines = ["  core.PodSpec{"];
  const keys = [...new Set([...Object.keys(oldSpec), ...Object.keys(newSpec)])];
  let elided = false;
  for (const k of keys) {
    const a = oldSpec[k];
    const b = newSpec[k];
    if (JSON.stringify(a) === JSON.stringify(b)) {
      elided = true;
      continue;
    }
    if (elided) {
      lines.push("  \t... // fields unchanged");
      elided = false;
    }
    if ((k === "containers" || k === "initContainers") && Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      lines.push(`  \t${goName(k)}: []core.Container{`);
      a.forEach((c, i) => {
        const nc = b[i] as Obj;
        const oc = c as Obj;
        lines.push("  \t\t{");
        for (const f of [...new Set([...Object.keys(oc), ...Object.keys(nc)])]) {
          if (JSON.stringify(oc[f]) === JSON.stringify(nc[f])) continue;
          lines.push(`- \t\t\t${goName(f)}: ${goLit(oc[f])},`);
          lines.push(`+ \t\t\t${goName(f)}: ${goLit(nc[f])},`);
        }
        lines.push("  \t\t\t... // fields unchanged", "  \t\t},");
      });
      lines.push("  \t},");
      continue;
    }
    lines.push(`- \t${goName(k)}: ${goLit(a)},`);
    lines.push(`+ \t${goName(k)}: ${goLit(b)},`);
  }
  if (elided) lines.push("  \t... // fields unchanged");
  lines.push("  }", "");
  return lines.join("\n");
}
