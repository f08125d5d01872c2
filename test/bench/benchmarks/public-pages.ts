/**
 * public_pages: what the public pages cost a visitor on a slow link, in real Chromium against
 * the whole platform (PGlite) serving the production build of client/dist.
 *
 * public_pages_gzip_kb — for each public page (webinar list, a webinar page, the regional input
 * form, a theme page, the consultation calendar, the manage page) in English and Arabic, a fresh browser context records every
 * same-origin script and stylesheet response until the page is usable; each URL is mapped to its
 * file in client/dist and the gzip sizes (level 9, as gzipBytes) are summed. Value: the largest
 * page × language, in KB (1024 bytes).
 *
 * form_ready_slow3g — the report form (/report?lang=en) under DevTools' "Slow 3G" emulation
 * (CDP Network.emulateNetworkConditions), cold cache: ms from page.goto until its barriers
 * textarea is visible and enabled (the form renders only once the themes are loaded). Median of
 * 3 runs. Baseline: the same emulation loading a bare static file of the same server
 * (/registerSW.js) until 'load', the floor any navigation pays on that link.
 *
 * list_fcp_slow3g — the webinar list (/?lang=en) under the same emulation, cold cache: the
 * page's first-contentful-paint entry (ms since navigation start), read once the list itself
 * has rendered. Median of 3 runs, each after the form run; same baseline. The server writes the
 * list's heading into the HTML, so the first paint needs no script.
 *
 * Service workers are blocked in every context: the service worker precaches every chunk
 * (after 'load'), which is not what a page needs to become usable, and a precache from one run
 * would warm the next.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { tables } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createWebinarRow, registrationBody } from '../../factories.js';
import { ensureClientBuild, launchChromium } from '../../support/browser.js';
import { gzipBytes, publicFirstLoadGzipBytes } from '../../support/bundle-size.js';
import type { TestStack } from '../../support/stack.js';
import { log, startPlatform } from '../support/platform.js';
import { round } from '../support/settings.js';
import type { BenchEntry, Benchmark, Json } from '../types.js';

const NAME = 'public_pages';
const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'client', 'dist');
const KB = 1024;

const MAX_PAGE_KB = 120;
const MAX_FORM_READY_MS = 6_000;
const MAX_LIST_FCP_MS = 4_000;
const FORM_RUNS = 3;
const LANGUAGES = ['en', 'ar'] as const;

// Chrome DevTools' "Slow 3G" preset: 400 ms latency ×5 (the multiplier DevTools applies to
// bring packet-level figures to request level) = 2,000 ms per request, and 400 kbps ×0.8 ≈
// 50,000 bytes/s each way.
const SLOW_3G_LATENCY_MS = 2000;
const SLOW_3G_DOWNLOAD_BYTES_PER_S = 50_000;
const SLOW_3G_UPLOAD_BYTES_PER_S = 50_000;

const PAGE_TIMEOUT_MS = 30_000;
const SLOW_TIMEOUT_MS = 90_000;
const BARRIERS = 'textarea[name="barriers"]';

type PageSpec = {
  page: string;
  path: string;
  /** Resolves once the page is usable. */
  ready: (page: Page) => Promise<void>;
  /** What "usable" means, for the details. */
  readyWhen: string;
};

type PageSize = { page: string; language: string; kb: number; bytes: number; files: { [file: string]: number } };

const networkIdle = (page: Page) => page.waitForLoadState('networkidle', { timeout: PAGE_TIMEOUT_MS });

function pageSpecs(slug: string, manageToken: string, themeSlug: string): PageSpec[] {
  return [
    {
      page: 'list',
      path: '/',
      readyWhen: '`main h1` visible and network idle',
      ready: async (page) => {
        await page.locator('main h1').waitFor({ state: 'visible' });
        await networkIdle(page);
      },
    },
    {
      page: 'webinar',
      path: `/webinars/${slug}`,
      readyWhen: 'the registration form (`main form`) visible',
      ready: (page) => page.locator('main form').waitFor({ state: 'visible' }),
    },
    {
      page: 'report',
      path: '/report',
      readyWhen: '`textarea[name="barriers"]` visible (the form renders once its themes are loaded) and network idle',
      ready: async (page) => {
        await page.locator(BARRIERS).waitFor({ state: 'visible' });
        await networkIdle(page);
      },
    },
    {
      page: 'theme',
      path: `/themes/${themeSlug}`,
      readyWhen: 'the theme name (`main h1`) and its briefs section (`#theme-briefs`) visible and network idle',
      ready: async (page) => {
        await page.locator('#theme-briefs').waitFor({ state: 'visible' });
        await networkIdle(page);
      },
    },
    {
      page: 'consultations',
      path: '/consultations',
      readyWhen: 'the calendar heading (`main h1`) and its feed link visible and network idle',
      ready: async (page) => {
        await page.getByTestId('calendar-feed').waitFor({ state: 'visible' });
        await networkIdle(page);
      },
    },
    {
      page: 'manage',
      path: `/manage/${manageToken}`,
      readyWhen: 'the registration status (`[data-testid="manage-status"]`) visible and network idle',
      ready: async (page) => {
        await page.getByTestId('manage-status').waitFor({ state: 'visible' });
        await networkIdle(page);
      },
    },
  ];
}

/** A cold visitor: fresh context (empty cache and storage), service workers blocked. */
async function freshPage(browser: Browser, timeoutMs: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1024, height: 900 } });
  context.setDefaultTimeout(timeoutMs);
  const page = await context.newPage();
  return { context, page };
}

/** /assets/x.js → the built file it is served from (dist-relative). */
function distFileOf(url: URL): string {
  return decodeURIComponent(url.pathname).replace(/^\/+/, '');
}

async function measurePageSize(browser: Browser, origin: string, spec: PageSpec, language: string): Promise<PageSize> {
  const { context, page } = await freshPage(browser, PAGE_TIMEOUT_MS);
  try {
    const seen = new Set<string>();
    let counting = true;
    page.on('response', (response) => {
      if (!counting) return;
      const type = response.request().resourceType();
      if (type !== 'script' && type !== 'stylesheet') return;
      const url = new URL(response.url());
      if (url.origin === origin) seen.add(distFileOf(url));
    });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${origin}${spec.path}?lang=${language}`);
    await spec.ready(page);
    counting = false;
    // The entry's CSS travels inlined in the page (server/src/client-pages): counted as its file.
    for (const file of await page.$$eval('style[data-inline]', (styles) =>
      styles.map((style) => style.getAttribute('data-inline') ?? ''),
    )) {
      if (file) seen.add(file);
    }
    if (errors.length > 0) throw new Error(`${spec.page} (${language}): page errors: ${errors.join('; ')}`);
    const lang = await page.locator('html').getAttribute('lang');
    if (lang !== language) throw new Error(`${spec.page} (${language}): <html lang> is ${lang}`);

    const files: { [file: string]: number } = {};
    for (const file of [...seen].sort()) {
      // A file missing here was rebuilt away under the running server: measure again.
      files[file] = await gzipBytes(path.join(DIST, file)).catch((err: unknown) => {
        throw new Error(`${file} (loaded by ${spec.path}) is not in client/dist any more: was the client rebuilt?`, {
          cause: err,
        });
      });
    }
    const bytes = Object.values(files).reduce((a, b) => a + b, 0);
    return { page: spec.page, language, kb: round(bytes / KB, 1), bytes, files };
  } finally {
    await context.close();
  }
}

type RequestRecord = {
  id: string;
  path: string;
  type: string;
  start: number;
  end: number | null;
  encodedBytes: number | null;
  status: number | null;
  failed: boolean;
};

/** Emulates Slow 3G on the page's CDP session and records every request's timing and transfer. */
async function throttledRecorder(page: Page, context: BrowserContext): Promise<Map<string, RequestRecord>> {
  const cdp = await context.newCDPSession(page);
  const requests = new Map<string, RequestRecord>();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.url.startsWith('data:')) return;
    const url = new URL(e.request.url);
    requests.set(e.requestId, {
      id: e.requestId,
      path: url.pathname + url.search,
      type: e.type ?? 'Other',
      start: e.timestamp,
      end: null,
      encodedBytes: null,
      status: null,
      failed: false,
    });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.status = e.response.status;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.end = e.timestamp;
    r.encodedBytes = e.encodedDataLength;
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.end = e.timestamp;
    r.failed = true;
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: SLOW_3G_LATENCY_MS,
    downloadThroughput: SLOW_3G_DOWNLOAD_BYTES_PER_S,
    uploadThroughput: SLOW_3G_UPLOAD_BYTES_PER_S,
  });
  return requests;
}

type ThrottledRun = {
  ms: number;
  requests: number;
  bytesTransferred: number;
  chain: { [key: string]: Json }[];
};

function summarize(requests: Map<string, RequestRecord>, ms: number): ThrottledRun {
  const all = [...requests.values()].sort((a, b) => a.start - b.start);
  const navigation = all.find((r) => r.type === 'Document')?.start ?? all[0]?.start ?? 0;
  const offset = (t: number) => Math.round((t - navigation) * 1000);
  return {
    ms: Math.round(ms),
    requests: all.length,
    bytesTransferred: all.reduce((sum, r) => sum + (r.encodedBytes ?? 0), 0),
    chain: all.map((r) => ({
      startMs: offset(r.start),
      endMs: r.end === null ? null : offset(r.end),
      type: r.type,
      path: r.path,
      status: r.status,
      encodedBytes: r.encodedBytes,
      ...(r.failed ? { failed: true } : {}),
    })),
  };
}

/** One cold load of the report form under Slow 3G, until its textarea is visible and enabled. */
async function formReadyRun(browser: Browser, origin: string): Promise<ThrottledRun> {
  const { context, page } = await freshPage(browser, SLOW_TIMEOUT_MS);
  try {
    const requests = await throttledRecorder(page, context);
    const started = performance.now();
    await page.goto(`${origin}/report?lang=en`, { waitUntil: 'commit' });
    await page.waitForSelector(`${BARRIERS}:enabled`, { state: 'visible' });
    const ms = performance.now() - started;
    // Requests still in flight at that moment are listed with endMs null.
    return summarize(requests, ms);
  } finally {
    await context.close();
  }
}

/** One cold load of the webinar list under Slow 3G: its first contentful paint, and when the list showed. */
async function listFcpRun(browser: Browser, origin: string): Promise<ThrottledRun & { listMs: number }> {
  const { context, page } = await freshPage(browser, SLOW_TIMEOUT_MS);
  try {
    const requests = await throttledRecorder(page, context);
    const started = performance.now();
    await page.goto(`${origin}/?lang=en`, { waitUntil: 'commit' });
    await page.locator('main ul.cards li').first().waitFor({ state: 'visible' });
    const listMs = performance.now() - started;
    // A string, not a function: tsx's transform would wrap a function with a helper the page lacks.
    const entry = "performance.getEntriesByName('first-contentful-paint')[0]";
    const fcp = (await (await page.waitForFunction(`${entry} ? ${entry}.startTime : null`)).jsonValue()) as
      number | null;
    if (fcp === null) throw new Error('the webinar list reported no first-contentful-paint entry');
    return { ...summarize(requests, fcp), listMs: Math.round(listMs) };
  } finally {
    await context.close();
  }
}

/** The floor: a bare static file of the same server under the same emulation, until 'load'. */
async function baselineRun(browser: Browser, origin: string): Promise<ThrottledRun> {
  const { context, page } = await freshPage(browser, SLOW_TIMEOUT_MS);
  try {
    const requests = await throttledRecorder(page, context);
    const started = performance.now();
    await page.goto(`${origin}/registerSW.js`, { waitUntil: 'load' });
    return summarize(requests, performance.now() - started);
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

async function registerForManage(stack: TestStack, slug: string): Promise<string> {
  const res = await stack.request(`/api/webinars/${slug}/registrations`, { method: 'POST', json: registrationBody() });
  if (res.status !== 201) throw new Error(`registration for the manage page: HTTP ${res.status}`);
  const { registration } = (await res.json()) as { registration: { id: string } };
  const [row] = await stack.db
    .select({ token: tables.registrations.manageToken })
    .from(tables.registrations)
    .where(eq(tables.registrations.id, registration.id));
  if (!row) throw new Error('registration row not found');
  return row.token;
}

async function bench(stack: TestStack, browser: Browser): Promise<BenchEntry[]> {
  const origin = new URL(stack.url).origin;
  const webinar = await createWebinarRow(stack.db);
  const manageToken = await registerForManage(stack, webinar.slug);
  const firstLoad = await publicFirstLoadGzipBytes(DIST);

  // 1. Bytes each page needs before it is usable.
  const sizes: PageSize[] = [];
  const specs = pageSpecs(webinar.slug, manageToken, webinar.themeSlug);
  for (const spec of specs) {
    for (const language of LANGUAGES) {
      const size = await measurePageSize(browser, origin, spec, language);
      log(`${spec.page} ?lang=${language}: ${size.kb} KB gzipped JS+CSS in ${Object.keys(size.files).length} files`);
      sizes.push(size);
    }
  }
  const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const missingFirstLoad = sizes.flatMap((s) =>
    firstLoad.files.filter((f) => !(f in s.files)).map((f) => `${s.page}/${s.language}: ${f}`),
  );

  // 2. Report form under Slow 3G, each form run after its baseline run, cold every time.
  //    Then the webinar list's first paint, in the same round.
  const baselines: ThrottledRun[] = [];
  const runs: ThrottledRun[] = [];
  const listRuns: (ThrottledRun & { listMs: number })[] = [];
  for (let i = 0; i < FORM_RUNS; i++) {
    const base = await baselineRun(browser, origin);
    baselines.push(base);
    const run = await formReadyRun(browser, origin);
    runs.push(run);
    const list = await listFcpRun(browser, origin);
    listRuns.push(list);
    log(
      `slow 3G run ${i + 1}/${FORM_RUNS}: form ready in ${run.ms} ms, list first paint ${list.ms} ms ` +
        `(list shown ${list.listMs} ms; bare static file: ${base.ms} ms)`,
    );
  }
  const listValue = median(listRuns.map((r) => r.ms));
  const listMedianRun = listRuns.find((r) => r.ms === listValue) ?? listRuns[0]!;
  const value = median(runs.map((r) => r.ms));
  const baseline = median(baselines.map((r) => r.ms));
  const medianRun = runs.find((r) => r.ms === value) ?? runs[0]!;

  const pagesDetail: { [key: string]: Json } = {};
  for (const s of sizes) {
    pagesDetail[`${s.page}_${s.language}`] = {
      kb: s.kb,
      bytes: s.bytes,
      files: Object.fromEntries(Object.entries(s.files).map(([f, b]) => [f, round(b / KB, 1)])),
    };
  }

  return [
    {
      name: 'public_pages_gzip_kb',
      value: largest.kb,
      unit: 'KB gzip',
      baseline: null,
      ratio: null,
      target: `<= ${MAX_PAGE_KB} KB`,
      pass: largest.kb <= MAX_PAGE_KB,
      details: {
        largest: `${largest.page} ?lang=${largest.language}`,
        pages: pagesDetail,
        readyWhen: Object.fromEntries(specs.map((s) => [s.page, s.readyWhen])),
        staticFirstLoad: {
          kb: round(firstLoad.total / KB, 1),
          jsKb: round(firstLoad.js / KB, 1),
          cssKb: round(firstLoad.css / KB, 1),
          files: firstLoad.files,
        },
        firstLoadFilesNotSeen: missingFirstLoad,
        measuredAt: new Date().toISOString(),
        note:
          'Per page and language, a fresh Chromium context (service workers blocked, so the service ' +
          "worker's precache of every chunk after 'load' is not counted) records every same-origin response " +
          'of resource type script or stylesheet until the page is usable (readyWhen); each is mapped to its ' +
          'file in client/dist and gzipped at level 9. KB = 1024 bytes, values per file in KB. A stylesheet ' +
          'the server inlined into the page (<style data-inline=file>) counts as its file. The HTML ' +
          'document (which also carries the catalog and the first API answers as JSON) and API responses ' +
          'are not counted. Value: the largest page × language.',
      },
    },
    {
      name: 'form_ready_slow3g',
      value,
      unit: 'ms',
      baseline,
      ratio: baseline > 0 ? round(value / baseline, 2) : null,
      target: `<= ${MAX_FORM_READY_MS / 1000} s on DevTools Slow 3G`,
      pass: value <= MAX_FORM_READY_MS,
      details: {
        page: '/report?lang=en',
        runsMs: runs.map((r) => r.ms),
        baselineRunsMs: baselines.map((r) => r.ms),
        bytesTransferred: runs.map((r) => r.bytesTransferred),
        requests: runs.map((r) => r.requests),
        baselineBytesTransferred: baselines.map((r) => r.bytesTransferred),
        network: {
          preset: 'Chrome DevTools Slow 3G',
          latencyMs: SLOW_3G_LATENCY_MS,
          downloadBytesPerSec: SLOW_3G_DOWNLOAD_BYTES_PER_S,
          uploadBytesPerSec: SLOW_3G_UPLOAD_BYTES_PER_S,
          cache: 'cold (fresh context per run)',
          serviceWorkers: 'blocked',
        },
        chainOfMedianRun: medianRun.chain,
        measuredAt: new Date().toISOString(),
        note:
          "Value: median of 3 cold loads, ms from page.goto('/report?lang=en') until textarea[name=barriers] " +
          'is visible and enabled (the form renders once it has its themes: embedded in the page the server ' +
          'wrote, else from /api/themes). Baseline: median of ' +
          "3 loads of /registerSW.js (a tiny static file of the same server) until 'load' under the same " +
          'emulation: one request, the floor of any navigation on that link. bytesTransferred: sum of CDP ' +
          'encodedDataLength (headers included, as the server compresses) of the requests finished by then. ' +
          'chainOfMedianRun: every request of the median run, startMs/endMs since the document request was ' +
          'sent (endMs null: still in flight when the form became usable).',
      },
    },
    {
      name: 'list_fcp_slow3g',
      value: listValue,
      unit: 'ms',
      baseline,
      ratio: baseline > 0 ? round(listValue / baseline, 2) : null,
      target: `<= ${MAX_LIST_FCP_MS / 1000} s on DevTools Slow 3G`,
      pass: listValue <= MAX_LIST_FCP_MS,
      details: {
        page: '/?lang=en',
        runsMs: listRuns.map((r) => r.ms),
        listShownMs: listRuns.map((r) => r.listMs),
        baselineRunsMs: baselines.map((r) => r.ms),
        chainOfMedianRun: listMedianRun.chain,
        measuredAt: new Date().toISOString(),
        note:
          "Value: median of 3 cold loads of '/?lang=en' under the same Slow 3G emulation, the page's " +
          'first-contentful-paint entry (performance.getEntriesByName, ms since navigation start), read ' +
          'once the first webinar card is visible. listShownMs: ms from page.goto until that card was ' +
          'visible. Baseline: the bare static file of form_ready_slow3g, same runs. chainOfMedianRun as ' +
          'there, endMs relative to the document request (requests after the first paint included).',
      },
    },
  ];
}

export const publicPages: Benchmark = {
  name: NAME,
  description:
    'public pages in Chromium: gzipped JS+CSS until usable (en, ar); report form ready and webinar list first paint on Slow 3G',
  run: async () => {
    // Builds client/dist only when its sources changed since the last build.
    ensureClientBuild();
    log(`${NAME}: starting the platform on pglite (it serves client/dist)`);
    const stack = await startPlatform('pglite', {});
    let browser: Browser | null = null;
    try {
      browser = await launchChromium();
      return await bench(stack, browser);
    } finally {
      await browser?.close();
      log(`${NAME}: stopping the platform`);
      await stack.stop();
    }
  },
};
