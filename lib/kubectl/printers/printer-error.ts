/**
 * A printing failure. `message` is the text kubectl prints after its `error: ` prefix
 * (the verb prints `error: ${message}` on stderr and exits 1).
 */
export class PrinterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PrinterError";
  }
}
