import type { TLanguage } from '@convene/shared';
import {
  fetchWithin,
  isPermanentStatus,
  TranslationError,
  type TranslationPair,
  type TranslationProvider,
  type TranslationResult,
} from './provider.js';

export type LibreTranslateOptions = { url: string; apiKey?: string; timeoutMs?: number };

type LtLanguage = { code: string; targets?: string[] };

const OURS: readonly TLanguage[] = ['en', 'fr', 'es', 'ar'];
const isOurs = (code: string): code is TLanguage => (OURS as readonly string[]).includes(code);

/**
 * A LibreTranslate-compatible HTTP service (POST /translate, GET /languages), for deployments
 * that run one — Arabic needs it, Apertium has no Arabic pair. Report text is sent to its host,
 * which the workspace names: an operator who configures one has chosen to let text go there.
 */
export function libreTranslateProvider(options: LibreTranslateOptions): TranslationProvider {
  const base = options.url.replace(/\/+$/, '');
  const url = new URL(base);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const withKey = (body: Record<string, string>) => (options.apiKey ? { ...body, api_key: options.apiKey } : body);

  return {
    name: 'libretranslate',
    sendsTextOutside: true,
    host: url.host,
    async pairs(): Promise<TranslationPair[]> {
      const res = await fetchWithin(`${base}/languages`, {}, timeoutMs);
      if (!res.ok) throw new TranslationError(`libretranslate languages answered ${res.status}`, false);
      const languages = (await res.json()) as LtLanguage[];
      const pairs: TranslationPair[] = [];
      for (const l of languages) {
        if (!isOurs(l.code)) continue;
        for (const target of l.targets ?? []) {
          // LibreTranslate may pivot inside (through English); it does not say, so neither can we.
          if (isOurs(target) && target !== l.code) pairs.push({ from: l.code, to: target, pivot: null });
        }
      }
      return pairs;
    },
    async translate(text: string, from: TLanguage, to: TLanguage): Promise<TranslationResult> {
      const res = await fetchWithin(
        `${base}/translate`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(withKey({ q: text, source: from, target: to, format: 'text' })),
        },
        timeoutMs,
      );
      const answer = (await res.json().catch(() => ({}))) as { translatedText?: unknown };
      // Not the service's error text: logs carry our own words only, never anything echoing the text.
      if (!res.ok) throw new TranslationError(`libretranslate answered ${res.status}`, isPermanentStatus(res.status));
      if (typeof answer.translatedText !== 'string') {
        throw new TranslationError('libretranslate sent no translation', false);
      }
      return { text: answer.translatedText.trim(), pivot: null };
    },
  };
}
