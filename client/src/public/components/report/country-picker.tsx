import { countriesOf, countryOptions, type TRegion } from '@convene/shared';
import { useMemo } from 'react';
import { useTranslation } from '../../../common/i18n/use-translation';
import { FieldError } from './field-error';
import { reportErrorId, reportFieldId } from './report-values';

type Props = {
  region: TRegion | '';
  countries: string[];
  onChange: (countries: string[]) => void;
  error: string | undefined;
};

/**
 * One or more countries: the chosen ones as a list with a remove button each, and a select
 * to add another, the region's countries first (a report may also name transit countries).
 */
export function CountryPicker({ region, countries, onChange, error }: Props) {
  const { t, language } = useTranslation();
  const options = useMemo(() => countryOptions(language), [language]);
  const names = useMemo(() => new Map(options.map((o) => [o.code, o.name])), [options]);
  const inRegion = useMemo(() => new Set(region ? countriesOf(region) : []), [region]);
  const available = options.filter((o) => !countries.includes(o.code));
  const first = available.filter((o) => inRegion.has(o.code));
  const rest = available.filter((o) => !inRegion.has(o.code));
  const id = reportFieldId('countries');

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
        <ul className="chips">
          {countries.map((code) => (
            <li key={code} className="chip">
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
      <select
        id={id}
        name="countries"
        value=""
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          if (e.target.value) onChange([...countries, e.target.value]);
        }}
      >
        <option value="">{t('report.where.addCountry')}…</option>
        {first.length > 0 && region && (
          <optgroup label={t(`report.regions.${region}`)}>
            {first.map((o) => (
              <option key={o.code} value={o.code}>
                {o.name}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label={region ? t('report.where.otherCountries') : t('report.where.countries')}>
          {rest.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
        </optgroup>
      </select>
    </fieldset>
  );
}
