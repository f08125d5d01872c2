import {
  LANGUAGES,
  parseReportCode,
  reportCode,
  type TBriefEditorial,
  type TBriefEditorialView,
  type TCompilation,
  type TLanguage,
  type TLocalizedText,
} from '@convene/shared';
import { useEffect, useMemo, useState } from 'react';
import { ErrorNotice } from '../components/errors';
import { useLabels } from '../components/labels';
import { useAnnouncer } from '../components/live-region';
import { useAction } from '../components/use-action';
import { useResource } from '../components/use-resource';
import { useAdminTranslation, type AdminKey } from '../i18n/admin-translation';
import { getBriefEditorial, putBriefEditorial } from './brief-api';

/** What the editor holds: texts per language, and citations as the codes people type. */
type Texts = Partial<Record<TLanguage, string>>;
type DraftClaim = { text: Texts; codes: string };
type DraftQuote = { code: string; field: 'barriers' | 'recommendations'; excerpt: string };
export type DraftEditorial = {
  summary: Texts;
  keyBarriers: DraftClaim[];
  keyRecommendations: DraftClaim[];
  closingNote: Texts;
  quotes: DraftQuote[];
};

/** A quote the reports list asks the editor to add ("feature as quote"). */
export type QuoteRequest = { code: string; field: 'barriers' | 'recommendations'; nonce: number };

function draftOf(view: TBriefEditorialView): DraftEditorial {
  const code = (id: string) => view.codes[id] ?? id;
  const claim = (c: TBriefEditorial['keyBarriers'][number]): DraftClaim => ({
    text: { ...c.text },
    codes: c.reportIds.map(code).join(', '),
  });
  return {
    summary: { ...view.editorial.summary },
    keyBarriers: view.editorial.keyBarriers.map(claim),
    keyRecommendations: view.editorial.keyRecommendations.map(claim),
    closingNote: { ...view.editorial.closingNote },
    quotes: view.editorial.quotes.map((q) => ({ code: code(q.reportId), field: q.field, excerpt: q.excerpt ?? '' })),
  };
}

function localized(texts: Texts): TLocalizedText | undefined {
  const entries = Object.entries(texts).filter(([, v]) => (v ?? '').trim() !== '');
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as TLocalizedText);
}

/**
 * The editorial as the API takes it, the typed codes resolved to the compilation's reports; the
 * codes that are not reports of the live compilation (or not codes at all) are returned instead.
 */
export function editorialOf(
  draft: DraftEditorial,
  idOfCode: Map<string, string>,
): { editorial: TBriefEditorial; unknown: string[] } {
  const unknown: string[] = [];
  const resolve = (typed: string): string | null => {
    const n = parseReportCode(typed);
    const id = n === null ? undefined : idOfCode.get(reportCode(n));
    if (id === undefined) {
      if (typed.trim() !== '') unknown.push(typed.trim());
      return null;
    }
    return id;
  };
  const claims = (list: DraftClaim[]) =>
    list.flatMap((c) => {
      const text = localized(c.text);
      if (!text) return [];
      const reportIds = c.codes
        .split(/[,;\s]+/)
        .filter((x) => x !== '')
        .flatMap((x) => resolve(x) ?? []);
      return [{ text, reportIds: [...new Set(reportIds)] }];
    });
  const editorial: TBriefEditorial = {
    summary: localized(draft.summary) ?? {},
    keyBarriers: claims(draft.keyBarriers),
    keyRecommendations: claims(draft.keyRecommendations),
    closingNote: localized(draft.closingNote) ?? {},
    quotes: draft.quotes.flatMap((q) => {
      const reportId = resolve(q.code);
      if (reportId === null) return [];
      return [{ reportId, field: q.field, ...(q.excerpt.trim() === '' ? {} : { excerpt: q.excerpt.trim() }) }];
    }),
  };
  // The API takes absent texts, not empty ones.
  const body = { ...editorial } as Partial<TBriefEditorial>;
  if (Object.keys(editorial.summary).length === 0) delete body.summary;
  if (Object.keys(editorial.closingNote).length === 0) delete body.closingNote;
  return { editorial: body as TBriefEditorial, unknown };
}

function TextField({
  id,
  label,
  value,
  language,
  onChange,
  rows = 3,
}: {
  id: string;
  label: string;
  value: string;
  language: TLanguage;
  onChange: (v: string) => void;
  rows?: number;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        lang={language}
        dir={language === 'ar' ? 'rtl' : 'ltr'}
        rows={rows}
        value={value}
        maxLength={5000}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

function Claims({
  name,
  title,
  claims,
  language,
  onChange,
}: {
  name: string;
  title: string;
  claims: DraftClaim[];
  language: TLanguage;
  onChange: (claims: DraftClaim[]) => void;
}) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const set = (i: number, claim: DraftClaim) => onChange(claims.map((c, j) => (j === i ? claim : c)));
  return (
    <fieldset className="brief-claims" data-testid={`brief-${name}`}>
      <legend>{title}</legend>
      <ol>
        {claims.map((claim, i) => (
          <li key={i} data-testid={`brief-${name}-item`}>
            <TextField
              id={`brief-${name}-${i}-text`}
              label={t('admin.brief.claimText', { language: labels.language(language) })}
              value={claim.text[language] ?? ''}
              language={language}
              onChange={(v) => set(i, { ...claim, text: { ...claim.text, [language]: v } })}
              rows={2}
            />
            <div className="field">
              <label htmlFor={`brief-${name}-${i}-codes`}>{t('admin.brief.claimCodes')}</label>
              <input
                id={`brief-${name}-${i}-codes`}
                type="text"
                dir="ltr"
                placeholder="R-0042, R-0043"
                value={claim.codes}
                onChange={(e) => set(i, { ...claim, codes: e.target.value })}
              />
            </div>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => onChange(claims.filter((_, j) => j !== i))}
            >
              {t('admin.brief.remove')}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button-secondary button-small"
        data-testid={`brief-${name}-add`}
        onClick={() => onChange([...claims, { text: {}, codes: '' }])}
      >
        {t('admin.brief.addClaim')} ({title})
      </button>
    </fieldset>
  );
}

/**
 * The editorial parts of a theme's brief: summary, key barriers and recommendations (each citing
 * report codes), closing note, in the language chosen in the switcher, and the featured quotes.
 */
export function BriefEditor({
  theme,
  compilation,
  quoteRequest,
}: {
  theme: string;
  compilation: TCompilation;
  quoteRequest: QuoteRequest | null;
}) {
  const { t, has, language: uiLanguage } = useAdminTranslation();
  const labels = useLabels();
  const [view, reload] = useResource(`brief:${theme}`, (signal) => getBriefEditorial(theme, signal));
  const [draft, setDraft] = useState<DraftEditorial | null>(null);
  const [language, setLanguage] = useState<TLanguage>(uiLanguage);
  const [unknown, setUnknown] = useState<string[]>([]);
  const save = useAction((body: TBriefEditorial) => putBriefEditorial(theme, body));
  const [announce, liveRegion] = useAnnouncer();

  const idOfCode = useMemo(() => {
    const map = new Map<string, string>();
    for (const region of compilation.regions)
      for (const country of region.countries)
        for (const report of country.reports) if (report.code) map.set(report.code, report.reportId);
    return map;
  }, [compilation]);

  useEffect(() => {
    if (view.state === 'ok' && draft === null) setDraft(draftOf(view.data));
  }, [view, draft]);

  useEffect(() => {
    if (!quoteRequest) return;
    setDraft((d) =>
      d === null
        ? d
        : { ...d, quotes: [...d.quotes, { code: quoteRequest.code, field: quoteRequest.field, excerpt: '' }] },
    );
    announce(t('admin.brief.featured'));
    // Each request once, by its nonce.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [quoteRequest?.nonce]);

  if (view.state === 'loading' || (view.state === 'ok' && draft === null))
    return <p className="status">{t('admin.loading')}</p>;
  if (view.state === 'failed') return <ErrorNotice error={view.error} onRetry={reload} />;
  if (draft === null) return null;

  const submit = async () => {
    const { editorial, unknown: bad } = editorialOf(draft, idOfCode);
    setUnknown(bad);
    if (bad.length > 0) return;
    const saved = await save.run(editorial);
    if (saved) {
      setDraft(draftOf(saved));
      announce(t('admin.brief.saved'));
    }
  };
  const fieldName = (field: 'barriers' | 'recommendations') => t(`admin.report.${field}`);
  // The server names the report by its code in its (English) message; the reason is said here.
  const refusedText = (code: string, message: string) => {
    const key = `admin.brief.reasons.${code}` as const;
    const cited = /R-\d{4,}/.exec(message)?.[0];
    if (!has(key)) return t('admin.brief.refused', { message });
    return t('admin.brief.refusedReason', { code: cited ?? '—', reason: t(key as AdminKey) });
  };

  return (
    <section aria-labelledby="brief-editor-title" className="panel brief-editor" data-testid="brief-editor">
      {liveRegion}
      <h3 id="brief-editor-title">{t('admin.brief.editorTitle')}</h3>
      <p className="hint">{t('admin.brief.editorHint')}</p>
      <div className="field">
        <label htmlFor="brief-language">{t('admin.brief.editLanguage')}</label>
        <select
          id="brief-language"
          value={language}
          data-testid="brief-language"
          onChange={(e) => setLanguage(e.target.value as TLanguage)}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {labels.language(l)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="brief-summary"
        label={`${t('admin.brief.summary')} (${labels.language(language)})`}
        value={draft.summary[language] ?? ''}
        language={language}
        onChange={(v) => setDraft({ ...draft, summary: { ...draft.summary, [language]: v } })}
        rows={5}
      />
      <Claims
        name="key-barriers"
        title={t('admin.brief.keyBarriers')}
        claims={draft.keyBarriers}
        language={language}
        onChange={(keyBarriers) => setDraft({ ...draft, keyBarriers })}
      />
      <Claims
        name="key-recommendations"
        title={t('admin.brief.keyRecommendations')}
        claims={draft.keyRecommendations}
        language={language}
        onChange={(keyRecommendations) => setDraft({ ...draft, keyRecommendations })}
      />
      <fieldset className="brief-quotes" data-testid="brief-quotes">
        <legend>{t('admin.brief.quotes')}</legend>
        {draft.quotes.length === 0 && <p>{t('admin.brief.quotesEmpty')}</p>}
        <ol>
          {draft.quotes.map((quote, i) => (
            <li key={i} data-testid="brief-quote" data-code={quote.code}>
              <p>
                <strong>{t('admin.brief.quoteOf', { code: quote.code, field: fieldName(quote.field) })}</strong>
              </p>
              <div className="field">
                <label htmlFor={`brief-quote-${i}-excerpt`}>{t('admin.brief.excerpt')}</label>
                <textarea
                  id={`brief-quote-${i}-excerpt`}
                  dir="auto"
                  rows={2}
                  maxLength={2000}
                  value={quote.excerpt}
                  onChange={(e) =>
                    setDraft({
                      ...draft,
                      quotes: draft.quotes.map((q, j) => (j === i ? { ...q, excerpt: e.target.value } : q)),
                    })
                  }
                />
              </div>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => setDraft({ ...draft, quotes: draft.quotes.filter((_, j) => j !== i) })}
              >
                {t('admin.brief.remove')}
              </button>
            </li>
          ))}
        </ol>
      </fieldset>
      <TextField
        id="brief-closing"
        label={`${t('admin.brief.closingNote')} (${labels.language(language)})`}
        value={draft.closingNote[language] ?? ''}
        language={language}
        onChange={(v) => setDraft({ ...draft, closingNote: { ...draft.closingNote, [language]: v } })}
      />
      {unknown.length > 0 && (
        <p role="alert" className="notice notice-error" data-testid="brief-unknown-codes">
          {t('admin.brief.unknownCodes', { codes: unknown.join(', ') })}
        </p>
      )}
      {save.error &&
        (save.error.status === 422 && save.error.fields ? (
          <div role="alert" className="notice notice-error" data-testid="brief-refused">
            <ul>
              {Object.entries(save.error.fields).map(([path, f]) => (
                <li key={path}>{refusedText(f.code, f.message)}</li>
              ))}
            </ul>
          </div>
        ) : (
          <ErrorNotice error={save.error} />
        ))}
      <div className="button-row">
        <button type="button" className="button" disabled={save.busy} data-testid="brief-save" onClick={submit}>
          {save.busy ? t('admin.saving') : t('admin.brief.save')}
        </button>
      </div>
    </section>
  );
}
