import { useEffect, useRef } from 'react';

interface Props {
  title: string;
  reasons: string[];
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** An in-page modal question: focus starts on Cancel, Escape cancels. */
export function ConfirmDialog({
  title,
  reasons,
  confirmLabel,
  onConfirm,
  onCancel,
}: Props): React.JSX.Element {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="backdrop">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          }
        }}
      >
        <h2 id="confirm-title">{title}</h2>
        <ul className="reasons">
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        <div className="actions">
          <button type="button" ref={cancel} onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
