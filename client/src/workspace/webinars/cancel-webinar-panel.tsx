import type { TAdminWebinar } from '@convene/shared';
import { useRef, useState } from 'react';
import { cancelWebinar } from '../api/endpoints';
import { ErrorNotice } from '../components/errors';
import { useAction } from '../components/use-action';
import { useAdminTranslation } from '../i18n/admin-translation';

/** Cancels a webinar in two steps: the button, then a confirmation in the page. */
export function CancelWebinarPanel({
  webinar,
  onDone,
}: {
  webinar: TAdminWebinar;
  onDone: (w: TAdminWebinar) => void;
}) {
  const { t } = useAdminTranslation();
  const [confirming, setConfirming] = useState(false);
  const action = useAction(() => cancelWebinar(webinar.id));
  const confirmRef = useRef<HTMLButtonElement>(null);
  return (
    <section aria-labelledby="cancel-title" className="panel">
      <h2 id="cancel-title">{t('admin.webinars.cancel.title')}</h2>
      <p>{t('admin.webinars.cancel.hint')}</p>
      {!confirming ? (
        <button
          type="button"
          className="button button-secondary"
          data-testid="cancel-webinar"
          onClick={() => {
            setConfirming(true);
            window.setTimeout(() => confirmRef.current?.focus(), 0);
          }}
        >
          {t('admin.webinars.cancel.button')}
        </button>
      ) : (
        <div className="button-row">
          <button
            ref={confirmRef}
            type="button"
            className="button button-danger"
            disabled={action.busy}
            data-testid="confirm-cancel-webinar"
            onClick={async () => {
              const done = await action.run();
              if (done) onDone(done);
            }}
          >
            {t('admin.webinars.cancel.confirm')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
            {t('admin.webinars.cancel.keep')}
          </button>
        </div>
      )}
      {action.error && <ErrorNotice error={action.error} />}
    </section>
  );
}
