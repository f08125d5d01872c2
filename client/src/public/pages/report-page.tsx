import type { TFieldError, TTheme } from '@convene/shared';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { fetchThemes } from '../api/themes';
import { ForgetDevice } from '../components/report/forget-device';
import { LeaveQuickly } from '../components/report/leave-quickly';
import { ReportForm } from '../components/report/report-form';
import { ReportQueuePanel } from '../components/report/report-queue-panel';
import { emptyReport, fromReportInput, hasContent, type ReportValues } from '../components/report/report-values';
import { useTranslation } from '../../common/i18n/use-translation';
import { newId } from '../offline/new-id';
import { clearDraft, loadDraft } from '../offline/report-draft';
import { forget, isKnownSubmission, startAutoFlush, type RejectedReport } from '../offline/report-queue';

type Form = { values: ReportValues; restored: boolean; errors?: Record<string, TFieldError> };

/** ?theme= and ?webinar= of the follow-up email's link, when they are well formed. */
function linkedSlugs(): { theme: string | null; webinar: string | null } {
  const params = new URLSearchParams(window.location.search);
  const slug = (name: string) => {
    // The slug rule of the shared schema (ZSlug), without loading zod for it.
    const value = params.get(name);
    return value && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) && value.length <= 80 ? value : null;
  };
  return { theme: slug('theme'), webinar: slug('webinar') };
}

/**
 * The form starts with the themes it can offer only: a link pre-tagged with the orientation
 * (not a report theme) or a draft naming a theme deactivated since would otherwise hold a
 * theme the reporter cannot see nor untick, and the server would refuse the report.
 */
const offeredOnly = (values: ReportValues, themes: TTheme[]): ReportValues => {
  const offered = new Set(themes.map((theme) => theme.slug));
  return values.themes.every((theme) => offered.has(theme.slug))
    ? values
    : { ...values, themes: values.themes.filter((theme) => offered.has(theme.slug)) };
};

const fresh = () => {
  const linked = linkedSlugs();
  return emptyReport(newId(), linked.theme, linked.webinar);
};

/** The regional input form, its device queue and the receipt look-up. */
export function ReportPage() {
  const { t } = useTranslation();
  const [themes, setThemes] = useState<TTheme[] | null>(null);
  const [themesFailed, setThemesFailed] = useState(false);
  const [form, setForm] = useState<Form | null>(null);
  const [submitted, setSubmitted] = useState(false);

  useEffect(() => {
    startAutoFlush();
    const controller = new AbortController();
    void fetchThemes(controller.signal).then((result) => {
      if (result.ok) setThemes(result.data.themes);
      else setThemesFailed(true);
    });
    void (async () => {
      const draft = await loadDraft();
      const base = fresh();
      // A draft whose report already went into the queue (the tab closed in between) is done.
      if (!draft || (await isKnownSubmission(draft.clientSubmissionId))) {
        // Its text is in the queue (or arrived): the draft's copy of it goes.
        if (draft) await clearDraft();
        setForm({ values: base, restored: false });
        return;
      }
      // A draft from an older version of the form gets the fields it lacks.
      const values = { ...base, ...draft };
      setForm({ values, restored: hasContent(values) });
    })();
    return () => controller.abort();
  }, []);

  const startOver = async () => {
    await clearDraft();
    setSubmitted(false);
    setForm({ values: fresh(), restored: false });
  };

  const correct = async (report: RejectedReport) => {
    await forget(report.id);
    setSubmitted(false);
    setForm({ values: fromReportInput(report.body, report.fields), restored: true, errors: report.fields });
  };

  return (
    <div className="report-page">
      <LeaveQuickly />
      <h1>{t('report.title')}</h1>
      <p className="lead">{t('report.intro')}</p>
      <ReportQueuePanel onCorrect={(r) => void correct(r)} />
      {themesFailed && !themes && (
        <p role="alert" className="notice notice-error">
          {t('report.themes.loadError')}
        </p>
      )}
      {submitted ? (
        <button type="button" className="button" onClick={() => void startOver()}>
          {t('report.another')}
        </button>
      ) : (
        form &&
        themes && (
          <>
            {form.restored && (
              <div className="notice">
                <p>{t('report.draftRestored')}</p>
                <button type="button" className="button button-secondary" onClick={() => void startOver()}>
                  {t('report.discardDraft')}
                </button>
              </div>
            )}
            <ReportForm
              key={form.values.clientSubmissionId}
              themes={themes}
              initial={offeredOnly(form.values, themes)}
              initialErrors={form.errors}
              onSubmitted={() => {
                void clearDraft();
                setSubmitted(true);
              }}
            />
          </>
        )
      )}
      <p className="receipt-link">
        {/* Replaces the entry: the report pages take one place in the history, which
            "leave quickly" replaces in turn. */}
        <Link href="/report/status" replace>
          {t('report.checkReceipt')}
        </Link>
      </p>
      <ForgetDevice
        onForgotten={() => {
          setSubmitted(false);
          setForm({ values: fresh(), restored: false });
        }}
      />
    </div>
  );
}
