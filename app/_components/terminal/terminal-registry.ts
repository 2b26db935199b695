/**
 * The terminals on the page, in mount order, so a "Run" button in lesson prose can type into one.
 * Module state on purpose: a page has few terminals and they register and leave with their component.
 */
export interface RegisteredTerminal {
  element: HTMLElement;
  typeCommand(command: string): void;
  focus(): void;
}

const terminals: RegisteredTerminal[] = [];
const listeners = new Set<() => void>();

export function registerTerminal(t: RegisteredTerminal): () => void {
  terminals.push(t);
  for (const l of listeners) l();
  return () => {
    const i = terminals.indexOf(t);
    if (i >= 0) terminals.splice(i, 1);
    for (const l of listeners) l();
  };
}

/** The terminal after `from` in document order (the one a code block leads to), else the first one. */
export function pageTerminal(from?: Element): RegisteredTerminal | undefined {
  if (from) {
    const after = terminals.find((t) => from.compareDocumentPosition(t.element) & Node.DOCUMENT_POSITION_FOLLOWING);
    if (after) return after;
  }
  return terminals[0];
}

export function onTerminalsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function terminalCount(): number {
  return terminals.length;
}
