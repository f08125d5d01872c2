import type { TLanguage, TReportTranslations, TTranslatedField, TTranslationProviderInfo } from '@convene/shared';
import { useCallback, useEffect, useRef } from 'react';
import { adminRequest } from '../api/admin-request';
import { useResource } from '../components/use-resource';

type Signal = AbortSignal | undefined;
const base = (id: string) => `/api/admin/reports/${encodeURIComponent(id)}/translations`;

export const getTranslations = (id: string, signal?: Signal) =>
  adminRequest<TReportTranslations>(base(id), (s) => s.ZReportTranslations, { signal });

export const getTranslationProvider = (signal?: Signal) =>
  adminRequest<TTranslationProviderInfo>('/api/admin/translation-provider', (s) => s.ZTranslationProviderInfo, {
    signal,
  });

export const requestMachineTranslation = (id: string, languages: TLanguage[]) =>
  adminRequest<TReportTranslations>(`${base(id)}/machine`, (s) => s.ZReportTranslations, {
    method: 'POST',
    body: { languages },
  });

export type HumanTranslation = { field: TTranslatedField; language: TLanguage; text: string; verified: boolean };

export const saveTranslation = (id: string, input: HumanTranslation) =>
  adminRequest<TReportTranslations>(base(id), (s) => s.ZReportTranslations, { method: 'PUT', body: input });

export const verifyTranslation = (id: string, field: TTranslatedField, language: TLanguage) =>
  adminRequest<TReportTranslations>(`${base(id)}/verify`, (s) => s.ZReportTranslations, {
    method: 'POST',
    body: { field, language, verified: true },
  });

/** How often a page with machine translations still queued looks again, and for how long at most. */
const POLL_MS = 2_000;
const MAX_POLLS = 150;

/**
 * A report's translations and the machine provider, reloaded while the worker still has
 * translations queued (the worker writes them; nothing tells the page, so it asks again).
 */
export function useReportTranslations(reportId: string) {
  const [translations, reload, update] = useResource<TReportTranslations>(reportId, (signal) =>
    getTranslations(reportId, signal),
  );
  const [provider] = useResource<TTranslationProviderInfo>('translation-provider', (signal) =>
    getTranslationProvider(signal),
  );
  const pending = translations.state === 'ok' && translations.data.translations.some((t) => t.status === 'queued');
  // A worker that is down leaves rows queued: stop asking after a while (a new request starts again).
  const polls = useRef(0);
  useEffect(() => {
    if (!pending) {
      polls.current = 0;
      return;
    }
    if (polls.current >= MAX_POLLS) return;
    const timer = window.setTimeout(() => {
      polls.current += 1;
      reload();
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [pending, translations, reload]);
  const replace = useCallback(
    (next: TReportTranslations) => {
      polls.current = 0;
      update(() => next);
    },
    [update],
  );
  return { translations, provider, reload, replace };
}
