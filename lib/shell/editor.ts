import type { HostFs } from "../cluster/index";
import { isFsError } from "../cluster/index";
import { errnoMessage, shellQuote } from "./paths";
import type { InteractiveEditor } from "./shell-types";

/** Editors that need a screen: handed to the host app's in-page editor. */
const INTERACTIVE = new Set(["vi", "vim", "nvim", "nano", "view", "emacs", "pico", "vim.tiny", "vim.basic"]);

export const NO_INTERACTIVE_EDITOR = "error: no interactive editor in script mode; set KUBE_EDITOR to a command";

export interface EditDeps {
  fs: HostFs;
  interactiveEditor?: InteractiveEditor;
  stderr(text: string): void;
  /** Run a command line in the shell (script editors such as `sed -i s/a/b/`). */
  runLine(line: string): Promise<number>;
}

/**
 * The editor protocol behind `vi FILE`, `kubectl edit` and $KUBE_EDITOR:
 * - a script editor is run as a shell command with the (quoted) path appended;
 * - vi/vim/nano go to the host app's interactive editor, which resolves to the saved text (null: quit
 *   without saving); without one (Node CLI, tests) the edit fails honestly.
 * Resolves to the editor's exit status.
 */
export async function editFile(path: string, editorCommand: string, deps: EditDeps): Promise<number> {
  const command = editorCommand.trim() || "vi";
  const first = command.split(/\s+/)[0];
  const name = first.slice(first.lastIndexOf("/") + 1);
  if (!INTERACTIVE.has(name)) return deps.runLine(`${command} ${shellQuote(path)}`);
  if (!deps.interactiveEditor) {
    deps.stderr(NO_INTERACTIVE_EDITOR + "\n");
    return 1;
  }
  const st = deps.fs.stat(path);
  if (!isFsError(st) && st.type === "dir") {
    deps.stderr(`${name}: ${path}: Is a directory\n`);
    return 1;
  }
  const current = deps.fs.readFile(path);
  const saved = await deps.interactiveEditor(path, isFsError(current) ? "" : current);
  if (saved === null) return 0;
  const e = deps.fs.writeFile(path, saved);
  if (e) {
    deps.stderr(`"${path}" E212: Can't open file for writing: ${errnoMessage(e.error)}\n`);
    return 1;
  }
  return 0;
}
