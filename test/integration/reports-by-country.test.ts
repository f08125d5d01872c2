import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TAdminReportList } from '@convene/shared';
import { reportBody, truncateActivity } from '../factories.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const THEME = 'human-rights-inclusion';

describe.each(databaseKinds())('GET /api/admin/reports byCountry (%s)', (kind) => {
  let stack: TestStack;
  let admin: CoordinatorSession;

  const list = async (query: string) => {
    const res = await stack.request(`/api/admin/reports?${query}`, { headers: { cookie: admin.cookie } });
    expect(res.status).toBe(200);
    return (await res.json()) as TAdminReportList;
  };

  beforeAll(async () => {
    stack = await startTestStack({ kind, withWorker: false, env: { REPORT_RATE_LIMIT: '10000' } });
    admin = await signIn(stack);
    await truncateActivity(stack.db);
    const sends = [
      { countries: ['MA', 'SN'] },
      { countries: ['SN'] },
      { countries: ['SN'], language: 'fr' as const, barriers: 'Pêcheurs détenus en mer.' },
      { countries: ['ML'], themes: [{ slug: 'smuggling-trafficking', provenance: 'chosen' as const }] },
      { region: 'europe' as const, countries: ['FR'] },
    ];
    for (const overrides of sends) {
      const body = reportBody({ themes: [{ slug: THEME, provenance: 'chosen' }], corridor: null, ...overrides });
      expect((await stack.request('/api/reports', { method: 'POST', json: body })).status).toBe(201);
    }
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('counts the reports of a theme and region per country, a report under each of its countries', async () => {
    const africa = await list(`theme=${THEME}&region=africa`);
    expect(africa.total).toBe(3);
    expect(africa.byCountry).toEqual({ MA: 1, SN: 3 });
  });

  it('counts over every page, not only the one shown', async () => {
    const firstPage = await list(`theme=${THEME}&region=africa&pageSize=1`);
    expect(firstPage.reports).toHaveLength(1);
    expect(firstPage.byCountry).toEqual({ MA: 1, SN: 3 });
  });

  it('follows the other filters', async () => {
    expect((await list(`theme=${THEME}&region=africa&language=fr`)).byCountry).toEqual({ SN: 1 });
    expect((await list('region=africa')).byCountry).toEqual({ MA: 1, ML: 1, SN: 3 });
    expect((await list('region=oceania')).byCountry).toEqual({});
  });
});
