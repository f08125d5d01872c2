import { pickLocalized, type TAdminTheme, type TLanguage, type TLocalizedText } from '@convene/shared';
import { useMemo } from 'react';
import type { TranslationKey } from '../../common/i18n/translate';
import { useAdminTranslation } from '../i18n/admin-translation';
import { useThemes } from './themes';

const displayNames = new Map<string, Intl.DisplayNames | null>();

function names(locale: string, type: 'region' | 'language'): Intl.DisplayNames | null {
  const key = `${locale}|${type}`;
  if (!displayNames.has(key)) {
    try {
      displayNames.set(key, new Intl.DisplayNames([locale], { type }));
    } catch {
      displayNames.set(key, null);
    }
  }
  return displayNames.get(key) ?? null;
}

export type Labels = {
  region: (region: string) => string;
  country: (code: string) => string;
  language: (language: string) => string;
  theme: (slug: string) => string;
  themeList: TAdminTheme[];
  subtopic: (slug: string) => string;
  group: (group: string) => string;
  status: (status: string) => string;
  consent: (consent: string) => string;
  localized: (text: TLocalizedText) => string;
  /** "a, b, c" the way the reader's language separates items ("a، b، c" in Arabic). */
  list: (items: string[]) => string;
};

const listFormats = new Map<string, { format: (items: string[]) => string }>();

function listFormat(locale: string): (items: string[]) => string {
  let format = listFormats.get(locale);
  if (!format) {
    try {
      format = new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' });
    } catch {
      format = { format: (items) => items.join(', ') };
    }
    listFormats.set(locale, format);
  }
  return (items) => format.format(items);
}

/** Names of the things reports and webinars refer to by code, in the reader's language. */
export function useLabels(): Labels {
  const { t, language } = useAdminTranslation();
  const themes = useThemes();
  return useMemo(() => {
    const themeList = themes.state === 'ok' ? themes.data : [];
    const bySlug = new Map(themeList.map((theme) => [theme.slug, theme]));
    // Sub-topic names as admins keep them; a slug removed since (older reports keep it) falls
    // back to the seed catalog, then to the slug itself.
    const subtopicNames = new Map(themeList.flatMap((theme) => theme.subtopics.map((s) => [s.slug, s.name] as const)));
    // Codes from the server are looked up as catalog keys; an unknown one shows as it is.
    const known = (key: string, fallback: string) => {
      const text = t(key as TranslationKey);
      return text === key ? fallback : text;
    };
    return {
      region: (region) => known(`report.regions.${region}`, region),
      country: (code) => names(language, 'region')?.of(code) ?? code,
      language: (l) => names(language, 'language')?.of(l) ?? l,
      theme: (slug) => {
        const theme = bySlug.get(slug);
        return theme ? pickLocalized(theme.name, language as TLanguage) : slug;
      },
      themeList,
      subtopic: (slug) => {
        const name = subtopicNames.get(slug);
        return name ? pickLocalized(name, language as TLanguage) : known(`report.subtopics.${slug}`, slug);
      },
      group: (group) => known(`report.groups.${group}`, group),
      status: (status) => known(`admin.status.${status}`, status),
      consent: (consent) => known(`admin.consent.${consent}`, consent),
      localized: (text) => pickLocalized(text, language),
      list: listFormat(language),
    };
  }, [t, language, themes]);
}
