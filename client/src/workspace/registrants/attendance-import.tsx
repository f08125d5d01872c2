import type { TAttendanceImportResult } from '@convene/shared';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useAction } from '../components/use-action';
import { useAdminTranslation } from '../i18n/admin-translation';
import { AttendanceImportReport } from './attendance-import-report';
import { RegistrantError } from './registrant-error';
import { importAttendance } from './registrants-api';

/** What the platforms' downloads are called and typed (Teams: a UTF-16 "Excel" CSV, tab-separated). */
const ACCEPT = '.csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain,application/vnd.ms-excel';

type Props = {
  webinarId: string;
  /** Called with the new true counts once the report is imported: the list reloads. */
  onImported: (result: TAttendanceImportResult) => void;
};

/**
 * Upload of a video platform's attendance report (Zoom, Teams, Meet, Jitsi, BigBlueButton):
 * the registrants found in it by address are marked as attended, and the API's report of the
 * import — counts and unmatched lines — is shown.
 */
export function AttendanceImport({ webinarId, onImported }: Props) {
  const { t } = useAdminTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [result, setResult] = useState<TAttendanceImportResult | null>(null);
  const upload = useAction(importAttendance);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      input.current?.focus();
      return;
    }
    const imported = await upload.run(webinarId, file);
    if (imported) {
      setResult(imported);
      onImported(imported);
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="panel attendance-import" data-testid="attendance-import">
      <h2 id={`${id}-title`}>{t('admin.registrantsPage.import.title')}</h2>
      <p className="hint" id={`${id}-hint`}>
        {t('admin.registrantsPage.import.hint')}
      </p>
      <form noValidate onSubmit={submit}>
        <div className={missing ? 'field field-invalid' : 'field'}>
          <label htmlFor={`${id}-file`}>{t('admin.registrantsPage.import.file')}</label>
          {missing && (
            <p id={`${id}-error`} className="field-error">
              {t('admin.registrantsPage.import.noFile')}
            </p>
          )}
          <input
            ref={input}
            id={`${id}-file`}
            name="attendance"
            type="file"
            accept={ACCEPT}
            aria-describedby={missing ? `${id}-error ${id}-hint` : `${id}-hint`}
            aria-invalid={missing || undefined}
            data-testid="attendance-file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setMissing(false);
              setResult(null);
              upload.clearError();
            }}
          />
        </div>
        <button
          type="submit"
          className="button"
          aria-disabled={upload.busy || undefined}
          data-testid="import-attendance"
        >
          {upload.busy ? t('admin.registrantsPage.import.importing') : t('admin.registrantsPage.import.submit')}
        </button>
      </form>
      <div aria-live="polite">
        {upload.error && <RegistrantError error={upload.error} testId="attendance-import-error" />}
        {result && <AttendanceImportReport result={result} />}
      </div>
    </section>
  );
}
