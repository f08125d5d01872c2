import type { TAdminReport } from '@convene/shared';
import { useState, type FormEvent } from 'react';
import { updateReport } from '../api/endpoints';
import { ErrorNotice } from '../components/errors';
import { useLabels } from '../components/labels';
import { useAction } from '../components/use-action';
import { useAdminTranslation } from '../i18n/admin-translation';

type Tags = Map<string, string[]>;

type Props = { report: TAdminReport; onChange: (report: TAdminReport) => void; announce: (text: string) => void };

/**
 * Re-tagging: every theme as a checkbox with its sub-topics, and how each theme the report has
 * got there (chosen or suggested by the reporter, set by a coordinator).
 */
export function ThemeEditor({ report, onChange, announce }: Props) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const [tags, setTags] = useState<Tags>(() => new Map(report.themes.map((theme) => [theme.slug, theme.subtopics])));
  const [missing, setMissing] = useState(false);
  const action = useAction((themes: { slug: string; subtopics: string[] }[]) => updateReport(report.id, { themes }));
  const provenance = new Map(report.themes.map((theme) => [theme.slug, theme.provenance]));
  // The themes reports can take now, plus any theme the report has that is no longer offered
  // (deactivated, or not a report theme): reports keep the themes they had.
  const offered = labels.themeList.filter((theme) => theme.active && theme.takesReports);
  const slugs = [
    ...offered.map((theme) => theme.slug),
    ...report.themes.map((theme) => theme.slug).filter((slug) => !offered.some((x) => x.slug === slug)),
  ];
  // Likewise a theme's sub-topics: those offered now, then those the report kept.
  const subtopicsOf = (slug: string) => {
    const current = labels.themeList.find((theme) => theme.slug === slug)?.subtopics.map((s) => s.slug) ?? [];
    const kept = report.themes.find((theme) => theme.slug === slug)?.subtopics ?? [];
    return [...current, ...kept.filter((s) => !current.includes(s))];
  };

  const toggle = (slug: string, on: boolean) =>
    setTags((current) => {
      const next = new Map(current);
      if (on) next.set(slug, current.get(slug) ?? []);
      else next.delete(slug);
      return next;
    });
  const toggleSubtopic = (slug: string, subtopic: string, on: boolean) =>
    setTags((current) => {
      const next = new Map(current);
      const list = current.get(slug) ?? [];
      next.set(slug, on ? [...list, subtopic] : list.filter((s) => s !== subtopic));
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (tags.size === 0) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const updated = await action.run([...tags].map(([slug, subtopics]) => ({ slug, subtopics })));
    if (updated) {
      onChange(updated);
      announce(t('admin.report.themes.saved'));
    }
  };

  return (
    <section aria-labelledby="themes-title" className="panel">
      <h2 id="themes-title">{t('admin.report.themes.title')}</h2>
      <form onSubmit={submit} className="form" data-testid="theme-editor" noValidate>
        <fieldset
          className={`fieldset${missing ? ' field-invalid' : ''}`}
          aria-describedby={missing ? 'themes-error themes-hint' : 'themes-hint'}
        >
          <legend>{t('admin.report.themes.title')}</legend>
          <p id="themes-hint" className="hint">
            {t('admin.report.themes.hint')}
          </p>
          {missing && (
            <p id="themes-error" className="field-error" role="alert">
              {t('admin.report.themes.required')}
            </p>
          )}
          <ul className="options">
            {slugs.map((slug) => {
              const id = `retag-${slug}`;
              const checked = tags.has(slug);
              const how = provenance.get(slug);
              const subtopics = subtopicsOf(slug);
              const name = labels.theme(slug);
              return (
                <li key={slug}>
                  <div className="checkbox">
                    <input
                      id={id}
                      type="checkbox"
                      name="themes"
                      value={slug}
                      checked={checked}
                      onChange={(e) => toggle(slug, e.target.checked)}
                      aria-describedby={how ? `${id}-how` : undefined}
                    />
                    <label htmlFor={id}>
                      {name}
                      {how && (
                        <span id={`${id}-how`} className={`provenance provenance-${how}`} data-provenance={how}>
                          {' '}
                          ({t(`admin.provenance.${how}`)})
                        </span>
                      )}
                    </label>
                  </div>
                  {checked && subtopics.length > 0 && (
                    <fieldset className="subtopics">
                      <legend>{t('admin.report.themes.subtopics', { theme: name })}</legend>
                      <ul className="options">
                        {subtopics.map((subtopic) => {
                          const subId = `${id}-${subtopic}`;
                          return (
                            <li key={subtopic} className="checkbox">
                              <input
                                id={subId}
                                type="checkbox"
                                name={`subtopics-${slug}`}
                                value={subtopic}
                                checked={tags.get(slug)?.includes(subtopic) ?? false}
                                onChange={(e) => toggleSubtopic(slug, subtopic, e.target.checked)}
                              />
                              <label htmlFor={subId}>{labels.subtopic(subtopic)}</label>
                            </li>
                          );
                        })}
                      </ul>
                    </fieldset>
                  )}
                </li>
              );
            })}
          </ul>
        </fieldset>
        <button type="submit" className="button" disabled={action.busy} data-testid="save-themes">
          {action.busy ? t('admin.saving') : t('admin.report.themes.save')}
        </button>
        {action.error && <ErrorNotice error={action.error} />}
      </form>
    </section>
  );
}
