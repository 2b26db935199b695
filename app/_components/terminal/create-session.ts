import type { ShellSession } from "@/lib/shell/session-types";
import { createEchoSession } from "./echo-session";

/** The shell behind every terminal on the page. */
export async function createSession(): Promise<ShellSession> {
  return createEchoSession();
}
