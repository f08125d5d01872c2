import {
  CATALOG_LANGUAGES,
  THEME_LIMITS,
  type TAdminTheme,
  type TCreateThemeInput,
  type TLanguage,
  type TUpdateThemeInput,
} from '@convene/shared';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ApiError } from '../../common/api/http';
import { createTheme, updateTheme } from '../api/theme-endpoints';
import { ErrorNotice, useFieldErrorText } from '../components/errors';
import { useLabels } from '../components/labels';
import { useAction } from '../components/use-action';
import { useAdminTranslation } from '../i18n/admin-translation';

type Texts = Record<TLanguage, string>;
type SubtopicDraft = { key: number; slug: string; name: Texts };
type Draft = {
  slug: string;
  name: Texts;
  description: Texts;
  active: boolean;
  takesReports: boolean;
  subtopics: SubtopicDraft[];
  /** One keyword per line, as typed. */
  keywords: Texts;
};

const texts = (value: Partial<Record<TLanguage, string>> = {}): Texts =>
  Object.fromEntries(CATALOG_LANGUAGES.map((l) => [l, value[l] ?? ''])) as Texts;

let nextKey = 0;

function draftOf(theme: TAdminTheme | null): Draft {
  return {
    slug: theme?.slug ?? '',
    name: texts(theme?.name),
    description: texts(theme?.description),
    active: theme?.active ?? true,
    takesReports: theme?.takesReports ?? true,
    subtopics: (theme?.subtopics ?? []).map((s) => ({ key: nextKey++, slug: s.slug, name: texts(s.name) })),
    keywords: Object.fromEntries(CATALOG_LANGUAGES.map((l) => [l, (theme?.keywords[l] ?? []).join('\n')])) as Texts,
  };
}

/** The request body: keyword lines trimmed and blank ones dropped; the server trims texts and drops empty ones. */
function bodyOf(draft: Draft): TUpdateThemeInput {
  return {
    name: draft.name,
    description: draft.description,
    active: draft.active,
    takesReports: draft.takesReports,
    subtopics: draft.subtopics.map((s) => ({ slug: s.slug.trim(), name: s.name })),
    keywords: Object.fromEntries(
      CATALOG_LANGUAGES.map((l) => [
        l,
        draft.keywords[l]
          .split('\n')
          .map((k) => k.trim())
          .filter(Boolean),
      ]),
    ),
  };
}

type Props = {
  /** null: a new theme. */
  theme: TAdminTheme | null;
  onSaved: (theme: TAdminTheme, created: boolean) => void;
  onCancel: () => void;
};

/**
 * One theme's editor: names and descriptions in the four languages (English required),
 * whether it is active and takes reports, its sub-topics and its keywords per language.
 * Field errors from the server are shown beside their fields.
 */
export function ThemeForm({ theme, onSaved, onCancel }: Props) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const fieldText = useFieldErrorText();
  const [draft, setDraft] = useState<Draft>(() => draftOf(theme));
  const save = useAction((body: TUpdateThemeInput) =>
    theme ? updateTheme(theme.slug, body) : createTheme({ ...body, slug: draft.slug.trim() } as TCreateThemeInput),
  );
  const prefix = `theme-${theme?.slug ?? 'new'}`;
  const fields = save.error?.fields ?? {};
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setSubtopic = (key: number, change: Partial<SubtopicDraft>) =>
    set(
      'subtopics',
      draft.subtopics.map((s) => (s.key === key ? { ...s, ...change } : s)),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.run(bodyOf(draft));
    if (saved) onSaved(saved, theme === null);
  };

  /** A labelled control with its server error (by field path) and hint. */
  const row = (
    path: string,
    label: string,
    control: (a11y: Record<string, string | boolean | undefined>) => ReactNode,
    hint?: string,
  ) => {
    const id = `${prefix}-${path.replace(/\./g, '-')}`;
    const error = fields[path];
    const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
    return (
      <div className={`field${error ? ' field-invalid' : ''}`}>
        <label htmlFor={id}>{label}</label>
        {hint && (
          <span id={`${id}-hint`} className="hint">
            {hint}
          </span>
        )}
        {error && (
          <p id={`${id}-error`} className="field-error">
            {fieldText(error.code)}
          </p>
        )}
        {control({
          id,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': describedBy || undefined,
        })}
      </div>
    );
  };
  /** An error on a whole list (too many, repeated values). */
  const listError = (path: string) =>
    fields[path] ? (
      <p className="field-error" id={`${prefix}-${path}-error`}>
        {fieldText(fields[path].code)}
      </p>
    ) : null;

  const title = theme
    ? t('admin.themeEditor.editTitle', { theme: labels.localized(theme.name) })
    : t('admin.themeEditor.newTitle');

  return (
    <section className="panel theme-form" aria-labelledby={`${prefix}-title`} data-testid="theme-form">
      <h2 id={`${prefix}-title`}>{title}</h2>
      <form onSubmit={submit} noValidate className="form">
        {save.error && <FormError error={save.error} />}
        {!theme &&
          row(
            'slug',
            t('admin.themeEditor.slug'),
            (a) => (
              <input
                {...a}
                type="text"
                dir="ltr"
                autoComplete="off"
                spellCheck={false}
                value={draft.slug}
                onChange={(e) => set('slug', e.target.value)}
              />
            ),
            t('admin.themeEditor.slugHint'),
          )}

        <fieldset className="fieldset">
          <legend>{t('admin.themeEditor.texts')}</legend>
          <p className="hint">{t('admin.themeEditor.textsHint')}</p>
          {CATALOG_LANGUAGES.map((l) => (
            <div key={l} className="language-texts">
              {row(`name.${l}`, t('admin.themeEditor.nameIn', { language: labels.language(l) }), (a) => (
                <input
                  {...a}
                  type="text"
                  lang={l}
                  dir="auto"
                  required={l === 'en'}
                  maxLength={THEME_LIMITS.name}
                  value={draft.name[l]}
                  onChange={(e) => set('name', { ...draft.name, [l]: e.target.value })}
                />
              ))}
              {row(`description.${l}`, t('admin.themeEditor.descriptionIn', { language: labels.language(l) }), (a) => (
                <textarea
                  {...a}
                  rows={2}
                  lang={l}
                  dir="auto"
                  required={l === 'en'}
                  maxLength={THEME_LIMITS.description}
                  value={draft.description[l]}
                  onChange={(e) => set('description', { ...draft.description, [l]: e.target.value })}
                />
              ))}
            </div>
          ))}
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('admin.themeEditor.settings')}</legend>
          <div className="checkbox">
            <input
              id={`${prefix}-active`}
              type="checkbox"
              checked={draft.active}
              onChange={(e) => set('active', e.target.checked)}
            />
            <label htmlFor={`${prefix}-active`}>{t('admin.themeEditor.activeField')}</label>
          </div>
          <div className="checkbox">
            <input
              id={`${prefix}-takes-reports`}
              type="checkbox"
              checked={draft.takesReports}
              onChange={(e) => set('takesReports', e.target.checked)}
            />
            <label htmlFor={`${prefix}-takes-reports`}>{t('admin.themeEditor.takesReportsField')}</label>
          </div>
        </fieldset>

        <fieldset className="fieldset" data-testid="theme-subtopics">
          <legend>{t('admin.themeEditor.subtopics')}</legend>
          <p className="hint">{t('admin.themeEditor.subtopicsHint', { max: String(THEME_LIMITS.subtopics) })}</p>
          {listError('subtopics')}
          {draft.subtopics.length === 0 && <p>{t('admin.themeEditor.noSubtopics')}</p>}
          {draft.subtopics.map((subtopic, i) => {
            const n = String(i + 1);
            return (
              <fieldset key={subtopic.key} className="fieldset subtopic-editor">
                <legend>{t('admin.themeEditor.subtopicLegend', { n })}</legend>
                {row(`subtopics.${i}.slug`, t('admin.themeEditor.subtopicSlug'), (a) => (
                  <input
                    {...a}
                    type="text"
                    dir="ltr"
                    autoComplete="off"
                    spellCheck={false}
                    value={subtopic.slug}
                    onChange={(e) => setSubtopic(subtopic.key, { slug: e.target.value })}
                  />
                ))}
                {CATALOG_LANGUAGES.map((l) => (
                  <div key={l}>
                    {row(
                      `subtopics.${i}.name.${l}`,
                      t('admin.themeEditor.subtopicNameIn', { language: labels.language(l) }),
                      (a) => (
                        <input
                          {...a}
                          type="text"
                          lang={l}
                          dir="auto"
                          maxLength={THEME_LIMITS.subtopicName}
                          value={subtopic.name[l]}
                          onChange={(e) =>
                            setSubtopic(subtopic.key, { name: { ...subtopic.name, [l]: e.target.value } })
                          }
                        />
                      ),
                    )}
                  </div>
                ))}
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() =>
                    set(
                      'subtopics',
                      draft.subtopics.filter((s) => s.key !== subtopic.key),
                    )
                  }
                >
                  {t('admin.themeEditor.removeSubtopic', { n })}
                </button>
              </fieldset>
            );
          })}
          {draft.subtopics.length < THEME_LIMITS.subtopics && (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => set('subtopics', [...draft.subtopics, { key: nextKey++, slug: '', name: texts() }])}
            >
              {t('admin.themeEditor.addSubtopic')}
            </button>
          )}
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('admin.themeEditor.keywords')}</legend>
          <p className="hint">
            {t('admin.themeEditor.keywordsHint', { max: String(THEME_LIMITS.keywordsPerLanguage) })}
          </p>
          {CATALOG_LANGUAGES.map((l) => {
            // A keyword's own error (keywords.en.3) is shown on its language's list.
            const path = Object.keys(fields).find((f) => f === `keywords.${l}` || f.startsWith(`keywords.${l}.`));
            return (
              <div key={l}>
                {row(
                  path ?? `keywords.${l}`,
                  t('admin.themeEditor.keywordsIn', { language: labels.language(l) }),
                  (a) => (
                    <textarea
                      {...a}
                      rows={4}
                      lang={l}
                      dir="auto"
                      data-testid={`keywords-${l}`}
                      value={draft.keywords[l]}
                      onChange={(e) => set('keywords', { ...draft.keywords, [l]: e.target.value })}
                    />
                  ),
                )}
              </div>
            );
          })}
        </fieldset>

        <div className="button-row">
          <button type="submit" className="button" disabled={save.busy} data-testid="save-theme">
            {save.busy ? t('admin.saving') : theme ? t('admin.themeEditor.save') : t('admin.themeEditor.create')}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('admin.themeEditor.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** What went wrong, in words: field errors are pointed to, a taken slug said as such. */
function FormError({ error }: { error: ApiError }) {
  const { t } = useAdminTranslation();
  if (error.code === 'theme_exists') {
    return (
      <p role="alert" className="notice notice-error">
        {t('admin.themeEditor.exists')}
      </p>
    );
  }
  if (error.fields && Object.keys(error.fields).length > 0) {
    return (
      <p role="alert" className="notice notice-error">
        {t('admin.themeEditor.invalid')}
      </p>
    );
  }
  return <ErrorNotice error={error} />;
}
