import { francAll } from 'franc-min';
import type { TLanguage } from '../schemas/common.js';

/* franc names languages in ISO 639-3; Arabic is Standard Arabic ("arb") in its trigram data. */
const FROM_ISO3: Record<string, TLanguage> = { eng: 'en', fra: 'fr', spa: 'es', arb: 'ar' };

/** Shorter texts are too few trigrams to tell apart related languages (French, Spanish). */
export const LANGUAGE_CHECK_MIN_LENGTH = 40;
/**
 * How close the declared language may score to the best one (franc scores the best 1) and still
 * be taken as what the text is in: Spanish and French share many trigrams, so a report in one
 * quoting a sentence of the other scores both high; only a clear gap is a wrong declaration.
 */
const DECLARED_STILL_PLAUSIBLE = 0.9;

/**
 * The language a report's text reads as, when it is confidently one of the platform's languages
 * other than the declared one; null when it agrees, is too short to tell, or reads as a language
 * the platform has no catalog for (a translator could not start from it anyway).
 */
export function detectOtherLanguage(text: string, declared: TLanguage): TLanguage | null {
  const sample = text.replace(/\s+/g, ' ').trim();
  if (sample.length < LANGUAGE_CHECK_MIN_LENGTH) return null;
  const ranking = francAll(sample, { minLength: LANGUAGE_CHECK_MIN_LENGTH });
  const [best] = ranking;
  if (!best || best[0] === 'und') return null;
  const detected = FROM_ISO3[best[0]];
  if (!detected || detected === declared) return null;
  const declaredScore = ranking.find(([code]) => FROM_ISO3[code] === declared)?.[1] ?? 0;
  return declaredScore < DECLARED_STILL_PLAUSIBLE ? detected : null;
}
