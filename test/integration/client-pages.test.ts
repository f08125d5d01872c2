import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { catalogs, PAGE_DATA_ID, ZPublicWebinarList, ZThemeList, type TPageData } from '@convene/shared';
import { REPO_ROOT } from '@convene/shared/node';
import { createWebinarRow } from '../factories.js';
import { ensureClientBuild } from '../support/browser.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

/*
 * Issue 12, part 6: public pages are written per request from the built index.html — in the
 * reader's language, with the entry's CSS inlined (allowed by a CSP hash), the route's chunks
 * preloaded and what the first render needs (catalog, webinar list, themes) embedded as JSON.
 */

const DIST = path.join(REPO_ROOT, 'client', 'dist');
const PAGE_DATA = new RegExp(`<script type="application/json" id="${PAGE_DATA_ID}">([\\s\\S]*?)</script>`);

function pageDataOf(html: string): TPageData {
  const match = PAGE_DATA.exec(html);
  if (!match) throw new Error('no page data in the page');
  return JSON.parse(match[1]!) as TPageData;
}

function directive(policy: string, name: string): string[] {
  const found = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([first]) => first === name);
  return found?.slice(1) ?? [];
}

describe.each(databaseKinds())('pages written per request (%s)', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    ensureClientBuild();
    stack = await startTestStack({ kind, smtp: false, withWorker: false });
  }, 240_000);
  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  const page = async (pathname: string, headers: Record<string, string> = {}) => {
    const res = await stack.request(pathname, { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    return { res, html: await res.text() };
  };

  it('speaks ?lang=, else the language cookie, else Accept-Language, else English; Arabic right to left', async () => {
    const cases: [string, Record<string, string>, string, string][] = [
      ['/?lang=ar', { 'accept-language': 'fr' }, 'ar', 'rtl'],
      ['/?lang=es', { cookie: 'convene_lang=fr', 'accept-language': 'ar' }, 'es', 'ltr'],
      ['/report', { cookie: 'other=1; convene_lang=fr', 'accept-language': 'es' }, 'fr', 'ltr'],
      ['/consultations', { 'accept-language': 'de-DE,es-MX;q=0.8,en;q=0.5' }, 'es', 'ltr'],
      ['/', { 'accept-language': 'de, ar;q=0.1' }, 'ar', 'rtl'],
      ['/?lang=xx', { cookie: 'convene_lang=zz' }, 'en', 'ltr'],
      ['/', {}, 'en', 'ltr'],
    ];
    for (const [pathname, headers, language, dir] of cases) {
      const { html } = await page(pathname, headers);
      expect({ pathname, headers, html: html.match(/<html[^>]*>/)?.[0] }).toEqual({
        pathname,
        headers,
        html: `<html lang="${language}" dir="${dir}">`,
      });
      const data = pageDataOf(html);
      expect(data.language).toBe(language);
      const { email: _email, ...catalog } = catalogs[data.language];
      expect(data.catalog).toEqual(catalog);
    }
  });

  it('embeds the webinar list so that no title can end the script element', async () => {
    const hostile = '</script><script>alert(1)</script><!-- \u2028 & -->';
    const webinar = await createWebinarRow(stack.db, {
      title: { en: hostile, fr: '</SCRIPT >', es: 'Vías', ar: 'المسارات' },
    });
    const { html } = await page('/?lang=en');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('</SCRIPT');
    // One element holds the data, and it ends where the page's own markup says.
    expect(html.match(/<script type="application\/json"/g)).toHaveLength(1);
    const data = pageDataOf(html);
    // What the client would make of GET /api/webinars (its schema's parse).
    const api = ZPublicWebinarList.parse(await (await stack.request('/api/webinars')).json());
    expect(data.api['/api/webinars']).toEqual(api);
    const listed = (data.api['/api/webinars'] as { webinars: { slug: string; title: { en: string } }[] }).webinars;
    expect(listed.find((w) => w.slug === webinar.slug)?.title.en).toBe(hostile);
    // Before any script runs, the list page already shows its heading in the reader's language.
    expect(html).toContain(`<h1>${catalogs.en.webinars.title}</h1>`);
  });

  it('inlines the entry CSS under a CSP hash, without loosening the policy', async () => {
    const { res, html } = await page('/report?lang=fr');
    const styles = [...html.matchAll(/<style data-inline="([^"]+)">([\s\S]*?)<\/style>/g)];
    expect(styles.length).toBeGreaterThan(0);
    const policy = res.headers.get('content-security-policy') ?? '';
    const styleSrc = directive(policy, 'style-src');
    for (const [, file, text] of styles) {
      expect(text).toBe(readFileSync(path.join(DIST, file!), 'utf8'));
      expect(html).not.toContain(`href="/${file}"`);
      const hash = `'sha256-${createHash('sha256').update(text!, 'utf8').digest('base64')}'`;
      expect(styleSrc).toContain(hash);
    }
    // Exactly those hashes join 'self': nothing else is allowed inline.
    expect(styleSrc).toHaveLength(1 + styles.length);
    expect(styleSrc[0]).toBe("'self'");
    expect(directive(policy, 'script-src')).toEqual(["'self'"]);
    expect(policy).not.toContain('unsafe-inline');
    // An API answer keeps the plain policy.
    const api = await stack.request('/api/themes');
    expect(directive(api.headers.get('content-security-policy') ?? '', 'style-src')).toEqual(["'self'"]);
  });

  it("preloads the report form's chunks and embeds the themes it offers", async () => {
    const manifest = JSON.parse(readFileSync(path.join(DIST, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      { file: string }
    >;
    const { html } = await page('/report?lang=en');
    const reportChunk = manifest['src/public/pages/report-page.tsx']!.file;
    expect(html).toContain(`<link rel="modulepreload" crossorigin href="/${reportChunk}">`);
    const themes = ZThemeList.parse(await (await stack.request('/api/themes')).json());
    expect(pageDataOf(html).api['/api/themes']).toEqual(themes);
    // The list page embeds no themes, and preloads no page chunk of another route.
    const list = await page('/');
    expect(pageDataOf(list.html).api['/api/themes']).toBeUndefined();
    expect(list.html).not.toContain(reportChunk);
  });

  it('asks search engines not to index the manage pages, whose link is a credential, and only them', async () => {
    const manage = await page('/manage/some-token?lang=fr');
    expect(manage.res.headers.get('x-robots-tag')).toBe('noindex');
    // In the HTML too, for whatever reads the page and not its headers; in <head>, before any script.
    const head = manage.html.slice(0, manage.html.indexOf('</head>'));
    expect(head).toContain('<meta name="robots" content="noindex">');
    for (const pathname of ['/', '/webinars/any', '/report', '/privacy']) {
      const other = await page(pathname);
      expect({ pathname, header: other.res.headers.get('x-robots-tag') }).toEqual({ pathname, header: null });
      expect(other.html).not.toContain('name="robots"');
    }
  });

  it('sends hashed assets precompressed and immutable', async () => {
    const manifest = JSON.parse(readFileSync(path.join(DIST, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      { file: string }
    >;
    const entry = manifest['index.html']!.file;
    const br = await stack.request(`/${entry}`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await br.text()).toBe(readFileSync(path.join(DIST, entry), 'utf8'));
    const gz = await stack.request(`/${entry}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const missing = await stack.request('/assets/gone-0000.js');
    expect(missing.status).toBe(404);
  });
});
