import { useTranslation } from '../../../common/i18n/use-translation';
import { sealAndClearDraft } from '../../offline/report-draft';
import { clearCachedReporterKey } from '../../offline/reporter-key-cache';

/**
 * Where "leave quickly" goes: the platform's own home, the list of webinars. It opens with
 * no connection (the service worker keeps the site's shell), needs no third party to know
 * of the visit, and is a page anyone may be seen on — an outside news or weather site would
 * fail offline and tell its owner who left a report page, and a blank page looks like what it is.
 */
export const LEAVE_TO = '/';

/**
 * Leaves the report pages at once: the draft (and the cached reporter key) is removed from
 * the device (and no later save writes it back), the form and the page are emptied, and the
 * current history entry is replaced, so Back does not return to the form.
 */
export async function leaveQuickly(): Promise<void> {
  const root = document.getElementById('root');
  // Off the screen first: the text must not stay visible while the device store answers.
  if (root) root.hidden = true;
  for (const form of Array.from(document.forms)) form.reset();
  try {
    // The cached public key too: it would tell that someone here chose to report by name.
    await Promise.all([sealAndClearDraft(), clearCachedReporterKey()]);
  } finally {
    root?.replaceChildren();
    window.location.replace(LEAVE_TO);
  }
}

/** The "leave quickly" button of the report pages: first in their content, reachable by keyboard. */
export function LeaveQuickly() {
  const { t } = useTranslation();
  return (
    <div className="leave-quickly">
      <button
        type="button"
        className="button button-danger"
        aria-describedby="leave-quickly-hint"
        onClick={() => void leaveQuickly()}
      >
        {t('report.leaveQuickly')}
      </button>
      <span id="leave-quickly-hint" className="visually-hidden">
        {t('report.leaveQuicklyHint')}
      </span>
    </div>
  );
}
