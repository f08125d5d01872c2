import { EVENTS, reportEventMatches, type TAdminReportList } from '@convene/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { loadAdminSchemas } from '../api/admin-request';
import { listReports, type ReportQuery } from '../api/endpoints';
import type { Resource } from '../components/use-resource';
import { useLiveEvent, useResync } from '../live/live-connection';

/** What the reports list says about reports that arrived since it was loaded. */
export type NewReportsNotice =
  | { kind: 'none' }
  /** This many new reports match the filters. */
  | { kind: 'new'; count: number }
  /** This many may match: a text search or webinar filter could not be checked. */
  | { kind: 'maybe'; count: number }
  /** Events were missed (the connection dropped) and the list's total moved meanwhile. */
  | { kind: 'changed' };

// A burst of reports (an offline queue emptying) is checked against the server once.
const CHECK_DELAY_MS = 400;
// The most the API gives in one page: enough to check every report of a burst.
const CHECK_PAGE_SIZE = 200;

const withoutPage = ({ page: _page, ...filters }: ReportQuery): ReportQuery => filters;

/**
 * Counts the `report:submitted` events that belong in the list shown (the filters in
 * `apiQuery`), without touching the list itself: the reader's place stays put until they ask
 * for the new reports. The event names the region, countries, themes and language, so most
 * filters are answered from it; for a text search or a webinar, which it leaves out, the new
 * reports are looked up once per burst (`from` their arrival) and only those the server
 * returns count. After a reconnection the list's total is read again to catch missed events.
 */
export function useNewReports(
  key: string,
  apiQuery: ReportQuery,
  list: Resource<TAdminReportList>,
): { notice: NewReportsNotice; clear: () => void } {
  const [sure, setSure] = useState<string[]>([]);
  const [maybe, setMaybe] = useState<string[]>([]);
  const [stale, setStale] = useState(false);
  // Reports the event could not place, by id, with their arrival instant.
  const unsure = useRef(new Map<string, string>());
  const timer = useRef<number | undefined>(undefined);
  const checking = useRef<AbortController | null>(null);
  const rereading = useRef<AbortController | null>(null);
  const known = useRef(new Set<string>());

  const latest = useRef({ apiQuery, list, sure, maybe });
  useEffect(() => {
    latest.current = { apiQuery, list, sure, maybe };
  });

  const clear = useCallback(() => {
    window.clearTimeout(timer.current);
    checking.current?.abort();
    rereading.current?.abort();
    unsure.current.clear();
    known.current.clear();
    setSure([]);
    setMaybe([]);
    setStale(false);
  }, []);

  // Other filters, another list: what was counted for the previous one no longer applies.
  useEffect(() => clear, [key, clear]);

  const check = useCallback(() => {
    const batch = new Map(unsure.current);
    unsure.current.clear();
    if (batch.size === 0) return;
    const from = [...batch.values()].reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
    const controller = new AbortController();
    checking.current = controller;
    listReports({ ...withoutPage(latest.current.apiQuery), from }, controller.signal, CHECK_PAGE_SIZE).then(
      (result) => {
        if (controller.signal.aborted) return;
        const ids = [...batch.keys()];
        if (!result.ok) {
          setMaybe((current) => [...current, ...ids]);
          return;
        }
        const found = new Set(result.data.reports.map((report) => report.id));
        // Beyond one page the server's answer is not the whole story: those stay "may match".
        const complete = result.data.total <= result.data.reports.length;
        setSure((current) => [...current, ...ids.filter((id) => found.has(id))]);
        if (!complete) setMaybe((current) => [...current, ...ids.filter((id) => !found.has(id))]);
      },
      () => undefined, // aborted: the filters changed or the reader showed the new reports
    );
  }, []);

  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      checking.current?.abort();
      rereading.current?.abort();
    },
    [],
  );

  useLiveEvent(EVENTS.reportSubmitted, (payload) => {
    loadAdminSchemas().then(
      (s) => {
        const parsed = s.ZReportSubmittedEvent.safeParse(payload);
        if (!parsed.success) return;
        const event = parsed.data;
        if (known.current.has(event.reportId)) return; // the same event twice
        known.current.add(event.reportId);
        const match = reportEventMatches(event, withoutPage(latest.current.apiQuery));
        if (match === 'yes') setSure((current) => [...current, event.reportId]);
        if (match === 'maybe') {
          unsure.current.set(event.reportId, event.receivedAt);
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(check, CHECK_DELAY_MS);
        }
      },
      () => undefined, // no schemas: nothing counted, the list stays as it is
    );
  });

  // Events missed while disconnected: does the list's total still add up?
  useResync(() => {
    const { apiQuery: query, list: shown, sure: counted, maybe: perhaps } = latest.current;
    if (shown.state !== 'ok') return;
    rereading.current?.abort();
    const controller = new AbortController();
    rereading.current = controller;
    listReports(query, controller.signal).then(
      (result) => {
        if (!result.ok || controller.signal.aborted) return;
        const shownIds = new Set(shown.data.reports.map((report) => report.id));
        const expected =
          shown.data.total +
          counted.filter((id) => !shownIds.has(id)).length +
          perhaps.filter((id) => !shownIds.has(id)).length;
        if (result.data.total !== expected) setStale(true);
      },
      () => undefined,
    );
  });

  const notice = useMemo<NewReportsNotice>(() => {
    const shownIds = new Set(list.state === 'ok' ? list.data.reports.map((report) => report.id) : []);
    const newSure = sure.filter((id) => !shownIds.has(id)).length;
    const newMaybe = maybe.filter((id) => !shownIds.has(id)).length;
    if (stale) return { kind: 'changed' };
    if (newMaybe > 0) return { kind: 'maybe', count: newSure + newMaybe };
    if (newSure > 0) return { kind: 'new', count: newSure };
    return { kind: 'none' };
  }, [list, sure, maybe, stale]);

  return { notice, clear };
}
