/**
 * What the terminal needs from a shell: a line in, text out, asynchronously. The browser terminal and the
 * Node CLI both drive a shell only through this, so neither changes when the shell behind it does
 * (an echo loop today, the simulated cluster's shell in a Web Worker tomorrow).
 */
export interface ShellSession {
  /** The prompt to show before the next line ("controlplane:~$ "). */
  prompt(): string;
  /** Run one complete input (may hold several lines, e.g. a heredoc). Output arrives through `write`. */
  run(input: string, write: (text: string, stream: "stdout" | "stderr") => void): Promise<number>;
  /** True when the input is incomplete (open quote, heredoc) and the terminal should ask for more with "> ". */
  needsMoreInput?(input: string): boolean | Promise<boolean>;
  /** Completion candidates for the word at `cursor`. */
  complete?(line: string, cursor: number): Promise<{ from: number; candidates: string[] }>;
  /** Ctrl+C while a command runs. */
  interrupt?(): void;
}
