import type { TBriefEditorial, TBriefEditorialView, TExportFormat, TLanguage } from '@convene/shared';
import type { Parser } from '../../common/api/http';
import { adminRequest } from '../api/admin-request';

/*
 * The brief's editorial parts and the downloads in a language. The answer's shape is checked
 * here by hand (as the frozen list is): the workspace's schema chunk stays as it is.
 */

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const editorialView: Parser<TBriefEditorialView> = {
  safeParse(value) {
    if (!isRecord(value) || !isRecord(value.editorial) || !isRecord(value.codes)) return { success: false };
    const e = value.editorial;
    const ok =
      typeof value.themeSlug === 'string' &&
      isRecord(e.summary) &&
      isRecord(e.closingNote) &&
      Array.isArray(e.keyBarriers) &&
      Array.isArray(e.keyRecommendations) &&
      Array.isArray(e.quotes);
    return ok ? { success: true, data: value as TBriefEditorialView } : { success: false };
  },
};

export const getBriefEditorial = (theme: string, signal?: AbortSignal) =>
  adminRequest<TBriefEditorialView>(`/api/admin/compilations/brief/${encodeURIComponent(theme)}`, () => editorialView, {
    signal,
  });

export const putBriefEditorial = (theme: string, editorial: TBriefEditorial) =>
  adminRequest<TBriefEditorialView>(`/api/admin/compilations/brief/${encodeURIComponent(theme)}`, () => editorialView, {
    method: 'PUT',
    body: editorial,
  });

const lang = (language: TLanguage) => (language === 'en' ? '' : `?lang=${language}`);

export const liveBriefUrl = (theme: string, format: TExportFormat, language: TLanguage) =>
  `/api/admin/compilations/live/${encodeURIComponent(theme)}/export.${format}${lang(language)}`;

export const frozenBriefUrl = (id: string, format: TExportFormat, language: TLanguage) =>
  `/api/admin/compilations/${encodeURIComponent(id)}/export.${format}${lang(language)}`;
