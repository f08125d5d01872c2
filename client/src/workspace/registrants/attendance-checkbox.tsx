import type { TRegistrant } from '@convene/shared';
import { useId, useState } from 'react';
import { useAction } from '../components/use-action';
import { useAdminTranslation } from '../i18n/admin-translation';
import { RegistrantError } from './registrant-error';
import { useWho } from './who';
import { setAttendance } from './registrants-api';

type Props = {
  webinarId: string;
  registrant: TRegistrant;
  /** Ticking is allowed (the webinar has started, is not completed, and the reader may change it). */
  editable: boolean;
  onChanged: (registrant: TRegistrant, message: string) => void;
};

/** Where an attendance came from, said next to it. */
function Source({ registrant }: { registrant: TRegistrant }) {
  const { t } = useAdminTranslation();
  if (!registrant.attendanceSource) return null;
  return (
    <span className="hint attendance-source" data-testid="attendance-source">
      {t(`admin.registrantsPage.attendanceSource.${registrant.attendanceSource}`)}
    </span>
  );
}

/**
 * One registrant's attendance: a checkbox the coordinator ticks by hand (PUT attendance) while
 * attendance is open, otherwise the recorded answer as text. A refused change puts the box
 * back as the server holds it, with the reason.
 */
export function AttendanceCheckbox({ webinarId, registrant: r, editable, onChanged }: Props) {
  const { t } = useAdminTranslation();
  const id = useId();
  const save = useAction(setAttendance);
  // The box shows the choice while it is saved, then what the server holds.
  const [pending, setPending] = useState<boolean | null>(null);
  const who = useWho()(r);
  if (!editable) {
    return (
      <span data-testid="attendance" data-attended={r.attendedAt ? 'true' : 'false'}>
        {r.attendedAt ? t('admin.registrantsPage.attendedYes') : t('admin.registrantsPage.attendedNo')}{' '}
        <Source registrant={r} />
      </span>
    );
  }
  return (
    <span className="attendance-toggle">
      <input
        id={`${id}-attended`}
        type="checkbox"
        checked={pending ?? r.attendedAt !== null}
        aria-busy={save.busy || undefined}
        aria-describedby={save.error ? `${id}-error` : undefined}
        onChange={async (e) => {
          const attended = e.target.checked;
          if (save.busy) return;
          setPending(attended);
          const saved = await save.run(webinarId, r.id, attended);
          setPending(null);
          if (saved)
            onChanged(
              saved,
              t(attended ? 'admin.registrantsPage.markedAttended' : 'admin.registrantsPage.unmarkedAttended', { who }),
            );
        }}
        data-testid="attended-checkbox"
        data-attended={r.attendedAt ? 'true' : 'false'}
      />
      <label htmlFor={`${id}-attended`}>
        <span className="visually-hidden">{t('admin.registrantsPage.attendedLabel', { who })}</span>
      </label>{' '}
      <Source registrant={r} />
      {save.error && <RegistrantError id={`${id}-error`} error={save.error} testId="attendance-error" />}
    </span>
  );
}
