import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import './Dialog.css';

interface Props {
  /** Labels the dialog; also its heading. */
  title: string;
  open: boolean;
  onClose: () => void;
  children: ComponentChildren;
  wide?: boolean;
}

/** Moves focus to the first control (not the close button) of the dialog that is or holds `within`: when it opens, and when a body that was loading arrives. */
export function focusFirstControl(within: Element): void {
  within.closest('dialog')?.querySelector<HTMLElement>('[autofocus], input, select, button:not(.dialog__close)')?.focus();
}

/**
 * A modal on the native <dialog>: the browser traps focus, Escape closes it and the page behind is
 * inert. Focus goes to the first control when it opens and back to whatever opened it when it closes.
 */
export function Dialog({ title, open, onClose, children, wide }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement as HTMLElement | null;
      dialog.showModal?.();
      focusFirstControl(dialog);
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => () => opener.current?.focus(), []);

  return (
    <dialog
      ref={ref}
      class={`dialog${wide ? ' dialog--wide' : ''}`}
      aria-labelledby={titleId}
      onClose={() => {
        onClose();
        opener.current?.focus();
      }}
    >
      {open && (
        <>
          <div class="dialog__head">
            <h2 id={titleId}>{title}</h2>
            <button type="button" class="dialog__close" onClick={() => ref.current?.close()}>
              Close
            </button>
          </div>
          {children}
        </>
      )}
    </dialog>
  );
}
