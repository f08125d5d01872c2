import type { TContactImportResult } from '@convene/shared';
import { useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { DataTable } from '../components/data-table';
import { ErrorNotice, useFieldErrorText } from '../components/errors';
import { useAction } from '../components/use-action';
import { useAdminTranslation } from '../i18n/admin-translation';
import { importContacts } from './contacts-api';

type Rejection = TContactImportResult['rejected'][number];

/** The per-line report of an import: the counts, then each line left out and why. */
function ImportReport({ result }: { result: TContactImportResult }) {
  const { t } = useAdminTranslation();
  const fieldError = useFieldErrorText();
  return (
    <div className="import-report" data-testid="import-report">
      <p className="notice" data-testid="import-counts">
        {t('admin.contacts.result', {
          imported: result.imported,
          updated: result.updated,
          unchanged: result.unchanged,
          rejected: result.rejected.length,
          duplicates: result.duplicates.length,
        })}
      </p>
      {result.rejected.length > 0 && (
        <DataTable<Rejection>
          caption={t('admin.contacts.rejectedCaption')}
          captionVisible
          className="compact"
          testId="import-rejected"
          columns={[
            { key: 'line', header: t('admin.contacts.line'), numeric: true, rowHeader: true, cell: (r) => r.line },
            {
              key: 'field',
              header: t('admin.contacts.field'),
              dir: 'ltr',
              cell: (r) => (r.field === '_row' ? t('admin.contacts.wholeRow') : r.field),
            },
            { key: 'problem', header: t('admin.contacts.problem'), cell: (r) => fieldError(r.code) },
          ]}
          rows={result.rejected}
          rowKey={(r) => `${r.line}:${r.field}`}
          rowProps={(r) => ({ 'data-testid': 'rejected-line', 'data-line': String(r.line) })}
          empty={null}
        />
      )}
      {result.duplicates.length > 0 && (
        <ul className="plain-list" data-testid="import-duplicates">
          {result.duplicates.map((d) => (
            <li key={d.line}>{t('admin.contacts.duplicate', { line: d.line, firstLine: d.firstLine })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The error of a file refused as a whole, with the lines it names. */
function FileRefused({ lines }: { lines: { line: number; code: string }[] }) {
  const { t } = useAdminTranslation();
  const fieldError = useFieldErrorText();
  return (
    <ul className="plain-list" data-testid="import-refused-lines">
      {lines.map((l) => (
        <li key={`${l.line}:${l.code}`}>
          {t('admin.contacts.line')} {l.line}: {fieldError(l.code)}
        </li>
      ))}
    </ul>
  );
}

/** Upload of a contacts CSV: a file input, or a file dropped on the zone around it. */
export function ContactImport({ onImported }: { onImported: () => void }) {
  const { t } = useAdminTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [missing, setMissing] = useState(false);
  const [result, setResult] = useState<TContactImportResult | null>(null);
  const upload = useAction(importContacts);

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setMissing(false);
    setResult(null);
    upload.clearError();
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) choose(dropped);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      input.current?.focus();
      return;
    }
    const imported = await upload.run(file);
    if (imported) {
      setResult(imported);
      onImported();
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="contact-import">
      <h2 id={`${id}-title`}>{t('admin.contacts.importTitle')}</h2>
      <p className="hint" id={`${id}-hint`}>
        {t('admin.contacts.importHint')}
      </p>
      <form noValidate onSubmit={submit} data-testid="contact-import">
        <div
          className={`drop-zone${dragging ? ' drop-zone-active' : ''}${missing ? ' field-invalid' : ''}`}
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label htmlFor={`${id}-file`}>{t('admin.contacts.file')}</label>
          {missing && (
            <p id={`${id}-error`} className="field-error">
              {t('admin.contacts.noFile')}
            </p>
          )}
          <input
            ref={input}
            id={`${id}-file`}
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={missing ? `${id}-error ${id}-hint` : `${id}-hint`}
            aria-invalid={missing || undefined}
            data-testid="contact-file"
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
          />
          <p className="hint" aria-hidden="true">
            {dragging ? t('admin.contacts.dropActive') : t('admin.contacts.drop')}
          </p>
          {file && (
            <p className="hint" data-testid="chosen-file">
              {t('admin.contacts.chosen', { name: file.name })}
            </p>
          )}
        </div>
        <button type="submit" className="button" disabled={upload.busy} data-testid="import-contacts">
          {upload.busy ? t('admin.contacts.importing') : t('admin.contacts.import')}
        </button>
      </form>
      <div aria-live="polite">
        {upload.error && (
          <>
            <ErrorNotice error={upload.error} />
            {upload.error.lines && <FileRefused lines={upload.error.lines} />}
          </>
        )}
        {result && <ImportReport result={result} />}
      </div>
    </section>
  );
}
