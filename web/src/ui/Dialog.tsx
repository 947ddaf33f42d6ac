import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Icon } from 'design-react-kit';
import './dialog.css';

interface DialogProps {
  title: string;
  /** The name of the close button, in the page's words ("Chiudi"). */
  closeLabel: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal dialog on the native <dialog>: the browser keeps focus inside, Escape closes it,
 * and focus goes back to the button that opened it.
 */
export function Dialog({ title, closeLabel, open, onClose, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="legami-dialog" aria-labelledby={titleId} onClose={onClose}>
      <div className="d-flex align-items-start justify-content-between gap-3 mb-3">
        <h2 id={titleId} className="h4 mb-0">
          {title}
        </h2>
        <button type="button" className="btn btn-icon p-1" onClick={onClose} aria-label={closeLabel}>
          <Icon icon="it-close-big" aria-hidden="true" />
        </button>
      </div>
      {open && children}
    </dialog>
  );
}
