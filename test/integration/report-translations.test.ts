import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { QUEUES, type TReportTranslations } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { Queue } from 'bullmq';
import { eq, sql } from 'drizzle-orm';
import { eventually, reportBody, truncateActivity } from '../factories.js';
import { startApertium, type Apertium } from '../support/apertium.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const SPANISH = {
  barriers: 'Las personas migrantes no pueden acceder a la atención sanitaria sin documentos.',
  recommendations: 'Los gobiernos deben separar los servicios de salud del control migratorio.',
  source: 'Entrevistas de nuestro equipo en la frontera.',
};
const ENGLISH = {
  barriers: 'Migrant workers cannot open a bank account without a residence permit.',
  recommendations: 'Banks must accept a passport as proof of identity.',
  source: '',
};

let apertium: Apertium;
beforeAll(async () => {
  apertium = await startApertium();
});
afterAll(async () => {
  await apertium?.stop();
});

describe.each(databaseKinds())('report translations through a real apertium-apy (%s)', (kind) => {
  let stack: TestStack;
  let admin: CoordinatorSession;
  let nextHost = 1;

  const submit = async (overrides: Parameters<typeof reportBody>[0]) => {
    const res = await stack.request('/api/reports', {
      method: 'POST',
      json: reportBody(overrides),
      headers: { 'x-forwarded-for': `198.51.100.${nextHost++}` },
    });
    expect(res.status).toBe(201);
    const [row] = await stack.db
      .select()
      .from(tables.reports)
      .orderBy(sql`${tables.reports.number} desc`)
      .limit(1);
    return row!;
  };
  const api = (path: string, init: RequestInit & { json?: unknown } = {}) =>
    stack.request(path, { ...init, headers: { ...admin.headers, ...(init.headers as Record<string, string>) } });
  const translationsOf = async (id: string) => {
    const res = await api(`/api/admin/reports/${id}/translations`);
    expect(res.status).toBe(200);
    return (await res.json()) as TReportTranslations;
  };
  const settled = (id: string, count: number) =>
    eventually(async () => {
      const list = await translationsOf(id);
      const finished = list.translations.filter((t) => t.status !== 'queued');
      return finished.length === count && list.translations.length === count ? list : null;
    }, 60_000);

  beforeAll(async () => {
    stack = await startTestStack({
      kind,
      smtp: false,
      env: { TRUST_PROXY: '1', TRANSLATION_PROVIDER: 'apertium', APERTIUM_URL: apertium.url },
    });
    admin = await signIn(stack);
  });
  beforeEach(async () => {
    await truncateActivity(stack.db);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('says the provider is Apertium on this deployment, and that text does not leave it', async () => {
    const res = await api('/api/admin/translation-provider');
    expect(await res.json()).toEqual({ provider: 'apertium', sendsTextOutside: false, host: null });
  });

  it('translates a Spanish report into English and French in the worker, with provenance', async () => {
    const report = await submit({ language: 'es', ...SPANISH });
    const res = await api(`/api/admin/reports/${report.id}/translations/machine`, {
      method: 'POST',
      json: { languages: ['en', 'fr'] },
    });
    expect(res.status).toBe(202);
    const queued = (await res.json()) as TReportTranslations;
    expect(queued.translations).toHaveLength(6);
    expect(queued.translations.every((t) => t.origin === 'machine' && t.text === null)).toBe(true);

    const done = await settled(report.id, 6);
    expect(done.translations.every((t) => t.status === 'done' && t.provider === 'apertium')).toBe(true);
    expect(done.translations.every((t) => t.sourceLanguage === 'es' && t.translatedBy === null)).toBe(true);
    const text = (language: string, field: string) =>
      done.translations.find((t) => t.language === language && t.field === field)!;
    // Both direct pairs of Debian's data: no pivot.
    expect(text('en', 'barriers')).toMatchObject({ pivot: null, verified: false });
    expect(text('en', 'barriers').text).toMatch(/access/i);
    expect(text('fr', 'barriers').pivot).toBeNull();
    expect(text('fr', 'barriers').text).toMatch(/peuvent/);
    expect(text('fr', 'recommendations').text).toMatch(/gouvernements|services/i);

    // The jobs Redis held named the report and a language, never its text.
    const queue = new Queue(QUEUES.translations, {
      connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
      prefix: stack.prefix,
    });
    try {
      const jobs = await queue.getJobs(['completed', 'failed', 'waiting', 'active', 'delayed']);
      expect(jobs.map((j) => j.data).sort((a, b) => a.language.localeCompare(b.language))).toEqual([
        { reportId: report.id, language: 'en' },
        { reportId: report.id, language: 'fr' },
      ]);
      const stored = JSON.stringify(jobs.map((j) => [j.data, j.returnvalue, j.name]));
      for (const original of Object.values(SPANISH)) expect(stored).not.toContain(original.slice(0, 20));
    } finally {
      await queue.close();
    }
  });

  it('marks English to French as pivoted through Spanish', async () => {
    const report = await submit({ language: 'en', ...ENGLISH });
    await api(`/api/admin/reports/${report.id}/translations/machine`, { method: 'POST', json: { languages: ['fr'] } });
    // The empty source is not translated: two texts.
    const done = await settled(report.id, 2);
    for (const t of done.translations) expect(t).toMatchObject({ language: 'fr', pivot: 'es', status: 'done' });
    expect(done.translations.find((t) => t.field === 'barriers')!.text).toMatch(/compte|banque|bancaire/i);
  });

  it('lets a reviewer correct and verify a machine translation, which then is theirs and is never overwritten', async () => {
    const report = await submit({ language: 'es', ...SPANISH });
    await api(`/api/admin/reports/${report.id}/translations/machine`, { method: 'POST', json: { languages: ['en'] } });
    await settled(report.id, 3);

    const corrected = 'Migrants cannot get health care without papers.';
    const put = await api(`/api/admin/reports/${report.id}/translations`, {
      method: 'PUT',
      json: { field: 'barriers', language: 'en', text: corrected, verified: false },
    });
    expect(put.status).toBe(200);
    const verify = await api(`/api/admin/reports/${report.id}/translations/verify`, {
      method: 'POST',
      json: { field: 'barriers', language: 'en' },
    });
    expect(verify.status).toBe(200);
    const verified = ((await verify.json()) as TReportTranslations).translations.find((t) => t.field === 'barriers')!;
    expect(verified).toMatchObject({
      origin: 'human',
      text: corrected,
      provider: null,
      pivot: null,
      translatedBy: 'admin@convene.test',
      verified: true,
      verifiedBy: 'admin@convene.test',
    });

    // Asking the machine again re-translates the others and leaves the reviewer's text alone.
    const again = await api(`/api/admin/reports/${report.id}/translations/machine`, {
      method: 'POST',
      json: { languages: ['en'] },
    });
    expect(again.status).toBe(202);
    const after = await settled(report.id, 3);
    expect(after.translations.find((t) => t.field === 'barriers')).toMatchObject({
      origin: 'human',
      text: corrected,
      verified: true,
    });

    const audit = await stack.db
      .select({ action: tables.auditLog.action, details: tables.auditLog.details })
      .from(tables.auditLog)
      .where(eq(tables.auditLog.targetId, report.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['report.translation.request', 'report.translation.save', 'report.translation.verify']),
    );
    expect(JSON.stringify(audit)).not.toContain(corrected);
  });

  it('translates the redacted text of a redacted report', async () => {
    const report = await submit({ language: 'es', ...SPANISH });
    const patch = await api(`/api/admin/reports/${report.id}`, {
      method: 'PATCH',
      json: { redaction: { barriers: 'Las personas no pueden trabajar.', recommendations: '', source: '' } },
    });
    expect(patch.status).toBe(200);
    await api(`/api/admin/reports/${report.id}/translations/machine`, { method: 'POST', json: { languages: ['en'] } });
    const done = await settled(report.id, 1);
    expect(done.originals.barriers).toBe('Las personas no pueden trabajar.');
    expect(done.translations[0]!.text).toMatch(/work/i);
    expect(done.translations[0]!.text).not.toMatch(/health|sanitar/i);
  });

  it('flags a report declared French but written in Spanish, and translates it from Spanish', async () => {
    const report = await submit({ language: 'fr', ...SPANISH });
    expect(report.detectedLanguage).toBe('es');
    const res = await api(`/api/admin/reports/${report.id}/translations/machine`, {
      method: 'POST',
      json: { languages: ['fr', 'es'] },
    });
    const queued = (await res.json()) as TReportTranslations;
    expect(queued).toMatchObject({ declaredLanguage: 'fr', detectedLanguage: 'es', sourceLanguage: 'es' });
    // Nothing to do into Spanish: the text is Spanish already.
    expect(new Set(queued.translations.map((t) => t.language))).toEqual(new Set(['fr']));
    const done = await settled(report.id, 3);
    expect(done.translations.every((t) => t.sourceLanguage === 'es' && t.pivot === null)).toBe(true);
    expect(done.translations.find((t) => t.field === 'barriers')!.text).toMatch(/peuvent/);
  });

  it('puts the machine translation in the English brief labelled as machine, and the reviewer’s verified one as human', async () => {
    const report = await submit({ language: 'es', ...SPANISH });
    const included = await api(`/api/admin/reports/${report.id}`, { method: 'PATCH', json: { status: 'included' } });
    expect(included.status).toBe(200);
    await api(`/api/admin/reports/${report.id}/translations/machine`, { method: 'POST', json: { languages: ['en'] } });
    const done = await settled(report.id, 3);
    const machineBarriers = done.translations.find((t) => t.field === 'barriers')!.text!;
    const brief = async () => {
      const res = await api('/api/admin/compilations/live/smuggling-trafficking/export.md?lang=en');
      expect(res.status).toBe(200);
      return res.text();
    };

    const before = await brief();
    expect(before).toContain(machineBarriers);
    expect(before).toContain('machine translation from Spanish (apertium)');
    expect(before).not.toContain(SPANISH.barriers);

    const corrected = 'Migrants cannot get health care without papers.';
    await api(`/api/admin/reports/${report.id}/translations`, {
      method: 'PUT',
      json: { field: 'barriers', language: 'en', text: corrected, verified: true },
    });
    const after = await brief();
    expect(after).toContain(corrected);
    expect(after).not.toContain(machineBarriers);
    expect(after).toContain('translated from Spanish, verified');
    // The other two texts are still the machine's, and say so.
    expect(after).toContain('machine translation from Spanish (apertium)');
  });

  it('does not flag a report written in the language it declares', async () => {
    const report = await submit({ language: 'es', ...SPANISH });
    expect(report.detectedLanguage).toBeNull();
  });
});
