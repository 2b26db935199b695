import type { ShellSession } from "@/lib/shell/session-types";

/** A stand-in shell until the simulator's shell is wired in: echoes what it is given. */
export function createEchoSession(): ShellSession {
  return {
    prompt: () => "controlplane:~$ ",
    async run(input, write) {
      const line = input.trim();
      if (!line) return 0;
      const [cmd, ...rest] = line.split(/\s+/);
      if (cmd === "echo") {
        write(rest.join(" ") + "\n", "stdout");
        return 0;
      }
      write(`bash: ${cmd}: command not found\n`, "stderr");
      return 127;
    },
  };
}
