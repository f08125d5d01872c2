import { pickLocalized, type TTheme } from '@convene/shared';
import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from '../../../common/i18n/use-translation';
import { FieldError } from './field-error';
import { reportErrorId, reportFieldId, type ReportTheme } from './report-values';
import { useThemeSuggestions } from './use-theme-suggestions';

type Props = {
  themes: TTheme[];
  value: ReportTheme[];
  onChange: (themes: ReportTheme[]) => void;
  /** What the reporter wrote so far: the suggestions come from it. */
  text: string;
  error: string | undefined;
};

/**
 * The taxonomy as checkboxes, each chosen theme with its sub-topics, and — from what the
 * reporter writes — suggested themes they can add with one press or ignore. A theme keeps
 * how it was added (chosen or suggested), and the server stores it.
 */
export function ThemePicker({ themes, value, onChange, text, error }: Props) {
  const { t, language } = useTranslation();
  // Typing stays fluid: suggestions follow a moment later on slow phones.
  const deferredText = useDeferredValue(text);
  const chosen = useMemo(() => new Set(value.map((v) => v.slug)), [value]);
  const known = useMemo(() => new Map(themes.map((theme) => [theme.slug, theme])), [themes]);
  const all = useThemeSuggestions(deferredText, chosen);
  const suggestions = useMemo(() => all.filter((s) => known.has(s.slug)), [all, known]);
  const nameOf = (slug: string) => {
    const theme = known.get(slug);
    return theme ? pickLocalized(theme.name, language) : slug;
  };

  const toggle = (slug: string, checked: boolean) =>
    onChange(
      checked ? [...value, { slug, subtopics: [], provenance: 'chosen' }] : value.filter((v) => v.slug !== slug),
    );
  const toggleSubtopic = (slug: string, subtopic: string, checked: boolean) =>
    onChange(
      value.map((v) =>
        v.slug !== slug
          ? v
          : { ...v, subtopics: checked ? [...v.subtopics, subtopic] : v.subtopics.filter((s) => s !== subtopic) },
      ),
    );

  return (
    <fieldset
      className={`field fieldset${error ? ' field-invalid' : ''}`}
      aria-describedby={error ? reportErrorId('themes') : undefined}
    >
      <legend>
        {t('report.themes.legend')} <span className="optional">({t('report.required')})</span>
      </legend>
      <p className="hint">{t('report.themes.hint')}</p>
      <FieldError id={reportErrorId('themes')} text={error} />
      <ul className="options">
        {themes.map((theme, i) => {
          const entry = value.find((v) => v.slug === theme.slug);
          const id = i === 0 ? reportFieldId('themes') : `report-theme-${theme.slug}`;
          const subtopics = theme.subtopics ?? [];
          return (
            <li key={theme.slug}>
              <div className="checkbox">
                <input
                  id={id}
                  type="checkbox"
                  name="themes"
                  value={theme.slug}
                  checked={Boolean(entry)}
                  onChange={(e) => toggle(theme.slug, e.target.checked)}
                />
                <label htmlFor={id}>
                  {nameOf(theme.slug)}
                  {entry?.provenance === 'suggested' && <span className="badge">{t('report.themes.suggested')}</span>}
                </label>
              </div>
              {entry && subtopics.length > 0 && (
                <fieldset className="subtopics">
                  <legend>{t('report.themes.subtopics', { theme: nameOf(theme.slug) })}</legend>
                  {subtopics.map(({ slug: subtopic, name }) => {
                    const subId = `report-subtopic-${theme.slug}-${subtopic}`;
                    return (
                      <div className="checkbox" key={subtopic}>
                        <input
                          id={subId}
                          type="checkbox"
                          name="subtopics"
                          value={subtopic}
                          checked={entry.subtopics.includes(subtopic)}
                          onChange={(e) => toggleSubtopic(theme.slug, subtopic, e.target.checked)}
                        />
                        <label htmlFor={subId}>{pickLocalized(name, language)}</label>
                      </div>
                    );
                  })}
                </fieldset>
              )}
            </li>
          );
        })}
      </ul>
      {/* Announced politely as suggestions appear; the reporter may accept or ignore them. */}
      <div className="suggestions" aria-live="polite">
        {suggestions.length > 0 && (
          <>
            <p className="suggestions-title">{t('report.themes.suggestions')}</p>
            <p className="hint">{t('report.themes.suggestionHint')}</p>
            <ul className="chips">
              {suggestions.map((s) => (
                <li key={s.slug} className="suggestion">
                  <button
                    type="button"
                    className="chip chip-suggestion"
                    data-theme={s.slug}
                    onClick={() => onChange([...value, { slug: s.slug, subtopics: [], provenance: 'suggested' }])}
                  >
                    {t('report.themes.accept', { theme: nameOf(s.slug) })}
                  </button>
                  <span className="hint"> {t('report.themes.because', { words: s.matches.join(', ') })}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </fieldset>
  );
}
