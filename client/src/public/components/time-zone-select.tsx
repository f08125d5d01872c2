import { useTranslation } from '../../common/i18n/use-translation';
import { useTimeZone, zoneChoices, zoneLabel } from '../../common/components/time-zone-context';

/** Picks the zone all times are shown in; says when it is the device's own. */
export function TimeZoneSelect() {
  const { t } = useTranslation();
  const { zone, detected, setZone } = useTimeZone();
  return (
    <div className="preference">
      <label htmlFor="display-time-zone">{t('timeZone.label')}</label>
      <select
        id="display-time-zone"
        name="displayTimeZone"
        value={zone}
        aria-describedby={zone === detected ? 'display-time-zone-hint' : undefined}
        onChange={(e) => setZone(e.target.value)}
      >
        {zoneChoices(zone).map((z) => (
          <option key={z} value={z}>
            {zoneLabel(z)}
          </option>
        ))}
      </select>
      {zone === detected && (
        <span id="display-time-zone-hint" className="hint">
          {t('timeZone.detected')}
        </span>
      )}
    </div>
  );
}
