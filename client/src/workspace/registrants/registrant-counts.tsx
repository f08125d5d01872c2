import type { TRegistrantCounts } from '@convene/shared';
import { useAdminTranslation } from '../i18n/admin-translation';

type Props = {
  counts: TRegistrantCounts;
  /** The webinar's capacity (null: no limit). */
  capacity: number | null;
  /** Seats held: confirmed registrations only — the waiting list holds none. */
  seatsTaken: number;
  /** Attended and absentees mean something once the webinar has started. */
  started: boolean;
};

/**
 * The webinar's true totals, whatever the list below is filtered to: confirmed, waiting list,
 * cancelled, the seats taken of the capacity, and once it has started who attended.
 */
export function RegistrantCounts({ counts, capacity, seatsTaken, started }: Props) {
  const { t } = useAdminTranslation();
  const items: { key: keyof TRegistrantCounts; label: string }[] = [
    { key: 'confirmed', label: t('admin.registrantsPage.counts.confirmed') },
    { key: 'waitlisted', label: t('admin.registrantsPage.counts.waitlisted') },
    { key: 'cancelled', label: t('admin.registrantsPage.counts.cancelled') },
    ...(started
      ? [
          { key: 'attended' as const, label: t('admin.registrantsPage.counts.attended') },
          { key: 'absentees' as const, label: t('admin.registrantsPage.counts.absentees') },
        ]
      : []),
  ];
  return (
    <section className="panel registrant-counts" aria-labelledby="registrant-counts-title">
      <h2 id="registrant-counts-title">{t('admin.registrantsPage.counts.title')}</h2>
      <dl className="facts-list">
        {items.map((item) => (
          <div key={item.key} className="facts-row">
            <dt>{item.label}</dt>
            <dd data-testid={`count-${item.key}`}>{counts[item.key]}</dd>
          </div>
        ))}
      </dl>
      <p data-testid="registrant-seats">
        {capacity === null
          ? t('admin.registrantsPage.counts.noCapacity')
          : seatsTaken > capacity
            ? t('admin.registrantsPage.counts.seatsOver', { taken: seatsTaken, capacity, over: seatsTaken - capacity })
            : t('admin.registrantsPage.counts.seats', { taken: seatsTaken, capacity })}
      </p>
    </section>
  );
}
