import type { TCompilation, TCompiledReport } from '@convene/shared';

/** A report as a compilation holds it; tests override what they are about. */
export function compiledReport(overrides: Partial<TCompiledReport> = {}): TCompiledReport {
  return {
    reportId: '00000000-0000-4000-8000-000000000001',
    language: 'en',
    region: 'africa',
    countries: ['KE'],
    corridor: null,
    barriers: 'Police ask for papers at every checkpoint.',
    recommendations: 'Stop document checks at clinics.',
    affectedGroups: ['workers'],
    source: 'Field interviews, 2026',
    attribution: null,
    receivedAt: '2027-02-01T10:00:00Z',
    ...overrides,
  };
}

export const arabicReport = compiledReport({
  reportId: '00000000-0000-4000-8000-0000000000a1',
  language: 'ar',
  countries: ['KE'],
  corridor: { origin: 'KE', destination: 'SA' },
  barriers: 'يُحتجز العمال المنزليون دون أجر.\nتُصادَر جوازات سفرهم عند الوصول.',
  recommendations: 'إلغاء نظام الكفالة.',
  affectedGroups: ['domestic_workers', 'women'],
  source: 'شهادات من العاملات',
  attribution: null,
  receivedAt: '2027-02-03T08:30:00Z',
});

export const attributedReport = compiledReport({
  reportId: '00000000-0000-4000-8000-0000000000b2',
  language: 'en',
  countries: ['KE', 'UG'],
  barriers: 'Border officials demand bribes.\n\nChildren are turned back.',
  recommendations: '',
  affectedGroups: [],
  source: '',
  attribution: 'Migrant Rights Network',
  receivedAt: '2027-02-04T12:00:00Z',
});

export const frenchReport = compiledReport({
  reportId: '00000000-0000-4000-8000-0000000000c3',
  language: 'fr',
  countries: ['NG'],
  barriers: 'Les centres de rétention sont surpeuplés.',
  recommendations: 'Des alternatives à la détention.',
  affectedGroups: ['refugees'],
  attribution: 'Réseau Migrations',
  receivedAt: '2027-02-05T16:45:00Z',
});

export const spanishReport = compiledReport({
  reportId: '00000000-0000-4000-8000-0000000000d4',
  language: 'es',
  region: 'europe',
  countries: ['ES', 'FR'],
  corridor: { origin: 'MA', destination: 'ES' },
  barriers: 'Devoluciones en caliente en la frontera.',
  recommendations: 'Acceso a asilo en la frontera.',
  affectedGroups: ['unaccompanied_minors'],
  source: 'Informe anual',
  attribution: null,
  receivedAt: '2027-02-06T09:15:00Z',
});

/**
 * A frozen compilation across two regions and six countries, in four languages; two reports
 * name two countries and are cross-referenced under their second.
 */
export function compilationFixture(overrides: Partial<TCompilation> = {}): TCompilation {
  return {
    themeSlug: 'access-to-justice',
    themeName: { en: 'Access to justice', fr: 'Accès à la justice', ar: 'الوصول إلى العدالة' },
    number: 3,
    frozenAt: '2027-03-01T14:05:09Z',
    frozenBy: 'coordinator@example.org',
    compiledAt: '2027-03-01T14:00:00Z',
    counts: {
      total: 4,
      byRegion: { africa: 3, europe: 1 },
      // The reports about two countries count under both.
      byCountry: { KE: 2, NG: 1, UG: 1, ES: 1, FR: 1 },
      withheld: 2,
    },
    languages: ['ar', 'en', 'es', 'fr'],
    regions: [
      {
        region: 'africa',
        count: 3,
        countries: [
          { country: 'KE', reports: [arabicReport, attributedReport] },
          { country: 'NG', reports: [frenchReport] },
          { country: 'UG', reports: [], seeAlso: [{ reportId: attributedReport.reportId, country: 'KE' }] },
        ],
      },
      {
        region: 'europe',
        count: 1,
        countries: [
          { country: 'ES', reports: [spanishReport] },
          { country: 'FR', reports: [], seeAlso: [{ reportId: spanishReport.reportId, country: 'ES' }] },
        ],
      },
    ],
    ...overrides,
  };
}

/** One report in one country, for tests about what a report's texts may contain. */
export function compilationOf(report: TCompiledReport): TCompilation {
  return compilationFixture({
    counts: {
      total: 1,
      byRegion: { [report.region]: 1 },
      byCountry: { [report.countries[0] ?? 'KE']: 1 },
      withheld: 0,
    },
    languages: [report.language],
    regions: [
      {
        region: report.region,
        count: 1,
        countries: [{ country: report.countries[0] ?? 'KE', reports: [report] }],
      },
    ],
  });
}

/**
 * A compilation as briefs in four languages have it: codes, translations (a verified human
 * one, a machine one through a pivot), a merged near-duplicate and the editorial parts.
 */
export function briefFixture(overrides: Partial<TCompilation> = {}): TCompilation {
  const spanish: TCompiledReport = {
    ...spanishReport,
    code: 'R-0004',
    translations: {
      barriers: {
        en: { text: 'Pushbacks at the border.', origin: 'human', verified: true, provider: null, pivot: null },
        fr: {
          text: 'Refoulements à la frontière.',
          origin: 'machine',
          verified: false,
          provider: 'apertium',
          pivot: 'en',
        },
      },
    },
    mergedCodes: ['R-0007'],
  };
  const base = compilationFixture({
    frozenBy: 'Amina Diallo',
    layout: 2,
    coalition: 'Convene',
    regions: [
      {
        region: 'africa',
        count: 3,
        countries: [
          {
            country: 'KE',
            reports: [
              { ...arabicReport, code: 'R-0001' },
              { ...attributedReport, code: 'R-0002' },
            ],
          },
          { country: 'NG', reports: [{ ...frenchReport, code: 'R-0003' }] },
          {
            country: 'UG',
            reports: [],
            seeAlso: [{ reportId: attributedReport.reportId, country: 'KE', code: 'R-0002' }],
          },
        ],
      },
      {
        region: 'europe',
        count: 1,
        countries: [
          { country: 'ES', reports: [spanish] },
          {
            country: 'FR',
            reports: [],
            seeAlso: [{ reportId: spanishReport.reportId, country: 'ES', code: 'R-0004' }],
          },
        ],
      },
    ],
    editorial: {
      summary: { en: 'Detention and pushbacks (2027) - in four regions.', fr: 'Détention et refoulements.' },
      keyBarriers: [{ text: { en: 'Passports are confiscated.' }, codes: ['R-0001', 'R-0004'] }],
      keyRecommendations: [
        { text: { en: 'Abolish the kafala system.', ar: 'إلغاء نظام الكفالة.' }, codes: ['R-0001'] },
      ],
      closingNote: { en: 'With thanks to every network.' },
      quotes: [
        { code: 'R-0004', field: 'barriers', language: 'es', text: spanishReport.barriers, excerpt: false },
        { code: 'R-0003', field: 'barriers', language: 'fr', text: 'surpeuplés', excerpt: true },
      ],
    },
  });
  return { ...base, ...overrides };
}
