import type { TCompilation, TCompiledClaim, TCompiledReport, TLanguage } from '@convene/shared';
import { compiledReports, regionCounts } from './compilation-labels.js';
import { BriefText, type TChosenText, type TTextField } from './brief-text.js';

/**
 * A brief in one language as blocks that the Markdown and Word renderers both write: the words
 * are chosen once, here, so the two files say the same thing.
 */
export type TBriefBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; language: TLanguage; note?: string | null }
  /** `label` carries its separator ("Reports:", "Rapports :"), as each language writes it. */
  | { kind: 'field'; label: string; value: string; language?: TLanguage }
  | { kind: 'quote'; label: string; note: string | null; text: string; language: TLanguage }
  | { kind: 'bullets'; items: TBriefBullet[] }
  | { kind: 'table'; header: string[]; rows: string[][]; total?: string[] };

export type TBriefBullet = { text: string; language: TLanguage; note?: string | null; after?: string };

export type TBriefModel = {
  language: TLanguage;
  rtl: boolean;
  /** The document's title (its metadata, Markdown's first heading). */
  title: string;
  cover: { coalition: string; theme: string; number: string; date: string };
  blocks: TBriefBlock[];
  /** The headings a table of contents lists (levels 1 and 2), and its title. */
  contents: Array<{ level: 1 | 2; text: string }>;
  contentsTitle: string;
  /** "Page" and "of" around the page numbers in a footer. */
  pageWords: { page: string; of: string };
};

/** The theme's name in the brief's language, else English, else the first it has, else its slug. */
export function themeName(c: TCompilation, language: TLanguage): string {
  const first = Object.keys(c.themeName).sort()[0];
  return (
    c.themeName[language] ?? c.themeName.en ?? (first === undefined ? undefined : c.themeName[first]) ?? c.themeSlug
  );
}

/**
 * Who froze it, as a brief may name them: a compilation frozen before display names holds the
 * coordinator's email address, which a brief in a language never shows ("a coordinator").
 */
function frozenByName(c: TCompilation): string | null {
  if (c.frozenBy === null || c.frozenBy.trim() === '' || c.frozenBy.includes('@')) return null;
  return c.frozenBy;
}

function claimBullets(claims: TCompiledClaim[], t: BriefText): TBriefBullet[] {
  return claims.flatMap((claim) => {
    const chosen = t.localized(claim.text);
    if (!chosen) return [];
    const after = claim.codes.length === 0 ? undefined : t.t('basedOn', { codes: claim.codes.join(', ') });
    return [{ text: chosen.text, language: chosen.language, note: chosen.note, after }];
  });
}

function paragraphOf(chosen: TChosenText): TBriefBlock {
  return { kind: 'paragraph', text: chosen.text, language: chosen.language, note: chosen.note };
}

function reportBlocks(report: TCompiledReport, code: string, t: BriefText): TBriefBlock[] {
  const blocks: TBriefBlock[] = [
    { kind: 'heading', level: 3, text: t.t('reportHeading', { code, date: t.date(report.receivedAt) }) },
  ];
  if (report.withdrawn) {
    blocks.push({ kind: 'paragraph', text: t.t('withdrawnReport'), language: t.language });
    return blocks;
  }
  for (const field of ['barriers', 'recommendations', 'source'] as const satisfies readonly TTextField[]) {
    // An empty text is left out: "Source: none given" under every report says nothing.
    if (report[field].trim() === '') continue;
    const chosen = t.choose(report, field);
    blocks.push({
      kind: 'quote',
      label: t.field(field),
      note: chosen.note,
      text: chosen.text,
      language: chosen.language,
    });
  }
  if (report.affectedGroups.length > 0) {
    blocks.push({
      kind: 'field',
      label: t.label('affectedGroups'),
      value: report.affectedGroups.map((g) => t.group(g)).join(', '),
    });
  }
  if (report.countries.length > 1) {
    blocks.push({
      kind: 'field',
      label: t.label('countries'),
      value: report.countries.map((c) => t.countryLabel(c)).join(', '),
    });
  }
  if (report.corridor !== null) {
    const value = `${t.countryLabel(report.corridor.origin)} → ${t.countryLabel(report.corridor.destination)}`;
    blocks.push({ kind: 'field', label: t.label('corridor'), value });
  }
  blocks.push({
    kind: 'field',
    label: t.label('attribution'),
    value: report.attribution === null ? t.t('anonymous') : t.t('submittedBy', { organization: report.attribution }),
  });
  if (report.mergedCodes && report.mergedCodes.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: t.t('mergedCodes', { codes: report.mergedCodes.join(', ') }),
      language: t.language,
    });
  }
  return blocks;
}

/**
 * Builds the brief in `language`: cover, summary with the editorial parts and the figures, the
 * reports by region and country (each text in the brief's language where a translation allows,
 * labelled), the closing note and the references. A report without a code (a compilation frozen
 * before codes) is cited by its place in the brief, "#3".
 */
export function briefModel(c: TCompilation, language: TLanguage): TBriefModel {
  const t = new BriefText(language);
  const codes = new Map<string, string>();
  for (const report of compiledReports(c)) codes.set(report.reportId, report.code ?? `#${codes.size + 1}`);
  const byCode = new Map([...compiledReports(c)].map((r) => [codes.get(r.reportId)!, r]));
  const theme = themeName(c, language);
  const frozen = c.number !== null && c.frozenAt !== null;
  const number = frozen ? t.t('briefNumber', { number: c.number! }) : t.t('liveDraft');
  const date = frozen
    ? t.t('frozen', { date: t.instant(c.frozenAt!), by: frozenByName(c) ?? t.t('aCoordinator') })
    : t.t('compiled', { date: t.instant(c.compiledAt) });
  const blocks: TBriefBlock[] = [];
  const h1 = (text: string) => blocks.push({ kind: 'heading', level: 1, text });

  const editorial = c.editorial;
  h1(t.t('summary'));
  const summary = editorial ? t.localized(editorial.summary) : null;
  if (summary) blocks.push(paragraphOf(summary));
  blocks.push({ kind: 'heading', level: 2, text: t.t('figures') });
  const languages = c.languages.map((l) => t.languageName(l)).join(', ');
  blocks.push(
    { kind: 'field', label: t.label('reports'), value: t.number(c.counts.total) },
    {
      kind: 'field',
      label: t.label('languages'),
      value: languages === '' ? t.t('none') : languages,
    },
    { kind: 'paragraph', text: t.plural('withheld', c.counts.withheld), language },
    {
      kind: 'table',
      header: [t.t('region'), t.t('reports')],
      rows: regionCounts(c).map(({ region, count }) => [t.region(region), t.number(count)]),
      total: [t.t('total'), t.number(c.counts.total)],
    },
  );
  const keyBarriers = editorial ? claimBullets(editorial.keyBarriers, t) : [];
  if (keyBarriers.length > 0) {
    h1(t.t('keyBarriers'));
    blocks.push({ kind: 'bullets', items: keyBarriers });
  }
  const keyRecommendations = editorial ? claimBullets(editorial.keyRecommendations, t) : [];
  if (keyRecommendations.length > 0) {
    h1(t.t('keyRecommendations'));
    blocks.push({ kind: 'bullets', items: keyRecommendations });
  }
  if (editorial && editorial.quotes.length > 0) {
    h1(t.t('quotes'));
    for (const quote of editorial.quotes) {
      const report = byCode.get(quote.code);
      // A whole field reads in the brief's language where a translation allows; a passage is the coordinator's choice, as written.
      const chosen: TChosenText =
        report && !quote.excerpt
          ? t.choose(report, quote.field)
          : {
              text: quote.text,
              language: quote.language,
              note:
                quote.language === language ? null : t.t('originalIn', { language: t.languageName(quote.language) }),
            };
      const field = quote.excerpt ? `${t.field(quote.field)}, ${t.t('excerpt')}` : t.field(quote.field);
      blocks.push({
        kind: 'quote',
        label: t.t('quoteFrom', { code: quote.code, field }),
        note: chosen.note,
        text: chosen.text,
        language: chosen.language,
      });
    }
  }

  if (c.regions.length === 0) blocks.push({ kind: 'paragraph', text: t.t('noReports'), language });
  for (const region of c.regions) {
    h1(`${t.region(region.region)} (${t.plural('reportCount', region.count)})`);
    for (const country of region.countries) {
      blocks.push({ kind: 'heading', level: 2, text: t.countryLabel(country.country) });
      for (const report of country.reports) blocks.push(...reportBlocks(report, codes.get(report.reportId)!, t));
      const refs = (country.seeAlso ?? []).map((ref) => ({
        text: t.t('seeAlso', {
          code: ref.code ?? codes.get(ref.reportId) ?? '?',
          country: t.countryLabel(ref.country),
        }),
        language,
      }));
      if (refs.length > 0) blocks.push({ kind: 'bullets', items: refs });
    }
  }

  const closing = editorial ? t.localized(editorial.closingNote) : null;
  if (closing) {
    h1(t.t('closingNote'));
    blocks.push(paragraphOf(closing));
  }
  if (codes.size > 0) {
    h1(t.t('references'));
    blocks.push({
      kind: 'table',
      header: [t.t('code'), t.t('region'), t.t('country'), t.t('language')],
      rows: [...compiledReports(c)].map((r) => [
        [codes.get(r.reportId)!, ...(r.mergedCodes ?? [])].join(', '),
        t.region(r.region),
        r.countries.map((code) => t.countryLabel(code)).join(', '),
        t.languageName(r.language),
      ]),
    });
  }

  const contents = blocks.flatMap((b) =>
    b.kind === 'heading' && b.level < 3 ? [{ level: b.level as 1 | 2, text: b.text }] : [],
  );
  return {
    language,
    rtl: t.rtl,
    title: `${theme} — ${number}`,
    cover: { coalition: c.coalition ?? 'Convene', theme, number, date },
    blocks,
    contents,
    contentsTitle: t.t('contents'),
    pageWords: { page: t.t('page'), of: t.t('pageOf') },
  };
}
