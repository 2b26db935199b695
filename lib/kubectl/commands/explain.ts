/**
 * `kubectl explain`: the resource header and top-level fields from a static table (texts as the v1.32 OpenAPI
 * serves them); deeper field paths are not simulated yet and say so.
 */
import type { CommandImpl } from "../command-types";
import { resolveResource } from "../resources";

const META_FIELDS = `  apiVersion\t<string>
    APIVersion defines the versioned schema of this representation of an object.
    Servers should convert recognized schemas to the latest internal value, and
    may reject unrecognized values. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources

  kind\t<string>
    Kind is a string value representing the REST resource this object
    represents. Servers may infer this from the endpoint the client submits
    requests to. Cannot be updated. In CamelCase. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds

  metadata\t<ObjectMeta>
    Standard object's metadata. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata
`;

/** Description and the spec/status lines per kind (only the common kinds). */
const KINDS: Record<string, { description: string; rest: string }> = {
  Pod: {
    description: `    Pod is a collection of containers that can run on a host. This resource is
    created by clients and scheduled onto hosts.
`,
    rest: `
  spec\t<PodSpec>
    Specification of the desired behavior of the pod. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status

  status\t<PodStatus>
    Most recently observed status of the pod. This data may not be up to date.
    Populated by the system. Read-only. More info:
    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status

`,
  },
};

export const explainCommand: CommandImpl = {
  support: "partial",
  notes: "Top-level fields of Pod only; field paths and --recursive are not simulated yet.",
  run(ctx) {
    if (ctx.args.length === 0) return ctx.usage("You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.");
    const [type, ...fields] = ctx.args[0].split(".");
    const r = resolveResource(ctx.discovery(), type);
    if (!r.ok) {
      ctx.err(`${r.error}\n`);
      return 1;
    }
    const info = r.info;
    const header = `${info.group ? `GROUP:      ${info.group}\n` : ""}KIND:       ${info.kind}\nVERSION:    ${info.version}\n\n`;
    const known = KINDS[info.kind];
    if (fields.length > 0 || ctx.bool("recursive") || !known) {
      ctx.out(header);
      return ctx.fail(`explaining ${fields.length > 0 ? "field paths" : info.kind} is not supported by this simulator yet`);
    }
    // kubectl's template ends the field list with one more blank line.
    ctx.out(`${header}DESCRIPTION:\n${known.description}    \nFIELDS:\n${META_FIELDS}${known.rest}\n`);
    return 0;
  },
};
