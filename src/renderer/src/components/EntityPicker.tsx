// A searchable picker for long lists (groups, faculty, rooms): type part of a name or an id, choose
// with the arrow keys and Enter or the mouse. The ARIA combobox pattern: the field keeps focus, the
// active option is announced through aria-activedescendant. At most SHOWN options are rendered.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { searchItems, type PickerItem } from './pickerSearch.ts';
import './picker.css';

const SHOWN = 60;

interface Props {
  label: string;
  items: readonly PickerItem[];
  /** Index of the chosen item, -1 for none. */
  value: number;
  onChange: (index: number) => void;
  /** Shown in the empty field, e.g. "Type a name or id". */
  placeholder?: string;
  /** What the items are, for the count ("931 groups"). */
  noun?: string;
}

export function EntityPicker({ label, items, value, onChange, placeholder, noun }: Props): React.JSX.Element {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // Searched only while the list is open (a closed picker shows none of it).
  const found = useMemo(
    () => (open ? searchItems(items, query, SHOWN) : { indices: [], total: 0 }),
    [items, query, open],
  );
  const chosen = value >= 0 ? items[value] : undefined;

  useEffect(() => {
    list.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const choose = (i: number): void => {
    setOpen(false);
    setQuery('');
    if (i >= 0) onChange(i);
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>): void => {
    const n = found.indices.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) setOpen(true);
      else if (n > 0) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter' && open) {
      e.preventDefault();
      choose(found.indices[active] ?? -1);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      setQuery('');
    }
  };
  const more = found.total - found.indices.length;
  return (
    <div className="picker">
      <label htmlFor={`${id}-input`}>{label}</label>
      <div className="picker-field">
        <input
          ref={input}
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-expanded={open}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={open && found.indices.length > 0 ? `${id}-opt-${active}` : undefined}
          placeholder={placeholder ?? 'Type a name or id'}
          value={open ? query : (chosen?.label ?? '')}
          title={chosen ? `${chosen.label}${chosen.detail ? ` · ${chosen.detail}` : ''}` : undefined}
          onFocus={(e) => {
            setOpen(true);
            setActive(0);
            e.currentTarget.select();
          }}
          onBlur={() => {
            setOpen(false);
            setQuery('');
          }}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
        />
        {open && (
          <ul ref={list} id={`${id}-list`} role="listbox" aria-label={label} className="picker-list">
            {found.indices.map((i, k) => (
              <li
                key={items[i].id}
                id={`${id}-opt-${k}`}
                data-index={k}
                role="option"
                aria-selected={k === active}
                className={k === active ? 'picker-option active' : 'picker-option'}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(i);
                }}
                onMouseEnter={() => setActive(k)}
              >
                <span>{items[i].label}</span>
                {items[i].detail && <span className="muted small">{items[i].detail}</span>}
              </li>
            ))}
            {found.total === 0 && (
              <li className="picker-note muted small">Nothing matches &ldquo;{query}&rdquo;.</li>
            )}
            {more > 0 && (
              <li className="picker-note muted small">and {more} more: type more of the name or id</li>
            )}
          </ul>
        )}
      </div>
      <span className="muted small picker-count">
        {items.length} {noun ?? 'items'}
      </span>
    </div>
  );
}
