import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  currentConsentVersion,
  AFFECTED_GROUPS,
  LANGUAGES,
  REGIONS,
  REPORT_CONSENTS,
  REPORT_LIMITS,
  THEME_SUBTOPICS,
  ZApiError,
  ZCreateRegistration,
  ZCreateReport,
  ZRegistrationResult,
  ZReportReceipt,
  ZReportSubmitted,
  countriesOf,
  type TCreateRegistrationInput,
  type TCreateReportInput,
} from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { createWebinarRow, registrationBody, reportBody } from '../factories.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/*
 * Property-based fuzzing of the two endpoints anyone on the internet can reach. Whatever
 * arrives, the answer is a structured 4xx or the documented success, never a 5xx; and text
 * in any script comes back from the database exactly as it was sent.
 *
 * Runs are counted so each endpoint sees ~1,100 generated requests and the file stays
 * well under a minute on two cores (PGlite), inside CI's 15-minute budget. On a failure fast-check prints the shrunk body and
 * the seed to replay it with.
 */
const RUNS = {
  randomJson: 300,
  mutated: 350,
  notJson: 150,
  hostileText: 100,
  prototypeKeys: 30,
  unicode: 150,
} as const;
const TIMEOUT = 120_000;

type Answer = { status: number; contentType: string; text: string };
type Check = (json: unknown, status: number) => string | null;
type Path = readonly (string | number)[];
type Mutation =
  | { kind: 'delete'; path: Path }
  | { kind: 'set'; path: Path; value: unknown }
  | { kind: 'extra'; at: Path; key: string; value: unknown };

// ---- Junk -----------------------------------------------------------------------------

const cp = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCodePoint(c));

const deepArray = (depth: number) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown;
const deepObject = (depth: number) => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`) as unknown;
/** Keys that a plain-object lookup (`fields[key]`) finds on Object.prototype. */
const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupGetter__',
];
const PRIVILEGED_KEYS = ['id', 'status', 'receiptCode', 'anonymous', 'webinarId', 'manageToken', 'createdAt', 'role'];

/**
 * Text a schema-valid field may hold that no form would type: C0/C1 controls (NUL
 * included), noncharacters, plane-14 tags, line separators.
 */
const controlText = fc
  .array(
    fc.oneof(
      cp(0x00, 0x1f),
      cp(0x7f, 0x9f),
      fc.constantFrom('\u0000', '\ufffe', '\uffff', '\u{10ffff}', '\u{e0001}', '\u2028', '\u2029'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }),
    ),
    { minLength: 1, maxLength: 30 },
  )
  .map((chars) => chars.join(''));

/** Ill-formed UTF-16: lone high and low surrogates among ASCII and other BMP text. */
const surrogateText = fc
  .array(
    fc.oneof(
      cp(0xd800, 0xdfff),
      cp(0x20, 0x7e),
      cp(0xa1, 0x7ff),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }),
    ),
    { minLength: 1, maxLength: 30 },
  )
  .map((chars) => chars.join(''));

/** A value of the wrong type, size or shape for any field. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e-308, '', ' ', '\t\n\u00a0', [], {}, [null], { '': '' }),
  fc.integer(),
  fc.double(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc
    .tuple(fc.constantFrom(201, 255, 2_001, 10_001, 40_000, 150_000), fc.constantFrom('x', 'é', '😀', ' ', '\u0000'))
    .map(([n, c]) => c.repeat(n)),
  fc.integer({ min: 20, max: 3_000 }).map((d) => (d % 2 ? deepArray(d) : deepObject(d))),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 40 }),
  fc.constantFrom(...PROTOTYPE_KEYS).map((key) => JSON.parse(`{${JSON.stringify(key)}:{"admin":true}}`) as unknown),
  fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }),
  controlText,
  surrogateText,
);

// Keys named like Object.prototype members have a property of their own below.
const extraKey = fc.oneof(
  fc.constantFrom(...PRIVILEGED_KEYS, 'prototype', ''),
  fc.string({ maxLength: 12 }).filter((key) => !PROTOTYPE_KEYS.includes(key)),
);

function mutations(setPaths: Path[], objectPaths: Path[]): fc.Arbitrary<Mutation[]> {
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...setPaths) }),
    fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom(...setPaths), value: junk }),
    fc.record({ kind: fc.constant('extra' as const), at: fc.constantFrom(...objectPaths), key: extraKey, value: junk }),
  );
  return fc.array(mutation, { maxLength: 3 });
}

function isContainer(value: unknown): value is Record<string | number, unknown> {
  return typeof value === 'object' && value !== null;
}

function resolve(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) node = isContainer(node) ? node[key] : undefined;
  return node;
}

/** Defines an own property, so even "__proto__" becomes a key of the JSON sent. */
function define(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A JSON copy of a valid body with the mutations applied; a mutation whose parent is gone does nothing. */
function mutate(body: object, changes: Mutation[]): unknown {
  const copy = JSON.parse(JSON.stringify(body)) as unknown;
  for (const change of changes) {
    if (change.kind === 'extra') {
      const target = resolve(copy, change.at);
      if (isContainer(target) && !Array.isArray(target)) define(target, change.key, change.value);
      continue;
    }
    const parent = resolve(copy, change.path.slice(0, -1));
    const key = change.path[change.path.length - 1]!;
    if (!isContainer(parent)) continue;
    if (change.kind === 'set') define(parent, key, change.value);
    else if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  }
  return copy;
}

/** Bodies sent with Content-Type: application/json that are not (valid, UTF-8) JSON. */
function notJson(validBody: fc.Arbitrary<object>): fc.Arbitrary<string | Uint8Array> {
  return fc.oneof(
    fc.constantFrom(
      '',
      '{',
      '}',
      '{"barriers":}',
      "{'name':'x'}",
      '{"a":1,}',
      'NaN',
      'undefined',
      'null',
      'true',
      '"text"',
      '42',
      '\uFEFF{}',
      '{"a":"\\u12"}',
      '{"a":"\\ud800"}',
      '{"a":1e999999}',
      '0x10',
      '[1,2',
      '{"a":1}{"b":2}',
      '\u0000',
      `${'['.repeat(60_000)}${']'.repeat(30_000)}`,
      `${'['.repeat(45_000)}${']'.repeat(45_000)}`,
    ),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme-ascii', maxLength: 200 }),
    fc.uint8Array({ maxLength: 200 }),
    validBody.chain((body) => {
      const text = JSON.stringify(body);
      return fc.nat({ max: text.length - 1 }).map((cut) => text.slice(0, cut));
    }),
  );
}

const HOSTILE_TEXT = [
  ['control characters (NUL included) and noncharacters', controlText],
  ['lone surrogates', surrogateText],
] as const;

// ---- Valid bodies ---------------------------------------------------------------------

/** Short free text of printable graphemes; already trimmed and never empty. */
const plainText = (max: number) =>
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 40) })
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= max);

const THEME_SLUGS = Object.keys(THEME_SUBTOPICS);

/** A report the schema and the taxonomy accept; the client submission id is added when sending. */
function validReport(webinarSlug: string): fc.Arbitrary<Omit<TCreateReportInput, 'clientSubmissionId'>> {
  const reporter = fc.oneof(
    fc.constant({ kind: 'anonymous' as const }),
    fc.record(
      {
        kind: fc.constant('named' as const),
        organization: plainText(REPORT_LIMITS.organization),
      },
      { requiredKeys: ['kind', 'organization'] },
    ),
  );
  const themes = fc
    .shuffledSubarray(THEME_SLUGS, { minLength: 1, maxLength: Math.min(REPORT_LIMITS.themes, THEME_SLUGS.length) })
    .chain((slugs) =>
      fc.tuple(
        ...slugs.map((slug) =>
          fc.record(
            {
              slug: fc.constant(slug),
              subtopics: fc.subarray([...THEME_SUBTOPICS[slug]!]),
              provenance: fc.constantFrom('chosen' as const, 'suggested' as const),
            },
            { requiredKeys: ['slug', 'provenance'] },
          ),
        ),
      ),
    );
  return fc
    .constantFrom(...REGIONS)
    .chain((region) =>
      fc.record(
        {
          language: fc.constantFrom(...LANGUAGES),
          reporter,
          region: fc.constant(region),
          countries: fc.shuffledSubarray(countriesOf(region), {
            minLength: 1,
            maxLength: Math.min(REPORT_LIMITS.countries, countriesOf(region).length),
          }),
          corridor: fc.option(
            fc
              .shuffledSubarray(countriesOf(region), { minLength: 2, maxLength: 2 })
              .map(([origin, destination]) => ({ origin: origin!, destination: destination! })),
          ),
          themes,
          barriers: plainText(REPORT_LIMITS.barriers),
          recommendations: plainText(REPORT_LIMITS.recommendations),
          affectedGroups: fc.subarray([...AFFECTED_GROUPS]),
          source: plainText(REPORT_LIMITS.source),
          consent: fc.constantFrom(...REPORT_CONSENTS),
          consentVersion: fc.constant(currentConsentVersion('report')),
          webinarSlug: fc.constantFrom(null, webinarSlug, 'no-such-webinar'),
        },
        {
          requiredKeys: [
            'language',
            'reporter',
            'region',
            'countries',
            'themes',
            'barriers',
            'consent',
            'consentVersion',
          ],
        },
      ),
    )
    .filter((r) => !(r.reporter.kind === 'anonymous' && r.consent === 'attributed'));
}

const REPORT_SET_PATHS: Path[] = [
  ...Object.keys(ZCreateReport.shape).map((key) => [key]),
  ['reporter', 'kind'],
  ['reporter', 'organization'],
  ['reporter', 'name'],
  ['reporter', 'email'],
  ['corridor', 'origin'],
  ['corridor', 'destination'],
  ['countries', 0],
  ['themes', 0],
  ['themes', 0, 'slug'],
  ['themes', 0, 'subtopics'],
  ['themes', 0, 'subtopics', 0],
  ['themes', 0, 'provenance'],
  ['affectedGroups', 0],
];
const REPORT_OBJECT_PATHS: Path[] = [[], ['reporter'], ['corridor'], ['themes', 0]];

const TIME_ZONES = ['Africa/Dakar', 'America/Mexico_City', 'Europe/Paris', 'Asia/Manila', 'Asia/Kolkata', 'UTC'];

/** A registration the schema accepts; a few fixed emails so repeats (200) happen too. */
const validRegistration: fc.Arbitrary<TCreateRegistrationInput> = fc.record(
  {
    name: plainText(200),
    email: fc.oneof(
      fc.constantFrom('amina@example.org', 'AMINA@Example.org', ' lucia.perez@example.org '),
      fc.stringMatching(/^[a-z0-9]{1,16}$/).map((local) => `${local}@example.org`),
    ),
    organization: plainText(200),
    country: fc.constantFrom('SN', 'MX', 'FR', 'SY', 'PH', 'IN', 'ma'),
    language: fc.constantFrom(...LANGUAGES),
    timeZone: fc.constantFrom(...TIME_ZONES),
    consent: fc.constant(true as const),
    consentVersion: fc.constant(currentConsentVersion('registration')),
  },
  { requiredKeys: ['name', 'email', 'country', 'language', 'timeZone', 'consent', 'consentVersion'] },
);
const REGISTRATION_SET_PATHS: Path[] = Object.keys(ZCreateRegistration.shape).map((key) => [key]);

/** Random JSON, and objects with the schema's keys holding random JSON (to get past the first checks). */
function randomJson(keys: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }),
    fc.dictionary(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 2, stringUnit: 'grapheme' }), { maxKeys: 12 }),
    fc.dictionary(fc.constantFrom(...keys), junk, { maxKeys: 12 }),
  );
}

// ---- Unicode ----------------------------------------------------------------------------

const arabic = fc.array(cp(0x0600, 0x06ff), { minLength: 1, maxLength: 10 }).map((cs) => cs.join(''));
const emoji = fc.oneof(
  fc.constantFrom('👩🏽‍⚕️', '🇸🇳', '🇲🇽', '🇸🇾', '🇦🇫', '👨‍👩‍👧‍👦', '🏳️‍🌈', '✊🏿', '🧕🏾', '1️⃣', '❤️‍🔥', '🫶🏼'),
  cp(0x1f300, 0x1faff),
);
const combining = fc.oneof(
  fc.constantFrom('e\u0301', 'Tiếng Việt', 'Nguyễn Thị Hằng', 'नमस्ते', 'क्षत्रिय', 'n\u0303', 'שָׁלוֹם', 'ç̌'),
  fc
    .tuple(cp(0x61, 0x7a), fc.array(cp(0x0300, 0x036f), { minLength: 1, maxLength: 4 }))
    .map(([base, marks]) => base + marks.join('')),
);
/** Bidi marks, isolates, embeddings and joiners: invisible, and not whitespace to String.prototype.trim. */
const controls = fc.constantFrom(
  '\u200f',
  '\u200e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u061c',
  '\u200d',
  '\u200c',
  '\u202b',
  '\u202c',
  '\u202e',
  '\u2060',
);
const latin = fc.stringMatching(/^[A-Za-z0-9.,;:!?'"()-]{1,12}$/);
const piece = fc.oneof(
  { arbitrary: arabic, weight: 4 },
  { arbitrary: emoji, weight: 3 },
  { arbitrary: combining, weight: 3 },
  { arbitrary: controls, weight: 2 },
  { arbitrary: latin, weight: 3 },
);
/** Only between pieces: trim would strip these at the edges. */
const separator = fc.constantFrom('', ' ', ' ', '\n', '\u00a0', '\u200b', '\ufeff', '\u3000');

/** Non-empty text of at most max UTF-16 units, no trimmable edges, every code point whole. */
function unicodeText(max: number, maxPieces = 40): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(separator, piece), { minLength: 1, maxLength: maxPieces })
    .map((parts) => parts.map(([sep, p], i) => (i === 0 ? p : sep + p)).join(''))
    .filter((s) => s.length <= max && s.trim() === s);
}

/** Now and then a text right at the limit, repeated whole code points. */
function unicodeTextUpTo(max: number): fc.Arbitrary<string> {
  const long = unicodeText(max, 8).map((s) => {
    const points = Array.from(s);
    let out = '';
    for (let i = 0; ; i = (i + 1) % points.length) {
      if (out.length + points[i]!.length > max) break;
      out += points[i];
    }
    return out;
  });
  return fc
    .oneof({ arbitrary: unicodeText(max), weight: 9 }, { arbitrary: long, weight: 1 })
    .filter((s) => s.length > 0 && s.trim() === s);
}

/** UTF-8 of a text as hex, for exact comparison (a lone surrogate encodes as U+FFFD, as pg sends it). */
const bytes = (s: string | null | undefined) => Buffer.from(s ?? '', 'utf8').toString('hex');

/** The field names of a 4xx answer. */
// Names read from the raw JSON: parsing drops a "__proto__" key (zod guards against prototype pollution).
const fieldNames = (json: unknown) => {
  ZApiError.parse(json);
  return Object.keys((json as { error: { fields?: object } }).error.fields ?? {});
};

// ---- Checks -------------------------------------------------------------------------------

/** Never a 5xx; a 4xx is the one error shape; a 2xx passes the endpoint's own check. */
function expectWellFormed(answer: Answer, success: Check): unknown {
  const what = `${answer.status} ${answer.contentType} ${answer.text.slice(0, 300)}`;
  if (answer.status >= 500) throw new Error(`server error: ${what}`);
  if (!answer.contentType.startsWith('application/json')) throw new Error(`not a JSON answer: ${what}`);
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    throw new Error(`answer does not parse: ${what}`);
  }
  if (answer.status >= 400) {
    const parsed = ZApiError.safeParse(json);
    if (!parsed.success) throw new Error(`unstructured error: ${what}`);
    if (parsed.data.error.code === 'validation_failed' && Object.keys(parsed.data.error.fields ?? {}).length === 0) {
      throw new Error(`validation error naming no field: ${what}`);
    }
    return json;
  }
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`unexpected status: ${what}`);
  const problem = success(json, answer.status);
  if (problem) throw new Error(`${problem}: ${what}`);
  return json;
}

const reportSubmitted: Check = (json, status) => {
  const parsed = ZReportSubmitted.safeParse(json);
  if (!parsed.success) return 'not a report receipt';
  if (parsed.data.duplicate !== (status === 200)) return 'duplicate flag does not match the status';
  return null;
};

const registrationResult =
  (slug: string): Check =>
  (json, status) => {
    const parsed = ZRegistrationResult.safeParse(json);
    if (!parsed.success) return 'not a registration result';
    if (parsed.data.registration.webinarSlug !== slug) return 'another webinar';
    if (parsed.data.alreadyRegistered !== (status === 200)) return 'alreadyRegistered does not match the status';
    if (JSON.stringify(json).includes('manageToken')) return 'manage token in the answer';
    return null;
  };

// ---- Tests ------------------------------------------------------------------------------

describe('public endpoints under property-based fuzzing', () => {
  let stack: TestStack;
  let webinarSlug: string;

  const send = async (path: string, body: string | Uint8Array, contentType = 'application/json'): Promise<Answer> => {
    const res = await stack.request(path, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
  };

  beforeAll(async () => {
    stack = await startTestStack({
      kind: 'pglite',
      withWorker: false,
      smtp: false,
      env: { REPORT_RATE_LIMIT: '1000000', RECEIPT_RATE_LIMIT: '1000000', REGISTRATION_RATE_LIMIT: '1000000' },
    });
    webinarSlug = (await createWebinarRow(stack.db, { capacity: null })).slug;
  }, TIMEOUT);
  afterAll(async () => {
    await stack?.stop();
  });

  describe('POST /api/reports', () => {
    const postReport = (body: unknown) => send('/api/reports', JSON.stringify(body));

    it(
      'answers arbitrary JSON with a structured 4xx and never a 5xx',
      async () => {
        await fc.assert(
          fc.asyncProperty(randomJson(Object.keys(ZCreateReport.shape)), async (body) => {
            const answer = await postReport(body);
            expectWellFormed(answer, reportSubmitted);
            if (!ZCreateReport.safeParse(body).success) expect(answer.status).toBeGreaterThanOrEqual(400);
          }),
          { numRuns: RUNS.randomJson },
        );
      },
      TIMEOUT,
    );

    it(
      'answers valid reports with mutated, missing or extra fields with field errors, and accepts the unmutated ones',
      async () => {
        await fc.assert(
          fc.asyncProperty(
            validReport(webinarSlug),
            mutations(REPORT_SET_PATHS, REPORT_OBJECT_PATHS),
            async (valid, changes) => {
              const body = mutate({ clientSubmissionId: randomUUID(), ...valid }, changes);
              const answer = await postReport(body);
              expectWellFormed(answer, reportSubmitted);
              if (changes.length === 0) expect(answer.status).toBe(201);
              // What the shared schema refuses the server refuses too.
              else if (!ZCreateReport.safeParse(body).success) expect(answer.status).toBeGreaterThanOrEqual(400);
            },
          ),
          { numRuns: RUNS.mutated },
        );
      },
      TIMEOUT,
    );

    it(
      'answers bodies that are not JSON with a structured 4xx',
      async () => {
        await fc.assert(
          fc.asyncProperty(
            notJson(validReport(webinarSlug).map((r) => ({ clientSubmissionId: randomUUID(), ...r }))),
            fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/json; charset=utf-16'),
            async (body, contentType) => {
              const answer = await send('/api/reports', body, contentType);
              expectWellFormed(answer, reportSubmitted);
              expect(answer.status).toBeGreaterThanOrEqual(400);
            },
          ),
          { numRuns: RUNS.notJson },
        );
      },
      TIMEOUT,
    );

    it(
      'names an unknown field even when it is called like an Object.prototype member',
      async () => {
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...PROTOTYPE_KEYS), async (key) => {
            const answer = await postReport(mutate(reportBody(), [{ kind: 'extra', at: [], key, value: 1 }]));
            expect(answer.status).toBe(400);
            expect(fieldNames(JSON.parse(answer.text))).toContain(key);
          }),
          { numRuns: RUNS.prototypeKeys },
        );
      },
      TIMEOUT,
    );

    it.each(HOSTILE_TEXT)(
      'stores free text holding %s as its UTF-8, or names the field; never a 5xx',
      async (_what, hostileText) => {
        const columns = {
          barriers: 'barriers',
          recommendations: 'recommendations',
          source: 'source',
          'reporter.organization': 'organization',
        } as const;
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...(Object.keys(columns) as (keyof typeof columns)[])),
            hostileText,
            async (field, text) => {
              const valid = reportBody({
                reporter: { kind: 'named', organization: 'Red Migrante' },
                consent: 'attributed',
              });
              const answer = await postReport(mutate(valid, [{ kind: 'set', path: field.split('.'), value: text }]));
              const json = expectWellFormed(answer, reportSubmitted);
              if (answer.status >= 400) {
                expect(fieldNames(json)).toContain(field);
                return;
              }
              const [row] = await stack.db
                .select()
                .from(tables.reports)
                .where(eq(tables.reports.clientSubmissionId, valid.clientSubmissionId));
              expect(bytes(row?.[columns[field]])).toBe(bytes(text.trim()));
            },
          ),
          { numRuns: RUNS.hostileText },
        );
      },
      TIMEOUT,
    );

    it(
      'stores Arabic, emoji, combining marks and bidi controls byte for byte, and finds the receipt',
      async () => {
        const named = fc.record({
          kind: fc.constant('named' as const),
          organization: unicodeTextUpTo(REPORT_LIMITS.organization),
        });
        await fc.assert(
          fc.asyncProperty(
            fc.option(named, { nil: null }),
            unicodeTextUpTo(REPORT_LIMITS.barriers),
            unicodeTextUpTo(REPORT_LIMITS.recommendations),
            unicodeTextUpTo(REPORT_LIMITS.source),
            fc.constantFrom(...LANGUAGES),
            async (reporter, barriers, recommendations, source, language) => {
              const body: TCreateReportInput = {
                clientSubmissionId: randomUUID(),
                language,
                reporter: reporter ?? { kind: 'anonymous' },
                region: 'africa',
                countries: ['SN', 'MA'],
                themes: [{ slug: 'drivers-of-migration', provenance: 'chosen' }],
                barriers,
                recommendations,
                source,
                consent: reporter ? 'attributed' : 'anonymized',
                consentVersion: currentConsentVersion('report'),
              };
              const answer = await postReport(body);
              const { receipt } = expectWellFormed(answer, reportSubmitted) as { receipt: { receiptCode: string } };
              expect(answer.status).toBe(201);

              const [row] = await stack.db
                .select()
                .from(tables.reports)
                .where(eq(tables.reports.clientSubmissionId, body.clientSubmissionId));
              expect(row?.receiptCode).toBe(receipt.receiptCode);
              expect(bytes(row?.barriers)).toBe(bytes(barriers));
              expect(bytes(row?.recommendations)).toBe(bytes(recommendations));
              expect(bytes(row?.source)).toBe(bytes(source));
              expect(bytes(row?.organization)).toBe(bytes(reporter?.organization));

              const look = await stack.request(`/api/reports/receipt/${receipt.receiptCode}`);
              expect(look.status).toBe(200);
              const found = ZReportReceipt.parse(((await look.json()) as { receipt: unknown }).receipt);
              expect(found.receiptCode).toBe(receipt.receiptCode);
            },
          ),
          { numRuns: RUNS.unicode },
        );
      },
      TIMEOUT,
    );
  });

  describe('POST /api/webinars/:slug/registrations', () => {
    const path = () => `/api/webinars/${webinarSlug}/registrations`;
    const postRegistration = (body: unknown) => send(path(), JSON.stringify(body));

    it(
      'answers arbitrary JSON with a structured 4xx and never a 5xx',
      async () => {
        await fc.assert(
          fc.asyncProperty(randomJson(Object.keys(ZCreateRegistration.shape)), async (body) => {
            const answer = await postRegistration(body);
            expectWellFormed(answer, registrationResult(webinarSlug));
            if (!ZCreateRegistration.safeParse(body).success) expect(answer.status).toBeGreaterThanOrEqual(400);
          }),
          { numRuns: RUNS.randomJson },
        );
      },
      TIMEOUT,
    );

    it(
      'answers valid registrations with mutated, missing or extra fields with field errors, and accepts the unmutated ones',
      async () => {
        await fc.assert(
          fc.asyncProperty(validRegistration, mutations(REGISTRATION_SET_PATHS, [[]]), async (valid, changes) => {
            const body = mutate(valid, changes);
            const answer = await postRegistration(body);
            expectWellFormed(answer, registrationResult(webinarSlug));
            if (changes.length === 0) expect([200, 201]).toContain(answer.status);
            else if (!ZCreateRegistration.safeParse(body).success) expect(answer.status).toBeGreaterThanOrEqual(400);
          }),
          { numRuns: RUNS.mutated },
        );
      },
      TIMEOUT,
    );

    it(
      'answers bodies that are not JSON with a structured 4xx',
      async () => {
        await fc.assert(
          fc.asyncProperty(
            notJson(validRegistration),
            fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/json; charset=utf-16'),
            async (body, contentType) => {
              const answer = await send(path(), body, contentType);
              expectWellFormed(answer, registrationResult(webinarSlug));
              expect(answer.status).toBeGreaterThanOrEqual(400);
            },
          ),
          { numRuns: RUNS.notJson },
        );
      },
      TIMEOUT,
    );

    it(
      'names an unknown field even when it is called like an Object.prototype member',
      async () => {
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...PROTOTYPE_KEYS), async (key) => {
            const answer = await postRegistration(
              mutate(registrationBody(), [{ kind: 'extra', at: [], key, value: 1 }]),
            );
            expect(answer.status).toBe(400);
            expect(fieldNames(JSON.parse(answer.text))).toContain(key);
          }),
          { numRuns: RUNS.prototypeKeys },
        );
      },
      TIMEOUT,
    );

    it.each(HOSTILE_TEXT)(
      'stores a name or organization holding %s as its UTF-8, or names the field; never a 5xx',
      async (_what, hostileText) => {
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom('name' as const, 'organization' as const),
            hostileText,
            async (field, text) => {
              const valid = registrationBody({ email: `h-${randomUUID()}@example.org` });
              const answer = await postRegistration({ ...valid, [field]: text });
              const json = expectWellFormed(answer, registrationResult(webinarSlug));
              if (answer.status >= 400) {
                expect(fieldNames(json)).toContain(field);
                return;
              }
              const { registration } = json as { registration: { id: string } };
              const [row] = await stack.db
                .select()
                .from(tables.registrations)
                .where(eq(tables.registrations.id, registration.id));
              expect(bytes(row?.[field])).toBe(bytes(text.trim()));
            },
          ),
          { numRuns: RUNS.hostileText },
        );
      },
      TIMEOUT,
    );

    it(
      'stores names and organizations in any script byte for byte',
      async () => {
        await fc.assert(
          fc.asyncProperty(
            unicodeTextUpTo(200),
            unicodeTextUpTo(200),
            fc.constantFrom(...LANGUAGES),
            async (name, organization, language) => {
              const answer = await postRegistration({
                name,
                // A new person each run, so the row read back is this run's.
                email: `r-${randomUUID()}@example.org`,
                organization,
                country: 'SN',
                language,
                timeZone: 'Africa/Dakar',
                consent: true,
                consentVersion: currentConsentVersion('registration'),
              } satisfies TCreateRegistrationInput);
              const { registration } = expectWellFormed(answer, registrationResult(webinarSlug)) as {
                registration: { id: string };
              };
              expect(answer.status).toBe(201);

              const [row] = await stack.db
                .select()
                .from(tables.registrations)
                .where(eq(tables.registrations.id, registration.id));
              expect(bytes(row?.name)).toBe(bytes(name));
              expect(bytes(row?.organization)).toBe(bytes(organization));
            },
          ),
          { numRuns: RUNS.unicode },
        );
      },
      TIMEOUT,
    );
  });
});
