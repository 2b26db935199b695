"use client";

import { useId, useRef, type ReactNode } from "react";

/** A button that asks first, in a native modal dialog (focus trapped, Esc cancels). */
export function ConfirmButton({
  label,
  title,
  children,
  confirmLabel,
  onConfirm,
  className,
}: {
  label: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  className?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  return (
    <>
      <button type="button" className={className} onClick={() => dialog.current?.showModal()}>
        {label}
      </button>
      <dialog ref={dialog} aria-labelledby={`${id}-title`} className="m-auto max-w-md rounded-lg border border-[var(--border)] bg-[var(--card)] p-5 text-[var(--fg)] backdrop:bg-black/50">
        <h2 id={`${id}-title`} className="mb-2 text-lg font-semibold">
          {title}
        </h2>
        <div className="mb-4 text-sm">{children}</div>
        <form method="dialog" className="flex justify-end gap-2">
          <button type="submit" value="cancel" className="rounded border border-[var(--border)] px-3 py-1 text-sm" autoFocus>
            Cancel
          </button>
          <button
            type="button"
            className="rounded bg-[var(--accent)] px-3 py-1 text-sm font-medium text-[var(--accent-fg)]"
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </button>
        </form>
      </dialog>
    </>
  );
}
