import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { catalogs } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

/*
 * Build 6: the unsubscribe page and its invalid-link page are styled (a same-origin
 * stylesheet the CSP allows) and localized: ?lang=, else the contact's language, else
 * Accept-Language; Arabic right to left.
 */

describe.each(databaseKinds())('the unsubscribe pages, styled and localized (%s)', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ kind, smtp: false, withWorker: false });
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  async function contact(language: 'fr' | 'ar' | 'en') {
    const token = randomBytes(24).toString('base64url');
    const email = `c.${randomBytes(3).toString('hex')}@example.org`;
    await stack.db.insert(tables.contacts).values({ email, emailNormalized: email, language, unsubscribeToken: token });
    return token;
  }

  it('links a stylesheet that is served, same-origin, as CSS', async () => {
    const html = await (await stack.request(`/unsubscribe/${await contact('fr')}`)).text();
    expect(html).toContain('<link rel="stylesheet" href="/unsubscribe/assets/unsubscribe.css">');
    const css = await stack.request('/unsubscribe/assets/unsubscribe.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toContain('--brand: #0b4f8a');
  });

  it('speaks the contact language, and Arabic right to left', async () => {
    const fr = await (await stack.request(`/unsubscribe/${await contact('fr')}`)).text();
    expect(fr).toContain('<html lang="fr" dir="ltr">');
    expect(fr).toContain(catalogs.fr.selfService.unsubscribeHome);
    const ar = await (await stack.request(`/unsubscribe/${await contact('ar')}`)).text();
    expect(ar).toContain('<html lang="ar" dir="rtl">');
    expect(ar).toContain(catalogs.ar.unsubscribe.question);
    expect(ar).toContain('<a href="/?lang=ar">');
  });

  it('says an invalid link is invalid in the language of ?lang= or Accept-Language, styled too', async () => {
    const bad = `/unsubscribe/${'x'.repeat(32)}`;
    const fr = await stack.request(bad, { headers: { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' } });
    expect(fr.status).toBe(404);
    const frHtml = await fr.text();
    expect(frHtml).toContain('<html lang="fr" dir="ltr">');
    expect(frHtml).toContain(catalogs.fr.unsubscribe.invalid);
    expect(frHtml).toContain('/unsubscribe/assets/unsubscribe.css');

    const ar = await stack.request(`${bad}?lang=ar`, { headers: { 'accept-language': 'fr' } });
    expect(ar.status).toBe(404);
    const arHtml = await ar.text();
    expect(arHtml).toContain('<html lang="ar" dir="rtl">');
    expect(arHtml).toContain(catalogs.ar.unsubscribe.invalid);

    const en = await (await stack.request(bad, { headers: { 'accept-language': 'de' } })).text();
    expect(en).toContain(catalogs.en.unsubscribe.invalid);
  });

  it('lets ?lang= override the contact language', async () => {
    const html = await (await stack.request(`/unsubscribe/${await contact('fr')}?lang=es`)).text();
    expect(html).toContain('<html lang="es" dir="ltr">');
    expect(html).toContain(catalogs.es.unsubscribe.question);
  });
});
