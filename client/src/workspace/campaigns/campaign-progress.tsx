import type { TCampaignProgress } from '@convene/shared';
import { useAdminTranslation } from '../i18n/admin-translation';

/** A campaign's invitations: a native progress bar (sent of total) and the counts in words. */
export function CampaignProgress({ progress, label }: { progress: TCampaignProgress; label: string }) {
  const { t } = useAdminTranslation();
  const id = `progress-${progress.campaignId}`;
  const finished = progress.sent + progress.failed + progress.skipped;
  return (
    <div className="campaign-progress" data-testid="campaign-progress" data-done={progress.done}>
      <progress
        id={id}
        max={Math.max(1, progress.total)}
        value={Math.min(finished, progress.total)}
        aria-label={label}
        aria-describedby={`${id}-text`}
      />
      <p id={`${id}-text`} className="hint">
        {t('admin.campaigns.progressText', {
          sent: progress.sent,
          queued: progress.queued,
          failed: progress.failed,
          skipped: progress.skipped,
          total: progress.total,
        })}
        {progress.done && <> · {t('admin.campaigns.done')}</>}
      </p>
      {progress.skipped > 0 && (
        <p className="hint" data-testid="campaign-skipped">
          {t('admin.outreach.skippedWhy', progress.skippedReasons)}
        </p>
      )}
    </div>
  );
}
