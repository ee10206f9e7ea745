import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal dialog on the native `<dialog>` (HTML "The dialog element", `showModal()`): the page
 * behind it is inert, so focus stays inside; Escape closes it (the `cancel` event, routed to
 * `onClose` so the store decides); focus goes back to the control that opened it; a click on the
 * backdrop closes it only where `closeOnBackdrop` says nothing typed would be lost.
 * Mounted means open: render it only while it should show.
 */
export function Modal({
  labelledBy,
  onClose,
  closeOnBackdrop,
  wide,
  testId,
  data,
  children,
}: {
  labelledBy: string;
  onClose: () => void;
  closeOnBackdrop: boolean;
  wide?: boolean;
  testId: string;
  data?: Record<`data-${string}`, string>;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open && typeof dialog.showModal === 'function') dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      // The opener may have been re-rendered away (a scan finished meanwhile): then focus stays where the browser puts it.
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog modal${wide ? ' wide' : ''}`}
      aria-labelledby={labelledBy}
      data-testid={testId}
      {...data}
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
      onClick={(event) => {
        // The dialog box has no padding of its own (.modal-body has), so a click whose target is the
        // <dialog> itself landed on its ::backdrop.
        if (closeOnBackdrop && event.target === event.currentTarget) onCloseRef.current();
      }}
    >
      <div className="modal-body">{children}</div>
    </dialog>
  );
}
