import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LANGUAGES, reportCode, type TCompilation, type TLanguage } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { reportBody, truncateActivity } from '../factories.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const run = promisify(execFile);
const THEME = 'human-rights-inclusion';
const FORMATS = ['md', 'docx', 'csv', 'json'] as const;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.]+/;
const DISPLAY_NAME = 'Amina Diallo';

type Reports = { spanish: string; french: string; arabic: string; duplicate: string; excluded: string };

describe.each(databaseKinds())('a brief in the consultation’s language (%s)', (kind) => {
  let stack: TestStack;
  let admin: CoordinatorSession;
  let ids: Reports;
  let codes: Record<keyof Reports, string>;
  let frozenId: string;

  const request = (path: string, init: RequestInit & { json?: unknown } = {}) =>
    stack.request(path, { ...init, headers: { ...admin.headers, ...(init.headers as object) } });

  async function send(overrides: Parameters<typeof reportBody>[0], status: 'included' | 'excluded'): Promise<string> {
    const body = reportBody({ themes: [{ slug: THEME, provenance: 'chosen' }], ...overrides });
    expect((await stack.request('/api/reports', { method: 'POST', json: body })).status).toBe(201);
    const [row] = await stack.db
      .select({ id: tables.reports.id })
      .from(tables.reports)
      .where(sql`${tables.reports.clientSubmissionId} = ${body.clientSubmissionId}`);
    const res = await request(`/api/admin/reports/${row!.id}`, { method: 'PATCH', json: { status } });
    expect(res.status).toBe(200);
    return row!.id;
  }

  async function translate(reportId: string, values: Partial<typeof tables.reportTranslations.$inferInsert>) {
    await stack.db.insert(tables.reportTranslations).values({
      reportId,
      field: 'barriers',
      language: 'en',
      sourceLanguage: 'es',
      status: 'done',
      origin: 'machine',
      text: '',
      translatedAt: new Date('2027-03-01T10:00:00Z'),
      ...values,
    });
  }

  async function exported(path: string): Promise<Buffer> {
    const res = await request(path);
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  }

  beforeAll(async () => {
    stack = await startTestStack({ kind, withWorker: false, env: { REPORT_RATE_LIMIT: '10000' } });
    admin = await signIn(stack);
    await truncateActivity(stack.db);
    await stack.db.update(tables.coordinatorAccounts).set({ displayName: DISPLAY_NAME });
    ids = {
      spanish: await send(
        {
          language: 'es',
          region: 'europe',
          countries: ['ES'],
          corridor: { origin: 'MA', destination: 'ES' },
          barriers: 'Devoluciones en caliente en la frontera de Ceuta.',
          recommendations: 'Acceso al asilo en la frontera.',
        },
        'included',
      ),
      french: await send(
        {
          language: 'fr',
          region: 'africa',
          countries: ['SN'],
          corridor: null,
          barriers: 'Les pêcheurs sont détenus en mer (sans avocat) - depuis 2025.',
          recommendations: 'Libérer les pêcheurs détenus.',
        },
        'included',
      ),
      arabic: await send(
        {
          language: 'ar',
          region: 'asia',
          countries: ['LB'],
          corridor: null,
          barriers: 'تُصادَر جوازات سفر العاملات المنزليات عند الوصول.',
          recommendations: 'إلغاء نظام الكفالة.',
        },
        'included',
      ),
      duplicate: await send(
        {
          language: 'es',
          region: 'europe',
          countries: ['ES'],
          corridor: null,
          barriers: 'Devoluciones en caliente en la frontera de Ceuta, otra vez.',
        },
        'included',
      ),
      excluded: await send({ language: 'en', barriers: 'Not for the brief.' }, 'excluded'),
    };
    const rows = await stack.db.select({ id: tables.reports.id, number: tables.reports.number }).from(tables.reports);
    const numberOf = new Map(rows.map((r) => [r.id, r.number]));
    codes = Object.fromEntries(Object.entries(ids).map(([key, id]) => [key, reportCode(numberOf.get(id)!)])) as Record<
      keyof Reports,
      string
    >;
    // The duplicate was merged into the Spanish report (the duplicates workstream's merge sets this).
    await stack.db.update(tables.reports).set({ mergedInto: ids.spanish }).where(eq(tables.reports.id, ids.duplicate));
    await translate(ids.spanish, {
      language: 'en',
      text: 'Pushbacks at the Ceuta border.',
      provider: 'apertium',
    });
    await translate(ids.spanish, {
      language: 'fr',
      text: 'Refoulements à la frontière de Ceuta.',
      origin: 'human',
      verifiedAt: new Date('2027-03-01T11:00:00Z'),
    });
    await translate(ids.french, {
      language: 'en',
      sourceLanguage: 'fr',
      text: 'Fishermen are detained at sea.',
      provider: 'apertium',
      pivot: 'es',
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses an editorial citing a report that is not an included one of the theme, naming it by code', async () => {
    const res = await request(`/api/admin/compilations/brief/${THEME}`, {
      method: 'PUT',
      json: {
        keyBarriers: [{ text: { en: 'Pushbacks.' }, reportIds: [ids.spanish, ids.excluded] }],
        quotes: [{ reportId: ids.duplicate, field: 'barriers' }],
      },
    });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as {
      error: { code: string; message: string; fields: Record<string, { code: string }> };
    };
    expect(error.code).toBe('invalid_citations');
    expect(error.message).toContain(codes.excluded);
    expect(error.message).toContain(codes.duplicate);
    expect(error.fields['keyBarriers.0.reportIds.1']?.code).toBe('report_not_included');
    expect(error.fields['quotes.0.reportId']?.code).toBe('report_merged');
    expect(error.fields['keyBarriers.0.reportIds.0']).toBeUndefined();
  });

  it('refuses an excerpt that is not a passage of the quoted text', async () => {
    const res = await request(`/api/admin/compilations/brief/${THEME}`, {
      method: 'PUT',
      json: { quotes: [{ reportId: ids.french, field: 'barriers', excerpt: 'not in the text' }] },
    });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { fields: Record<string, { code: string }> } };
    expect(error.fields['quotes.0.excerpt']?.code).toBe('excerpt_not_found');
  });

  it('stores the editorial, audited, and gives it back with the codes it cites', async () => {
    const editorial = {
      summary: {
        en: 'Pushbacks and detention at sea.',
        fr: 'Refoulements et détention en mer.',
        ar: 'الإعادة القسرية والاحتجاز.',
      },
      keyBarriers: [
        { text: { en: 'Pushbacks at borders.', fr: 'Refoulements aux frontières.' }, reportIds: [ids.spanish] },
      ],
      keyRecommendations: [
        { text: { en: 'Abolish kafala.', ar: 'إلغاء الكفالة.' }, reportIds: [ids.arabic, ids.french] },
      ],
      closingNote: { en: 'With thanks to the networks.' },
      quotes: [
        { reportId: ids.spanish, field: 'barriers' },
        { reportId: ids.french, field: 'barriers', excerpt: 'détenus en mer' },
        { reportId: ids.arabic, field: 'recommendations' },
      ],
    };
    const res = await request(`/api/admin/compilations/brief/${THEME}`, { method: 'PUT', json: editorial });
    expect(res.status).toBe(200);
    const back = (await (await request(`/api/admin/compilations/brief/${THEME}`)).json()) as {
      editorial: typeof editorial;
      codes: Record<string, string>;
    };
    expect(back.editorial.quotes).toEqual(editorial.quotes);
    expect(back.codes).toEqual({
      [ids.spanish]: codes.spanish,
      [ids.french]: codes.french,
      [ids.arabic]: codes.arabic,
    });
    const [audit] = await stack.db.select().from(tables.auditLog).where(eq(tables.auditLog.action, 'brief.update'));
    expect(audit).toMatchObject({ targetType: 'theme', targetId: THEME });
    expect(JSON.stringify(audit?.details)).not.toContain('Pushbacks');
  });

  it('compiles codes, translations and the merged lineage, counting a merged report once', async () => {
    const { compilation } = (await (await request(`/api/admin/compilations/live/${THEME}`)).json()) as {
      compilation: TCompilation;
    };
    expect(compilation.counts.total).toBe(3);
    const reports = compilation.regions.flatMap((r) => r.countries.flatMap((c) => c.reports));
    expect(reports.map((r) => r.code).sort()).toEqual([codes.spanish, codes.french, codes.arabic].sort());
    const spanish = reports.find((r) => r.reportId === ids.spanish)!;
    expect(spanish.mergedCodes).toEqual([codes.duplicate]);
    expect(spanish.translations?.barriers?.en).toEqual({
      text: 'Pushbacks at the Ceuta border.',
      origin: 'machine',
      verified: false,
      provider: 'apertium',
      pivot: null,
    });
    expect(compilation.editorial?.quotes.map((q) => q.code)).toEqual([codes.spanish, codes.french, codes.arabic]);
  });

  it('exports the brief in each of the four languages, every cited code an included report', async () => {
    const heading: Record<TLanguage, string> = { en: 'Summary', fr: 'Résumé', es: 'Resumen', ar: 'ملخص' };
    const json = JSON.parse(
      (await exported(`/api/admin/compilations/live/${THEME}/export.json`)).toString('utf8'),
    ) as TCompilation;
    const included = new Set(json.regions.flatMap((r) => r.countries.flatMap((c) => c.reports.map((x) => x.code))));
    const cited = [
      ...json.editorial!.quotes.map((q) => q.code),
      ...json.editorial!.keyBarriers.flatMap((c) => c.codes),
      ...json.editorial!.keyRecommendations.flatMap((c) => c.codes),
    ];
    expect(cited.length).toBeGreaterThan(0);
    for (const code of cited) expect(included.has(code)).toBe(true);
    for (const language of LANGUAGES) {
      const md = (await exported(`/api/admin/compilations/live/${THEME}/export.md?lang=${language}`)).toString('utf8');
      expect(md).toContain(`## ${heading[language]}`);
      expect(md).not.toMatch(UUID);
      expect(md).not.toMatch(EMAIL);
      for (const code of cited) expect(md).toContain(code);
      const docx = await exported(`/api/admin/compilations/live/${THEME}/export.docx?lang=${language}`);
      const xml = Buffer.from(unzipSync(docx)['word/document.xml']!).toString('utf8');
      expect(xml).toContain(heading[language]);
      expect(xml).not.toMatch(UUID);
      const csv = (await exported(`/api/admin/compilations/live/${THEME}/export.csv?lang=${language}`)).toString(
        'utf8',
      );
      expect(csv).toContain(codes.spanish);
    }
    const en = (await exported(`/api/admin/compilations/live/${THEME}/export.md?lang=en`)).toString('utf8');
    expect(en).toContain('> Pushbacks at the Ceuta border.');
    expect(en).toContain('machine translation from Spanish (apertium)');
    expect(en).toContain('machine translation from French (apertium, pivoted through Spanish)');
    expect(en).toContain(`Also received as ${codes.duplicate}`);
    const fr = (await exported(`/api/admin/compilations/live/${THEME}/export.md?lang=fr`)).toString('utf8');
    expect(fr).toContain('> Refoulements à la frontière de Ceuta.');
    expect(fr).toContain('traduit de : espagnol, vérifié');
    expect(fr).toContain('## Europe (1 rapport)');
    // Markdown escapes only what it needs: no \- or \( in plain prose.
    expect(fr).toContain('> Les pêcheurs sont détenus en mer (sans avocat) - depuis 2025.');
  });

  it('refuses an export language it does not have', async () => {
    expect((await request(`/api/admin/compilations/live/${THEME}/export.md?lang=de`)).status).toBe(400);
  });

  it('freezes the brief under the coordinator’s display name, never an email address', async () => {
    const res = await request('/api/admin/compilations', { method: 'POST', json: { themeSlug: THEME } });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; compilation: TCompilation };
    frozenId = body.id;
    expect(body.compilation.frozenBy).toBe(DISPLAY_NAME);
    const list = (await (await request(`/api/admin/compilations?theme=${THEME}`)).json()) as {
      compilations: Array<{ frozenBy: string | null }>;
    };
    expect(list.compilations[0]?.frozenBy).toBe(DISPLAY_NAME);
    for (const language of LANGUAGES) {
      for (const format of ['md', 'csv', 'json'] as const) {
        const text = (await exported(`/api/admin/compilations/${frozenId}/export.${format}?lang=${language}`)).toString(
          'utf8',
        );
        expect(text).not.toMatch(EMAIL);
      }
    }
    const md = (await exported(`/api/admin/compilations/${frozenId}/export.md?lang=en`)).toString('utf8');
    expect(md).toContain(`by ${DISPLAY_NAME}`);
  });

  it('gives a frozen brief’s four files, in every language, byte-identical across exports, after new translations too', async () => {
    const before = new Map<string, Buffer>();
    for (const language of LANGUAGES)
      for (const format of FORMATS)
        before.set(
          `${language}.${format}`,
          await exported(`/api/admin/compilations/${frozenId}/export.${format}?lang=${language}`),
        );
    // A reviewer verifies the English one, a new Arabic one arrives, the editorial changes.
    await stack.db
      .update(tables.reportTranslations)
      .set({ origin: 'human', text: 'Hot returns at the Ceuta border.', verifiedAt: new Date() })
      .where(eq(tables.reportTranslations.reportId, ids.spanish));
    await translate(ids.french, {
      language: 'ar',
      sourceLanguage: 'fr',
      text: 'يُحتجز الصيادون في البحر.',
      provider: 'libretranslate',
    });
    const changed = await request(`/api/admin/compilations/brief/${THEME}`, {
      method: 'PUT',
      json: { summary: { en: 'Changed.' }, closingNote: {} },
    });
    expect(changed.status).toBe(200);
    // Read back as saved (an empty closing note is no closing note).
    const back = (await (await request(`/api/admin/compilations/brief/${THEME}`)).json()) as {
      editorial: { summary: Record<string, string> };
    };
    expect(back.editorial.summary).toEqual({ en: 'Changed.' });
    for (const language of LANGUAGES)
      for (const format of FORMATS) {
        const again = await exported(`/api/admin/compilations/${frozenId}/export.${format}?lang=${language}`);
        expect([`${language}.${format}`, again.equals(before.get(`${language}.${format}`)!)]).toEqual([
          `${language}.${format}`,
          true,
        ]);
      }
    // The live brief moves on.
    const live = (await exported(`/api/admin/compilations/live/${THEME}/export.md?lang=en`)).toString('utf8');
    expect(live).toContain('Hot returns at the Ceuta border.');
  });

  // The Word file does not depend on the database: converted once (PGlite), which keeps the
  // suite's LibreOffice time to one start (about 6 s here) rather than one per database.
  if (kind === databaseKinds()[0]) {
    it('converts the French and Arabic Word briefs with LibreOffice into PDFs that read right', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'convene-brief-'));
      try {
        const files: Record<'fr' | 'ar', string> = { fr: join(dir, 'brief-fr.docx'), ar: join(dir, 'brief-ar.docx') };
        const xml: Record<string, string> = {};
        for (const language of ['fr', 'ar'] as const) {
          const docx = await exported(`/api/admin/compilations/${frozenId}/export.docx?lang=${language}`);
          await writeFile(files[language], docx);
          xml[language] = Buffer.from(unzipSync(docx)['word/document.xml']!).toString('utf8');
        }
        // One LibreOffice start for both files, with its own profile so a desktop one is never touched.
        await run(
          'soffice',
          [
            `-env:UserInstallation=file://${join(dir, 'profile')}`,
            '--headless',
            '--convert-to',
            'pdf',
            '--outdir',
            dir,
            files.fr,
            files.ar,
          ],
          { timeout: 120_000 },
        );
        const text: Record<string, string> = {};
        for (const language of ['fr', 'ar'] as const) {
          await run('pdftotext', ['-layout', join(dir, `brief-${language}.pdf`), join(dir, `brief-${language}.txt`)]);
          text[language] = await readFile(join(dir, `brief-${language}.txt`), 'utf8');
        }
        expect(text.fr).toContain('Résumé');
        expect(text.fr).toContain('Table des matières');
        expect(text.fr).toContain('Principales recommandations');
        expect(text.fr).toMatch(/Rapports\s:\s3/); // French typography: a no-break space before the colon
        expect(text.fr).toContain('Europe (1 rapport)');
        expect(text.fr).toMatch(/Page 1 sur \d+/);
        expect(text.fr).toContain(codes.spanish);
        expect(text.ar).toContain('الموجز رقم');
        expect(text.ar).toMatch(/صفحة/);
        expect(xml.ar).toContain('<w:bidi/>');
        expect(xml.ar).toContain('<w:rtl/>');
        for (const language of ['fr', 'ar'] as const) {
          expect(text[language]).not.toMatch(UUID);
          expect(text[language]).not.toMatch(EMAIL);
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }, 90_000);
  }
});
