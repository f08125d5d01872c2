import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../../common/i18n/use-translation';
import { forgetDevice } from '../../offline/report-queue';

type Props = {
  /** Everything is gone from the device: the page starts a new, empty form. */
  onForgotten: () => void;
};

/**
 * "Forget this device": after a confirmation (reports not yet sent are lost with it), removes
 * everything the form kept on the device — draft, queue, receipts, refused reports.
 */
export function ForgetDevice({ onForgotten }: Props) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'confirming' | 'working' | 'done'>('idle');
  const questionRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (state === 'confirming') questionRef.current?.focus();
  }, [state]);

  const confirm = async () => {
    setState('working');
    await forgetDevice();
    onForgotten();
    setState('done');
  };

  return (
    <section className="forget-device" aria-labelledby="forget-device-title">
      <h2 id="forget-device-title">{t('report.forgetDevice.button')}</h2>
      <p className="hint">{t('report.forgetDevice.intro')}</p>
      {state === 'confirming' || state === 'working' ? (
        <div className="notice manage-confirm" data-state="confirming">
          <p ref={questionRef} tabIndex={-1}>
            {t('report.forgetDevice.confirm')}
          </p>
          <div className="forget-device-actions">
            <button
              type="button"
              className="button button-danger"
              disabled={state === 'working'}
              onClick={() => void confirm()}
            >
              {t('report.forgetDevice.yes')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setState('idle')}>
              {t('report.forgetDevice.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button button-secondary" onClick={() => setState('confirming')}>
          {t('report.forgetDevice.button')}
        </button>
      )}
      <p role="status" className="hint">
        {state === 'done' ? t('report.forgetDevice.done') : ''}
      </p>
    </section>
  );
}
