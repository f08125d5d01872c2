/**
 * The 100,000-report corpus of the coordinator-workspace benchmarks (compile_theme_vs_sql,
 * csv_export_100k): the platform on a fresh database filled with a realistic mix of reports,
 * inserted directly with drizzle in batches. Deterministic (seeded): the same mix every run.
 *
 * Both benchmarks share one corpus per database kind, within a run: a benchmark takes a lease
 * at the start of its run() and releases it at the end; the corpora are stopped on the next
 * turn of the event loop unless another lease was taken in between, which is what the harness
 * does when the next benchmark it runs is the other corpus benchmark (it calls run() without
 * giving the event loop a turn). Run on its own, each benchmark generates the corpus itself.
 */
import { randomUUID } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  AFFECTED_GROUPS,
  countriesOf,
  LANGUAGES,
  REGIONS,
  SEED_THEMES,
  subtopicsOf,
  type TLanguage,
  type TRegion,
} from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq, sql } from 'drizzle-orm';
import { newReceiptCode } from '../../../server/src/services/reports/receipt-code.js';
import { ensureThemes } from '../../factories.js';
import { ADMIN, type TestStack } from '../../support/stack.js';
import type { DbKind } from '../../support/test-database.js';
import type { BenchEntry } from '../types.js';
import { databaseKinds, log, startPlatform } from './platform.js';

export const CORPUS_REPORTS = 100_000;
const BATCH = 2_000;
const COUNTRIES_PER_REGION = 12;
const DAY = 86_400_000;
/** Reports are spread over this many days before the generation. */
const SPAN_DAYS = 120;

/** The consultation themes of the seed taxonomy: what reports are tagged with. */
export const CORPUS_THEMES = SEED_THEMES.filter((t) => t.kind === 'consultation').map((t) => t.slug);

export type CorpusStats = {
  reports: number;
  reportThemes: number;
  byStatus: Record<string, number>;
  byConsent: Record<string, number>;
  byLanguage: Record<string, number>;
  byRegion: Record<string, number>;
  countries: number;
  redacted: number;
  anonymous: number;
  /** Reports with status included, per theme (a report counts for each of its themes). */
  includedByTheme: Record<string, number>;
  /** Characters of barriers + recommendations + source, all reports. */
  textChars: number;
  generationMs: number;
  analyzeMs: number;
};

export type Corpus = {
  kind: DbKind;
  stack: TestStack;
  admin: { id: string; email: string };
  stats: CorpusStats;
};

/** mulberry32: a small seeded generator, so every run writes the same corpus. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS: Record<TLanguage, string[]> = {
  en: (
    'migrants workers border detention access health care documents visa permit employer wages ' +
    'families children women shelter transit route smugglers traffickers ransom consular help ' +
    'deportation return camps authorities police abuse fear language services schools housing ' +
    'remittances debt recruitment fees passports confiscated overtime unpaid contracts courts ' +
    'lawyers interpreters community network outreach regularization asylum claims backlog months'
  ).split(' '),
  fr: (
    'personnes migrantes travailleurs frontière détention accès soins santé documents visa titre ' +
    'employeur salaires familles enfants femmes hébergement transit route passeurs trafiquants ' +
    'rançon aide consulaire expulsion retour camps autorités police abus peur langue services ' +
    'écoles logement transferts dette recrutement frais passeports confisqués heures impayées ' +
    'contrats tribunaux avocats interprètes communauté réseau régularisation asile demandes mois'
  ).split(' '),
  es: (
    'personas migrantes trabajadores frontera detención acceso salud atención documentos visa ' +
    'permiso empleador salarios familias niñas niños mujeres albergue tránsito ruta traficantes ' +
    'rescate ayuda consular deportación retorno campamentos autoridades policía abuso miedo ' +
    'idioma servicios escuelas vivienda remesas deuda reclutamiento cuotas pasaportes retenidos ' +
    'horas impagas contratos tribunales abogados intérpretes comunidad red regularización asilo'
  ).split(' '),
  ar: (
    'المهاجرون العمال الحدود الاحتجاز الوصول الرعاية الصحية الوثائق التأشيرة التصريح صاحب العمل ' +
    'الأجور الأسر الأطفال النساء المأوى العبور الطريق المهربون المتاجرون الفدية المساعدة القنصلية ' +
    'الترحيل العودة المخيمات السلطات الشرطة الإساءة الخوف اللغة الخدمات المدارس السكن التحويلات ' +
    'الديون التوظيف الرسوم جوازات مصادرة ساعات غير مدفوعة العقود المحاكم المحامون المترجمون المجتمع'
  ).split(' '),
};

const ORGANIZATIONS = [
  'Migrant Workers Network',
  'Caminantes',
  'Réseau Migrations Sahel',
  'Red Jesuita con Migrantes',
  'Asia Pacific Refugee Rights',
  'شبكة حقوق المهاجرين',
  'Pacific Islands Mobility Forum',
  'European Migrant Solidarity',
];

const SOURCES = [
  'Interviews by our outreach team',
  'Focus group with domestic workers',
  'Case files of our legal clinic',
  'Hotline calls over the last quarter',
  'Community meeting notes',
  'Survey of 120 members',
];

type NewReport = typeof tables.reports.$inferInsert;
type NewReportTheme = typeof tables.reportThemes.$inferInsert;

class ReportFactory {
  private readonly random: () => number;
  readonly countriesByRegion: Record<TRegion, string[]>;

  constructor(
    seed: number,
    private readonly adminId: string,
    private readonly end: number,
  ) {
    this.random = prng(seed);
    // About 60 countries: the first twelve of each region (M49 order).
    this.countriesByRegion = Object.fromEntries(
      REGIONS.map((region) => [region, countriesOf(region).slice(0, COUNTRIES_PER_REGION)]),
    ) as Record<TRegion, string[]>;
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)]!;
  }

  private some<T>(values: readonly T[], n: number): T[] {
    const pool = [...values];
    const out: T[] = [];
    while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(this.random() * pool.length), 1)[0]!);
    return out;
  }

  /** Sentences of 8–16 words until about `length` characters, cut at a word. */
  text(language: TLanguage, length: number): string {
    const words = WORDS[language];
    let out = '';
    while (out.length < length) {
      const n = this.int(8, 16);
      const sentence: string[] = [];
      for (let i = 0; i < n; i++) sentence.push(this.pick(words));
      const first = sentence[0]!;
      sentence[0] = first.charAt(0).toUpperCase() + first.slice(1);
      out += (out ? ' ' : '') + sentence.join(' ') + '.';
    }
    const cut = out.lastIndexOf(' ', length);
    return out.slice(0, cut > length / 2 ? cut : length);
  }

  report(): { report: NewReport; themes: NewReportTheme[] } {
    const id = randomUUID();
    const region = this.pick(REGIONS);
    const pool = this.countriesByRegion[region];
    const countries = this.some(pool, this.random() < 0.7 ? 1 : this.int(2, 3));
    const language = this.pick(LANGUAGES);
    const anonymous = this.random() < 0.5;
    const c = this.random();
    const consent = anonymous
      ? c < 0.8
        ? ('anonymized' as const)
        : ('coordinators_only' as const)
      : c < 0.55
        ? ('attributed' as const)
        : c < 0.85
          ? ('anonymized' as const)
          : ('coordinators_only' as const);
    const s = this.random();
    const status = s < 0.3 ? 'included' : s < 0.6 ? 'new' : s < 0.85 ? 'reviewed' : 'excluded';
    const createdAt = new Date(this.end - Math.floor(this.random() * SPAN_DAYS * DAY));
    const barriers = this.text(language, this.int(200, 1500));
    const recommendations = this.text(language, this.int(200, 1500));
    const source = this.random() < 0.8 ? this.pick(SOURCES) : '';
    const redacted = status !== 'new' && this.random() < 0.15;
    const corridor = this.random() < 0.4;
    const origin = this.pick(this.countriesByRegion[this.pick(REGIONS)]);
    const destination = countries[0]!;
    const org = anonymous ? null : this.pick(ORGANIZATIONS);
    const report: NewReport = {
      id,
      clientSubmissionId: randomUUID(),
      receiptCode: newReceiptCode(),
      language,
      anonymous,
      organization: org,
      contactName: anonymous ? null : this.random() < 0.6 ? 'Rosa Martínez' : null,
      contactEmail: anonymous ? null : this.random() < 0.6 ? `contact${this.int(1, 5000)}@example.org` : null,
      region,
      countries,
      corridorOrigin: corridor && origin !== destination ? origin : null,
      corridorDestination: corridor && origin !== destination ? destination : null,
      barriers,
      recommendations,
      affectedGroups: this.some(AFFECTED_GROUPS, this.int(0, 3)),
      source,
      consent,
      status,
      redactedBarriers: redacted ? barriers.replace(/\S+/g, (w) => (this.random() < 0.05 ? '[redacted]' : w)) : null,
      redactedRecommendations: redacted ? recommendations : null,
      redactedSource: redacted ? '' : null,
      redactedAt: redacted ? new Date(createdAt.getTime() + DAY) : null,
      redactedBy: redacted ? this.adminId : null,
      createdAt,
      updatedAt: createdAt,
    };
    const themes = this.some(CORPUS_THEMES, this.int(1, 3)).map((slug, i) => ({
      reportId: id,
      themeSlug: slug,
      subtopics: this.some(subtopicsOf(slug), this.int(0, 2)),
      provenance: i === 0 || this.random() < 0.7 ? ('chosen' as const) : ('suggested' as const),
      createdAt,
    }));
    return { report, themes };
  }
}

const bump = (counts: Record<string, number>, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

/** Writes `count` reports and their themes in batches of 2,000 (one transaction each). */
export async function generateReports(
  stack: TestStack,
  adminId: string,
  count = CORPUS_REPORTS,
  seed = 20_27,
): Promise<CorpusStats> {
  await ensureThemes(stack.db);
  const factory = new ReportFactory(seed, adminId, Date.now() - 60_000);
  const stats: CorpusStats = {
    reports: 0,
    reportThemes: 0,
    byStatus: {},
    byConsent: {},
    byLanguage: {},
    byRegion: {},
    countries: 0,
    redacted: 0,
    anonymous: 0,
    includedByTheme: {},
    textChars: 0,
    generationMs: 0,
    analyzeMs: 0,
  };
  const countries = new Set<string>();
  const started = performance.now();
  let lastLog = started;
  for (let done = 0; done < count; done += BATCH) {
    const reports: NewReport[] = [];
    const themes: NewReportTheme[] = [];
    for (let i = 0; i < Math.min(BATCH, count - done); i++) {
      const made = factory.report();
      reports.push(made.report);
      themes.push(...made.themes);
      const r = made.report;
      bump(stats.byStatus, r.status!);
      bump(stats.byConsent, r.consent);
      bump(stats.byLanguage, r.language);
      bump(stats.byRegion, r.region);
      for (const c of r.countries) countries.add(c);
      if (r.redactedAt) stats.redacted++;
      if (r.anonymous) stats.anonymous++;
      if (r.status === 'included') for (const t of made.themes) bump(stats.includedByTheme, t.themeSlug);
      stats.textChars += r.barriers.length + (r.recommendations?.length ?? 0) + (r.source?.length ?? 0);
    }
    await stack.db.transaction(async (tx) => {
      await tx.insert(tables.reports).values(reports);
      await tx.insert(tables.reportThemes).values(themes);
    });
    stats.reports += reports.length;
    stats.reportThemes += themes.length;
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      log(`  ${stats.reports} reports written (${Math.round((lastLog - started) / 1000)} s)`);
    }
  }
  stats.generationMs = Math.round(performance.now() - started);
  stats.countries = countries.size;
  // The steady state autovacuum reaches on PostgreSQL soon after a bulk load (PGlite has no
  // autovacuum): statistics for the planner, and no vacuum starting in the middle of a timing.
  const analyzeStarted = performance.now();
  await stack.db.execute(sql`vacuum analyze reports`);
  await stack.db.execute(sql`vacuum analyze report_themes`);
  stats.analyzeMs = Math.round(performance.now() - analyzeStarted);
  return stats;
}

/** The platform's admin account (created at start-up from ADMIN_EMAIL). */
export async function adminAccount(stack: TestStack): Promise<{ id: string; email: string }> {
  const [row] = await stack.db
    .select({ id: tables.coordinatorAccounts.id, email: tables.coordinatorAccounts.email })
    .from(tables.coordinatorAccounts)
    .where(eq(tables.coordinatorAccounts.email, ADMIN.email));
  if (!row) throw new Error(`no admin account ${ADMIN.email}`);
  return row;
}

async function createCorpus(kind: DbKind): Promise<Corpus> {
  log(`corpus: starting the platform on ${kind} and writing ${CORPUS_REPORTS.toLocaleString('en')} reports`);
  const stack = await startPlatform(kind, {});
  try {
    const admin = await adminAccount(stack);
    const stats = await generateReports(stack, admin.id);
    log(
      `corpus: ${stats.reports} reports (${stats.reportThemes} theme tags) written in ${stats.generationMs} ms, ` +
        `vacuum analyze ${stats.analyzeMs} ms`,
    );
    return { kind, stack, admin, stats };
  } catch (err) {
    await stack.stop();
    throw err;
  }
}

const corpora = new Map<DbKind, Promise<Corpus>>();
let leases = 0;
let stopTimer: NodeJS.Timeout | undefined;
let stopping: Promise<void> = Promise.resolve();

async function stopAll(): Promise<void> {
  const all = [...corpora.values()];
  corpora.clear();
  for (const pending of all) {
    const corpus = await pending.catch(() => null);
    if (corpus) {
      log(`corpus: stopping the platform on ${corpus.kind}`);
      await corpus.stack.stop();
    }
  }
}

export type CorpusLease = {
  /** The corpus on a database kind, generated on first use. */
  get: (kind: DbKind) => Promise<Corpus>;
  /** Ends the lease; see the module comment for when the corpora are stopped. */
  release: () => void;
};

/** Call synchronously at the start of a benchmark's run(), release in its finally. */
export function leaseCorpus(): CorpusLease {
  clearTimeout(stopTimer);
  stopTimer = undefined;
  leases++;
  let released = false;
  return {
    get: (kind) => {
      let pending = corpora.get(kind);
      if (!pending) {
        pending = createCorpus(kind);
        corpora.set(kind, pending);
        pending.catch(() => corpora.delete(kind));
      }
      return pending;
    },
    release: () => {
      if (released) return;
      released = true;
      leases--;
      if (leases > 0) return;
      stopTimer = setTimeout(() => {
        stopTimer = undefined;
        stopping = stopAll().catch((err: unknown) => log(`corpus: stopping failed: ${String(err)}`));
      }, 0);
    },
  };
}

/**
 * Runs `bench` on the corpus of each database this run measures (PGlite, then PostgreSQL when
 * configured), under one lease: a benchmark's whole run() for the common case.
 */
export async function onEachCorpus(bench: (corpus: Corpus) => Promise<BenchEntry>): Promise<BenchEntry[]> {
  const lease = leaseCorpus();
  try {
    const entries: BenchEntry[] = [];
    for (const kind of databaseKinds() as DbKind[]) entries.push(await bench(await lease.get(kind)));
    return entries;
  } finally {
    lease.release();
  }
}

/** Resolves once corpora released by an earlier benchmark are stopped (so they do not skew the next one). */
export async function corporaStopped(): Promise<void> {
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  await stopping;
}

let gcFunction: (() => void) | null | undefined;

/** A full garbage collection, when V8 lets us have one (exposed at run time); false otherwise. */
export function collectGarbage(): boolean {
  if (gcFunction === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gcFunction = runInNewContext('gc') as () => void;
    } catch {
      gcFunction = null;
    }
  }
  if (!gcFunction) return false;
  gcFunction();
  return true;
}
