import { useTranslation } from '../../common/i18n/use-translation';

type Props = { href: string; testId: string; hint?: boolean };

/** A download link to a registration's calendar file (.ics); the server names the file. */
export function CalendarLink({ href, testId, hint = false }: Props) {
  const { t } = useTranslation();
  const hintId = `${testId}-hint`;
  return (
    <p className="calendar-link">
      <a
        href={href}
        download
        type="text/calendar"
        className="button button-secondary"
        data-testid={testId}
        aria-describedby={hint ? hintId : undefined}
      >
        {t('manageSelfService.calendar')}
      </a>
      {hint && (
        <span id={hintId} className="hint">
          {t('manageSelfService.calendarHint')}
        </span>
      )}
    </p>
  );
}
