import { getMDXComponent } from "mdx-bundler/client";
import { Children, isValidElement, type ReactNode } from "react";
import { headingId } from "@/lib/content/heading-id";
import { Callout } from "./callout";
import { Terminal } from "./terminal";

function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return "";
}

/**
 * The one registry of components lessons may use. Interactive ones are passed here, never imported
 * inside MDX (the bundled MDX runs as a server component).
 */
const components = {
  h2: ({ children }: { children?: ReactNode }) => <h2 id={headingId(textOf(Children.toArray(children)))}>{children}</h2>,
  Terminal,
  Callout,
};

export function MdxContent({ code }: { code: string }) {
  const Component = getMDXComponent(code);
  return <Component components={components} />;
}
