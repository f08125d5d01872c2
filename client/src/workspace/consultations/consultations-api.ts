import type { TAdminConsultation, TCreateConsultation, TPublication, TUpdateConsultation } from '@convene/shared';
import { adminRequest, field } from '../api/admin-request';

type Signal = AbortSignal | undefined;

export const listConsultations = (signal?: Signal) =>
  adminRequest<TAdminConsultation[]>(
    '/api/admin/consultations',
    (s) => field('consultations', s.ZAdminConsultation.array()),
    { signal },
  );

export const createConsultation = (body: TCreateConsultation) =>
  adminRequest<TAdminConsultation>('/api/admin/consultations', (s) => field('consultation', s.ZAdminConsultation), {
    method: 'POST',
    body,
  });

export const updateConsultation = (id: string, body: TUpdateConsultation) =>
  adminRequest<TAdminConsultation>(
    `/api/admin/consultations/${encodeURIComponent(id)}`,
    (s) => field('consultation', s.ZAdminConsultation),
    { method: 'PATCH', body },
  );

export const cancelConsultation = (id: string) =>
  adminRequest<TAdminConsultation>(
    `/api/admin/consultations/${encodeURIComponent(id)}/cancel`,
    (s) => field('consultation', s.ZAdminConsultation),
    { method: 'POST' },
  );

export const getPublication = (compilationId: string, signal?: Signal) =>
  adminRequest<TPublication>(
    `/api/admin/compilations/${encodeURIComponent(compilationId)}/publication`,
    (s) => field('publication', s.ZPublication),
    { signal },
  );

export const setPublication = (compilationId: string, publish: boolean) =>
  adminRequest<TPublication>(
    `/api/admin/compilations/${encodeURIComponent(compilationId)}/publication`,
    (s) => field('publication', s.ZPublication),
    { method: publish ? 'POST' : 'DELETE' },
  );
