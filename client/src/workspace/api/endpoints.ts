import type {
  TAccount,
  TAdminReport,
  TAdminReportList,
  TAdminWebinar,
  TAuditEntry,
  TCampaign,
  TCampaignPreview,
  TCompilation,
  TCreateCampaign,
  TCreateWebinar,
  TExportFormat,
  TInviteAccount,
  TMe,
  TOutboxMessage,
  TOverview,
  TReportStatus,
  TRetentionForecast,
  TAdminThemeList,
  TUpdateAccount,
  TUpdateWebinar,
} from '@convene/shared';
import type { ApiResult, Parser } from '../../common/api/http';
import { adminRequest, anything, field } from './admin-request';

/*
 * One function per coordinator API the workspace calls, each parsed with its shared schema.
 */

type Signal = AbortSignal | undefined;

export const getMe = (signal?: Signal) =>
  adminRequest<TMe>('/api/auth/me', (s) => s.ZMe, { signal, signOutOn401: false });

export const login = (email: string, password: string) =>
  adminRequest<TMe>('/api/auth/login', (s) => s.ZMe, {
    method: 'POST',
    body: { email, password },
    signOutOn401: false,
  });

export const logout = () => adminRequest('/api/auth/logout', () => anything, { method: 'POST', signOutOn401: false });

/** The whole taxonomy (inactive themes and the orientation too): reports and webinars keep their themes. */
export const getThemes = (signal?: Signal) =>
  adminRequest<TAdminThemeList>('/api/admin/themes', (s) => s.ZAdminThemeList, { signal });

export const getOverview = (signal?: Signal) =>
  adminRequest<TOverview>('/api/admin/overview', (s) => s.ZOverview, { signal });

/** Admins: the retention periods and what falls due when. */
export const getRetention = (signal?: Signal) =>
  adminRequest<TRetentionForecast>('/api/admin/retention', (s) => s.ZRetentionForecast, { signal });

/** The filters of the reports list, as the query string carries them (all optional). */
export type ReportQuery = Partial<
  Record<
    | 'theme'
    | 'region'
    | 'country'
    | 'webinar'
    | 'language'
    | 'status'
    | 'from'
    | 'to'
    | 'q'
    | 'merged'
    | 'withdrawn'
    | 'page',
    string
  >
>;

export const REPORT_QUERY_KEYS = [
  'theme',
  'region',
  'country',
  'webinar',
  'language',
  'status',
  'from',
  'to',
  'q',
  'merged',
  'withdrawn',
  'page',
] as const satisfies readonly (keyof ReportQuery)[];

/** "?theme=…&region=…" with the non-empty filters only. */
export function queryString(query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const REPORTS_PAGE_SIZE = 25;

export const listReports = (query: ReportQuery, signal?: Signal, pageSize = REPORTS_PAGE_SIZE) =>
  adminRequest<TAdminReportList>(
    `/api/admin/reports${queryString({ ...query, pageSize: String(pageSize) })}`,
    (s) => s.ZAdminReportList,
    { signal },
  );

export const reportsCsvUrl = (query: ReportQuery) => {
  const { page: _page, ...filters } = query;
  return `/api/admin/reports/export.csv${queryString(filters)}`;
};

const reportOf = (s: { ZAdminReport: Parser<TAdminReport> }) => field('report', s.ZAdminReport);

export const getReport = (id: string, signal?: Signal) =>
  adminRequest<TAdminReport>(`/api/admin/reports/${encodeURIComponent(id)}`, reportOf, { signal });

export type ReportUpdate = {
  status?: TReportStatus;
  themes?: { slug: string; subtopics: string[] }[];
  redaction?: { barriers: string; recommendations: string; source: string } | null;
};

export const updateReport = (id: string, update: ReportUpdate) =>
  adminRequest<TAdminReport>(`/api/admin/reports/${encodeURIComponent(id)}`, reportOf, {
    method: 'PATCH',
    body: update,
  });

export const addNote = (id: string, text: string) =>
  adminRequest<TAdminReport>(`/api/admin/reports/${encodeURIComponent(id)}/notes`, reportOf, {
    method: 'POST',
    body: { text },
  });

export const getLiveCompilation = (theme: string, signal?: Signal) =>
  adminRequest<TCompilation>(
    `/api/admin/compilations/live/${encodeURIComponent(theme)}`,
    (s) => field('compilation', s.ZCompilation),
    { signal },
  );

export const liveExportUrl = (theme: string, format: TExportFormat) =>
  `/api/admin/compilations/live/${encodeURIComponent(theme)}/export.${format}`;

export const frozenExportUrl = (id: string, format: TExportFormat) =>
  `/api/admin/compilations/${encodeURIComponent(id)}/export.${format}`;

export type FrozenSummary = {
  id: string;
  themeSlug: string;
  number: number;
  frozenAt: string;
  frozenBy: string | null;
  reports: number;
  /** Codes of reports it holds that were withdrawn after it was frozen. */
  withdrawnSince: string[];
};

// The list's shape has no shared schema of its own: checked here, field by field.
const frozenList: Parser<FrozenSummary[]> = {
  safeParse(value) {
    const list = (value as { compilations?: unknown } | null)?.compilations;
    if (!Array.isArray(list)) return { success: false };
    const ok = list.every((c: unknown) => {
      const x = c as Record<string, unknown> | null;
      return (
        typeof x?.id === 'string' &&
        typeof x.themeSlug === 'string' &&
        typeof x.number === 'number' &&
        typeof x.frozenAt === 'string' &&
        (x.frozenBy === null || typeof x.frozenBy === 'string') &&
        typeof x.reports === 'number' &&
        Array.isArray(x.withdrawnSince) &&
        x.withdrawnSince.every((code) => typeof code === 'string')
      );
    });
    return ok ? { success: true, data: list as FrozenSummary[] } : { success: false };
  },
};

export const listFrozen = (theme: string, signal?: Signal) =>
  adminRequest<FrozenSummary[]>(`/api/admin/compilations${queryString({ theme })}`, () => frozenList, { signal });

export const freezeCompilation = (themeSlug: string) =>
  adminRequest<TCompilation>('/api/admin/compilations', (s) => field('compilation', s.ZCompilation), {
    method: 'POST',
    body: { themeSlug },
  });

export const listWebinars = (signal?: Signal) =>
  adminRequest<TAdminWebinar[]>('/api/admin/webinars', (s) => field('webinars', s.ZAdminWebinar.array()), {
    signal,
  });

const webinarOf = (s: { ZAdminWebinar: Parser<TAdminWebinar> }) => field('webinar', s.ZAdminWebinar);

export const createWebinar = (body: Partial<TCreateWebinar>) =>
  adminRequest<TAdminWebinar>('/api/admin/webinars', webinarOf, { method: 'POST', body });

export const updateWebinar = (id: string, body: TUpdateWebinar) =>
  adminRequest<TAdminWebinar>(`/api/admin/webinars/${encodeURIComponent(id)}`, webinarOf, {
    method: 'PATCH',
    body,
  });

export const cancelWebinar = (id: string) =>
  adminRequest<TAdminWebinar>(`/api/admin/webinars/${encodeURIComponent(id)}/cancel`, webinarOf, {
    method: 'POST',
  });

export const completeWebinar = (id: string, recordingUrl: string | null) =>
  adminRequest<TAdminWebinar>(`/api/admin/webinars/${encodeURIComponent(id)}/complete`, webinarOf, {
    method: 'POST',
    body: { recordingUrl },
  });

export const listCampaigns = (signal?: Signal) =>
  adminRequest<TCampaign[]>('/api/admin/campaigns', (s) => field('campaigns', s.ZCampaign.array()), { signal });

export const previewCampaign = (body: TCreateCampaign) =>
  adminRequest<TCampaignPreview>('/api/admin/campaigns/preview', (s) => s.ZCampaignPreview, {
    method: 'POST',
    body,
  });

export const sendCampaign = (body: TCreateCampaign) =>
  adminRequest<TCampaign>('/api/admin/campaigns', (s) => field('campaign', s.ZCampaign), { method: 'POST', body });

export const listOutbox = (signal?: Signal) =>
  adminRequest<TOutboxMessage[]>('/api/admin/outbox', (s) => field('messages', s.ZOutboxList.shape.messages), {
    signal,
  });

export const listAccounts = (signal?: Signal) =>
  adminRequest<TAccount[]>('/api/admin/accounts', (s) => field('accounts', s.ZAccount.array()), { signal });

/** inviteUrl: only without a mail server (local outbox); otherwise the link is mailed, never shown. */
export type InvitationCreated = { account: TAccount; inviteUrl: string | null; expiresAt: string };

export const inviteAccount = (body: TInviteAccount) =>
  adminRequest<InvitationCreated>('/api/admin/accounts/invitations', (s) => s.ZInvitationCreated, {
    method: 'POST',
    body,
  });

export const updateAccount = (id: string, body: TUpdateAccount) =>
  adminRequest<TAccount>(`/api/admin/accounts/${encodeURIComponent(id)}`, (s) => field('account', s.ZAccount), {
    method: 'PATCH',
    body,
  });

export const AUDIT_PAGE_SIZE = 100;

export const listAudit = (before: string | null, signal?: Signal) =>
  adminRequest<TAuditEntry[]>(
    `/api/admin/audit${queryString({ limit: String(AUDIT_PAGE_SIZE), before: before ?? undefined })}`,
    (s) => field('entries', s.ZAuditEntry.array()),
    { signal },
  );

export type { ApiResult };

/** A new invitation link, mailed; the pending one stops working. */
export const resendInvitation = (id: string) =>
  adminRequest<InvitationCreated>(
    `/api/admin/accounts/${encodeURIComponent(id)}/invitation`,
    (s) => s.ZInvitationCreated,
    {
      method: 'POST',
    },
  );

/** Withdraws an account's pending invitation. */
export const revokeInvitation = (id: string) =>
  adminRequest<TAccount>(
    `/api/admin/accounts/${encodeURIComponent(id)}/invitation`,
    (s) => field('account', s.ZAccount),
    {
      method: 'DELETE',
    },
  );
