import type { TAdminWebinar } from '@convene/shared';
import { useState } from 'react';
import { completeWebinar } from '../api/endpoints';
import { ErrorNotice, useFieldErrorText } from '../components/errors';
import { useAction } from '../components/use-action';
import { useAdminTranslation } from '../i18n/admin-translation';

export function CompleteWebinarPanel({
  webinar,
  onDone,
}: {
  webinar: TAdminWebinar;
  onDone: (w: TAdminWebinar) => void;
}) {
  const { t } = useAdminTranslation();
  const fieldText = useFieldErrorText();
  const [url, setUrl] = useState(webinar.recordingUrl ?? '');
  const action = useAction(() => completeWebinar(webinar.id, url.trim() || null));
  const fieldError = action.error?.fields?.recordingUrl?.code;
  return (
    <section aria-labelledby="complete-title" className="panel">
      <h2 id="complete-title">{t('admin.webinars.complete.title')}</h2>
      <p>{t('admin.webinars.complete.hint')}</p>
      <form
        className="form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const done = await action.run();
          if (done) onDone(done);
        }}
      >
        <div className={`field${fieldError ? ' field-invalid' : ''}`}>
          <label htmlFor="recording-url">{t('admin.webinars.complete.recordingUrl')}</label>
          {fieldError && (
            <p id="recording-url-error" className="field-error">
              {fieldText(fieldError)}
            </p>
          )}
          <input
            id="recording-url"
            name="recordingUrl"
            type="url"
            dir="ltr"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? 'recording-url-error' : undefined}
          />
        </div>
        <button type="submit" className="button" disabled={action.busy} data-testid="complete-webinar">
          {t('admin.webinars.complete.button')}
        </button>
        {action.error && !fieldError && <ErrorNotice error={action.error} />}
      </form>
    </section>
  );
}
