import type { TAdminReport } from '@convene/shared';
import { useState, type FormEvent } from 'react';
import { addNote } from '../api/endpoints';
import { ErrorNotice, useFieldErrorText } from '../components/errors';
import { Instant } from '../components/instant';
import { useAction } from '../components/use-action';
import { withNode } from '../components/with-node';
import { useAdminTranslation } from '../i18n/admin-translation';

type Props = { report: TAdminReport; onChange: (report: TAdminReport) => void; announce: (text: string) => void };

/** Coordinators' notes on a report, oldest first, and a form to add one. */
export function ReportNotes({ report, onChange, announce }: Props) {
  const { t } = useAdminTranslation();
  const fieldText = useFieldErrorText();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const action = useAction((note: string) => addNote(report.id, note));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(fieldText('required'));
      document.getElementById('new-note')?.focus();
      return;
    }
    setError(null);
    const updated = await action.run(text);
    if (updated) {
      onChange(updated);
      setText('');
      announce(t('admin.report.notes.added'));
    }
  };
  const serverError = action.error?.fields?.text?.code;
  const shown = error ?? (serverError ? fieldText(serverError) : null);

  return (
    <section aria-labelledby="notes-title" className="panel">
      <h2 id="notes-title">{t('admin.report.notes.title')}</h2>
      {report.notes.length === 0 ? (
        <p>{t('admin.report.notes.empty')}</p>
      ) : (
        <ol className="notes" data-testid="notes">
          {report.notes.map((note) => (
            <li key={note.id} className="note" data-testid="note">
              <p className="note-meta">
                {withNode(
                  t('admin.report.notes.by', { author: note.authorEmail ?? t('admin.report.notes.unknownAuthor') }),
                  'date',
                  <Instant value={note.createdAt} />,
                )}
              </p>
              <p className="submitted-text" dir="auto">
                {note.text}
              </p>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={submit} className="form" noValidate data-testid="note-form">
        <div className={`field${shown ? ' field-invalid' : ''}`}>
          <label htmlFor="new-note">{t('admin.report.notes.label')}</label>
          <span id="new-note-hint" className="hint">
            {t('admin.report.notes.hint')}
          </span>
          {shown && (
            <p id="new-note-error" className="field-error">
              {shown}
            </p>
          )}
          <textarea
            id="new-note"
            name="note"
            rows={3}
            maxLength={5000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={shown ? true : undefined}
            aria-describedby={shown ? 'new-note-error new-note-hint' : 'new-note-hint'}
          />
        </div>
        <button type="submit" className="button" disabled={action.busy} data-testid="add-note">
          {action.busy ? t('admin.saving') : t('admin.report.notes.add')}
        </button>
        {action.error && !serverError && <ErrorNotice error={action.error} />}
      </form>
    </section>
  );
}
