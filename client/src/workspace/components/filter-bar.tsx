import { useState, type FormEvent, type ReactNode } from 'react';
import { useAdminTranslation } from '../i18n/admin-translation';

export type FilterValues = Partial<Record<string, string>>;

export type FilterOption = { value: string; label: string };

/** One labelled control of a FilterBar. `name` is its key in the values (and in the address). */
export type FilterField =
  | { kind: 'select'; name: string; label: string; options: readonly FilterOption[]; anyLabel?: string }
  | { kind: 'search' | 'text'; name: string; label: string; hint?: string; maxLength?: number; wide?: boolean }
  | { kind: 'date'; name: string; label: string; describedBy?: string };

export type FilterBarProps = {
  /** Heading of the search landmark (read by screen readers only). */
  title: string;
  fields: readonly FilterField[];
  /** The filters in force (from the address or the page's state). The form follows when they change. */
  values: FilterValues;
  onApply: (values: FilterValues) => void;
  applyLabel?: string;
  clearLabel?: string;
  /** Prefix of the controls' ids: `${idPrefix}-${name}`. */
  idPrefix?: string;
  /** Shown below the controls, e.g. the time zone of the date fields. */
  children?: ReactNode;
  testId?: string;
};

const clean = (values: FilterValues): FilterValues => {
  const out: FilterValues = {};
  for (const [key, value] of Object.entries(values)) {
    const trimmed = value?.trim();
    if (trimmed) out[key] = trimmed;
  }
  return out;
};

/**
 * The filters above a list: labelled selects and inputs in a search landmark, applied together
 * (so a list reloads once, not at every keystroke) and cleared in one click.
 */
export function FilterBar(props: FilterBarProps) {
  const { t } = useAdminTranslation();
  const prefix = props.idPrefix ?? 'filter';
  const titleId = `${prefix}-title`;
  const appliedKey = JSON.stringify(clean(props.values));
  const [draft, setDraft] = useState<FilterValues>(props.values);
  const [shown, setShown] = useState(appliedKey);
  if (shown !== appliedKey) {
    // back, forward or a link changed the filters in force: the form shows them
    setShown(appliedKey);
    setDraft(props.values);
  }
  const set = (name: string) => (event: { target: { value: string } }) =>
    setDraft((v) => ({ ...v, [name]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onApply(clean(draft));
  };

  const control = (field: FilterField) => {
    const id = `${prefix}-${field.name}`;
    const value = draft[field.name] ?? '';
    if (field.kind === 'select')
      return (
        <div className="field" key={field.name}>
          <label htmlFor={id}>{field.label}</label>
          <select id={id} name={field.name} value={value} onChange={set(field.name)}>
            <option value="">{field.anyLabel ?? t('admin.any')}</option>
            {field.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      );
    if (field.kind === 'date')
      return (
        <div className="field" key={field.name}>
          <label htmlFor={id}>{field.label}</label>
          <input
            id={id}
            name={field.name}
            type="date"
            value={value}
            onChange={set(field.name)}
            aria-describedby={field.describedBy}
          />
        </div>
      );
    const hintId = field.hint ? `${id}-hint` : undefined;
    return (
      <div className={field.wide ? 'field filters-q' : 'field'} key={field.name}>
        <label htmlFor={id}>{field.label}</label>
        <input
          id={id}
          name={field.name}
          type={field.kind}
          value={value}
          onChange={set(field.name)}
          maxLength={field.maxLength ?? 200}
          aria-describedby={hintId}
        />
        {field.hint && (
          <span id={hintId} className="hint">
            {field.hint}
          </span>
        )}
      </div>
    );
  };

  return (
    <form className="filters" onSubmit={submit} role="search" aria-labelledby={titleId} data-testid={props.testId}>
      <h2 id={titleId} className="visually-hidden">
        {props.title}
      </h2>
      {props.fields.map(control)}
      {props.children}
      <div className="filters-actions">
        <button type="submit" className="button">
          {props.applyLabel ?? t('admin.blocks.apply')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setDraft({});
            props.onApply({});
          }}
        >
          {props.clearLabel ?? t('admin.blocks.clear')}
        </button>
      </div>
    </form>
  );
}
