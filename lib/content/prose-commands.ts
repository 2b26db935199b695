import { needsMoreInput } from "../shell/parser";

/** One command a lesson asks the learner to type, as the shell will receive it. */
export interface ProseCommand {
  /** 1-based line in the MDX source where the command starts. */
  line: number;
  /** The command text; several lines for heredocs, open quotes and `\` continuations. */
  text: string;
  /** Marked `# expect error`: the lesson shows a failing command on purpose. */
  expectError: boolean;
}

export interface ExtractOptions {
  /**
   * Command names the practice terminal knows (builtins, coreutils, node tools, kubectl). A line in a
   * shell block counts as a command when its first word is one of these; anything else is taken for
   * output the author pasted, so output may sit in a `bash` block without being run.
   */
  knownCommands: ReadonlySet<string>;
}

/** Languages of fenced blocks whose lines are typed into the practice terminal. */
const SHELL_LANGS = new Set(["bash", "sh", "shell"]);
const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/;
/** Prompts authors may paste in front of a command ("$ ", "controlplane:~$ "). */
const PROMPT = /^(?:[a-z0-9-]+:[^$#\s]*[$#]|\$)\s+/;
// Markers end the line, optionally with a reason: "# expect error: the pod does not exist yet".
const NOT_RUN = /#\s*not run\b[^#]*$/;
const EXPECT_ERROR = /#\s*expect error\b[^#]*$/;

/** The word a line runs: after `VAR=value` assignments and `sudo`. */
function commandWord(line: string): string | undefined {
  const words = line.trim().split(/\s+/);
  let i = 0;
  while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i])) i++;
  if (words[i] === "sudo") i++;
  return words[i];
}

/**
 * The commands quoted in a lesson's shell code blocks (```bash, ```sh, ```shell), in order. Lines
 * ending in `# not run` are skipped (a command shown but not meant for the simulator); comment lines
 * and pasted output are ignored. Multi-line commands (heredocs, open quotes, trailing `\`) are
 * joined the way the terminal would ask for more input.
 */
export function extractProseCommands(source: string, opts: ExtractOptions): ProseCommand[] {
  const lines = source.split(/\r?\n/);
  const out: ProseCommand[] = [];
  let i = 0;
  while (i < lines.length) {
    const open = FENCE.exec(lines[i]);
    i++;
    if (!open) continue;
    const [, indent, marker, lang] = open;
    // Collect the block body (without the fence's own indentation), up to the closing fence.
    const body: { text: string; line: number }[] = [];
    while (i < lines.length) {
      const close = FENCE.exec(lines[i]);
      if (close && close[2][0] === marker[0] && close[2].length >= marker.length && close[3] === "") {
        i++;
        break;
      }
      body.push({ text: lines[i].startsWith(indent) ? lines[i].slice(indent.length) : lines[i].trimStart(), line: i + 1 });
      i++;
    }
    if (!SHELL_LANGS.has(lang.toLowerCase())) continue;
    for (let j = 0; j < body.length; j++) {
      const first = body[j].text.replace(PROMPT, "");
      const word = commandWord(first);
      if (!word || word.startsWith("#") || !opts.knownCommands.has(word)) continue;
      const start = body[j].line;
      let text = first;
      while (needsMoreInput(text) && j + 1 < body.length) {
        j++;
        text += "\n" + body[j].text;
      }
      if (NOT_RUN.test(first)) continue;
      out.push({ line: start, text, expectError: EXPECT_ERROR.test(first) });
    }
  }
  return out;
}

/** What the simulator prints when a command or flag is missing: never acceptable in a lesson. */
const UNSUPPORTED: RegExp[] = [
  /command not found/,
  /unknown flag/,
  /unknown command/,
  /unknown shorthand flag/,
  /is not supported by this simulator yet/,
  // The node tools explain their own limits ("'x' is not simulated here", "not supported in this simulated cluster").
  /\bsimulat(?:ed|or)\b/i,
];

/** The first line of output that shows the simulator could not run a command, if any. */
export function unsupportedOutput(output: string): string | undefined {
  return output.split("\n").find((l) => UNSUPPORTED.some((re) => re.test(l)));
}
