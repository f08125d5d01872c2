import type { ReactNode } from 'react';

export type CheckboxOption<T extends string> = { value: T; label: ReactNode };

export type CheckboxGroupProps<T extends string> = {
  /** The question the boxes answer: the fieldset's legend. */
  legend: ReactNode;
  /** Form field name of every box; also the prefix of their ids (unless `idPrefix`). */
  name: string;
  options: readonly CheckboxOption<T>[];
  /** The ticked values, in the options' order when changed here. */
  value: readonly T[];
  onChange: (next: T[]) => void;
  hint?: ReactNode;
  /** Boxes side by side (short labels: regions, languages) instead of one per line. */
  inline?: boolean;
  idPrefix?: string;
  className?: string;
  testId?: string;
};

/** Several choices among a few: a fieldset with a legend and one labelled checkbox per option. */
export function CheckboxGroup<T extends string>(props: CheckboxGroupProps<T>) {
  const prefix = props.idPrefix ?? props.name;
  const hintId = props.hint ? `${prefix}-hint` : undefined;
  const toggle = (value: T, on: boolean) => {
    const chosen = new Set<T>(props.value);
    if (on) chosen.add(value);
    else chosen.delete(value);
    props.onChange(props.options.map((o) => o.value).filter((v) => chosen.has(v)));
  };
  return (
    <fieldset
      className={['subtopics', 'checkbox-group', props.className].filter(Boolean).join(' ')}
      aria-describedby={hintId}
      data-testid={props.testId}
    >
      <legend>{props.legend}</legend>
      {props.hint && (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      )}
      <ul className={props.inline ? 'options options-inline' : 'options'}>
        {props.options.map((o) => (
          <li key={o.value} className="checkbox">
            <input
              id={`${prefix}-${o.value}`}
              type="checkbox"
              name={props.name}
              value={o.value}
              checked={props.value.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            <label htmlFor={`${prefix}-${o.value}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
