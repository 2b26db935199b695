"use client";

import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import type { EditorFlavor } from "../terminal/sim-protocol";
import {
  deleteLine,
  exCommand,
  indentEdit,
  moveCaret,
  nanoMessage,
  newlineWithIndent,
  openLine,
  vimFileMessage,
  type TextEdit,
} from "./editor-commands";

export interface FileEditorProps {
  path: string;
  content: string;
  flavor: EditorFlavor;
  /** The text last saved (what the shell writes to the file), or null when nothing was saved. */
  onClose(saved: string | null): void;
}

/** vim ('fixendofline') and nano both end a written file with a newline. */
const withEol = (t: string) => (t && !t.endsWith("\n") ? t + "\n" : t);

type VimMode = "normal" | "insert" | "ex";
type NanoPrompt = { kind: "write"; name: string; thenExit: boolean } | { kind: "save-before-exit" } | null;

/**
 * The screen editor behind vi / vim / nano and `kubectl edit`: a textarea over the terminal with vim's
 * modes and ex commands (or nano's keys), YAML-friendly indentation, and the status line each prints.
 */
export function FileEditor({ path, content, flavor, onClose }: FileEditorProps) {
  const [text, setText] = useState(content);
  const [saved, setSaved] = useState<string | null>(null);
  const [mode, setMode] = useState<VimMode>("normal");
  const [ex, setEx] = useState("");
  const [message, setMessage] = useState(() => (flavor === "nano" ? (content ? nanoMessage("read", content) : "[ New File ]") : vimFileMessage(path, content, { isNew: content === "" })));
  const [nanoPrompt, setNanoPrompt] = useState<NanoPrompt>(null);
  const pendingKey = useRef("");
  const area = useRef<HTMLTextAreaElement>(null);
  const caretAfterRender = useRef<number | null>(0);
  const modified = withEol(text) !== withEol(saved ?? content);
  const isNew = content === "";

  useLayoutEffect(() => {
    const el = area.current;
    if (el && caretAfterRender.current !== null) {
      el.setSelectionRange(caretAfterRender.current, caretAfterRender.current);
      caretAfterRender.current = null;
    }
  });
  // The textarea keeps the focus in every mode (the command line is drawn, like vim's): keys typed fast
  // after ":" must not land in the file.
  useEffect(() => area.current?.focus(), []);

  const apply = (edit: TextEdit) => {
    caretAfterRender.current = edit.caret;
    setText(edit.text);
  };
  const write = () => {
    const out = withEol(text);
    setSaved(out);
    setMessage(flavor === "nano" ? nanoMessage("wrote", out) : vimFileMessage(path, out, { written: true, isNew: isNew && saved === null }));
    return out;
  };
  const caret = () => area.current?.selectionStart ?? 0;

  function insertModeKeys(e: KeyboardEvent<HTMLTextAreaElement>): boolean {
    const el = e.currentTarget;
    if (e.key === "Tab") {
      apply(indentEdit(text, el.selectionStart, el.selectionEnd, e.shiftKey));
      return true;
    }
    if (e.key === "Enter" && !e.ctrlKey && !e.metaKey && !e.altKey) {
      apply(newlineWithIndent(text, el.selectionStart, el.selectionEnd));
      return true;
    }
    return false;
  }

  function vimNormal(e: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (e.ctrlKey || e.metaKey || e.altKey || e.key.length !== 1) return false; // arrows, Home, Tab (leave the editor)...
    const key = e.key;
    const pending = pendingKey.current;
    pendingKey.current = "";
    const at = caret();
    if (pending === "d" && key === "d") return apply(deleteLine(text, at)), true;
    if (pending === "g" && key === "g") return area.current?.setSelectionRange(0, 0), true;
    if (pending === "Z" && key === "Z") return onClose(write()), true;
    if (pending === "Z" && key === "Q") return onClose(saved), true;
    switch (key) {
      case "i":
        setMode("insert");
        break;
      case "a":
        area.current?.setSelectionRange(moveCaret(text, at, "l"), moveCaret(text, at, "l"));
        setMode("insert");
        break;
      case "A":
        area.current?.setSelectionRange(moveCaret(text, at, "$"), moveCaret(text, at, "$"));
        setMode("insert");
        break;
      case "I": {
        const start = moveCaret(text, at, "0");
        const indent = /^ */.exec(text.slice(start))![0].length;
        area.current?.setSelectionRange(start + indent, start + indent);
        setMode("insert");
        break;
      }
      case "o":
      case "O":
        apply(openLine(text, at, key === "O"));
        setMode("insert");
        break;
      case "x":
        if (at < text.length && text[at] !== "\n") apply({ text: text.slice(0, at) + text.slice(at + 1), caret: at });
        break;
      case "h":
      case "j":
      case "k":
      case "l":
      case "0":
      case "$": {
        const to = moveCaret(text, at, key);
        area.current?.setSelectionRange(to, to);
        break;
      }
      case "G":
        area.current?.setSelectionRange(text.length, text.length);
        break;
      case ":":
        setEx("");
        setMode("ex");
        break;
      case "d":
      case "g":
      case "Z":
        pendingKey.current = key;
        break;
    }
    return true; // every other printable key is a command vim knows and we do not: never typed into the file
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    let handled: boolean;
    const ctrl = e.ctrlKey || e.metaKey;
    if (flavor === "vim" && mode === "ex") {
      if (e.key === "Enter") runEx();
      else if (e.key === "Escape" || (e.key === "Backspace" && ex === "")) setMode("normal");
      else if (e.key === "Backspace") setEx(ex.slice(0, -1));
      else if (e.key.length === 1 && !ctrl && !e.altKey) setEx(ex + e.key);
      if (e.key !== "Tab") e.preventDefault();
      return;
    }
    if (nanoPrompt?.kind === "write") {
      if (e.key === "Enter") {
        const t = write();
        setNanoPrompt(null);
        if (nanoPrompt.thenExit) onClose(t);
      } else if (e.key === "Escape" || (ctrl && e.key.toLowerCase() === "c")) {
        setNanoPrompt(null);
        setMessage("[ Cancelled ]");
      }
      if (e.key !== "Tab") e.preventDefault();
      return;
    }
    if (ctrl && e.key.toLowerCase() === "s") {
      write();
      handled = true;
    } else if (flavor === "nano") {
      if (ctrl && e.key.toLowerCase() === "o") {
        setNanoPrompt({ kind: "write", name: path, thenExit: false });
        handled = true;
      } else if (ctrl && e.key.toLowerCase() === "x") {
        if (modified) setNanoPrompt({ kind: "save-before-exit" });
        else onClose(saved);
        handled = true;
      } else if (nanoPrompt?.kind === "save-before-exit") {
        const k = e.key.toLowerCase();
        if (k === "y") setNanoPrompt({ kind: "write", name: path, thenExit: true });
        else if (k === "n") onClose(saved);
        else if (ctrl && k === "c") setNanoPrompt(null);
        handled = true;
      } else handled = insertModeKeys(e);
    } else if (mode === "insert") {
      if (e.key === "Escape") {
        setMode("normal");
        setMessage("");
        handled = true;
      } else handled = insertModeKeys(e);
    } else {
      handled = vimNormal(e);
    }
    if (handled) e.preventDefault();
  }

  function runEx() {
    const r = exCommand(ex, modified);
    setMode("normal");
    if (r.action === "write") {
      const t = write();
      if (r.quit) onClose(t);
    } else if (r.action === "quit") onClose(saved);
    else if (r.action === "error") setMessage(r.message);
  }

  const readOnlyTyping = (flavor === "vim" && mode !== "insert") || nanoPrompt !== null;
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label={`${flavor === "nano" ? "nano" : "vim"}: ${path}`}
      className="absolute inset-0 z-20 flex flex-col bg-[#0b0f14] font-mono text-sm text-[#e6e8eb]"
      data-testid="file-editor"
    >
      {flavor === "nano" ? (
        <div className="flex justify-between bg-[#e6e8eb] px-2 text-[#0b0f14]">
          <span>GNU nano 7.2</span>
          <span>{path}</span>
          <span>{modified ? "Modified" : " "}</span>
        </div>
      ) : (
        <p className="border-b border-white/10 px-2 py-0.5 text-xs text-white/60">
          vim · <kbd>i</kbd> insert · <kbd>Esc</kbd> then <kbd>:wq</kbd> save and quit · <kbd>:q!</kbd> quit without saving · <kbd>Ctrl+S</kbd> save
        </p>
      )}
      <label htmlFor="file-editor-text" className="sr-only">
        Contents of {path}
      </label>
      <textarea
        id="file-editor-text"
        ref={area}
        value={text}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        onChange={(e) => !readOnlyTyping && setText(e.target.value)}
        onPaste={(e) => readOnlyTyping && e.preventDefault()}
        onKeyDown={onKeyDown}
        className="min-h-0 flex-1 resize-none bg-transparent px-2 py-1 leading-5 outline-none"
        style={{ tabSize: 2, caretColor: readOnlyTyping ? "transparent" : undefined }}
        data-mode={flavor === "vim" ? mode : "nano"}
      />
      {flavor === "nano" ? (
        <div className="border-t border-white/10 px-2 py-0.5">
          {nanoPrompt?.kind === "write" ? (
            <p role="status" className="bg-[#e6e8eb] text-[#0b0f14]">
              File Name to Write: {nanoPrompt.name}
            </p>
          ) : nanoPrompt?.kind === "save-before-exit" ? (
            <p role="alert" className="bg-[#e6e8eb] text-[#0b0f14]">Save modified buffer?  Y Yes  N No  ^C Cancel</p>
          ) : (
            <p role="status" className="text-center">{message}&nbsp;</p>
          )}
          <p className="text-xs text-white/70">^G Help  ^O Write Out  ^W Where Is  ^K Cut  ^X Exit  ^S Save</p>
        </div>
      ) : mode === "ex" ? (
        <p role="status" className="px-2 py-0.5" data-testid="vim-status" aria-label="vim command line">
          :{ex}
        </p>
      ) : (
        <p role="status" className="px-2 py-0.5" data-testid="vim-status">
          {mode === "insert" ? "-- INSERT --" : message}&nbsp;
        </p>
      )}
    </div>
  );
}
