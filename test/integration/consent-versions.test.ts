import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { currentConsentVersion, ZPrivacyFacts } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { createWebinarRow, registrationBody, reportBody, truncateActivity } from '../factories.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

/*
 * Issue 13 part 3: the consent wording a person saw is sent with the submission, checked,
 * and stored beside the consent; a version no form ever showed is refused and writes nothing.
 */
describe.each(databaseKinds())('consent versions (%s)', (kind) => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({
      kind,
      env: {
        RETENTION_REGISTRANT_DAYS: '45',
        RETENTION_REPORTER_DAYS: '21',
        RETENTION_CONTACT_DAYS: '120',
        PRIVACY_CONTROLLER_NAME: 'Test Coalition',
      },
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });
  beforeEach(async () => {
    await truncateActivity(stack.db);
  });

  type ErrorBody = { error: { code: string; fields: Record<string, { code: string }> } };

  it('stores the registration consent version the form sent', async () => {
    const webinar = await createWebinarRow(stack.db);
    const res = await stack.request(`/api/webinars/${webinar.slug}/registrations`, {
      method: 'POST',
      json: registrationBody(),
    });
    expect(res.status).toBe(201);
    const rows = await stack.db.select().from(tables.registrations);
    expect(rows.map((r) => r.consentVersion)).toEqual([currentConsentVersion('registration')]);
  });

  it.each([
    ['an unknown version', { consentVersion: '1999-01-01' }],
    ['no version', { consentVersion: undefined }],
  ])('refuses a registration with %s (400 on consentVersion) and writes nothing', async (_label, override) => {
    const webinar = await createWebinarRow(stack.db);
    const res = await stack.request(`/api/webinars/${webinar.slug}/registrations`, {
      method: 'POST',
      json: { ...registrationBody(), ...override },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.fields.consentVersion?.code).toBe('consent_version_unknown');
    expect(await stack.db.select().from(tables.registrations)).toHaveLength(0);
  });

  it('stores the report consent version the form sent', async () => {
    const res = await stack.request('/api/reports', { method: 'POST', json: reportBody() });
    expect(res.status).toBe(201);
    const rows = await stack.db.select().from(tables.reports);
    expect(rows.map((r) => r.consentVersion)).toEqual([currentConsentVersion('report')]);
  });

  it('refuses a report with an unknown consent version and writes nothing', async () => {
    const res = await stack.request('/api/reports', {
      method: 'POST',
      json: reportBody({ consentVersion: '2020-01-01' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.fields.consentVersion?.code).toBe('consent_version_unknown');
    expect(await stack.db.select().from(tables.reports)).toHaveLength(0);
  });

  it('states the configured retention periods and current consent versions at GET /api/privacy', async () => {
    const res = await stack.request('/api/privacy');
    expect(res.status).toBe(200);
    const facts = ZPrivacyFacts.parse(await res.json());
    expect(facts.retention).toEqual({ registrantDays: 45, reporterDays: 21, contactDays: 120 });
    expect(facts.controller.name).toBe('Test Coalition');
    expect(facts.consentVersions).toEqual({
      registration: currentConsentVersion('registration'),
      report: currentConsentVersion('report'),
    });
  });
});
