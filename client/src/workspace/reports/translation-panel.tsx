import type {
  TAdminReport,
  TLanguage,
  TReportTranslation,
  TReportTranslations,
  TTranslatedField,
  TTranslationProviderInfo,
} from '@convene/shared';
import { CATALOG_LANGUAGES } from '@convene/shared';
import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../components/errors';
import { Instant } from '../components/instant';
import { useLabels } from '../components/labels';
import { useAnnouncer } from '../components/live-region';
import { useAction } from '../components/use-action';
import { useAdminTranslation, type AdminT } from '../i18n/admin-translation';
import {
  requestMachineTranslation,
  saveTranslation,
  useReportTranslations,
  verifyTranslation,
} from './use-report-translations';

const PROVIDER_NAMES = { apertium: 'Apertium', libretranslate: 'LibreTranslate' } as const;
const FIELDS: readonly TTranslatedField[] = ['barriers', 'recommendations', 'source'];

function providerNotice(t: AdminT, info: TTranslationProviderInfo): string {
  if (info.provider === 'none') return t('admin.translations.providerNone');
  const provider = PROVIDER_NAMES[info.provider];
  return info.sendsTextOutside && info.host
    ? t('admin.translations.providerExternal', { provider, host: info.host })
    : t('admin.translations.providerLocal', { provider });
}

/**
 * The report's texts in another language beside the originals: each translation says whether a
 * machine (which one, through which language) or a person made it, and whether it is verified.
 * Each text has its own "show original" button — no page-wide setting to remember.
 */
export function TranslationPanel({ report }: { report: TAdminReport }) {
  const { t, language: uiLanguage } = useAdminTranslation();
  const labels = useLabels();
  const { translations, provider, replace } = useReportTranslations(report.id);
  const [announce, liveRegion] = useAnnouncer();
  const [chosen, setChosen] = useState<TLanguage | null>(null);
  const machine = useAction((languages: TLanguage[]) => requestMachineTranslation(report.id, languages));

  if (translations.state !== 'ok') {
    return (
      <section aria-labelledby="translations-title" className="panel" data-testid="translation-panel">
        <h2 id="translations-title">{t('admin.translations.title')}</h2>
        {translations.state === 'loading' ? (
          <p role="status">{t('admin.loading')}</p>
        ) : (
          <ErrorNotice error={translations.error} />
        )}
      </section>
    );
  }
  const data = translations.data;
  const targets = CATALOG_LANGUAGES.filter((l) => l !== data.sourceLanguage);
  const fallback = targets.includes(uiLanguage as TLanguage) ? (uiLanguage as TLanguage) : targets[0]!;
  const target = chosen && targets.includes(chosen) ? chosen : fallback;
  const info = provider.state === 'ok' ? provider.data : null;
  const fields = FIELDS.filter((f) => data.originals[f].trim() !== '');

  const askMachine = async () => {
    const next = await machine.run([target]);
    if (next) {
      replace(next);
      announce(t('admin.translations.machineRequested'));
    }
  };

  return (
    <section aria-labelledby="translations-title" className="panel translations" data-testid="translation-panel">
      <h2 id="translations-title">{t('admin.translations.title')}</h2>
      {liveRegion}
      {info && (
        <p className="hint" data-testid="translation-provider">
          {providerNotice(t, info)}
        </p>
      )}
      {data.detectedLanguage && (
        <p className="notice" data-testid="language-mismatch">
          {t('admin.translations.languageMismatch', {
            declared: labels.language(data.declaredLanguage),
            detected: labels.language(data.detectedLanguage),
          })}
        </p>
      )}
      <div className="button-row translation-controls">
        <div className="field">
          <label htmlFor="translation-target">{t('admin.translations.target')}</label>
          <select
            id="translation-target"
            value={target}
            onChange={(e) => setChosen(e.target.value as TLanguage)}
            data-testid="translation-target"
          >
            {targets.map((l) => (
              <option key={l} value={l}>
                {labels.language(l)}
              </option>
            ))}
          </select>
        </div>
        {info && info.provider !== 'none' && (
          <button
            type="button"
            className="button"
            onClick={askMachine}
            disabled={machine.busy}
            data-testid="request-machine-translation"
          >
            {t('admin.translations.machine', { language: labels.language(target) })}
          </button>
        )}
      </div>
      {machine.error &&
        (machine.error.code === 'no_translation_provider' ? (
          <p className="field-error">{t('admin.translations.noProvider')}</p>
        ) : (
          <ErrorNotice error={machine.error} />
        ))}
      {fields.map((field) => (
        <TranslatedText
          key={`${field}-${target}`}
          reportId={report.id}
          field={field}
          target={target}
          data={data}
          translation={data.translations.find((x) => x.field === field && x.language === target) ?? null}
          onChange={replace}
          announce={announce}
        />
      ))}
    </section>
  );
}

type TextProps = {
  reportId: string;
  field: TTranslatedField;
  target: TLanguage;
  data: TReportTranslations;
  translation: TReportTranslation | null;
  onChange: (next: TReportTranslations) => void;
  announce: (text: string) => void;
};

function fieldLabel(t: AdminT, field: TTranslatedField): string {
  if (field === 'barriers') return t('admin.report.barriers');
  if (field === 'recommendations') return t('admin.report.recommendations');
  return t('admin.report.source');
}

/** One text: its translation (with provenance), the original beside it, and the reviewer's actions. */
function TranslatedText({ reportId, field, target, data, translation, onChange, announce }: TextProps) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const [showOriginal, setShowOriginal] = useState(true);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [checked, setChecked] = useState(false);
  const save = useAction((text: string, verified: boolean) =>
    saveTranslation(reportId, { field, language: target, text, verified }),
  );
  const verify = useAction(() => verifyTranslation(reportId, field, target));
  const id = `translation-${field}`;
  const label = fieldLabel(t, field);
  const done = translation?.status === 'done' && translation.text !== null;
  const someone = t('admin.translations.someone');

  const startEditing = () => {
    setDraft(done ? (translation.text ?? '') : '');
    setChecked(false);
    setEditing(true);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) return;
    const next = await save.run(draft, checked);
    if (next) {
      onChange(next);
      setEditing(false);
      announce(t('admin.translations.saved'));
    }
  };
  const markVerified = async () => {
    const next = await verify.run();
    if (next) {
      onChange(next);
      announce(t('admin.translations.verified'));
    }
  };

  return (
    <div className="report-text translated-text" data-testid={`translated-${field}`}>
      <h3>{label}</h3>
      <div className={`translation-pair${showOriginal ? '' : ' translation-only'}`}>
        <div className="translation-side">
          <p className="translation-heading">
            {t('admin.translations.translation', { language: labels.language(target) })}
          </p>
          {done ? (
            <>
              <p className="submitted-text" lang={target} dir="auto" data-testid={`translation-text-${field}`}>
                {translation.text}
              </p>
              <p className="translation-provenance" data-testid={`translation-provenance-${field}`}>
                <span className={`provenance-badge provenance-${translation.origin}`}>
                  {translation.origin === 'machine'
                    ? translation.pivot
                      ? t('admin.translations.machineByPivot', {
                          provider:
                            PROVIDER_NAMES[translation.provider as keyof typeof PROVIDER_NAMES] ??
                            translation.provider ??
                            '',
                          pivot: labels.language(translation.pivot),
                        })
                      : t('admin.translations.machineBy', {
                          provider:
                            PROVIDER_NAMES[translation.provider as keyof typeof PROVIDER_NAMES] ??
                            translation.provider ??
                            '',
                        })
                    : t('admin.translations.humanBy', { name: translation.translatedBy ?? someone })}
                </span>{' '}
                {translation.translatedAt && <Instant value={translation.translatedAt} />}{' '}
                <span className={translation.verified ? 'verified-badge' : 'unverified-badge'}>
                  {translation.verified
                    ? t('admin.translations.verifiedBy', { name: translation.verifiedBy ?? someone })
                    : t('admin.translations.notVerified')}
                </span>
              </p>
            </>
          ) : (
            <p className="hint" role={translation?.status === 'queued' ? 'status' : undefined}>
              {translation?.status === 'queued'
                ? t('admin.translations.queued')
                : translation?.status === 'failed'
                  ? t('admin.translations.failed')
                  : t('admin.translations.none')}
            </p>
          )}
        </div>
        {showOriginal && (
          <div className="translation-side original-side" id={`${id}-original`}>
            <p className="translation-heading">
              {t('admin.translations.original', { language: labels.language(data.sourceLanguage) })}
            </p>
            <p className="submitted-text" lang={data.sourceLanguage} dir="auto" data-testid={`original-text-${field}`}>
              {data.originals[field]}
            </p>
          </div>
        )}
      </div>
      <div className="button-row translation-actions">
        <button
          type="button"
          className="button button-secondary button-small"
          aria-expanded={showOriginal}
          aria-controls={`${id}-original`}
          onClick={() => setShowOriginal((v) => !v)}
          data-testid={`toggle-original-${field}`}
        >
          {showOriginal ? t('admin.translations.hideOriginal') : t('admin.translations.showOriginal')}
        </button>
        {!editing && (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={startEditing}
            data-testid={`edit-translation-${field}`}
          >
            {done ? t('admin.translations.edit') : t('admin.translations.enter')}
          </button>
        )}
        {done && !translation.verified && !editing && (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={markVerified}
            disabled={verify.busy}
            data-testid={`verify-translation-${field}`}
          >
            {t('admin.translations.verify')}
          </button>
        )}
      </div>
      {verify.error && <ErrorNotice error={verify.error} />}
      {editing && (
        <form onSubmit={submit} className="form" noValidate data-testid={`translation-form-${field}`}>
          <div className="field">
            <label htmlFor={`${id}-draft`}>
              {t('admin.translations.editLabel', { field: label, language: labels.language(target) })}
            </label>
            <textarea
              id={`${id}-draft`}
              rows={5}
              maxLength={20_000}
              lang={target}
              dir="auto"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
          </div>
          <div className="checkbox">
            <input
              type="checkbox"
              id={`${id}-verified`}
              checked={checked}
              onChange={(e) => setChecked(e.target.checked)}
            />
            <label htmlFor={`${id}-verified`}>{t('admin.translations.verifiedCheck')}</label>
          </div>
          <button
            type="submit"
            className="button"
            disabled={save.busy || !draft.trim()}
            data-testid={`save-translation-${field}`}
          >
            {save.busy ? t('admin.saving') : t('admin.translations.save')}
          </button>{' '}
          <button type="button" className="button button-secondary button-small" onClick={() => setEditing(false)}>
            {t('admin.translations.cancel')}
          </button>
          {save.error && <ErrorNotice error={save.error} />}
        </form>
      )}
    </div>
  );
}
