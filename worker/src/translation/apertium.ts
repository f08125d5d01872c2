import type { TLanguage } from '@convene/shared';
import {
  fetchWithin,
  isPermanentStatus,
  TranslationError,
  type TranslationPair,
  type TranslationProvider,
  type TranslationResult,
} from './provider.js';

/* apertium-apy names languages in ISO 639-3. */
const TO_APERTIUM: Record<TLanguage, string> = { en: 'eng', fr: 'fra', es: 'spa', ar: 'ara' };
const FROM_APERTIUM: Record<string, TLanguage> = {
  eng: 'en',
  fra: 'fr',
  spa: 'es',
  ara: 'ar',
  en: 'en',
  fr: 'fr',
  es: 'es',
  ar: 'ar',
};

type ApyPairs = { responseData?: { sourceLanguage: string; targetLanguage: string }[] };
type ApyTranslation = { responseData?: { translatedText?: string } };

export type ApertiumOptions = { url: string; timeoutMs?: number };

/**
 * Apertium through apertium-apy, run inside the deployment: text stays home. Debian's pairs are
 * English↔Spanish and French↔Spanish; English↔French goes through Spanish (two passes), and the
 * result says so (pivot 'es'), because a pivoted translation loses more than a direct one.
 */
export function apertiumProvider(options: ApertiumOptions): TranslationProvider {
  const base = options.url.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 60_000;
  let cached: { at: number; direct: Set<string> } | null = null;

  const directPairs = async (): Promise<Set<string>> => {
    // The installed pairs change only when the operator installs a package: a minute is fresh enough.
    if (cached && Date.now() - cached.at < 60_000) return cached.direct;
    const res = await fetchWithin(`${base}/listPairs`, {}, timeoutMs);
    if (!res.ok) throw new TranslationError(`apertium listPairs answered ${res.status}`, false);
    const body = (await res.json()) as ApyPairs;
    const direct = new Set<string>();
    for (const p of body.responseData ?? []) {
      const from = FROM_APERTIUM[p.sourceLanguage];
      const to = FROM_APERTIUM[p.targetLanguage];
      if (from && to && from !== to) direct.add(`${from}>${to}`);
    }
    cached = { at: Date.now(), direct };
    return direct;
  };

  const route = async (from: TLanguage, to: TLanguage): Promise<TLanguage[] | null> => {
    const direct = await directPairs();
    if (direct.has(`${from}>${to}`)) return [from, to];
    for (const pivot of ['es', 'en', 'fr'] as TLanguage[]) {
      if (pivot !== from && pivot !== to && direct.has(`${from}>${pivot}`) && direct.has(`${pivot}>${to}`)) {
        return [from, pivot, to];
      }
    }
    return null;
  };

  const pass = async (text: string, from: TLanguage, to: TLanguage): Promise<string> => {
    const body = new URLSearchParams({
      q: text,
      langpair: `${TO_APERTIUM[from]}|${TO_APERTIUM[to]}`,
      // Unknown words come through as they are, not starred: reviewers read the result as prose.
      markUnknown: 'no',
    });
    const res = await fetchWithin(`${base}/translate`, { method: 'POST', body }, timeoutMs);
    const answer = (await res.json().catch(() => ({}))) as ApyTranslation;
    if (!res.ok) {
      // Not the provider's explanation: logs carry our own words only, never anything echoing the text.
      throw new TranslationError(`apertium answered ${res.status}`, isPermanentStatus(res.status));
    }
    const translated = answer.responseData?.translatedText;
    if (typeof translated !== 'string') throw new TranslationError('apertium sent no translation', false);
    return translated;
  };

  return {
    name: 'apertium',
    sendsTextOutside: false,
    host: new URL(base).host,
    async pairs() {
      const pairs: TranslationPair[] = [];
      for (const from of Object.keys(TO_APERTIUM) as TLanguage[]) {
        for (const to of Object.keys(TO_APERTIUM) as TLanguage[]) {
          if (from === to) continue;
          const steps = await route(from, to);
          if (steps) pairs.push({ from, to, pivot: steps.length === 3 ? steps[1]! : null });
        }
      }
      return pairs;
    },
    async translate(text: string, from: TLanguage, to: TLanguage): Promise<TranslationResult> {
      const steps = await route(from, to);
      if (!steps) throw new TranslationError(`apertium has no ${from}→${to} pair`, true);
      let current = text;
      for (let i = 0; i + 1 < steps.length; i += 1) current = await pass(current, steps[i]!, steps[i + 1]!);
      return { text: current.trim(), pivot: steps.length === 3 ? steps[1]! : null };
    },
  };
}
