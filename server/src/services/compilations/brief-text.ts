import {
  briefCatalogs,
  catalogs,
  RTL_LANGUAGES,
  type BriefCatalog,
  type TAffectedGroup,
  type TCompiledReport,
  type TLanguage,
} from '@convene/shared';

type PluralKey = { [K in keyof BriefCatalog]: BriefCatalog[K] extends string ? never : K }[keyof BriefCatalog];
type TextKey = Exclude<keyof BriefCatalog, PluralKey>;

export type TTextField = 'barriers' | 'recommendations' | 'source';

/** A report text as a brief in some language gives it: which text, in which language, labelled how. */
export type TChosenText = {
  text: string;
  /** The language the text is written in. */
  language: TLanguage;
  /** How the text came to be in the brief's language ("machine translation from Spanish …"), or null (written in it). */
  note: string | null;
};

function displayNames(locale: string, type: 'region' | 'language'): Intl.DisplayNames {
  return new Intl.DisplayNames([locale], { type, fallback: 'code' });
}

function nameOf(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    // A malformed code (a snapshot's countries are plain strings) is shown as it is.
    return code;
  }
}

/**
 * The words, names, numbers and dates of a brief in one language. Numbers keep Latin digits in
 * every language, as report codes (R-0042) and country codes do, so a figure reads the same in
 * the text and in the references.
 */
export class BriefText {
  readonly rtl: boolean;
  private readonly catalog: BriefCatalog;
  private readonly plurals: Intl.PluralRules;
  private readonly countries: Intl.DisplayNames;
  private readonly languages: Intl.DisplayNames;
  private readonly dates: Intl.DateTimeFormat;
  private readonly instants: Intl.DateTimeFormat;
  private readonly numbers: Intl.NumberFormat;

  constructor(readonly language: TLanguage) {
    this.rtl = RTL_LANGUAGES.includes(language);
    this.catalog = briefCatalogs[language];
    const locale = `${language}-u-nu-latn`;
    this.plurals = new Intl.PluralRules(language);
    this.countries = displayNames(language, 'region');
    this.languages = displayNames(language, 'language');
    this.dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    this.instants = new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'UTC',
      hour12: false,
    });
    this.numbers = new Intl.NumberFormat(locale);
  }

  /** A catalog text with its {{placeholders}} filled. */
  t(key: TextKey, vars: Record<string, string | number> = {}): string {
    return fill(this.catalog[key], vars, this.numbers);
  }

  /** A field's label with its separator, as the language writes it ("Reports:", "Rapports :"). */
  label(key: TextKey): string {
    return this.t('fieldLabel', { label: this.t(key) });
  }

  /** A catalog text chosen by the plural rules of the language for `count`. */
  plural(key: PluralKey, count: number, vars: Record<string, string | number> = {}): string {
    const forms = this.catalog[key];
    const form = count === 0 ? 'zero' : this.plurals.select(count);
    return fill(forms[form as keyof typeof forms] ?? forms.other, { count, ...vars }, this.numbers);
  }

  number(n: number): string {
    return this.numbers.format(n);
  }

  /** "1 March 2027" (UTC). */
  date(instant: string): string {
    return this.dates.format(new Date(instant));
  }

  /** "1 March 2027, 14:05 UTC": coordinators sit in every time zone, so briefs speak UTC. */
  instant(instant: string): string {
    return `${this.instants.format(new Date(instant))} UTC`;
  }

  region(region: string): string {
    const regions: Record<string, string> = catalogs[this.language].report.regions;
    return regions[region] ?? region;
  }

  group(group: TAffectedGroup | string): string {
    const groups: Record<string, string> = catalogs[this.language].report.groups;
    return groups[group] ?? group;
  }

  /** A country's name in the brief's language, or the code when unknown. */
  country(code: string): string {
    return nameOf(this.countries, code);
  }

  /** "Kenya (KE)": the name for readers, the code so nobody has to guess which country. */
  countryLabel(code: string): string {
    const name = this.country(code);
    return name === code ? code : `${name} (${code})`;
  }

  languageName(language: string): string {
    return nameOf(this.languages, language);
  }

  field(field: TTextField): string {
    return this.t(field);
  }

  /**
   * A report text in the brief's language: a human or verified translation, else a machine one
   * labelled as machine (with its provider and pivot), else the original labelled with its language.
   */
  choose(report: TCompiledReport, field: TTextField): TChosenText {
    const original = report[field];
    if (report.language === this.language) return { text: original, language: report.language, note: null };
    const from = this.languageName(report.language);
    const translation = report.translations?.[field]?.[this.language];
    if (translation && translation.text.trim() !== '') {
      if (translation.verified || translation.origin === 'human') {
        const key = translation.verified ? 'verifiedTranslation' : 'humanTranslation';
        return { text: translation.text, language: this.language, note: this.t(key, { language: from }) };
      }
      const provider = translation.provider ?? '?';
      const note =
        translation.pivot === null
          ? this.t('machineTranslation', { language: from, provider })
          : this.t('machinePivot', { language: from, provider, pivot: this.languageName(translation.pivot) });
      return { text: translation.text, language: this.language, note };
    }
    return { text: original, language: report.language, note: this.t('originalIn', { language: from }) };
  }

  /** An editorial text in the brief's language, else in English, else the first it has (labelled). */
  localized(text: Partial<Record<TLanguage, string>>): TChosenText | null {
    const own = text[this.language];
    if (own !== undefined && own.trim() !== '') return { text: own, language: this.language, note: null };
    const fallback = (['en', 'fr', 'es', 'ar'] as const).find((l) => (text[l] ?? '').trim() !== '');
    if (fallback === undefined) return null;
    return {
      text: text[fallback]!,
      language: fallback,
      note: this.t('writtenIn', { language: this.languageName(fallback) }),
    };
  }
}

function fill(template: string, vars: Record<string, string | number>, numbers: Intl.NumberFormat): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

/** Whether a language is written right to left. */
export function isRtl(language: TLanguage): boolean {
  return RTL_LANGUAGES.includes(language);
}
