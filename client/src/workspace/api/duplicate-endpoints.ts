import type { TMergeResult } from '@convene/shared';
import { adminRequest } from './admin-request';

/* Near-duplicate reports: merge one into another (the one kept), and undo it. */

export const mergeReport = (id: string, into: string) =>
  adminRequest<TMergeResult>(`/api/admin/reports/${encodeURIComponent(id)}/merge`, (s) => s.ZMergeResult, {
    method: 'POST',
    body: { into },
  });

export const unmergeReport = (id: string) =>
  adminRequest<TMergeResult>(`/api/admin/reports/${encodeURIComponent(id)}/merge`, (s) => s.ZMergeResult, {
    method: 'DELETE',
  });
