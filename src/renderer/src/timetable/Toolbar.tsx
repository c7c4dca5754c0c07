// The Timetable screen's toolbar: what to show (a group's, a teacher's or a room's week, a whole
// department or year), found by typing a name or id; undo, redo, print and compare.
import { memo, useMemo } from 'react';
import { departmentChoices, yearChoices } from '../../../shared/editor/wholeViews.ts';
import { EntityPicker } from '../components/EntityPicker.tsx';
import type { EditorModel } from './editorStore.ts';
import { pickerItems, VIEW_LABELS, type View } from './viewModel.ts';

const NOUNS = { group: 'groups', faculty: 'faculty', room: 'rooms' } as const;

interface Props {
  model: EditorModel;
  view: View;
  onView: (view: View) => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  comparing: boolean;
  onCompare: () => void;
}

/** Memoised: an edit changes none of its props but canUndo/canRedo, so a drop does not render it. */
export const Toolbar = memo(function Toolbar(props: Props): React.JSX.Element {
  const { model, view, onView } = props;
  const departments = useMemo(() => departmentChoices(model.problem, model.names), [model]);
  const years = useMemo(() => yearChoices(model.problem, model.names), [model]);
  const changeKind = (kind: View['kind']): void => {
    if (kind === 'department') onView({ kind, department: departments[0]?.value ?? '' });
    else if (kind === 'year') onView({ kind, year: Number(years[0]?.value ?? 1) });
    else onView({ kind, index: 0 });
  };
  const kinds = (['group', 'faculty', 'room', 'department', 'year'] as const).filter(
    (k) => (k !== 'department' || departments.length > 0) && (k !== 'year' || years.length > 0),
  );
  return (
    <div className="toolbar" role="toolbar" aria-label="Timetable view">
      <label className="field inline">
        <span>View</span>
        <select value={view.kind} onChange={(e) => changeKind(e.target.value as View['kind'])}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {VIEW_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      {(view.kind === 'group' || view.kind === 'faculty' || view.kind === 'room') && (
        <EntityPicker
          label={VIEW_LABELS[view.kind]}
          items={pickerItems(model, view.kind)}
          value={view.index}
          noun={NOUNS[view.kind]}
          onChange={(index) => onView({ kind: view.kind, index })}
        />
      )}
      {view.kind === 'department' && (
        <label className="field inline">
          <span>Department</span>
          <select
            value={view.department}
            onChange={(e) => onView({ kind: 'department', department: e.target.value })}
          >
            {departments.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label} ({d.groups} groups)
              </option>
            ))}
          </select>
        </label>
      )}
      {view.kind === 'year' && (
        <label className="field inline">
          <span>Year</span>
          <select value={view.year} onChange={(e) => onView({ kind: 'year', year: Number(e.target.value) })}>
            {years.map((y) => (
              <option key={y.value} value={y.value}>
                {y.label} ({y.groups} groups)
              </option>
            ))}
          </select>
        </label>
      )}
      <span className="toolbar-buttons">
        <button
          type="button"
          disabled={!props.canUndo || props.comparing}
          onClick={props.onUndo}
          title="Ctrl+Z"
        >
          Undo
        </button>
        <button
          type="button"
          disabled={!props.canRedo || props.comparing}
          onClick={props.onRedo}
          title="Ctrl+Shift+Z"
        >
          Redo
        </button>
        <button type="button" onClick={() => window.print()} title="Print this view (Ctrl+P)">
          Print
        </button>
        <button type="button" aria-pressed={props.comparing} onClick={props.onCompare}>
          {props.comparing ? 'Close compare' : 'Compare versions'}
        </button>
      </span>
    </div>
  );
});
