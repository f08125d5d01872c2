import type { TAdminReport } from '@convene/shared';
import { useState, type FormEvent } from 'react';
import { updateReport, type ReportUpdate } from '../api/endpoints';
import { ErrorNotice, useFieldErrorText } from '../components/errors';
import { useAction } from '../components/use-action';
import { useAdminTranslation } from '../i18n/admin-translation';

type Props = { report: TAdminReport; onChange: (report: TAdminReport) => void; announce: (text: string) => void };

const FIELDS = [
  { name: 'barriers', input: 'redactedBarriers', label: 'admin.report.redaction.barriers', rows: 8 },
  {
    name: 'recommendations',
    input: 'redactedRecommendations',
    label: 'admin.report.redaction.recommendations',
    rows: 6,
  },
  { name: 'source', input: 'redactedSource', label: 'admin.report.redaction.source', rows: 3 },
] as const;

type Name = (typeof FIELDS)[number]['name'];
type Texts = Record<Name, string>;

/**
 * Redaction: the texts as briefs will show them, editable (prefilled with the current ones).
 * Admins see the original beside each, labelled as such. Saving sends the three texts;
 * removing the redaction goes back to the originals.
 */
export function RedactionEditor({ report, onChange, announce }: Props) {
  const { t } = useAdminTranslation();
  const fieldText = useFieldErrorText();
  const [texts, setTexts] = useState<Texts>({
    barriers: report.barriers,
    recommendations: report.recommendations,
    source: report.source,
  });
  const [errors, setErrors] = useState<Partial<Record<Name, string>>>({});
  const action = useAction((redaction: ReportUpdate['redaction']) => updateReport(report.id, { redaction }));
  const { original } = report;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!texts.barriers.trim()) {
      setErrors({ barriers: fieldText('required') });
      document.getElementById('redacted-barriers')?.focus();
      return;
    }
    setErrors({});
    const updated = await action.run(texts);
    if (updated) {
      onChange(updated);
      announce(t('admin.report.redaction.saved'));
      return;
    }
  };

  const serverErrors: Partial<Record<Name, string>> = {};
  for (const { name } of FIELDS) {
    const code = action.error?.fields?.[`redaction.${name}`]?.code;
    if (code) serverErrors[name] = fieldText(code);
  }

  const remove = async () => {
    const updated = await action.run(null);
    if (updated) {
      onChange(updated);
      setTexts({ barriers: updated.barriers, recommendations: updated.recommendations, source: updated.source });
      announce(t('admin.report.redaction.removed'));
    }
  };

  return (
    <section aria-labelledby="redaction-title" className="panel">
      <h2 id="redaction-title">{t('admin.report.redaction.title')}</h2>
      <p className="hint" id="redaction-hint">
        {t('admin.report.redaction.hint')}
      </p>
      <form onSubmit={submit} className="form" data-testid="redaction-editor" noValidate>
        {FIELDS.map(({ name, input, label, rows }) => {
          const id = `redacted-${name}`;
          const error = errors[name] ?? serverErrors[name];
          return (
            <div key={name} className={original ? 'redaction-pair' : undefined}>
              <div className={`field${error ? ' field-invalid' : ''}`}>
                <label htmlFor={id}>{t(label)}</label>
                {error && (
                  <p id={`${id}-error`} className="field-error">
                    {error}
                  </p>
                )}
                <textarea
                  id={id}
                  name={input}
                  data-testid={id}
                  rows={rows}
                  lang={report.language}
                  dir="auto"
                  value={texts[name]}
                  onChange={(e) => setTexts((current) => ({ ...current, [name]: e.target.value }))}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error redaction-hint` : 'redaction-hint'}
                />
              </div>
              {original && (
                <div className="original" data-testid={`original-${name}`}>
                  <p className="original-label" id={`${id}-original`}>
                    {t('admin.report.redaction.original')}
                  </p>
                  <p className="submitted-text" lang={report.language} dir="auto" aria-labelledby={`${id}-original`}>
                    {original[name] || t('admin.report.empty')}
                  </p>
                </div>
              )}
            </div>
          );
        })}
        {original && <p className="hint">{t('admin.report.redaction.originalHint')}</p>}
        <div className="button-row">
          <button type="submit" className="button" disabled={action.busy} data-testid="save-redaction">
            {action.busy ? t('admin.saving') : t('admin.report.redaction.save')}
          </button>
          {report.redacted && (
            <button
              type="button"
              className="button button-secondary"
              disabled={action.busy}
              data-testid="remove-redaction"
              onClick={remove}
            >
              {t('admin.report.redaction.remove')}
            </button>
          )}
        </div>
        {action.error && <ErrorNotice error={action.error} />}
      </form>
    </section>
  );
}
