import { DUPLICATE_THRESHOLD, type TAdminReport, type TDuplicateCandidate, type TMergeResult } from '@convene/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { ApiError } from '../../common/api/http';
import { mergeReport, unmergeReport } from '../api/duplicate-endpoints';
import { ErrorNotice } from '../components/errors';
import { useInstantFormat } from '../components/instant';
import { useLabels } from '../components/labels';
import { useAction } from '../components/use-action';
import { useAdminTranslation, type AdminKey } from '../i18n/admin-translation';
import { CodeLinks, ReportCode, usePercent } from './duplicate-flag';

type Props = { report: TAdminReport; onChange: (report: TAdminReport) => void; announce: (text: string) => void };

const OWN_ERRORS = new Set(['merge_self', 'already_merged', 'merge_target_merged', 'not_merged']);

/** A merge's error in this panel's words when it has them, else as every other failed call. */
function MergeError({ error }: { error: ApiError }) {
  const { t } = useAdminTranslation();
  if (!OWN_ERRORS.has(error.code)) return <ErrorNotice error={error} />;
  return (
    <div role="alert" className="notice notice-error">
      <p>{t(`admin.duplicates.errors.${error.code}` as AdminKey)}</p>
    </div>
  );
}

/**
 * The confirmation step of a merge: which of the two reports is kept (the one received first
 * unless the reviewer says otherwise), what merging does, then merge or cancel.
 */
function ConfirmMerge({
  report,
  candidate,
  busy,
  onConfirm,
  onCancel,
}: {
  report: TAdminReport;
  candidate: TDuplicateCandidate;
  busy: boolean;
  onConfirm: (merged: string, kept: string) => void;
  onCancel: () => void;
}) {
  const { t } = useAdminTranslation();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const candidateFirst = Date.parse(candidate.createdAt) < Date.parse(report.createdAt);
  const [keep, setKeep] = useState(candidateFirst ? candidate.id : report.id);
  useEffect(() => headingRef.current?.focus(), []);
  const codes = new Map([
    [report.id, report.code],
    [candidate.id, candidate.code],
  ]);
  const statuses = new Map([
    [report.id, report.status],
    [candidate.id, candidate.status],
  ]);
  const merged = keep === report.id ? candidate.id : report.id;
  const options = [
    { value: report.id, first: !candidateFirst },
    { value: candidate.id, first: candidateFirst },
  ];
  return (
    <div className="merge-confirm notice" data-testid="merge-confirm">
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('admin.duplicates.confirmTitle', { a: report.code, b: candidate.code })}
      </h3>
      <fieldset>
        <legend>{t('admin.duplicates.keep')}</legend>
        {options.map((option) => (
          <label key={option.value} className="choice">
            <input
              type="radio"
              name={`${id}-keep`}
              value={option.value}
              checked={keep === option.value}
              onChange={() => setKeep(option.value)}
              data-testid={`keep-${option.value}`}
            />{' '}
            {t('admin.duplicates.keepOption', { code: codes.get(option.value)! })}
            {option.first && <span className="hint"> {t('admin.duplicates.older')}</span>}
          </label>
        ))}
      </fieldset>
      <p>{t('admin.duplicates.confirmText', { merged: codes.get(merged)!, kept: codes.get(keep)! })}</p>
      {statuses.get(merged) === 'included' && statuses.get(keep) !== 'included' && (
        <p data-testid="merge-included-warning">
          <strong>
            {t('admin.duplicates.includedWarning', { merged: codes.get(merged)!, kept: codes.get(keep)! })}
          </strong>
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={busy}
          data-testid="confirm-merge"
          onClick={() => onConfirm(merged, keep)}
        >
          {t('admin.duplicates.confirm', { merged: codes.get(merged)!, kept: codes.get(keep)! })}
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={onCancel}>
          {t('admin.duplicates.cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * Possible duplicates of a report and its merges: each candidate with its code, similarity,
 * status and date, merged after a confirmation step; the lineage (merged into, merged here)
 * with a way to undo.
 */
export function DuplicatesPanel({ report, onChange, announce }: Props) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const percent = usePercent();
  const { short } = useInstantFormat();
  const [pending, setPending] = useState<TDuplicateCandidate | null>(null);
  const merge = useAction((id: string, into: string) => mergeReport(id, into));
  const unmerge = useAction((id: string) => unmergeReport(id));
  const error = merge.error ?? unmerge.error;
  // Both reports come back: this page shows the one it is about.
  const mine = (result: TMergeResult) => (result.merged.id === report.id ? result.merged : result.kept);

  // Nothing to decide and no lineage: the page stays as it was.
  if (!report.mergedInto && report.mergedReports.length === 0 && report.duplicates.length === 0 && !error) return null;

  return (
    <section aria-labelledby="duplicates-title" className="panel" data-testid="duplicates-panel">
      <h2 id="duplicates-title">{t('admin.duplicates.title')}</h2>
      {report.mergedInto && (
        <div className="notice" data-testid="merged-into" data-merged-into={report.mergedInto.id}>
          <p>
            <Link href={`/reports/${report.mergedInto.id}`}>
              {t('admin.duplicates.mergedInto', { code: report.mergedInto.code })}
            </Link>
          </p>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={unmerge.busy}
            data-testid="unmerge"
            onClick={async () => {
              const result = await unmerge.run(report.id);
              if (result) {
                onChange(mine(result));
                announce(t('admin.duplicates.unmerged', { code: report.code }));
              }
            }}
          >
            {t('admin.duplicates.unmerge')}
          </button>
        </div>
      )}
      {report.mergedReports.length > 0 && (
        <div data-testid="merged-lineage">
          <p>
            {t('admin.duplicates.lineage')} <CodeLinks refs={report.mergedReports} />
          </p>
          <ul className="plain-list">
            {report.mergedReports.map((ref) => (
              <li key={ref.id}>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={unmerge.busy}
                  data-testid={`unmerge-${ref.id}`}
                  onClick={async () => {
                    const result = await unmerge.run(ref.id);
                    if (result) {
                      onChange(mine(result));
                      announce(t('admin.duplicates.unmerged', { code: ref.code }));
                    }
                  }}
                >
                  {t('admin.duplicates.unmerge')} (<ReportCode code={ref.code} />)
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!report.mergedInto && (
        <>
          <p className="hint">{t('admin.duplicates.hint', { threshold: percent(DUPLICATE_THRESHOLD) })}</p>
          {report.duplicates.length === 0 ? (
            <p data-testid="no-duplicates">{t('admin.duplicates.none')}</p>
          ) : (
            <ul className="plain-list duplicate-list">
              {report.duplicates.map((candidate) => (
                <li key={candidate.id} data-testid="duplicate-candidate" data-report-id={candidate.id}>
                  <p>
                    <Link href={`/reports/${candidate.id}`}>
                      {t('admin.duplicates.flag', {
                        code: candidate.code,
                        similarity: percent(candidate.similarity),
                      })}
                    </Link>
                    <br />
                    <span className="hint">
                      {labels.status(candidate.status)} ·{' '}
                      {t('admin.duplicates.received', { date: short(candidate.createdAt) })}
                    </span>
                  </p>
                  {pending?.id === candidate.id ? (
                    <ConfirmMerge
                      report={report}
                      candidate={candidate}
                      busy={merge.busy}
                      onCancel={() => setPending(null)}
                      onConfirm={async (merged, kept) => {
                        const result = await merge.run(merged, kept);
                        if (result) {
                          setPending(null);
                          onChange(mine(result));
                          const codes = { merged: result.merged.code, kept: result.kept.code };
                          announce(t('admin.duplicates.merged', codes));
                        }
                      }}
                    />
                  ) : (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      data-testid={`merge-${candidate.id}`}
                      onClick={() => {
                        merge.clearError();
                        setPending(candidate);
                      }}
                    >
                      {t('admin.duplicates.merge', { code: candidate.code })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {error && <MergeError error={error} />}
    </section>
  );
}
