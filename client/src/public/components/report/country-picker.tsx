import { countriesOf, countryOptions, type TRegion } from '@convene/shared';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../../common/i18n/use-translation';
import { FieldError } from './field-error';
import { reportErrorId, reportFieldId } from './report-values';

type Props = {
  region: TRegion | '';
  countries: string[];
  onChange: (countries: string[]) => void;
  error: string | undefined;
};

type Option = { code: string; name: string };

/** Case- and accent-insensitive, so "cote" finds Côte d'Ivoire. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A name matches when one of its words starts with what was typed. */
const matches = (name: string, query: string) => {
  const q = fold(query.trim());
  return !q || fold(name).startsWith(q) || fold(name).includes(` ${q}`);
};

/**
 * One or more countries: the chosen ones as a list with a remove button each, and a
 * combobox to add another (WAI-ARIA APG "list autocomplete, manual selection"), the region's
 * countries first (a report may also name transit countries). Arrows only move the active
 * option and typing only filters — Enter or a click commits — because a native select adds
 * every country the keyboard passes.
 */
export function CountryPicker({ region, countries, onChange, error }: Props) {
  const { t, language } = useTranslation();
  const options = useMemo(() => countryOptions(language), [language]);
  const names = useMemo(() => new Map(options.map((o) => [o.code, o.name])), [options]);
  const inRegion = useMemo(() => new Set(region ? countriesOf(region) : []), [region]);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState<string | null>(null);
  const id = reportFieldId('countries');
  const listId = `${id}-list`;
  const optionId = (code: string) => `${id}-option-${code}`;

  const available = options.filter((o) => !countries.includes(o.code) && matches(o.name, query));
  const groups: { key: string; label: string; options: Option[] }[] = [
    { key: 'region', label: region ? t(`report.regions.${region}`) : '', options: [] as Option[] },
    {
      key: 'rest',
      label: region ? t('report.where.otherCountries') : t('report.where.countries'),
      options: [] as Option[],
    },
  ];
  for (const o of available) groups[inRegion.has(o.code) ? 0 : 1]!.options.push(o);
  const ordered = groups.flatMap((g) => g.options);

  useEffect(() => {
    if (active && open) document.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' });
    // optionId is derived from the stable field id.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, open]);

  function commit(code: string) {
    onChange([...countries, code]);
    setQuery('');
    setActive(null);
    setOpen(false);
  }

  function move(step: 1 | -1) {
    if (ordered.length === 0) return;
    const at = active ? ordered.findIndex((o) => o.code === active) : -1;
    const next = at < 0 ? (step === 1 ? 0 : ordered.length - 1) : (at + step + ordered.length) % ordered.length;
    setActive(ordered[next]!.code);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        e.preventDefault();
        // Alt+Down only opens the list (APG); otherwise opening also moves.
        if (!open) setOpen(true);
        if (!e.altKey) move(e.key === 'ArrowDown' ? 1 : -1);
        break;
      case 'Enter': {
        // Never submits the report from here.
        e.preventDefault();
        const exact = ordered.find((o) => fold(o.name) === fold(query.trim()));
        const chosen =
          open && active ? active : (exact?.code ?? (ordered.length === 1 && query ? ordered[0]!.code : null));
        if (chosen) commit(chosen);
        break;
      }
      case 'Escape':
        // First Escape closes the list, a second clears what was typed.
        if (open) {
          e.preventDefault();
          setOpen(false);
          setActive(null);
        } else if (query) {
          e.preventDefault();
          setQuery('');
        }
        break;
    }
  }

  const activeVisible = open && active !== null && ordered.some((o) => o.code === active);

  return (
    <fieldset
      className={`field fieldset${error ? ' field-invalid' : ''}`}
      aria-describedby={error ? reportErrorId('countries') : undefined}
    >
      <legend>
        {t('report.where.countries')} <span className="optional">({t('report.required')})</span>
      </legend>
      <p className="hint">{t('report.where.countriesHint')}</p>
      <FieldError id={reportErrorId('countries')} text={error} />
      {countries.length > 0 && (
        <ul className="chips" data-testid="chosen-countries">
          {countries.map((code) => (
            <li key={code} className="chip" data-code={code}>
              <span>{names.get(code) ?? code}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('report.where.removeCountry', { country: names.get(code) ?? code })}
                onClick={() => onChange(countries.filter((c) => c !== code))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={id} className="sublabel">
        {t('report.where.addCountry')}
      </label>
      <div className="combobox">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeVisible ? optionId(active) : undefined}
          aria-invalid={error ? true : undefined}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(null);
            setOpen(true);
          }}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            setActive(null);
          }}
        />
        <div
          id={listId}
          role="listbox"
          aria-label={t('report.where.addCountry')}
          className="combobox-list"
          hidden={!open}
        >
          {groups.map(
            (g) =>
              g.options.length > 0 && (
                <div key={g.key} role="group" aria-labelledby={`${listId}-${g.key}`}>
                  <div id={`${listId}-${g.key}`} role="presentation" className="combobox-group">
                    {g.label}
                  </div>
                  {g.options.map((o) => (
                    <div
                      key={o.code}
                      id={optionId(o.code)}
                      role="option"
                      aria-selected={o.code === active}
                      className="combobox-option"
                      data-code={o.code}
                      // Keeps focus in the input, so the click is not lost to its blur.
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => commit(o.code)}
                    >
                      {o.name}
                    </div>
                  ))}
                </div>
              ),
          )}
        </div>
        {open && ordered.length === 0 && <p className="combobox-empty">{t('countryPicker.noMatch')}</p>}
      </div>
    </fieldset>
  );
}
