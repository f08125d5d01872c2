import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { TReportTranslations } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { createLogger } from '@convene/shared/node';
import { handleTranslateReport, libreTranslateProvider, TranslationError, type WorkerDeps } from '@convene/worker';
import type { Job } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { unmailedInvitationToken } from '../support/account-mail.js';
import { sql } from 'drizzle-orm';
import { eventually, reportBody, truncateActivity } from '../factories.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { startLibreTranslateStandIn, type LibreTranslateStandIn } from '../support/libretranslate-stand-in.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const SPANISH = {
  barriers: 'Las personas migrantes no pueden acceder a la atención sanitaria sin documentos.',
  recommendations: 'Los gobiernos deben separar los servicios de salud del control migratorio.',
  source: '',
};

// A stand-in for a LibreTranslate deployment: a real HTTP server speaking its API.
let service: LibreTranslateStandIn;
beforeAll(async () => {
  service = await startLibreTranslateStandIn({ apiKey: 'key-123' });
});
afterAll(async () => {
  await service?.close();
});

describe('libreTranslateProvider', () => {
  it('posts the text, the pair, plain-text format and the API key, and returns the translation', async () => {
    const provider = libreTranslateProvider({ url: service.url, apiKey: 'key-123' });
    const result = await provider.translate('Sin papeles no hay médico.', 'es', 'ar');
    expect(result).toEqual({ text: '[es>ar] Sin papeles no hay médico.', pivot: null });
    expect(service.requests.at(-1)).toEqual({
      q: 'Sin papeles no hay médico.',
      source: 'es',
      target: 'ar',
      format: 'text',
      api_key: 'key-123',
    });
  });

  it('says report text leaves the deployment, and names the host it goes to', () => {
    const provider = libreTranslateProvider({ url: `${service.url}/` });
    expect(provider.sendsTextOutside).toBe(true);
    expect(provider.host).toBe(new URL(service.url).host);
  });

  it('lists the pairs among the platform languages from GET /languages', async () => {
    const pairs = await libreTranslateProvider({ url: service.url }).pairs();
    expect(pairs).toHaveLength(12);
    expect(pairs).toContainEqual({ from: 'en', to: 'ar', pivot: null });
  });

  it('treats a refused key as permanent, and an overloaded service as temporary', async () => {
    const unkeyed = libreTranslateProvider({ url: service.url });
    await expect(unkeyed.translate('Hola', 'es', 'en')).rejects.toMatchObject({ permanent: true });
    const keyed = libreTranslateProvider({ url: service.url, apiKey: 'key-123' });
    service.failNext(429);
    const err = await keyed.translate('Hola', 'es', 'en').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TranslationError);
    expect(err).toMatchObject({ permanent: false });
    // The service's error text is not carried into our messages (and logs): it may echo what was sent.
    expect((err as Error).message).toBe('libretranslate answered 429');
  });

  it('treats an unreachable service as temporary', async () => {
    const gone = libreTranslateProvider({ url: 'http://127.0.0.1:9', timeoutMs: 2_000 });
    await expect(gone.translate('Hola', 'es', 'en')).rejects.toMatchObject({ permanent: false });
  });
});

/** Shared by both stacks: submit a report, call the admin API as the signed-in admin. */
function reviewHelpers(get: () => { stack: TestStack; admin: CoordinatorSession }) {
  let nextHost = 1;
  return {
    submit: async (overrides: Parameters<typeof reportBody>[0]) => {
      const { stack } = get();
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
    },
    api: (path: string, init: RequestInit & { json?: unknown } = {}) => {
      const { stack, admin } = get();
      return stack.request(path, { ...init, headers: { ...admin.headers } });
    },
  };
}

describe.each(databaseKinds())('machine translation through a LibreTranslate deployment (%s)', (kind) => {
  let stack: TestStack;
  let admin: CoordinatorSession;
  const { submit, api } = reviewHelpers(() => ({ stack, admin }));

  beforeAll(async () => {
    stack = await startTestStack({
      kind,
      smtp: false,
      env: {
        TRUST_PROXY: '1',
        TRANSLATION_PROVIDER: 'libretranslate',
        LIBRETRANSLATE_URL: service.url,
        LIBRETRANSLATE_API_KEY: 'key-123',
      },
    });
    admin = await signIn(stack);
  });
  beforeEach(async () => {
    await truncateActivity(stack.db);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('tells reviewers that report text is sent to the service, and to which host', async () => {
    const res = await api('/api/admin/translation-provider');
    expect(await res.json()).toEqual({
      provider: 'libretranslate',
      sendsTextOutside: true,
      host: new URL(service.url).host,
    });
  });

  it('translates into Arabic in the worker, and a second run of the job translates nothing again', async () => {
    const report = await submit({ language: 'es', ...SPANISH });
    const res = await api(`/api/admin/reports/${report.id}/translations/machine`, {
      method: 'POST',
      json: { languages: ['ar'] },
    });
    expect(res.status).toBe(202);
    const done = await eventually(async () => {
      const list = (await (await api(`/api/admin/reports/${report.id}/translations`)).json()) as TReportTranslations;
      return list.translations.length === 2 && list.translations.every((t) => t.status === 'done') ? list : null;
    });
    expect(done.translations.find((t) => t.field === 'barriers')).toMatchObject({
      origin: 'machine',
      provider: 'libretranslate',
      pivot: null,
      text: `[es>ar] ${SPANISH.barriers}`,
    });

    const sent = service.requests.length;
    const deps = {
      db: stack.db,
      logger: createLogger('test', 'silent'),
      translator: libreTranslateProvider({ url: service.url, apiKey: 'key-123' }),
    } as unknown as WorkerDeps;
    const job = { id: 'again', data: { reportId: report.id, language: 'ar' }, attemptsMade: 0, opts: {} } as Job;
    expect(await handleTranslateReport(job, deps)).toEqual({ translated: 0, failed: 0 });
    expect(service.requests.length).toBe(sent);
  });

  it('marks a text failed when the service refuses it for good', async () => {
    const report = await submit({ language: 'es', ...SPANISH });
    const [row] = await stack.db
      .insert(tables.reportTranslations)
      .values({
        reportId: report.id,
        field: 'barriers',
        language: 'en',
        sourceLanguage: 'es',
        status: 'queued',
        origin: 'machine',
      })
      .returning();
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const deps = {
      db: stack.db,
      logger: createLogger('test', 'info', sink),
      translator: libreTranslateProvider({ url: service.url, apiKey: 'wrong' }),
    } as unknown as WorkerDeps;
    const job = {
      id: 'refused',
      data: { reportId: report.id, language: 'en' },
      attemptsMade: 0,
      opts: { attempts: 8 },
    } as Job;
    expect(await handleTranslateReport(job, deps)).toEqual({ translated: 0, failed: 1 });
    const [after] = await stack.db
      .select()
      .from(tables.reportTranslations)
      .where(sql`id = ${row!.id}`);
    expect(after).toMatchObject({ status: 'failed', text: null, provider: 'libretranslate' });
    // Logged at warn with ids and codes; nothing of the text, nor the service's answer.
    const warned = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.level === 40);
    expect(warned).toEqual([
      expect.objectContaining({ reportId: report.id, translationId: row!.id, field: 'barriers', language: 'en' }),
    ]);
    expect(lines.join('')).not.toContain(SPANISH.barriers.slice(0, 20));
    expect(lines.join('')).not.toContain('Invalid API key');
  });

  it('rejects a job payload that carries text', async () => {
    const deps = { db: stack.db, logger: createLogger('test', 'silent') } as unknown as WorkerDeps;
    const job = {
      id: 'bad',
      data: { reportId: '00000000-0000-4000-8000-000000000000', language: 'en', text: 'Hola' },
      attemptsMade: 0,
      opts: {},
    } as Job;
    await expect(handleTranslateReport(job, deps)).rejects.toThrow('invalid translate-report payload');
  });
});

describe.each(databaseKinds())('translations with no machine provider (%s)', (kind) => {
  let stack: TestStack;
  let admin: CoordinatorSession;
  const { submit, api } = reviewHelpers(() => ({ stack, admin }));

  beforeAll(async () => {
    stack = await startTestStack({ kind, smtp: false, withWorker: false, env: { TRUST_PROXY: '1' } });
    admin = await signIn(stack);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('says there is none, refuses machine requests, and still takes human translations', async () => {
    expect(await (await api('/api/admin/translation-provider')).json()).toEqual({
      provider: 'none',
      sendsTextOutside: false,
      host: null,
    });
    const report = await submit({ language: 'es', ...SPANISH });
    const machine = await api(`/api/admin/reports/${report.id}/translations/machine`, {
      method: 'POST',
      json: { languages: ['en'] },
    });
    expect(machine.status).toBe(409);
    expect(((await machine.json()) as { error: { code: string } }).error.code).toBe('no_translation_provider');

    const put = await api(`/api/admin/reports/${report.id}/translations`, {
      method: 'PUT',
      json: {
        field: 'recommendations',
        language: 'en',
        text: 'Keep health care apart from immigration control.',
        verified: true,
      },
    });
    expect(put.status).toBe(200);
    const list = (await put.json()) as TReportTranslations;
    expect(list.translations).toEqual([
      expect.objectContaining({
        field: 'recommendations',
        language: 'en',
        origin: 'human',
        verified: true,
        provider: null,
      }),
    ]);
  });

  it('drops the translations of the texts a redaction changes: they were made from the old wording', async () => {
    const report = await submit({ language: 'es', ...SPANISH });
    for (const field of ['barriers', 'recommendations'] as const) {
      const res = await api(`/api/admin/reports/${report.id}/translations`, {
        method: 'PUT',
        json: { field, language: 'en', text: `English ${field} naming someone`, verified: false },
      });
      expect(res.status).toBe(200);
    }
    const patch = await api(`/api/admin/reports/${report.id}`, {
      method: 'PATCH',
      json: { redaction: { barriers: 'Las personas no pueden trabajar.', recommendations: SPANISH.recommendations } },
    });
    expect(patch.status).toBe(200);
    const list = (await (await api(`/api/admin/reports/${report.id}/translations`)).json()) as TReportTranslations;
    expect(list.originals.barriers).toBe('Las personas no pueden trabajar.');
    expect(list.translations.map((t) => t.field)).toEqual(['recommendations']);
  });

  it("keeps a report's translations from a coordinator outside its region", async () => {
    const report = await submit({ language: 'es', region: 'africa', ...SPANISH });
    const email = `europe.${randomBytes(4).toString('hex')}@convene.test`;
    const invited = await api('/api/admin/accounts/invitations', {
      method: 'POST',
      json: { email, role: 'coordinator', regionScope: ['europe'], themeScope: null },
    });
    expect(invited.status).toBe(201);
    const { account } = (await invited.json()) as { account: { id: string } };
    const token = await unmailedInvitationToken(stack.db, account.id);
    const password = 'a long enough passphrase 42';
    await stack.request('/api/auth/invitation', { method: 'POST', json: { token, password } });
    const europe = await signIn(stack, email, password);
    const read = await stack.request(`/api/admin/reports/${report.id}/translations`, { headers: europe.headers });
    expect(read.status).toBe(403);
    const write = await stack.request(`/api/admin/reports/${report.id}/translations`, {
      method: 'PUT',
      headers: europe.headers,
      json: { field: 'barriers', language: 'en', text: 'Not mine to translate.' },
    });
    expect(write.status).toBe(403);
  });

  it('refuses a translation into the language the text is already in, and a bad field', async () => {
    const report = await submit({ language: 'es', ...SPANISH });
    const same = await api(`/api/admin/reports/${report.id}/translations`, {
      method: 'PUT',
      json: { field: 'barriers', language: 'es', text: 'Otra cosa.' },
    });
    expect(same.status).toBe(400);
    const bad = await api(`/api/admin/reports/${report.id}/translations`, {
      method: 'PUT',
      json: { field: 'notes', language: 'en', text: 'x' },
    });
    expect(bad.status).toBe(400);
    const verifyMissing = await api(`/api/admin/reports/${report.id}/translations/verify`, {
      method: 'POST',
      json: { field: 'barriers', language: 'fr' },
    });
    expect(verifyMissing.status).toBe(404);
  });
});
