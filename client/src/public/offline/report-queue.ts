import { CONSENT_VERSIONS, type TCreateReport, type TFieldError, type TReportReceipt } from '@convene/shared';
import { sendReport } from '../api/reports';
import { clearDeviceStore, deviceStore } from './device-store';
import { clearDraftOf } from './report-draft';

/** A report saved on the device until the server has it. */
export type QueuedReport = {
  id: string;
  body: TCreateReport;
  queuedAt: string;
  attempts: number;
  /** After a 429: when the server will take reports from this network again. */
  notBefore?: string;
};
/** A report the server has: its receipt stays on the device for the reporter. */
export type SentReport = { id: string; receipt: TReportReceipt; sentAt: string };
/** A report the server refused as it is (e.g. a theme withdrawn meanwhile): kept to be corrected. */
export type RejectedReport = { id: string; body: TCreateReport; fields: Record<string, TFieldError>; code: string };

export type QueueState = { queued: QueuedReport[]; sent: SentReport[]; rejected: RejectedReport[] };

const QUEUED = 'queued:';
const SENT = 'sent:';
const REJECTED = 'rejected:';
const RETRY_MS = 30_000;

let state: QueueState = { queued: [], sent: [], rejected: [] };
const listeners = new Set<() => void>();
let flushing: Promise<void> | null = null;
let again = false;

/** For useSyncExternalStore. */
export const getQueueState = (): QueueState => state;
export function subscribeToQueue(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function reload(): Promise<void> {
  const store = await deviceStore();
  const byDate = <T extends { id: string }>(items: Array<[string, T]>, date: (t: T) => string) =>
    items.map(([, v]) => v).sort((a, b) => date(a).localeCompare(date(b)));
  state = {
    queued: byDate(await store.list<QueuedReport>(QUEUED), (q) => q.queuedAt),
    sent: byDate(await store.list<SentReport>(SENT), (s) => s.sentAt),
    rejected: byDate(await store.list<RejectedReport>(REJECTED), (r) => r.id),
  };
  for (const listener of listeners) listener();
}

/**
 * Puts a report in the device's queue — before any attempt to send it, so a closed tab or
 * a crash loses nothing — then tries to send the queue.
 */
export async function enqueueReport(body: TCreateReport): Promise<void> {
  const store = await deviceStore();
  const item: QueuedReport = {
    id: body.clientSubmissionId,
    body,
    queuedAt: new Date().toISOString(),
    attempts: 0,
  };
  await store.set(QUEUED + item.id, item);
  await store.delete(REJECTED + item.id);
  await reload();
  await flushQueue();
}

/**
 * Sends every queued report, oldest first. One flush at a time; a report leaves the queue
 * only when the server has answered for it. The client submission id makes a resend of a
 * report the server already has (its answer lost on the way) harmless.
 */
export function flushQueue(): Promise<void> {
  if (flushing) {
    // A report queued during a flush goes out in a second round of the same flush.
    again = true;
    return flushing;
  }
  flushing = (async () => {
    do {
      again = false;
      await flushOnce();
    } while (again);
  })().finally(() => {
    flushing = null;
    scheduleRetry();
  });
  return flushing;
}

let retryTimer: number | undefined;

/**
 * After a failed round, try again soon — 5 s, then a little longer each time, at most
 * every 30 s — without waiting for the browser to report a change of network.
 */
function scheduleRetry(): void {
  window.clearTimeout(retryTimer);
  const [first] = state.queued;
  if (!first || !started) return;
  // Rate limited: the server said how long to wait, and asking sooner would be refused again.
  const wait = first.notBefore ? Date.parse(first.notBefore) - Date.now() : 0;
  const delay = Math.max(wait, Math.min(RETRY_MS, 5_000 * Math.max(1, first.attempts)));
  retryTimer = window.setTimeout(() => {
    if (navigator.onLine !== false) void flushQueue();
  }, delay);
}

async function flushOnce(): Promise<void> {
  try {
    await reload();
    const store = await deviceStore();
    for (const item of state.queued) {
      const result = await sendReport(withConsentVersion(item.body));
      if (result.ok) {
        const sent: SentReport = { id: item.id, receipt: result.data.receipt, sentAt: new Date().toISOString() };
        await store.set(SENT + item.id, sent);
        await store.delete(QUEUED + item.id);
        // The server has it: the text stays on the device nowhere, only the receipt code.
        await clearDraftOf(item.id);
      } else if (isFinal(result.error.status)) {
        const rejected: RejectedReport = {
          id: item.id,
          body: item.body,
          fields: result.error.fields ?? {},
          code: result.error.code,
        };
        await store.set(REJECTED + item.id, rejected);
        await store.delete(QUEUED + item.id);
      } else {
        // Offline, server error, rate limited: it stays, and goes on a later try.
        const { retryAfter } = result.error;
        const notBefore = retryAfter ? new Date(Date.now() + retryAfter * 1000).toISOString() : undefined;
        await store.set(QUEUED + item.id, { ...item, attempts: item.attempts + 1, notBefore });
        break;
      }
      await reload();
    }
  } finally {
    await reload();
  }
}

/** A refusal that sending again will not change: bad input. Not 408/429, not 5xx, not no answer. */
function isFinal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** Forgets a receipt the reporter has seen, or a refused report they chose to drop. */
export async function forget(id: string): Promise<void> {
  const store = await deviceStore();
  await store.delete(SENT + id);
  await store.delete(REJECTED + id);
  await reload();
}

let started = false;

/**
 * Sends the queue now, whenever the browser says it is back online, when the page comes
 * back into view, and again after each failed round (see scheduleRetry). Safe to call more than once.
 */
export function startAutoFlush(): void {
  if (started) return;
  started = true;
  const tryNow = () => {
    if (navigator.onLine !== false) void flushQueue();
  };
  window.addEventListener('online', tryNow);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') tryNow();
  });
  void reload().then(tryNow);
}

/** Whether a submission id is already queued or sent from this device. */
export async function isKnownSubmission(id: string): Promise<boolean> {
  const store = await deviceStore();
  return (await store.get(QUEUED + id)) !== undefined || (await store.get(SENT + id)) !== undefined;
}

/**
 * "Forget this device": every report, draft, receipt and refusal the form kept here is
 * removed — reports still waiting to be sent too, which the reporter has been asked to
 * confirm — and any response to the report API a cache of this origin holds (the service
 * worker caches none today; this stays true if one ever does).
 */
export async function forgetDevice(): Promise<void> {
  window.clearTimeout(retryTimer);
  // A flush in progress would write its outcome back after the clearing.
  await flushing?.catch(() => undefined);
  await clearDeviceStore();
  await clearReportResponses();
  await reload();
}

async function clearReportResponses(): Promise<void> {
  if (typeof caches === 'undefined') return;
  try {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        if (new URL(request.url).pathname.startsWith('/api/reports')) await cache.delete(request);
      }
    }
  } catch {
    // Cache Storage refused (an insecure origin): nothing was cached there.
  }
}

/**
 * A report queued before consent versions existed has none: its reporter saw the wording the
 * first version records (versions began with that text unchanged), so it goes with that one
 * rather than being refused for a field the form did not have yet.
 */
function withConsentVersion(body: TCreateReport): TCreateReport {
  if ((body as Partial<TCreateReport>).consentVersion) return body;
  return { ...body, consentVersion: CONSENT_VERSIONS.report.at(-1)!.id };
}
