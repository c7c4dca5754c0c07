import { useEffect, useRef } from 'react';

export interface DialogAction {
  label: string;
  onClick: () => void;
  kind?: 'primary' | 'danger';
}

interface Props {
  title: string;
  children: React.ReactNode;
  actions: DialogAction[];
  onCancel: () => void;
}

/** An in-page modal question: focus starts on Cancel, Escape cancels, Tab stays inside. */
export function ConfirmDialog({ title, children, actions, onCancel }: Props): React.JSX.Element {
  const cancel = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="backdrop">
      <div
        ref={box}
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          } else if (e.key === 'Tab') {
            const buttons = [...(box.current?.querySelectorAll('button') ?? [])];
            const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
            const next = (at + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length;
            e.preventDefault();
            buttons[next]?.focus();
          }
        }}
      >
        <h2 id="confirm-title">{title}</h2>
        {children}
        <div className="actions">
          <button type="button" ref={cancel} onClick={onCancel}>
            Cancel
          </button>
          {actions.map((a) => (
            <button key={a.label} type="button" className={a.kind} onClick={a.onClick}>
              {a.label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
