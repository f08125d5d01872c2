import type { TAdminTheme, TCreateThemeInput, TUpdateThemeInput } from '@convene/shared';
import { adminRequest, field } from './admin-request';

/* The taxonomy editor's calls (admins); the list itself is getThemes in ./endpoints. */

export const createTheme = (body: TCreateThemeInput) =>
  adminRequest<TAdminTheme>('/api/admin/themes', (s) => field('theme', s.ZAdminTheme), { method: 'POST', body });

export const updateTheme = (slug: string, body: TUpdateThemeInput) =>
  adminRequest<TAdminTheme>(`/api/admin/themes/${encodeURIComponent(slug)}`, (s) => field('theme', s.ZAdminTheme), {
    method: 'PATCH',
    body,
  });

export const reorderThemes = (slugs: string[]) =>
  adminRequest<TAdminTheme[]>('/api/admin/themes/order', (s) => field('themes', s.ZAdminTheme.array()), {
    method: 'POST',
    body: { slugs },
  });
