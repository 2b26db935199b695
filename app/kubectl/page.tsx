import type { Metadata } from "next";
import Link from "next/link";
import { createCluster } from "@/lib/cluster/index";
import { supportMatrix, type SupportRow } from "@/lib/kubectl/index";

export const metadata: Metadata = {
  title: "kubectl in the simulator",
  description: "Which kubectl v1.32 commands and resource kinds the in-browser cluster supports.",
};

const LABEL: Record<SupportRow["support"], string> = { full: "Supported", partial: "Partly", unsupported: "Not yet" };

/** Built from kubectl's own command table (the real help texts) and the simulated API server's discovery. */
export default function KubectlSupportPage() {
  const rows = supportMatrix().sort((a, b) => a.command.localeCompare(b.command));
  const count = (s: SupportRow["support"]) => rows.filter((r) => r.support === s).length;
  const kinds = createCluster({ seed: 1 })
    .client()
    .discovery()
    .filter((r) => !r.resource.includes("/"))
    .sort((a, b) => a.resource.localeCompare(b.resource));
  return (
    <div className="max-w-5xl">
      <p className="mb-1 text-sm text-[var(--muted)]">
        <Link href="/" className="hover:underline">Course</Link> / reference
      </p>
      <h1 className="mb-3 text-2xl font-bold">kubectl in the simulator</h1>
      <p className="mb-2 text-[var(--muted)]">
        Every command of kubectl v1.32, and how much of it the terminal&apos;s kubectl implements: {count("full")} supported,{" "}
        {count("partial")} partly, {count("unsupported")} not yet. Flags are kubectl&apos;s own (see <code>kubectl &lt;command&gt; --help</code>{" "}
        in any terminal); output, errors and exit codes follow the real kubectl. A command that is not implemented answers{" "}
        <code>error: kubectl &lt;command&gt; is not supported by this simulator yet</code> and exits 1.
      </p>
      <h2 className="mb-2 mt-6 text-xl font-semibold">Commands</h2>
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">kubectl commands and their support in the simulator</caption>
        <thead>
          <tr className="border-b border-[var(--border)] text-left">
            <th scope="col" className="py-1 pr-3">Command</th>
            <th scope="col" className="py-1 pr-3">Support</th>
            <th scope="col" className="py-1">What it does · notes</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.command} className="border-b border-[var(--border)] align-top">
              <th scope="row" className="py-1 pr-3 text-left font-mono font-normal">{r.command}</th>
              <td className="py-1 pr-3">{LABEL[r.support]}</td>
              <td className="py-1">
                {r.summary}
                {r.notes ? <span className="block text-[var(--muted)]">{r.notes}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="mb-2 mt-8 text-xl font-semibold">Resource kinds</h2>
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Resource kinds the simulated API server serves</caption>
        <thead>
          <tr className="border-b border-[var(--border)] text-left">
            <th scope="col" className="py-1 pr-3">Resource</th>
            <th scope="col" className="py-1 pr-3">Short names</th>
            <th scope="col" className="py-1 pr-3">Kind</th>
            <th scope="col" className="py-1 pr-3">API version</th>
            <th scope="col" className="py-1">Namespaced</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((k) => (
            <tr key={k.resource} className="border-b border-[var(--border)]">
              <th scope="row" className="py-1 pr-3 text-left font-mono font-normal">{k.resource}</th>
              <td className="py-1 pr-3 font-mono">{k.shortNames.join(", ")}</td>
              <td className="py-1 pr-3">{k.kind}</td>
              <td className="py-1 pr-3 font-mono">{k.group ? `${k.group}/${k.version}` : k.version}</td>
              <td className="py-1">{k.namespaced ? "yes" : "no"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
