import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { TApiError, TContact, TContactImportResult, TContactList } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { count, eq, sql } from 'drizzle-orm';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const BOM = '\uFEFF';

describe.each(databaseKinds())('contacts API (%s)', (kind) => {
  let stack: TestStack;
  let session: CoordinatorSession;

  beforeAll(async () => {
    stack = await startTestStack({ kind, withWorker: false, smtp: false });
    session = await signIn(stack);
  });
  afterAll(async () => {
    await stack?.stop();
  });
  beforeEach(async () => {
    await stack.db.execute(sql`truncate table contacts cascade`);
  });

  const importCsv = (body: string | Buffer, contentType = 'text/csv; charset=utf-8') =>
    stack.request('/api/admin/contacts/import', {
      method: 'POST',
      headers: { ...session.headers, 'content-type': contentType },
      body,
    });

  async function importOk(body: string | Buffer): Promise<TContactImportResult> {
    const res = await importCsv(body);
    expect(res.status).toBe(200);
    return (await res.json()) as TContactImportResult;
  }

  async function importFails(body: string | Buffer, status = 400): Promise<TApiError['error']> {
    const res = await importCsv(body);
    expect(res.status).toBe(status);
    return ((await res.json()) as TApiError).error;
  }

  async function contactCount(): Promise<number> {
    const [row] = await stack.db.select({ n: count() }).from(tables.contacts);
    return row?.n ?? 0;
  }

  async function contactByEmail(email: string) {
    const [row] = await stack.db
      .select()
      .from(tables.contacts)
      .where(eq(tables.contacts.emailNormalized, email.toLowerCase()));
    return row;
  }

  async function list(query = ''): Promise<TContactList> {
    const res = await stack.request(`/api/admin/contacts${query}`, { headers: { cookie: session.cookie } });
    expect(res.status).toBe(200);
    return (await res.json()) as TContactList;
  }

  describe('POST /api/admin/contacts/import', () => {
    it('reads a BOM, semicolons and quoted cells holding separators, quotes and line breaks', async () => {
      const csv =
        `${BOM}Email;Name;Organisation;Country;Language;Time Zone;Tags;Notes\r\n` +
        'amina@example.org;"Diallo; Amina";"Réseau des migrants, Dakar";sn;FR;Africa/Dakar;west-africa|francophone;x\r\n' +
        '"karim@example.org";"كريم العلي";"شبكة ""المهاجرين""\r\nالعرب";JO;ar;Asia/Amman;;\r\n' +
        'not-an-email;Someone;;;;;;\r\n' +
        'jose@example.org;José Núñez;"Red, ""Migrantes""";mx;es;America/Mexico_City; youth | youth ;\r\n';
      const result = await importOk(csv);
      expect(result).toEqual({
        imported: 3,
        updated: 0,
        unchanged: 0,
        rejected: [{ line: 5, field: 'email', code: 'invalid_email', message: expect.any(String) }],
        duplicates: [],
      });

      const amina = await contactByEmail('amina@example.org');
      expect(amina).toMatchObject({
        name: 'Diallo; Amina',
        organization: 'Réseau des migrants, Dakar',
        country: 'SN',
        language: 'fr',
        timeZone: 'Africa/Dakar',
        tags: ['west-africa', 'francophone'],
        unsubscribedAt: null,
      });
      expect(amina?.unsubscribeToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
      // A line break inside a cell becomes a space: names and organizations are one line.
      expect(await contactByEmail('karim@example.org')).toMatchObject({
        name: 'كريم العلي',
        organization: 'شبكة "المهاجرين" العرب',
        country: 'JO',
        language: 'ar',
        tags: [],
      });
      expect(await contactByEmail('jose@example.org')).toMatchObject({
        name: 'José Núñez',
        organization: 'Red, "Migrantes"',
        country: 'MX',
        language: 'es',
        tags: ['youth'],
      });

      const { contacts } = await list('?q=n%C3%BA%C3%B1ez');
      expect(contacts.map((c) => c.name)).toEqual(['José Núñez']);
    });

    it('reads a comma-separated file without BOM and with quoted commas and semicolons', async () => {
      const result = await importOk(
        'email,name,organization,time_zone\n"a@example.org","Doe, Jane","Org; Ltd",Europe/Paris\nb@example.org,Bo,,\n',
      );
      expect(result).toMatchObject({ imported: 2, rejected: [], duplicates: [] });
      expect(await contactByEmail('a@example.org')).toMatchObject({
        name: 'Doe, Jane',
        organization: 'Org; Ltd',
        timeZone: 'Europe/Paris',
        language: 'en',
        country: null,
      });
    });

    it('rejects rows with a bad email, country, language or zone by line and field, and imports the rest', async () => {
      const csv = [
        'email,name,country,language,timezone',
        'ok1@example.org,One,FR,fr,Europe/Paris',
        'not-an-email,Two,FR,fr,Europe/Paris',
        'ok3@example.org,Three,France,fr,Europe/Paris',
        'ok4@example.org,Four,XX,,',
        'ok5@example.org,Five,FR,de,',
        'ok6@example.org,Six,FR,fr,Mars/Olympus',
        ',Seven,FR,fr,',
        '',
        'ok9@example.org,Nine,,,',
        'ok10@example.org,Ten,ZZ,xx,Nowhere',
        'ok11@example.org,Eleven,FR,fr,Europe/Paris,surplus',
        ',,,,',
      ].join('\n');
      const result = await importOk(csv);
      expect(result.imported).toBe(2);
      expect(result.rejected.map(({ line, field, code }) => [line, field, code])).toEqual([
        [3, 'email', 'invalid_email'],
        [4, 'country', 'invalid_country'],
        [5, 'country', 'invalid_country'],
        [6, 'language', 'invalid_language'],
        [7, 'timeZone', 'invalid_time_zone'],
        [8, 'email', 'required'],
        [11, 'country', 'invalid_country'],
        [11, 'language', 'invalid_language'],
        [11, 'timeZone', 'invalid_time_zone'],
        [12, '_row', 'csv_extra_cells'],
      ]);
      // The report names lines, never the data.
      expect(JSON.stringify(result)).not.toMatch(/not-an-email|France|Mars|Seven/);
      expect((await list()).contacts.map((c) => c.email)).toEqual(['ok1@example.org', 'ok9@example.org']);
    });

    it('keeps the first of rows with the same email in any case and reports the others with both lines', async () => {
      const result = await importOk(
        'email,name\nAmina@Example.org,First\nb@example.org,B\nAMINA@example.ORG,Second\n"amina@example.org ",Third\n',
      );
      expect(result).toMatchObject({
        imported: 2,
        rejected: [],
        duplicates: [
          { line: 4, firstLine: 2 },
          { line: 5, firstLine: 2 },
        ],
      });
      expect(await contactCount()).toBe(2);
      expect(await contactByEmail('amina@example.org')).toMatchObject({ email: 'Amina@Example.org', name: 'First' });
    });

    it('updates existing contacts on re-import but never resubscribes an unsubscribed one', async () => {
      await importOk(
        'email,name,organization,country,language,tags\nleila@example.org,Leila,Old Org,MA,fr,north-africa\nomar@example.org,Omar,,EG,ar,\n',
      );
      const before = await contactByEmail('leila@example.org');
      const unsubscribedAt = new Date('2026-01-02T03:04:05Z');
      await stack.db
        .update(tables.contacts)
        .set({ unsubscribedAt })
        .where(eq(tables.contacts.emailNormalized, 'leila@example.org'));

      const result = await importOk(
        'email,name,organization,country,language,tags\nLEILA@example.org,Leila B.,New Org,,,youth\nomar@example.org,Omar,,EG,ar,\nnew@example.org,New,,,,\n',
      );
      expect(result).toMatchObject({ imported: 1, updated: 1, unchanged: 1, rejected: [], duplicates: [] });
      const after = await contactByEmail('leila@example.org');
      expect(after).toMatchObject({
        email: 'leila@example.org',
        name: 'Leila B.',
        organization: 'New Org',
        // Empty cells keep what was known; tags add up.
        country: 'MA',
        language: 'fr',
        tags: ['north-africa', 'youth'],
        unsubscribedAt,
        unsubscribeToken: before?.unsubscribeToken,
      });
      expect(after?.updatedAt.getTime()).toBeGreaterThan(before!.updatedAt.getTime());
      const unsubscribed = await list('?subscribed=false');
      expect(unsubscribed.contacts.map((c) => [c.email, c.unsubscribed])).toEqual([['leila@example.org', true]]);
      expect((await list('?subscribed=true')).total).toBe(2);
    });

    describe('refuses the whole file, importing nothing', () => {
      beforeEach(async () => {
        await importOk('email\nexisting@example.org\n');
      });

      it('without an email column', async () => {
        const error = await importFails('name,country\nAmina,SN\n');
        expect(error.code).toBe('csv_invalid');
        expect(error.fields?.email?.code).toBe('csv_missing_column');
        expect(await contactCount()).toBe(1);
      });

      it('when it is not UTF-8, naming the line', async () => {
        const latin1 = Buffer.concat([
          Buffer.from('email,name\nok@example.org,Ok\nrene@example.org,Ren'),
          Buffer.from([0xe9]),
          Buffer.from('\nlast@example.org,Last\n'),
        ]);
        const error = await importFails(latin1);
        expect(error.code).toBe('csv_invalid');
        expect(error.fields?.file?.code).toBe('csv_not_utf8');
        expect(error.lines).toEqual([{ line: 3, code: 'csv_not_utf8', message: expect.any(String) }]);
        expect(await contactCount()).toBe(1);

        const utf16 = Buffer.from(`\uFEFFemail\nok@example.org\n`, 'utf16le');
        expect((await importFails(utf16)).fields?.file?.code).toBe('csv_not_utf8');
      });

      it('with a quote never closed, naming the line where it opens', async () => {
        const error = await importFails(
          'email,name\nok@example.org,Ok\n\nbad@example.org,"Unclosed\nmore@example.org,More\nlast@example.org,Last\n',
        );
        expect(error.fields?.file?.code).toBe('csv_malformed');
        expect(error.lines).toEqual([{ line: 4, code: 'csv_malformed', message: expect.any(String) }]);
        expect(await contactCount()).toBe(1);
      });

      it('with a stray quote inside an unquoted cell', async () => {
        const error = await importFails('email,name\nok@example.org,Ok\nx@example.org,Jo"hn\n');
        expect(error.fields?.file?.code).toBe('csv_malformed');
        expect(error.lines?.[0]?.line).toBe(3);
        expect(JSON.stringify(error)).not.toContain('Jo');
        expect(await contactCount()).toBe(1);
      });

      it('when it is empty or has only a header', async () => {
        for (const body of ['', BOM, ' \r\n\r\n', 'email,name\r\n', 'email\n,\n']) {
          const error = await importFails(body);
          expect([JSON.stringify(body), error.fields?.file?.code]).toEqual([JSON.stringify(body), 'csv_empty']);
        }
        const none = await stack.request('/api/admin/contacts/import', {
          method: 'POST',
          headers: { ...session.headers, 'content-type': 'text/csv' },
        });
        expect(none.status).toBe(400);
        expect(await contactCount()).toBe(1);
      });

      it('with more than 50,000 rows (413)', async () => {
        const rows = Array.from({ length: 50_001 }, (_, i) => `p${i}@example.org`);
        const error = await importFails(`email\n${rows.join('\n')}\n`, 413);
        expect(error.fields?.file?.code).toBe('csv_too_large');
        expect(await contactCount()).toBe(1);
      });

      it('larger than 10 MB (413)', async () => {
        const error = await importFails(`email,name\n${'x@example.org,'.padEnd(1000, 'x')}\n`.repeat(10_500), 413);
        expect(error).toMatchObject({ code: 'csv_invalid', fields: { file: { code: 'csv_too_large' } } });
        expect(await contactCount()).toBe(1);
      });

      it('sent with another content type (415)', async () => {
        for (const type of ['application/json', 'application/octet-stream', 'multipart/form-data; boundary=x']) {
          const res = await importCsv(
            type === 'application/json' ? '{"email":"a@example.org"}' : 'email\na@x.org\n',
            type,
          );
          expect([type, res.status]).toEqual([type, 415]);
          expect(((await res.json()) as TApiError).error.code).toBe('unsupported_media_type');
        }
        expect(await contactCount()).toBe(1);
      });
    });

    it('imports 10,000 rows in one go, and again as unchanged', async () => {
      const lines = ['email;name;organization;country;language;time zone;tags'];
      for (let i = 0; i < 10_000; i++) {
        lines.push(`person${i}@example.org;Person ${i};Network ${i % 50};SN;fr;Africa/Dakar;bulk|n${i % 7}`);
      }
      const csv = `${lines.join('\r\n')}\r\n`;
      const first = await importOk(csv);
      expect(first).toEqual({ imported: 10_000, updated: 0, unchanged: 0, rejected: [], duplicates: [] });
      expect(await contactCount()).toBe(10_000);
      expect((await list('?tag=n3&limit=1')).total).toBe(1_429);
      const again = await importOk(csv);
      expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 10_000 });
      expect(await contactCount()).toBe(10_000);
    });
  });

  describe('GET /api/admin/contacts', () => {
    beforeEach(async () => {
      await importOk(
        [
          'email,name,organization,country,language,tags',
          'amina@example.org,Amina Diallo,Réseau Migrants Sénégal,SN,fr,west-africa|youth',
          'bintou@example.org,Bintou Keita,Réseau Migrants Sénégal,SN,en,west-africa',
          'carlos@example.org,Carlos Pérez,Red 100%_Migrante,MX,es,latam',
          'dina@example.org,Dina Haddad,Arab Network,JO,ar,youth',
          'eve@ngo.example,Eve Martin,Solidarity,FR,fr,',
        ].join('\n'),
      );
    });

    it('lists contacts by email with the total, a page at a time', async () => {
      const all = await list();
      expect(all.total).toBe(5);
      expect(all.contacts.map((c) => c.email)).toEqual([
        'amina@example.org',
        'bintou@example.org',
        'carlos@example.org',
        'dina@example.org',
        'eve@ngo.example',
      ]);
      const contact = all.contacts[0] as TContact;
      expect(Object.keys(contact).sort()).toEqual(
        [
          'id',
          'email',
          'name',
          'organization',
          'country',
          'language',
          'timeZone',
          'tags',
          'unsubscribed',
          'undeliverable',
          'createdAt',
          'updatedAt',
        ].sort(),
      );
      const page = await list('?limit=2&offset=2');
      expect(page.total).toBe(5);
      expect(page.contacts.map((c) => c.email)).toEqual(['carlos@example.org', 'dina@example.org']);
      expect((await list('?limit=2&offset=10')).contacts).toEqual([]);
    });

    it('filters by search text, country, language, tag and organization', async () => {
      const emails = async (query: string) => (await list(query)).contacts.map((c) => c.email);
      expect(await emails('?q=DIALLO')).toEqual(['amina@example.org']);
      expect(await emails('?q=ngo.example')).toEqual(['eve@ngo.example']);
      expect(await emails('?q=r%C3%A9seau')).toEqual(['amina@example.org', 'bintou@example.org']);
      // % and _ are literal, not wildcards.
      expect(await emails('?q=100%25_')).toEqual(['carlos@example.org']);
      expect(await emails('?q=%25')).toEqual(['carlos@example.org']);
      expect(await emails('?country=sn')).toEqual(['amina@example.org', 'bintou@example.org']);
      expect(await emails('?language=fr')).toEqual(['amina@example.org', 'eve@ngo.example']);
      expect(await emails('?tag=youth')).toEqual(['amina@example.org', 'dina@example.org']);
      expect(await emails('?organization=r%C3%A9seau%20migrants%20s%C3%A9n%C3%A9gal&language=en')).toEqual([
        'bintou@example.org',
      ]);
      const filtered = await list('?country=SN&tag=west-africa&limit=1');
      expect([filtered.total, filtered.contacts.length]).toEqual([2, 1]);
    });

    it('answers 400 with field errors for bad filters', async () => {
      for (const query of ['?limit=0', '?limit=501', '?offset=-1', '?limit=ten', '?language=de', '?country=France']) {
        const res = await stack.request(`/api/admin/contacts${query}`, { headers: { cookie: session.cookie } });
        expect([query, res.status]).toEqual([query, 400]);
      }
      const res = await stack.request('/api/admin/contacts?langauge=fr&subscribed=yes', {
        headers: { cookie: session.cookie },
      });
      const { error } = (await res.json()) as TApiError;
      expect(error.code).toBe('validation_failed');
      expect(error.fields).toMatchObject({
        langauge: { code: 'unknown_field' },
        subscribed: { code: 'invalid_choice' },
      });
    });
  });

  describe('PATCH /api/admin/contacts/:id', () => {
    it('edits a contact', async () => {
      await importOk('email,name,country,tags\namina@example.org,Amina,SN,old\n');
      const id = (await contactByEmail('amina@example.org'))!.id;
      const res = await stack.request(`/api/admin/contacts/${id}`, {
        method: 'PATCH',
        headers: session.headers,
        json: {
          name: '  Amina   Diallo ',
          organization: 'Réseau',
          country: 'ml',
          language: 'fr',
          timeZone: 'Africa/Bamako',
          tags: ['sahel', 'Youth', 'youth'],
        },
      });
      expect(res.status).toBe(200);
      const { contact } = (await res.json()) as { contact: TContact };
      expect(contact).toMatchObject({
        id,
        email: 'amina@example.org',
        name: 'Amina Diallo',
        organization: 'Réseau',
        country: 'ML',
        language: 'fr',
        timeZone: 'Africa/Bamako',
        tags: ['sahel', 'Youth'],
        unsubscribed: false,
      });
      expect(contact).not.toHaveProperty('unsubscribeToken');

      const cleared = await stack.request(`/api/admin/contacts/${id}`, {
        method: 'PATCH',
        headers: session.headers,
        json: { country: null, timeZone: null, tags: [] },
      });
      expect(((await cleared.json()) as { contact: TContact }).contact).toMatchObject({
        country: null,
        timeZone: null,
        tags: [],
        name: 'Amina Diallo',
      });
    });

    it('answers 400 for bad or forbidden fields and 404 for an unknown contact', async () => {
      await importOk('email\namina@example.org\n');
      const id = (await contactByEmail('amina@example.org'))!.id;
      const patch = async (json: unknown, target = id) => {
        const res = await stack.request(`/api/admin/contacts/${target}`, {
          method: 'PATCH',
          headers: session.headers,
          json,
        });
        return { status: res.status, error: ((await res.json()) as Partial<TApiError>).error };
      };
      const bad = await patch({ country: 'XX', language: 'de', timeZone: 'Mars/Olympus', tags: ['a|b'] });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.error?.fields ?? {}).sort()).toEqual(['country', 'language', 'tags.0', 'timeZone']);
      const forbidden = await patch({ email: 'other@example.org', unsubscribed: false });
      expect(forbidden.status).toBe(400);
      expect(forbidden.error?.fields).toMatchObject({
        email: { code: 'unknown_field' },
        unsubscribed: { code: 'unknown_field' },
      });
      expect((await patch({})).error?.fields?._body?.code).toBe('empty_update');
      expect((await patch({ name: 'x' }, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await patch({ name: 'x' }, 'not-a-uuid')).status).toBe(404);
      expect(await contactByEmail('amina@example.org')).toMatchObject({ email: 'amina@example.org', name: '' });
    });
  });

  describe('access', () => {
    it('answers 401 without a session and 403 without the CSRF token', async () => {
      await importOk('email\namina@example.org\n');
      const id = (await contactByEmail('amina@example.org'))!.id;
      for (const [method, path] of [
        ['GET', '/api/admin/contacts'],
        ['PATCH', `/api/admin/contacts/${id}`],
        ['POST', '/api/admin/contacts/import'],
      ] as const) {
        const res = await stack.request(path, {
          method,
          headers: { 'content-type': 'text/csv' },
          body: method === 'GET' ? undefined : 'email\nx@example.org\n',
        });
        expect([method, path, res.status]).toEqual([method, path, 401]);
      }
      const noCsrfImport = await stack.request('/api/admin/contacts/import', {
        method: 'POST',
        headers: { cookie: session.cookie, 'content-type': 'text/csv' },
        body: 'email\ny@example.org\n',
      });
      expect(noCsrfImport.status).toBe(403);
      const noCsrfPatch = await stack.request(`/api/admin/contacts/${id}`, {
        method: 'PATCH',
        headers: { cookie: session.cookie },
        json: { name: 'Mallory' },
      });
      expect(noCsrfPatch.status).toBe(403);
      expect(await contactByEmail('y@example.org')).toBeUndefined();
      expect((await contactByEmail('amina@example.org'))?.name).toBe('');
    });

    it('describes the contact routes in the OpenAPI document', async () => {
      const doc = (await (await stack.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/admin/contacts', '/api/admin/contacts/{id}', '/api/admin/contacts/import']),
      );
    });
  });
});
