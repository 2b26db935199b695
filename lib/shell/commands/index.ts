import type { CommandFn } from "../command-types";
import { awk } from "./awk";
import { fileCommands } from "./files";
import { nodeTools } from "./node-tools";
import { sed } from "./sed";
import { systemCommands } from "./system";
import { textCommands } from "./text";

/** Every non-builtin command the shell offers (kubectl is added by the caller). */
export function coreutils(minimal: boolean): Record<string, CommandFn> {
  return { ...textCommands, ...fileCommands, ...systemCommands, awk, sed, ...(minimal ? {} : nodeTools) };
}
