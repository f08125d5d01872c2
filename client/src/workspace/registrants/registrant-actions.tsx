import type { TRegistrant } from '@convene/shared';
import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../common/api/http';
import { useAction } from '../components/use-action';
import { useAdminTranslation } from '../i18n/admin-translation';
import { InPlaceConfirmation } from './in-place-confirmation';
import { RegistrantError } from './registrant-error';
import { isolate, useWho } from './who';
import type { RegistrantPermissions } from './registrant-permissions';
import { cancelRegistrant, eraseRegistrant, promoteRegistrant, resendConfirmation } from './registrants-api';

type Props = {
  webinarId: string;
  registrant: TRegistrant;
  permissions: RegistrantPermissions;
  capacity: number | null;
  /** The API changed the registrant: the page shows it, says so and reloads the counts. */
  onChanged: (registrant: TRegistrant, message: string, moveFocus?: boolean) => void;
  /** A short confirmation for the page's polite live region. */
  announce: (message: string) => void;
  /** The registrant changed elsewhere meanwhile (the API said so): the list is reloaded. */
  onStale: () => void;
};

type Step = 'idle' | 'confirm-cancel' | 'confirm-erase' | 'offer-over-capacity';

/** 409s other than a full webinar say the list on screen is out of date. */
const isStale = (error: ApiError) => error.status === 409 && error.code !== 'webinar_full';

/**
 * One registrant's actions: give a waitlisted person a seat (beyond the capacity when the API
 * says every seat is taken and the coordinator confirms), cancel for them after a second step,
 * resend a confirmation. Only what the API allows is offered.
 */
export function RegistrantActions({
  webinarId,
  registrant: r,
  permissions,
  capacity,
  onChanged,
  announce,
  onStale,
}: Props) {
  const { t } = useAdminTranslation();
  const [step, setStep] = useState<Step>('idle');
  const [resent, setResent] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const promote = useAction(promoteRegistrant);
  const cancel = useAction(cancelRegistrant);
  const resend = useAction(resendConfirmation);
  const erase = useAction(eraseRegistrant);
  const eraseButton = useRef<HTMLButtonElement>(null);
  const promoteButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  // Leaving a second step without acting, the focus goes back to the button that opened it
  // (rendered again only then).
  const focusBack = useRef<{ current: HTMLButtonElement | null } | null>(null);
  useEffect(() => {
    if (step === 'idle' && focusBack.current) {
      focusBack.current.current?.focus();
      focusBack.current = null;
    }
  }, [step]);

  const who = useWho()(r);
  const back = (to: { current: HTMLButtonElement | null }) => {
    focusBack.current = to;
    setStep('idle');
  };
  const clearErrors = () => {
    promote.clearError();
    cancel.clearError();
    resend.clearError();
    erase.clearError();
  };

  const runPromote = async (overCapacity: boolean) => {
    if (!overCapacity) clearErrors();
    const promoted = await promote.run(webinarId, r.id, overCapacity);
    if (promoted) {
      setRefusal(null);
      setStep('idle');
      onChanged(promoted, t('admin.registrantsPage.promoted', { who }), true);
    }
  };
  useEffect(() => {
    if (promote.error?.code === 'webinar_full') {
      // Kept apart: the error clears when the coordinator answers the offer.
      setRefusal(promote.error);
      setStep('offer-over-capacity');
    } else if (promote.error && isStale(promote.error)) onStale();
  }, [promote.error, onStale]);
  useEffect(() => {
    if (cancel.error && isStale(cancel.error)) onStale();
  }, [cancel.error, onStale]);

  const runCancel = async () => {
    const cancelled = await cancel.run(webinarId, r.id);
    if (cancelled) {
      setStep('idle');
      onChanged(cancelled, t('admin.registrantsPage.cancelDone', { who }), true);
    }
  };

  const runErase = async () => {
    const erased = await erase.run(webinarId, r.id);
    if (erased) {
      setStep('idle');
      onChanged(erased, t('admin.registrantsPage.eraseDone', { who }), true);
    }
  };

  const runResend = async () => {
    clearErrors();
    setResent(false);
    if (await resend.run(webinarId, r.id)) {
      setResent(true);
      announce(t('admin.registrantsPage.resent', { email: isolate(r.email) }));
    }
  };

  if (step === 'confirm-cancel') {
    return (
      <InPlaceConfirmation
        question={t('admin.registrantsPage.confirmCancel', { who })}
        confirmLabel={t('admin.registrantsPage.confirmCancelYes')}
        keepLabel={t('admin.registrantsPage.keep')}
        confirmClass="button-danger"
        busy={cancel.busy}
        onConfirm={runCancel}
        onKeep={() => {
          cancel.clearError();
          back(cancelButton);
        }}
        error={cancel.error && <RegistrantError error={cancel.error} testId="action-error" />}
        testId="confirm-cancel"
      />
    );
  }
  if (step === 'confirm-erase') {
    return (
      <InPlaceConfirmation
        question={t('admin.registrantsPage.confirmErase', { who })}
        confirmLabel={t('admin.registrantsPage.confirmEraseYes')}
        keepLabel={t('admin.registrantsPage.keep')}
        confirmClass="button-danger"
        busy={erase.busy}
        onConfirm={() => void runErase()}
        onKeep={() => {
          erase.clearError();
          back(eraseButton);
        }}
        error={erase.error && <RegistrantError error={erase.error} testId="action-error" />}
        testId="confirm-erase"
      />
    );
  }
  if (step === 'offer-over-capacity' && refusal) {
    return (
      <InPlaceConfirmation
        question={
          <>
            <RegistrantError error={refusal} testId="promote-refused" />{' '}
            {t('admin.registrantsPage.offerOverCapacity', { who, capacity: capacity ?? 0 })}
          </>
        }
        confirmLabel={t('admin.registrantsPage.overCapacity')}
        keepLabel={t('admin.registrantsPage.notNow')}
        busy={promote.busy}
        onConfirm={() => void runPromote(true)}
        onKeep={() => {
          promote.clearError();
          setRefusal(null);
          back(promoteButton);
        }}
        error={
          promote.error && promote.error !== refusal && <RegistrantError error={promote.error} testId="action-error" />
        }
        testId="offer-over-capacity"
      />
    );
  }

  const error = promote.error ?? cancel.error ?? resend.error;
  return (
    <div className="registrant-actions">
      {permissions.promote(r) && (
        <button
          ref={promoteButton}
          type="button"
          className="button button-small"
          aria-label={t('admin.registrantsPage.promoteLabel', { who })}
          aria-disabled={promote.busy || undefined}
          onClick={() => void runPromote(false)}
          data-testid="promote-registrant"
        >
          {t('admin.registrantsPage.promote')}
        </button>
      )}
      {permissions.resend(r) && (
        <button
          type="button"
          className="button button-secondary button-small"
          aria-label={t('admin.registrantsPage.resendLabel', { who })}
          aria-disabled={resend.busy || undefined}
          onClick={() => void runResend()}
          data-testid="resend-confirmation"
        >
          {resend.busy ? t('admin.registrantsPage.resending') : t('admin.registrantsPage.resend')}
        </button>
      )}
      {permissions.cancel(r) && (
        <button
          ref={cancelButton}
          type="button"
          className="button button-secondary button-small"
          aria-label={t('admin.registrantsPage.cancelLabel', { who })}
          onClick={() => {
            clearErrors();
            setResent(false);
            setStep('confirm-cancel');
          }}
          data-testid="cancel-registrant"
        >
          {t('admin.registrantsPage.cancel')}
        </button>
      )}
      {permissions.erase(r) && (
        <button
          ref={eraseButton}
          type="button"
          className="button button-secondary button-small"
          aria-label={t('admin.registrantsPage.eraseLabel', { who })}
          onClick={() => {
            clearErrors();
            setResent(false);
            setStep('confirm-erase');
          }}
          data-testid="erase-registrant"
        >
          {t('admin.registrantsPage.erase')}
        </button>
      )}
      {resent && (
        <span className="hint" data-testid="resent">
          {t('admin.registrantsPage.resentShort')}
        </span>
      )}
      {error && <RegistrantError error={error} testId="action-error" />}
    </div>
  );
}
