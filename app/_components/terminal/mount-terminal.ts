import { FitAddon } from "@xterm/addon-fit";
import { Terminal as XTerm } from "@xterm/xterm";
import type { ShellSession } from "@/lib/shell/session-types";
import { LineEditor } from "./line-editor";

export interface MountedTerminal {
  dispose(): void;
  /** Types a command as if the learner did, then presses Enter. */
  typeCommand(command: string): void;
  focus(): void;
}

/** Wires xterm to a ShellSession through the line editor. Loaded lazily so lesson text renders without it. */
export function mountTerminal(container: HTMLElement, session: ShellSession, opts: { label: string; history?: readonly string[] }): MountedTerminal {
  const dark = document.documentElement.classList.contains("dark");
  const term = new XTerm({
    convertEol: true,
    cursorBlink: true,
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
    fontSize: 14,
    screenReaderMode: true,
    scrollback: 5000,
    theme: dark
      ? { background: "#0b0f14", foreground: "#e6e8eb", cursor: "#58a6ff" }
      : { background: "#1c1f24", foreground: "#f1f2f4", cursor: "#7cc4ff" },
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(container);
  term.textarea?.setAttribute("aria-label", opts.label);
  // Tab completes in the shell, so the terminal would trap keyboard users: Esc then Tab leaves it
  // (the way code editors on the web do it). The hint is read with the terminal's name.
  const hint = document.createElement("span");
  hint.id = `terminal-hint-${Math.random().toString(36).slice(2)}`;
  hint.className = "sr-only";
  hint.textContent = "Press Escape then Tab to move focus out of the terminal.";
  container.appendChild(hint);
  term.textarea?.setAttribute("aria-describedby", hint.id);
  let escaped = false;
  term.attachCustomKeyEventHandler((e) => {
    if (e.type !== "keydown") return true;
    if (e.key === "Tab" && escaped) {
      escaped = false;
      return false;
    }
    escaped = e.key === "Escape";
    return true;
  });
  const refit = () => {
    try {
      fit.fit();
    } catch {}
  };
  refit();
  const resize = new ResizeObserver(refit);
  resize.observe(container);

  const editor = new LineEditor(session.prompt(), () => term.cols);
  for (const line of opts.history ?? []) editor.addHistory(line);
  let busy = false;
  let pending = ""; // lines of an incomplete input (heredoc, open quote)
  const queue: string[] = [];

  const write = (text: string) => term.write(text);
  write(editor.reset(session.prompt()));

  function drain() {
    busy = false;
    const next = queue.shift();
    if (next !== undefined) handle(next);
  }

  async function submit(line: string) {
    busy = true;
    const input = pending ? `${pending}\n${line}` : line;
    if (session.needsMoreInput && (await session.needsMoreInput(input))) {
      pending = input;
      write(editor.reset("> "));
      drain();
      return;
    }
    pending = "";
    editor.addHistory(input);
    try {
      await session.run(input, (text) => write(text));
    } catch (e) {
      write(`\r\nshipyard: internal error: ${(e as Error).message}\r\n`);
    }
    write(editor.reset(session.prompt()));
    drain();
  }

  function handle(input: string) {
    if (busy) {
      if (input === "\x03") session.interrupt?.();
      else queue.push(input);
      return;
    }
    let data = input;
    // A paste of several lines runs them one at a time: the rest waits for the current command.
    const nl = data.search(/[\r\n]/);
    if (nl >= 0 && nl < data.length - 1) {
      let restStart = nl + 1;
      if (data[nl] === "\r" && data[restStart] === "\n") restStart++;
      if (restStart < data.length) queue.unshift(data.slice(restStart));
      data = data.slice(0, nl + 1);
    }
    for (const action of editor.feed(data)) {
      switch (action.type) {
        case "write":
          write(action.data);
          break;
        case "clear-screen":
          term.clear();
          break;
        case "interrupt":
          pending = "";
          write(editor.reset(session.prompt()));
          break;
        case "complete":
          if (session.complete) {
            void session.complete(action.line, action.cursor).then(({ from, candidates }) => {
              if (candidates.length === 1) {
                for (const a of editor.replaceRange(from, candidates[0] + " ")) if (a.type === "write") write(a.data);
              } else if (candidates.length > 1) {
                write(editor.interject(candidates.join("  ")));
              }
            });
          }
          break;
        case "submit":
          void submit(action.line);
          return; // the rest of a paste waits until this command finishes
      }
    }
  }

  const onData = term.onData((data) => handle(data));
  return {
    dispose() {
      onData.dispose();
      resize.disconnect();
      term.dispose();
      hint.remove();
    },
    typeCommand(command: string) {
      handle(command + "\r");
    },
    focus() {
      term.focus();
    },
  };
}
