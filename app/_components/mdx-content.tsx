import { getMDXComponent } from "mdx-bundler/client";
import { Children, isValidElement, type ComponentProps, type ReactNode } from "react";
import { headingId } from "@/lib/content/heading-id";
import { Callout } from "./callout";
import { RunButton } from "./run-button";
import { Terminal } from "./terminal";

function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return "";
}

/** The text of a highlighted code block, one line per `data-line` span (rehype-pretty-code's markup). */
function codeLines(node: ReactNode): string[] {
  const lines: string[] = [];
  const walk = (n: ReactNode) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!isValidElement<{ children?: ReactNode; "data-line"?: string }>(n)) return;
    if (n.props["data-line"] !== undefined) lines.push(textOf(n.props.children));
    else walk(n.props.children);
  };
  walk(node);
  return lines;
}

/** A `bash` block of kubectl commands gets a Run button that types it into the page's terminal. */
function Pre(props: ComponentProps<"pre"> & { "data-language"?: string }) {
  const lines = props["data-language"] === "bash" ? codeLines(props.children).filter((l) => l.trim()) : [];
  const runnable = lines.length > 0 && /^\s*(kubectl|k)\s/.test(lines[0]);
  if (!runnable) return <pre {...props} />;
  return (
    <div className="relative">
      <pre {...props} />
      <RunButton command={lines.join("\n")} />
    </div>
  );
}

/**
 * The one registry of components lessons may use. Interactive ones are passed here, never imported
 * inside MDX (the bundled MDX runs as a server component).
 */
const components = {
  h2: ({ children }: { children?: ReactNode }) => <h2 id={headingId(textOf(Children.toArray(children)))}>{children}</h2>,
  pre: Pre,
  Terminal,
  Callout,
};

export function MdxContent({ code }: { code: string }) {
  const Component = getMDXComponent(code);
  return <Component components={components} />;
}
